import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatInteger } from "../../src/format.js";
import { ORACLES } from "../helpers.js";

/** SKR's women's-health table of a year, as the file in tests/oracles holds it. */
export function womensHealthCsv(year: 2022 | 2023 | 2024): string {
  return readFileSync(resolve(ORACLES, "kvinnors-halsa", `${year}.csv`), "utf8");
}

/** The population column of a women's-health table: its header in the file. */
export const POPULATION_COLUMN = { 2022: "belopp_kr", 2023: "belopp_befolkning_kr", 2024: "belopp_befolkning_kr" } as const;

/** The same table read with a plain split (no project code): [code, name, amount] and the 00 total. */
export function womensHealthPlain(year: 2022 | 2023 | 2024): { rows: [string, string, bigint][]; total: bigint } {
  const [header, ...lines] = womensHealthCsv(year).trim().split("\n");
  const cols = header!.split(",");
  const at = cols.indexOf(POPULATION_COLUMN[year]);
  const rows = lines.map((l) => l.split(",")).map((c): [string, string, bigint] => [c[0]!, c[1]!, BigInt(c[at]!)]);
  return { rows: rows.filter((r) => r[0] !== "00"), total: rows.find((r) => r[0] === "00")![2] };
}

/** The table as text pasted from SKR's page: "Stockholm 333 075 571", and a total line. */
export function womensHealthText(year: 2022 | 2023 | 2024, options: { total?: boolean; edit?: (code: string, printed: string) => string } = {}): string {
  const { rows, total } = womensHealthPlain(year);
  const lines = ["Fördelning av medel", "Region Belopp (kr)"];
  for (const [code, name, amount] of rows) lines.push(`${name} ${options.edit ? options.edit(code, formatInteger(amount)) : formatInteger(amount)}`);
  if (options.total !== false) lines.push(`Totalt ${formatInteger(total)}`);
  return `${lines.join("\n")}\n`;
}
