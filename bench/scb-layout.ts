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
 * Rows from a dataset's single-year ages (no sex split), named from the geography: 29 290 rows for
 * the bundled 2019 ages.
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

/**
 * Each row split into a `män` and a `kvinnor` row (half each, the odd person to `kvinnor`), so the
 * file has the 58 580 rows and the `kön` column of SCB's table by region, age and sex. The split is
 * made up; only the layout and the size matter to the bench, and the sexes sum back to the counts.
 *
 * @example
 * ```ts
 * splitBySex([{ code: "0114", name: "Upplands Väsby", age: 0, count: 537 }]);
 * // [{ …, sex: "män", count: 268 }, { …, sex: "kvinnor", count: 269 }]
 * ```
 */
export function splitBySex(rows: readonly ScbRow[]): ScbRow[] {
  return rows.flatMap((r) => {
    const men = Math.floor(r.count / 2);
    return [
      { ...r, sex: "män" as const, count: men },
      { ...r, sex: "kvinnor" as const, count: r.count - men },
    ];
  });
}
