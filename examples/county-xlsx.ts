/**
 * A county report to Excel: the 2025 allocation for one county (region, the county's joint
 * funds and its municipalities), one sheet per level plus a `Källor` sheet.
 *
 *   npx tsx examples/county-xlsx.ts [county] [out.xlsx]
 *   npx tsx examples/county-xlsx.ts Dalarna dalarna-2025.xlsx
 *
 * Without a file name the workbook goes to the system's temporary directory, so trying the
 * example from a checkout leaves nothing behind in the repository.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allocate, findCounty, formatKronor, selectAllocation } from "../src/index.js";
import { allocationToXlsx, loadBundledAgreement, loadBundledPopulation } from "../src/node.js";

const county = findCounty(process.argv[2] ?? "Dalarna");
const out = process.argv[3] ?? join(tmpdir(), `${county.code}-2025.xlsx`);

const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
const report = selectAllocation(result, { county: county.code });
writeFileSync(out, await allocationToXlsx(report));

const total = report.lines.reduce((s, l) => s + l.amount, 0n);
console.log(`${county.name}: ${report.lines.length} belopp, sammanlagt ${formatKronor(total)}${report.missing.length > 0 ? `, ${report.missing.length} saknas` : ""} → ${out}`);
