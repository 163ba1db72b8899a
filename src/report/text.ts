/**
 * Plain-text layout for a terminal: aligned columns and prose wrapped at 80 columns without ever
 * breaking a number ("29 000 000 kr" stays on one line).
 */

/** The width of every table and wrapped paragraph. */
export const WIDTH = 80;

/** Column alignment. */
export type Align = "left" | "right";

/** Columns in characters (code points), so that å, ä, ö count once. */
export function textWidth(s: string): number {
  return [...s].length;
}

/**
 * Lays out rows in aligned columns; the first row is the header, a `null` row is a rule.
 *
 * @example
 * ```ts
 * renderColumns([["Kod", "Belopp"], null, ["20", "1 000"]], ["left", "right"]);
 * // ["Kod  Belopp", "-----------", "20    1 000"]
 * ```
 */
export function renderColumns(rows: (readonly string[] | null)[], align: readonly Align[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r?.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(c))));
  const total = widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1);
  return rows.map((r) => {
    if (r === null) return "-".repeat(total);
    return r
      .map((c, i) => {
        const pad = " ".repeat(widths[i]! - textWidth(c));
        return align[i] === "right" ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  });
}

// Spaces that must not break: inside a grouped number ("1 309 672") and between a number and its unit.
const GLUE = "\u0000";
function glue(text: string): string {
  return text
    .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${GLUE}`)
    .replace(/(\d) (?=(kr|%|år|personer)\b)/g, `$1${GLUE}`)
    .replace(/stimulansmedel [^,;:()]*?(?=[,;:()]|\.(\s|$)|$)/g, (command) => command.replace(/ /g, GLUE));
}

/**
 * Wraps prose at word boundaries to the width, indenting continuation lines; numbers and their
 * units are never split across lines.
 *
 * @example
 * ```ts
 * wrap("Potten, 29 000 000 kr, går till SKR.", "", 20); // ["Potten, 29 000 000", "  kr, …"] never
 * ```
 */
export function wrap(text: string, indent = "  ", width = WIDTH): string[] {
  const out: string[] = [];
  let line = indent;
  for (const raw of glue(text).split(/[ \t\n]+/)) {
    const word = raw.split(GLUE).join(" ");
    if (word === "") continue;
    if (line.trim() !== "" && textWidth(line) + 1 + textWidth(word) > width) {
      out.push(line);
      line = `${indent}  ${word}`;
    } else line = line.trim() === "" ? `${line}${word}` : `${line} ${word}`;
  }
  if (line.trim() !== "") out.push(line);
  return out;
}

/**
 * Shortens a name to `max` characters with "…".
 *
 * @example
 * ```ts
 * truncate("Region Västra Götaland", 10); // "Region Vä…"
 * ```
 */
export function truncate(s: string, max: number): string {
  return textWidth(s) > max ? `${[...s].slice(0, max - 1).join("")}…` : s;
}
