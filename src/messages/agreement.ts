/** Messages about agreement files: schema, invariants and what-if changes. */
import { defineMessages } from "./define.js";

export const agreementMessages = defineMessages({
  AGREEMENT_INVALID: {},
  AGREEMENT_POTS_DO_NOT_SUM: {},
  AGREEMENT_LEVEL_TOTAL: {},
  AGREEMENT_RULE_EXCEEDS_POT: {},
  AGREEMENT_UNKNOWN_RECIPIENT: {},
  AGREEMENT_NOT_FOUND: {},
  AGREEMENT_SCENARIO: {},
});
