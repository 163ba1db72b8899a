/**
 * Another tool using the API: the 2025 allocation for one county as typed data, then the same
 * allocation through the JSON contract (`allocate --format json`), which is what a program in
 * another language would read.
 *
 *   npx tsx examples/api.ts [county]
 */
import { allocate, explain, findCounty, formatKronor, selectAllocation, toJson, type AllocationJson } from "../src/index.js";
import { loadBundledAgreement, loadBundledPopulation } from "../src/node.js";

const county = findCounty(process.argv[2] ?? "Dalarna");
const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
const mine = selectAllocation(result, { county: county.code });

for (const t of mine.totals) {
  const amount = t.amount === null ? `saknas (${t.unknown} belopp)` : formatKronor(t.amount);
  console.log(`${t.name.padEnd(24)} ${amount.padStart(16)}`);
}
console.log();
console.log(explain(result, county.regionName, "4b").text.join("\n"));

// The JSON contract: amounts are integer kronor, missing amounts are listed, never zero.
const doc: AllocationJson = JSON.parse(JSON.stringify(toJson(mine)));
const perLevel = new Map<string, number>();
for (const a of doc.allocations) perLevel.set(a.level, (perLevel.get(a.level) ?? 0) + a.amount);
console.log();
console.log(`JSON-kontraktet (${doc.agreement}, befolkning ${doc.referenceDate}):`);
for (const [level, sum] of perLevel) console.log(`  ${level.padEnd(13)} ${formatKronor(sum).padStart(16)}`);
console.log(`  saknas: ${doc.missing.length} belopp`);
