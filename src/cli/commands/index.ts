import type { CommandDecl } from "../spec.js";

/**
 * A command as the main help lists it, with its declaration loaded on demand: `--help` prints
 * names and summaries without loading any command's module (and so none of the engine, the
 * readers or zod), and a run loads only the command it runs.
 */
export interface CommandEntry {
  readonly name: string;
  /** The declaration's own summary (a test holds the two equal). */
  readonly summary: string;
  load(): Promise<CommandDecl>;
}

/**
 * Every command, in the order the main help lists them. Add a command: one file, one entry here.
 *
 * @example
 * ```ts
 * const allocate = await COMMANDS.find((c) => c.name === "allocate")!.load();
 * ```
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "allocate", summary: "Fördela en överenskommelse på regioner, län, kommuner, SKR", load: async () => (await import("./allocate.js")).allocateCommand },
  { name: "explain", summary: "Förklara ett belopp pott för pott: regel, tal, avrundning", load: async () => (await import("./explain.js")).explainCommand },
  { name: "compare", summary: "Jämför två överenskommelser eller befolkningar per mottagare", load: async () => (await import("./compare.js")).compareCommand },
  { name: "verify", summary: "Kontrollera en publicerad tabell mot reglerna", load: async () => (await import("./verify.js")).verifyCommand },
  { name: "infer", summary: "Härled befolkningsunderlag och avrundning ur en tabell", load: async () => (await import("./infer.js")).inferCommand },
  { name: "validate", summary: "Kontrollera en överenskommelse eller befolkningsfil", load: async () => (await import("./validate.js")).validateCommand },
  { name: "agreements", summary: "Lista de inbyggda överenskommelserna och deras status", load: async () => (await import("./agreements.js")).agreementsCommand },
  { name: "population fetch", summary: "Hämta den befolkning en överenskommelse behöver från SCB", load: async () => (await import("./population.js")).populationFetchCommand },
  { name: "population list", summary: "Lista inbyggd befolkning och befolkning hämtad från SCB", load: async () => (await import("./population.js")).populationListCommand },
];

/**
 * Every command's full declaration, in {@link COMMANDS} order (for tests and generated docs).
 *
 * @example
 * ```ts
 * (await loadCommands()).map((c) => c.options.length);
 * ```
 */
export async function loadCommands(): Promise<CommandDecl[]> {
  return Promise.all(COMMANDS.map((c) => c.load()));
}
