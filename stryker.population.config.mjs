// `npx stryker run stryker.population.config.mjs`: src/population.ts against its own tests and
// the allocation tests (a lower bound; see docs/mutation.md).
import { area } from "./stryker.area.mjs";

export default area("population", ["src/population.ts"]);
