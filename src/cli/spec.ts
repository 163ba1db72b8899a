/**
 * The declarative command line: one declaration per option drives parsing, validation and the
 * `--help` text, so the help cannot drift from what the parser accepts.
 *
 * The parser is small and strict on purpose: `--name value` and `--name=value`, `--` ends the
 * options, `-h` is `--help`; an unknown option, a missing value, a flag given a value, a repeated
 * option that is not repeatable, a value outside its allowed set and two options declared in
 * conflict are each a Swedish usage error naming the option.
 */
import { clipValue, raise } from "../errors.js";
import { own } from "../own.js";
import { WIDTH } from "../report/text.js";
import type { CliContext } from "./io.js";

/** One option. */
export interface OptionDecl {
  /** The long name, without dashes: `agreement`. */
  readonly name: string;
  /** The value's hint in the help (`ID|FIL`); absent for a flag. */
  readonly value?: string;
  /** Swedish, one sentence or a few; wrapped to the help's width. */
  readonly description: string;
  /** The allowed values (each item of a comma list when {@link commaList}). */
  readonly choices?: readonly string[];
  /** Other spellings of allowed values (Swedish words), read as the value they name. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** The value used when the option is not given, shown in the help. */
  readonly default?: string;
  /** May be given more than once; otherwise a second one is a usage error. */
  readonly repeatable?: boolean;
  /** A value may be a comma-separated list (`--pot 3a,3b`). */
  readonly commaList?: boolean;
  /** The value must be a date ÅÅÅÅ-MM-DD. */
  readonly date?: boolean;
  /** The value names a file read as input (so `--out` may not name it). */
  readonly input?: boolean;
}

/** The parsed arguments of one command. */
export interface Args {
  /** The value of a single-valued option, or its declared default. */
  string(name: string): string | undefined;
  /** Every value of an option, comma lists split, in the order given. */
  list(name: string): string[];
  /** Whether a flag was given. */
  flag(name: string): boolean;
  /** Whether an option was given at all. */
  has(name: string): boolean;
  readonly positionals: readonly string[];
}

/** A command: its declaration and what it does. */
export interface CommandDecl {
  /** `allocate`, or two words for a subcommand: `population fetch`. */
  readonly name: string;
  /** One line for the main help. */
  readonly summary: string;
  /** The usage lines after "Användning:", without the leading `stimulansmedel `. */
  readonly usage: readonly string[];
  /** Paragraphs of Swedish prose before the options (each wrapped). */
  readonly about?: readonly string[];
  readonly options: readonly OptionDecl[];
  /** Positional arguments: their name in the usage error, and how many. */
  readonly positionals?: { readonly what: string; readonly min: number; readonly max: number };
  /** Pairs of options that contradict each other. */
  readonly conflicts?: readonly (readonly [string, string])[];
  /** Example command lines (and indented sample output), verbatim. */
  readonly examples: readonly string[];
  /** The exit codes line(s), verbatim. */
  readonly exits?: readonly string[];
  run(args: Args, ctx: CliContext): number | Promise<number>;
}

/**
 * Options every command accepts.
 *
 * @example
 * ```ts
 * COMMON_OPTIONS.map((o) => o.name); // ["help", "debug"]
 * ```
 */
export const COMMON_OPTIONS: readonly OptionDecl[] = [
  { name: "help", description: "Visa den här hjälpen" },
  { name: "debug", description: "Visa hela felet med stack trace vid fel" },
];

/**
 * The exit codes, as documented in --help and the README.
 *
 * @example
 * ```ts
 * return result.missing.length > 0 ? EXIT.dataMissing : EXIT.ok;
 * ```
 */
export const EXIT = { ok: 0, usage: 1, badInput: 2, dataMissing: 3, differs: 4 } as const;

/**
 * The exit-code lines shared by commands that compute amounts.
 *
 * @example
 * ```ts
 * const decl = { ...allocateCommand, exits: EXITS_COMPUTE };
 * ```
 */
