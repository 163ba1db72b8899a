/**
 * What if pot 2 (barn och unga, municipalities) were 300 000 000 kr instead of 250 000 000 kr,
 * with a base of 250 000 kr per municipality instead of 200 000 kr? Edits the parsed agreement
 * in code and compares the county's municipalities before and after.
 *
 *   npx tsx examples/what-if.ts [county] [pot amount] [base]
 *   npx tsx examples/what-if.ts Dalarna 300000000 250000
 */
import { allocate, compareAllocations, findCounty, formatComparisonTable, selectAllocation, type Agreement } from "../src/index.js";
import { loadBundledAgreement, loadBundledPopulation } from "../src/node.js";

const county = findCounty(process.argv[2] ?? "Dalarna");
const newAmount = BigInt(process.argv[3] ?? "300000000");
const newBase = BigInt(process.argv[4] ?? "250000");

const agreement = loadBundledAgreement("2025");
const pot = agreement.pots.find((p) => p.id === "2")!;
if (pot.rule?.type !== "basePlusShare" || pot.amount === undefined) throw new Error("pot 2 is not base plus share");
const change = newAmount - pot.amount;

// The parsed agreement is plain data: copy it with the pot's amount and base changed, and keep
// the total and the municipal level total consistent with the new pot.
const whatIf: Agreement = {
  ...agreement,
  id: `${agreement.id}-what-if`,
  total: agreement.total! + change,
  ...(agreement.levelTotals ? { levelTotals: { ...agreement.levelTotals, municipality: agreement.levelTotals.municipality! + change } } : {}),
  pots: agreement.pots.map((p) => (p.id === "2" ? { ...p, amount: newAmount, rule: { ...pot.rule!, base: newBase } as typeof pot.rule } : p)),
};

const population = loadBundledPopulation("2024-11-01");
const selection = { county: county.code, pots: ["2"] };
const before = selectAllocation(allocate(agreement, population), selection);
const after = selectAllocation(allocate(whatIf, population), selection);
process.stdout.write(formatComparisonTable(compareAllocations(before, after)));
