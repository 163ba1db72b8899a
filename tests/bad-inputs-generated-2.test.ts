/**
 * The bad-input corpus's generated cases (sizes, depths and special files made at test time),
 * shard 2 of GENERATED_SHARDS in tests/support/bad-inputs.ts.
 */
import { describe } from "vitest";
import { generatedCaseTests } from "./support/bad-inputs.js";

describe("the bad-input corpus", () => generatedCaseTests(2));
