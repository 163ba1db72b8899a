// `npx stryker run stryker.model.config.mjs`: src/agreement/model.ts (the agreement helpers
// that rules.ts and the engine share) against the rules and allocation tests (a lower bound;
// see docs/mutation.md).
import { area } from "./stryker.area.mjs";

export default area("model", ["src/agreement/model.ts"]);
