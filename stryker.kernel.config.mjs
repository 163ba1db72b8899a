// `npx stryker run stryker.kernel.config.mjs`: the share kernel, its bound and floor division and
// the bases (src/allocation/kernel.ts, src/exact-double.ts, bases.ts) against their unit tests and
// the engine's (vitest.stryker.kernel.config.ts; a lower bound, see docs/mutation.md).
import { area } from "./stryker.area.mjs";

export default area("kernel", ["src/allocation/kernel.ts", "src/allocation/bases.ts", "src/exact-double.ts"]);
