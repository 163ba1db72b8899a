/**
 * The 2025 allocation on two population dates — 1 November 2024 (the agreement's) and
 * 31 December 2024 — for one county. 31 December has only total population, so pot 2 (by ages
 * 0–18) cannot be computed on that side and is reported missing, not zero.
 *
 *   npx tsx examples/compare-dates.ts [county]
 */
import { allocate, compareAllocations, findCounty, formatComparisonTable, selectAllocation } from "../src/index.js";
import { loadBundledAgreement, loadBundledPopulation } from "../src/node.js";

const county = findCounty(process.argv[2] ?? "Dalarna");
const agreement = loadBundledAgreement("2025");
const selection = { county: county.code };
const november = selectAllocation(allocate(agreement, loadBundledPopulation("2024-11-01")), selection);
const december = selectAllocation(allocate(agreement, loadBundledPopulation("2024-12-31")), selection);
process.stdout.write(formatComparisonTable(compareAllocations(november, december)));
