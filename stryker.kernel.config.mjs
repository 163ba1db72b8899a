// `npx stryker run stryker.kernel.config.mjs`: the share kernel and the bases
// (src/allocation/kernel.ts, bases.ts) against their unit tests and the engine's
// (vitest.stryker.kernel.config.ts; a lower bound, see docs/mutation.md).
import { area } from "./stryker.area.mjs";

export default area("kernel", ["src/allocation/kernel.ts", "src/allocation/bases.ts"]);
