import type { Command } from "../command.js";
import { agreementsCommand } from "./agreements.js";
import { allocateCommand } from "./allocate.js";

/** Every command, in the order the main help lists them. Add a command: one file, one line here. */
export const COMMANDS: readonly Command[] = [allocateCommand, agreementsCommand];
