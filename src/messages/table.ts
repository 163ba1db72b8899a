/** Messages about published tables read by `verify` and `infer`. */
import { defineMessages } from "./define.js";

export const tableMessages = defineMessages({});
