/**
 * Tells zod (the library's agreement schema) never to compile validators with `new Function`.
 * The page's policy refuses evaluating strings, and zod would otherwise probe whether it may,
 * which the browser reports as a policy violation. Imported first by main.ts: zod reads the
 * setting when the schemas are built, as the library's modules load.
 */
import { config } from "zod";

config({ jitless: true });
