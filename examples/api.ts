/**
 * Another tool using the API: the 2025 allocation for one county as typed data.
 *
 *   npx tsx examples/api.ts [county]
 */
import { allocate, explain, findCounty, formatKronor, selectAllocation } from "../src/index.js";
import { loadBundledAgreement, loadBundledPopulation } from "../src/node.js";

const county = findCounty(process.argv[2] ?? "Dalarna");
const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
const mine = selectAllocation(result, { county: county.code });

for (const t of mine.totals) console.log(`${t.name.padEnd(24)} ${formatKronor(t.amount).padStart(16)}${t.complete ? "" : "  (ofullständigt)"}`);
console.log();
console.log(explain(result, county.regionName, "4b").text.join("\n"));
