/**
 * What both SCB CSV readers (the general one in scb.ts, the one-pass one in scb-fast.ts) build a
 * dataset with: the age classes a key needs, and the source the dataset names. Not exported from
 * the package.
 */
import { parseKey, TOP_AGE, type PopulationSource } from "../population.js";
import type { ScbMeta } from "./scb.js";

/**
 * The age classes a key needs from an SCB file: the "totalt ålder" row for `total` when the file
 * has one, the single years of the band otherwise.
 *
 * @example
 * ```ts
 * keyAgeClasses("0-2", true); // [0, 1, 2]
 * keyAgeClasses("total", true); // ["total"]
 * ```
 */
export function keyAgeClasses(key: string, hasTotalRow: boolean): (number | "total")[] {
  const parsed = parseKey(key);
  if (parsed.kind === "total" && hasTotalRow) return ["total"];
  const from = parsed.kind === "total" ? 0 : parsed.from;
  const to = parsed.kind === "total" ? TOP_AGE : parsed.to;
  return Array.from({ length: to - from + 1 }, (_, i) => i + from);
}

/**
 * The source an SCB file's dataset names: its title (or the file), SCB's table, and a note of the
 * layout, the period used and what the reader noticed.
 *
 * @example
 * ```ts
 * scbSource({ format: "SCB CSV", tableId: "TAB638" }, "f.csv", "2024", []).origin; // "SCB TAB638"
 * ```
 */
export function scbSource(meta: ScbMeta, file: string | undefined, period: string, notes: readonly string[]): PopulationSource {
  const source: PopulationSource = {
    title: meta.title ?? file ?? "SCB-tabell",
    ...(meta.tableId ? { origin: `SCB ${meta.tableId}` } : {}),
    derived: false,
    ...meta.source,
  };
  source.note = [meta.format, `period ${period || "(ingen)"}`, ...notes, ...(meta.source?.note ? [meta.source.note] : [])].join("; ");
  return source;
}
