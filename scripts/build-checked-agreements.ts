/**
 * Validates the bundled agreements at build time (`npm run build` runs this first) and writes
 * data/checked/agreements.json: each agreement as parseAgreement returns it, amounts tagged as
 * `{ "$kr": "…" }`, with the sha256 of its source file. loadBundledAgreement reads this form
 * without zod; tests/agreements/checked.test.ts holds it equal to parsing the sources.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAgreement } from "../src/rules.js";
import { encodeChecked } from "../src/node/bundled.js";

const ROOT = resolve(import.meta.dirname, "..");

/**
 * The checked form of every agreement in data/agreements/ as JSON text.
 *
 * @example
 * ```ts
 * JSON.parse(checkedAgreements(process.cwd())).agreements["2025"].sha256;
 * ```
 */
export function checkedAgreements(root: string): string {
  const dir = join(root, "data", "agreements");
  const agreements: Record<string, unknown> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const bytes = readFileSync(join(dir, f));
    const file = `data/agreements/${f}`;
    agreements[f.replace(/\.json$/, "")] = { file, sha256: createHash("sha256").update(bytes).digest("hex"), agreement: parseAgreement(JSON.parse(bytes.toString("utf8")), file) };
  }
  return `${encodeChecked({ format: 1, agreements })}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(join(ROOT, "data", "checked"), { recursive: true });
  writeFileSync(join(ROOT, "data", "checked", "agreements.json"), checkedAgreements(ROOT));
  console.log("wrote data/checked/agreements.json");
}
