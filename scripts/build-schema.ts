/**
 * Writes data/agreement.schema.json from the zod schema (npm run schema). A test checks that the
 * committed file equals a fresh generation, so run this after changing src/rules.ts.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { agreementJsonSchema } from "../src/rules.js";

const out = resolve(import.meta.dirname, "..", "data", "agreement.schema.json");
writeFileSync(out, `${JSON.stringify(agreementJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