export const EXITS_COMPUTE = ["Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata eller", "           skrivfel, 3 data saknas för något av de valda beloppen."];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: 2024-13-01 and 2024-02-30 are not dates. */
function isDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Dashes a word processor or a keyboard layout puts where "--" was meant: en and em dash, minus, hyphens. */
const DASH_LOOKALIKE = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+(?=[^\s])/u;

function allOptions(decl: CommandDecl): readonly OptionDecl[] {
  return [...decl.options, ...COMMON_OPTIONS];
}

/**
 * Parses a command's arguments against its declaration.
 *
 * @throws UsageError `USAGE` naming the option or argument.
 * @example
 * ```ts
 * const args = parseCommand(allocateDecl, ["--county=20", "--format", "json"]);
 * args.string("county"); // "20"
 * ```
 */
export function parseCommand(decl: CommandDecl, argv: readonly string[]): Args {
  const options = allOptions(decl);
  const byName = new Map(options.map((o) => [o.name, o]));
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  let endOfOptions = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!endOfOptions && DASH_LOOKALIKE.test(arg)) {
      const shown = clipValue(arg);
      raise("USAGE", "dash-lookalike", { value: shown, meant: `--${arg.replace(DASH_LOOKALIKE, "").replace(/^-+/, "")}`.split("=")[0]! }, { value: shown });
    }
    if (endOfOptions || arg === "-" || !arg.startsWith("-")) {
      if (arg.trim() === "") raise("USAGE", "empty-argument", { command: decl.name });
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      endOfOptions = true;
      continue;
    }
    if (arg === "-h") {
      values.set("help", [...(values.get("help") ?? []), ""]);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") ? arg.slice(2, eq < 0 ? undefined : eq) : "";
    const option = byName.get(name);
    if (!option) raise("USAGE", "unknown-option", { option: eq < 0 ? arg : arg.slice(0, eq), command: decl.name }, { value: eq < 0 ? arg : arg.slice(0, eq) });
    let value: string;
    if (option.value === undefined) {
      if (eq >= 0) raise("USAGE", "flag-value", { option: name }, { value: arg });
      value = "";
    } else if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      // A value that looks like an option is taken as a forgotten value, not as the value.
      if (next === undefined || (next.startsWith("--") && next.length > 2)) raise("USAGE", "missing-value", { option: name, hint: option.value }, { value: arg });
      value = next;
      i++;
    }
    if (option.value !== undefined && value.trim() === "") raise("USAGE", "missing-value", { option: name, hint: option.value }, { value: arg });
    values.set(name, [...(values.get(name) ?? []), canonicalValue(option, value)]);
  }
  for (const [name, given] of values) {
    const option = byName.get(name)!;
    if (given.length > 1 && !option.repeatable && name !== "help" && name !== "debug") raise("USAGE", "repeated", { option: name }, { value: given.join(", ") });
    for (const raw of given) {
      for (const v of option.commaList ? raw.split(",").map((s) => s.trim()) : [raw]) {
        if (option.choices && !option.choices.includes(v)) raise("USAGE", "bad-choice", { option: name, value: v, allowed: option.choices }, { value: v });
        if (option.date && !isDate(v)) raise("USAGE", "not-a-date", { option: name, value: v }, { value: v });
      }
    }
  }
  // Standard input can be read once, whichever options or arguments name it.
  const stdin = [...options.filter((o) => o.input).flatMap((o) => values.get(o.name) ?? []), ...positionals].filter((v) => v === "-");
  if (stdin.length > 1) raise("USAGE", "stdin-twice", {}, { value: "-" });
  for (const [a, b] of decl.conflicts ?? []) if (values.has(a) && values.has(b)) raise("USAGE", "conflict", { first: a, second: b }, { value: `--${b}` });
  if (!values.has("help")) {
    const p = decl.positionals ?? { what: "", min: 0, max: 0 };
    if (positionals.length > p.max) {
      if (p.max === 0) raise("USAGE", "unexpected-argument", { command: decl.name, value: positionals[0]! }, { value: positionals[0]! });
      raise("USAGE", "too-many-arguments", { command: decl.name, values: positionals }, { value: positionals[p.max]! });
    }
    if (positionals.length < p.min) raise("USAGE", "too-few-arguments", { command: decl.name, what: p.what });
  }
  return {
    string(name) {
      const v = values.get(name);
      return v ? v[v.length - 1] : byName.get(name)?.default;
    },
    list(name) {
      const option = byName.get(name);
      const v = values.get(name) ?? (option?.default !== undefined ? [option.default] : []);
      return option?.commaList ? v.flatMap((s) => s.split(",").map((x) => x.trim())).filter((x) => x !== "") : [...v];
    },
    flag: (name) => values.has(name),
    has: (name) => values.has(name),
    positionals,
  };
}

