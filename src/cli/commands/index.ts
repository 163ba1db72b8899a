import type { Command } from "../command.js";
import { agreementsCommand } from "./agreements.js";
import { allocateCommand } from "./allocate.js";
import { compareCommand } from "./compare.js";
import { explainCommand } from "./explain.js";
import { inferCommand } from "./infer.js";
import { populationCommand } from "./population.js";
import { validateCommand } from "./validate.js";
import { verifyCommand } from "./verify.js";

/** Every command, in the order the main help lists them. Add a command: one file, one line here. */
export const COMMANDS: readonly Command[] = [allocateCommand, explainCommand, compareCommand, verifyCommand, inferCommand, validateCommand, agreementsCommand, populationCommand];
