/** Messages about writing results: amounts a format cannot hold, files that cannot be written. */
import { defineMessages } from "./define.js";

export const outputMessages = defineMessages({
  OUTPUT_TOO_LARGE: {},
});
