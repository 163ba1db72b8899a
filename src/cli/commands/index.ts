import type { CommandDecl } from "../spec.js";
import { agreementsCommand } from "./agreements.js";
import { allocateCommand } from "./allocate.js";
import { compareCommand } from "./compare.js";
import { explainCommand } from "./explain.js";
import { inferCommand } from "./infer.js";
import { populationFetchCommand, populationListCommand } from "./population.js";
import { validateCommand } from "./validate.js";
import { verifyCommand } from "./verify.js";

/** Every command, in the order the main help lists them. Add a command: one file, one line here. */
export const COMMANDS: readonly CommandDecl[] = [
  allocateCommand,
  explainCommand,
  compareCommand,
  verifyCommand,
  inferCommand,
  validateCommand,
  agreementsCommand,
  populationFetchCommand,
  populationListCommand,
];
