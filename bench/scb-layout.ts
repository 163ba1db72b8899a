/**
 * Renders single-year population data in the layout of a CSV saved from SCB's Statistikdatabasen
 * (PxWeb): Windows-1252 bytes, a quoted title line, a blank line, a quoted header and one row per
 * municipality, age and sex with the count last:
 *
 * ```
 * "Folkmängd efter region, ålder, kön och år"
 *
 * "region","ålder","kön","2019"
 * "0114 Upplands Väsby","0 år","män",271
 * ```
 *
 * Used by the loading bench to time parsePopulation on a realistic file of 58 580 rows.
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";

/** One cell of the table. */
export interface ScbRow {
  /** Municipality code, e.g. `0114`. */
  code: string;
  /** Municipality name, e.g. `Upplands Väsby`. */
  name: string;
  /** 0…100, where 100 is SCB's open class `100+ år`. */
  age: number;
  /** `män` or `kvinnor`; absent when the table is not split by sex. */
  sex?: "män" | "kvinnor";
  count: number;
}

/** SCB's age label: `0 år`, `99 år`, `100+ år`. */
export function ageLabel(age: number): string {
  return age >= 100 ? "100+ år" : `${age} år`;
}

/**
 * The table as text in SCB's CSV layout (CRLF line ends, as SCB writes them). Rows are ordered
 * region, age, sex (men before women, as in SCB's tables). With no `sex` on any row the `kön`
 * column is left out, as in a table that was not split by sex.
 *
 * @example
 * ```ts
 * renderScbText([{ code: "0114", name: "Upplands Väsby", age: 0, sex: "män", count: 271 }], "2019");
 * // "\"Folkmängd efter region, ålder, kön och år\"\r\n\r\n\"region\",\"ålder\",\"kön\",\"2019\"\r\n..."
 * ```
 */
export function renderScbText(rows: readonly ScbRow[], year: string): string {
  const bySex = rows.some((r) => r.sex !== undefined);
  const sexRank = (s: ScbRow["sex"]) => (s === "män" ? 0 : s === "kvinnor" ? 1 : 2);
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.age - b.age || sexRank(a.sex) - sexRank(b.sex)));
  const title = bySex ? "Folkmängd efter region, ålder, kön och år" : "Folkmängd efter region, ålder och år";
  const header = bySex ? `"region","ålder","kön","${year}"` : `"region","ålder","${year}"`;
  const lines = [`"${title}"`, "", header];
  for (const r of sorted) {
    lines.push(bySex ? `"${r.code} ${r.name}","${ageLabel(r.age)}","${r.sex}",${r.count}` : `"${r.code} ${r.name}","${ageLabel(r.age)}",${r.count}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** {@link renderScbText} encoded as Windows-1252, the encoding of SCB's CSV downloads. */
export function renderScbBytes(rows: readonly ScbRow[], year: string): Uint8Array {
  return new Uint8Array(iconv.encode(renderScbText(rows, year), "win1252"));
}

/**
 * Rows from ../shared/data/population/scb_kommun_alder_kon_2019-12-31_long.csv (columns
 * kommun_kod, kommun, lan_kod, alder, kon, folkmangd; 58 580 rows, split by sex).
 */
export function rowsFromSharedLong(path: string): ScbRow[] {
  const [header, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const cols = header!.split(",");
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${path}: no column ${name}`);
    return i;
  };
  const [iCode, iName, iAge, iSex, iCount] = [at("kommun_kod"), at("kommun"), at("alder"), at("kon"), at("folkmangd")];
  return lines.map((line) => {
    const v = line.split(",");
    const sex = v[iSex]!;
    if (sex !== "män" && sex !== "kvinnor") throw new Error(`${path}: unknown sex "${sex}"`);
    const age = v[iAge] === "100+" ? 100 : Number(v[iAge]);
    return { code: v[iCode]!, name: v[iName]!, age, sex, count: Number(v[iCount]) };
  });
}

/**
 * Rows from a dataset's single-year ages (no sex split), named from the geography: the fallback
 * when ../shared is not there (29 290 rows instead of 58 580).
 */
export function rowsFromAges(ages: ReadonlyMap<string, readonly (bigint | undefined)[]>, nameOf: (code: string) => string): ScbRow[] {
  const rows: ScbRow[] = [];
  for (const [code, vector] of ages) {
    vector.forEach((n, age) => {
      if (n !== undefined) rows.push({ code, name: nameOf(code), age, count: Number(n) });
    });
  }
  return rows;
}
