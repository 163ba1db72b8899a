import { resolve } from "node:path";
import { ensureBuilt } from "../scripts/ensure-built.js";

// The CLI tests run the built dist/cli.js as a subprocess.
export default function setup(): void {
  ensureBuilt(resolve(import.meta.dirname, ".."));
}
