/**
 * Reads a dropped population file off the page's main thread, so a large file never freezes the
 * page: the library's parsePopulation (format and encoding detected), plus a look at a name
 * column the readers ignore, so the page can say so instead of staying silent.
 */
import { decodeText, detectPopulationFormat, foldName, getRecipient, parsePopulation, StimulansmedelError } from "../../../src/index.js";
import type { IgnoredNames, ParseRequest, ParseResponse } from "./protocol.js";

const scope = self as unknown as { onmessage: ((e: MessageEvent<ParseRequest>) => void) | null; postMessage(m: ParseResponse): void };

/** Columns of the project's CSV that carry a name the reader does not use (it goes by the code). */
const NAME_COLUMNS = /^(kommun|kommunnamn|namn|name|region|mottagare)$/i;

/**
 * The project's CSV reads only kommun_kod, nyckel/alder and antal: a name column beside the code
 * is ignored. Which one it is, and where a name does not belong to its code.
 */
function ignoredNames(text: string): IgnoredNames | undefined {
  if (detectPopulationFormat(text) !== "project-csv") return undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let i = 0;
  while (i < lines.length && (lines[i]!.trim() === "" || lines[i]!.startsWith("#"))) i++;
  const header = (lines[i] ?? "").split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  const codeAt = header.findIndex((h) => h.toLowerCase() === "kommun_kod");
  const nameAt = header.findIndex((h) => NAME_COLUMNS.test(h));
  if (codeAt < 0 || nameAt < 0) return undefined;
  const mismatches: { line: number; code: string; given: string; actual: string }[] = [];
  let mismatchCount = 0;
  for (let j = i + 1; j < lines.length; j++) {
    const cells = lines[j]!.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
    const code = cells[codeAt];
    const given = cells[nameAt];
    if (!code || !given || code === "00") continue;
    const actual = getRecipient("municipality", code)?.name;
    if (actual && foldName(actual) !== foldName(given) && foldName(`${actual} kommun`) !== foldName(given)) {
      mismatchCount++;
      if (mismatches.length < 5) mismatches.push({ line: j + 1, code, given, actual });
    }
  }
  return { column: header[nameAt]!, mismatches, mismatchCount };
}

scope.onmessage = (e) => {
  const { id, name, bytes, referenceDate } = e.data;
  const started = performance.now();
  try {
    const data = new Uint8Array(bytes);
    const dataset = parsePopulation(data, { file: name, ...(referenceDate ? { referenceDate } : {}) });
    const names = ignoredNames(decodeText(data, name).text);
    scope.postMessage({ id, ok: true, dataset, ...(names ? { ignoredNames: names } : {}), millis: performance.now() - started });
  } catch (err) {
    if (err instanceof StimulansmedelError) scope.postMessage({ id, ok: false, issues: err.issues.map((i) => ({ ...i })) });
    else scope.postMessage({ id, ok: false, unexpected: err instanceof Error ? err.message : String(err) });
  }
};
