/** Messages about the command line and files written or read by it. */
import { defineMessages } from "./define.js";

export const usageMessages = defineMessages({
  USAGE: {},
  IO: {},
});
