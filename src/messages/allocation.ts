/** Messages about allocating: the kernels' inputs, explanations and selections. */
import { defineMessages } from "./define.js";

export const allocationMessages = defineMessages({
  ALLOCATION_NO_WEIGHT: {},
  ALLOCATION_INVALID_INPUT: {},
  ALLOCATION_UNKNOWN_RECIPIENT: {},
  ALLOCATION_UNKNOWN_POT: {},
});
