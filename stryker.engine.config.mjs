// `npx stryker run stryker.engine.config.mjs`: the allocation engine (src/allocation/engine.ts)
// against the allocation tests only (vitest.stryker.allocation.config.ts; a lower bound, see
// docs/mutation.md).
import { area } from "./stryker.area.mjs";

export default area("engine", ["src/allocation/engine.ts"], "allocation");