/** Wraps words to a width, never breaking inside a word. */
function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (word === "") continue;
    if (line !== "" && [...line].length + 1 + [...word].length > width) {
      out.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") out.push(line);
  return out;
}

/** A value with its aliases replaced by the values they name (each item of a comma list). */
function canonicalValue(option: OptionDecl, value: string): string {
  const aliases = option.aliases;
  if (!aliases) return value;
  const one = (v: string) => {
    const word = v.trim().toLowerCase();
    return own(aliases, word) ?? v;
  };
  return option.commaList ? value.split(",").map(one).join(",") : one(value);
}

const OPTION_COLUMN = 24;

/** One option's help lines: what the declaration says, nothing else. */
function optionHelp(o: OptionDecl): string[] {
  const head = `  --${o.name}${o.value !== undefined ? ` ${o.value}` : ""}`;
  const extra: string[] = [];
  if (o.choices) {
    const aliases = Object.entries(o.aliases ?? {});
    const shown = o.choices.map((c) => {
      const words = aliases.filter(([, v]) => v === c).map(([a]) => a);
      return words.length > 0 ? `${c} (${words.join(", ")})` : c;
    });
    extra.push(`Värden: ${shown.join(", ")}.`);
  }
  if (o.default !== undefined) extra.push(`Standard: ${o.default}.`);
  if (o.repeatable) extra.push("Kan upprepas.");
  const words = wrapWords([o.description, ...extra].join(" "), WIDTH - OPTION_COLUMN);
  const pad = " ".repeat(OPTION_COLUMN);
  if ([...head].length <= OPTION_COLUMN - 2) return [`${head.padEnd(OPTION_COLUMN)}${words[0] ?? ""}`, ...words.slice(1).map((w) => `${pad}${w}`)];
  return [head, ...words.map((w) => `${pad}${w}`)];
}

/**
 * The `--help` text of a command, generated from its declaration.
 *
 * @example
 * ```ts
 * commandHelp(allocateDecl).includes("--format FORMAT"); // true
 * ```
 */
export function commandHelp(decl: CommandDecl): string {
  const title = `stimulansmedel ${decl.name} – ${decl.summary.charAt(0).toLowerCase()}${decl.summary.slice(1)}`;
  const lines = [...([...title].length <= WIDTH ? [title] : [`stimulansmedel ${decl.name}`, ...wrapWords(decl.summary, WIDTH)]), "", "Användning:"];
  // A usage line that starts with a space continues the one before it.
  for (const u of decl.usage) lines.push(u.startsWith(" ") ? `  ${" ".repeat("stimulansmedel ".length)}${u}` : `  stimulansmedel ${u}`);
  for (const paragraph of decl.about ?? []) lines.push("", ...wrapWords(paragraph, WIDTH));
  lines.push("", "Flaggor:");
  for (const o of allOptions(decl)) lines.push(...optionHelp(o));
  lines.push("", "Exempel:", ...decl.examples.map((e) => `  ${e}`));
  if (decl.exits) lines.push("", ...decl.exits);
  return `${lines.join("\n")}\n`;
}

/**
 * The value of an option given as a file, for `--out` checks: every `input` option's values.
 *
 * @example
 * ```ts
 * inputFiles(allocateDecl, args); // ["befolkning.csv"]
 * ```
 */
export function inputFiles(decl: CommandDecl, args: Args): string[] {
  return decl.options.filter((o) => o.input).flatMap((o) => args.list(o.name));
}
