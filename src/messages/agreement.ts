/** Messages about agreement files: schema, invariants and what-if changes. */
import type { Level } from "../geography/index.js";
import type { Rule } from "../rules.js";
import { formatInteger } from "../format.js";
import { defineMessages, enList, enOr, msg, svList, svOr } from "./define.js";
import { JSON_READER_MESSAGES } from "./json.js";

/** A whole number of kronor in Swedish style, from its digits. */
const kr = (digits: string): string => (/^-?\d+$/.test(digits) ? `${formatInteger(BigInt(digits))} kr` : `${digits} kr`);
const LEVEL_SV: Record<string, string> = { region: "region", county: "län", municipality: "kommun", skr: "SKR", split: "delad", unknown: "okänd" } satisfies Record<Level | "split" | "unknown", string>;
const LEVELS_SV: Record<string, string> = { region: "regionpottarna", county: "länspottarna", municipality: "kommunpottarna", skr: "SKR:s pottar" } satisfies Record<Level, string>;
const sv = (level: string) => LEVEL_SV[level] ?? level;
const RULE_SV: Record<string, string> = {
  fixed: "hela potten till en mottagare",
  perRecipient: "samma belopp per mottagare",
  basePlusShare: "grundbelopp plus andel efter befolkning",
  share: "andel efter befolkning",
  stated: "angivna belopp per mottagare",
  splitLevels: "delad mellan nivåer",
} satisfies Record<Rule["type"], string>;
const rule = (r: string) => RULE_SV[r] ?? "okänd";

export const agreementMessages = defineMessages({
  AGREEMENT_INVALID: {
    ...JSON_READER_MESSAGES,
    "number-range": msg<{ number: string }>(
      (p) => `the number ${p.number} is too large to be read as a number; write an amount as a text of digits`,
      (p) => `talet ${p.number} är för stort för att läsas som ett tal; skriv belopp som en text med siffror`,
    ),
    encoding: msg<{ reason: string }>(
      (p) => `the file is not UTF-8 text (${p.reason}); save the agreement as UTF-8`,
      (p) => `filen är inte text i UTF-8 (${p.reason}); spara överenskommelsen som UTF-8`,
    ),
    "file-too-large": msg<{ limit: string }>(
      (p) => `the file is larger than ${p.limit}, more than any agreement; is it the right file?`,
      (p) => `filen är större än ${p.limit}, mer än någon överenskommelse; är det rätt fil?`,
    ),
    type: msg<{ expected: string; got: string }>(
      (p) => `expected ${p.expected}, got ${p.got}`,
      (p) => `väntade ${p.expected}, fick ${p.got}`,
    ),
    required: msg<{ expected: string }>(
      (p) => `required: expected ${p.expected}`,
      (p) => `fältet saknas (${p.expected} väntas)`,
    ),
    "unknown-fields": msg<{ fields: readonly string[] }>(
      (p) => `unknown field${p.fields.length > 1 ? "s" : ""} ${enList(p.fields.map((f) => `"${f}"`))}`,
      (p) => `${p.fields.length > 1 ? "okända" : "okänt"} fält ${svList(p.fields.map((f) => `"${f}"`))}`,
    ),
    choice: msg<{ allowed: readonly string[]; got: string }>(
      (p) => `expected one of ${enOr(p.allowed.map((a) => `"${a}"`))}, got ${p.got}`,
      (p) => `väntade ${svOr(p.allowed.map((a) => `"${a}"`))}, fick ${p.got}`,
    ),
    "too-few": msg<{ minimum: number }>(
      (p) => `expected at least ${p.minimum} item${p.minimum === 1 ? "" : "s"}`,
      (p) => `minst ${p.minimum} ${p.minimum === 1 ? "post" : "poster"} behövs`,
    ),
    "empty-text": msg(
      () => "expected a non-empty text",
      () => "texten får inte vara tom",
    ),
    kronor: msg<{ got: string }>(
      (p) => `expected a whole number of kronor, got ${p.got}`,
      (p) => `väntade ett helt antal kronor (siffror, utan mellanslag eller öre), fick ${p.got}`,
    ),
    date: msg<{ got: string }>(
      (p) => `expected a date YYYY-MM-DD, got ${p.got}`,
      (p) => `väntade ett datum ÅÅÅÅ-MM-DD, fick ${p.got}`,
    ),
    key: msg<{ got: string }>(
      (p) => `expected "total" or an inclusive age band such as "0-18", got ${p.got}`,
      (p) => `väntade "total" eller ett åldersspann som "0-18", fick ${p.got}`,
    ),
    exception: msg(
      () => 'expected an exception { "code": …, "amount": … } or { "group": …, "amount": … } (one of code and group, not both)',
      () => 'ett undantag är { "code": …, "amount": … } eller { "group": …, "amount": … } (antingen kod eller grupp)',
    ),
    schema: msg<{ detail: string }>(
      (p) => `does not follow the agreement format: ${p.detail}`,
      () => "värdet följer inte formatet för en överenskommelse (se docs/encoding-agreements.md)",
    ),
    "skr-not-fixed": msg<{ type: string }>(
      (p) => `an SKR pot can only be "fixed" (or "stated"), got "${p.type}"`,
      (p) => `en pott till SKR betalas som ett fast belopp, inte som ${rule(p.type)}`,
    ),
    "stated-twice": msg<{ code: string }>(
      (p) => `"${p.code}" is stated twice`,
      (p) => `beloppet för "${p.code}" anges två gånger`,
    ),
    "stated-missing": msg<{ level: string; codes: readonly string[] }>(
      (p) => `every ${p.level} needs a stated amount; missing ${p.codes.join(", ")}`,
      (p) => `varje ${sv(p.level)} behöver ett angivet belopp; saknas för ${p.codes.join(", ")}`,
    ),
    "exception-twice": msg<{ target: string; first: number }>(
      (p) => `${p.target} has two exceptions (the first is exceptions[${p.first}]); give each one exception`,
      (p) => `${p.target} har två undantag (det första är exceptions[${p.first}]); ge varje mottagare eller grupp ett undantag`,
    ),
    "pot-id-twice": msg<{ id: string }>(
      (p) => `pot id "${p.id}" is used twice`,
      (p) => `pottnamnet "${p.id}" används två gånger`,
    ),
    "known-needs-amount": msg(
      () => "a known pot needs an amount",
      () => "en känd pott behöver ett belopp",
    ),
    "known-needs-rule": msg(
      () => "a known pot needs a rule",
      () => "en känd pott behöver en fördelningsregel",
    ),
    "known-needs-level": msg(
      () => 'a known pot needs a level, not "unknown"',
      () => "en känd pott behöver en nivå (region, län, kommun eller SKR)",
    ),
    "incomplete-needs-missing": msg(
      () => "an incomplete pot must say what is missing",
      () => "en ofullständig pott måste ange vad som inte är känt (missing)",
    ),
    "levels-not-split": msg<{ level: string }>(
      (p) => `"levels" belongs to pots whose level is "split", not "${p.level}"`,
      () => `"levels" hör till pottar som delas mellan nivåer (level "split")`,
    ),
    "split-rule-level": msg<{ level: string }>(
      (p) => `a pot with a splitLevels rule has level "split", got "${p.level}"`,
      () => `en pott som delas mellan nivåer ska ha level "split"`,
    ),
    "split-needs-rule": msg<{ type: string }>(
      (p) => `a pot with level "split" needs a splitLevels rule, got "${p.type}"`,
      () => `en pott med level "split" behöver regeln "splitLevels"`,
    ),
    "split-needs-levels": msg(
      () => 'a split pot without a rule must name its levels, e.g. ["region", "municipality"]',
      () => 'en delad pott utan regel måste ange sina nivåer, t.ex. ["region", "municipality"]',
    ),
    "split-level-twice": msg<{ level: string }>(
      (p) => `the level "${p.level}" has two parts; give each level one part`,
      (p) => `nivån ${sv(p.level)} har två delar; ge varje nivå en del`,
    ),
    "rounding-level": msg<{ value: string }>(
      (p) => `roundingLevel "${p.value}" applies to county or region pots shared by a key (share or basePlusShare)`,
      () => `avrundning per kommun gäller läns- och regionpottar som fördelas efter befolkning`,
    ),
  },
  AGREEMENT_POTS_DO_NOT_SUM: {
    "per-recipient": msg<{ sum: string; amount: string }>(
      (p) => `the per-recipient sums add up to ${p.sum} kr, but the pot is ${p.amount} kr`,
      (p) => `beloppen per mottagare summerar till ${kr(p.sum)}, men potten är ${kr(p.amount)}`,
    ),
    stated: msg<{ sum: string; amount: string }>(
      (p) => `the stated amounts add up to ${p.sum} kr, but the pot is ${p.amount} kr`,
      (p) => `de angivna beloppen summerar till ${kr(p.sum)}, men potten är ${kr(p.amount)}`,
    ),
    parts: msg<{ sum: string; amount: string }>(
      (p) => `the parts add up to ${p.sum} kr, but the pot is ${p.amount} kr`,
      (p) => `delarna summerar till ${kr(p.sum)}, men potten är ${kr(p.amount)}`,
    ),
    total: msg<{ sum: string; total: string }>(
      (p) => `the pots add up to ${p.sum} kr, but the agreement's total is ${p.total} kr`,
      (p) => `pottarna summerar till ${kr(p.sum)}, men överenskommelsens totalbelopp är ${kr(p.total)}`,
    ),
    "known-exceed": msg<{ sum: string; total: string }>(
      (p) => `the known pots add up to ${p.sum} kr, more than the agreement's total ${p.total} kr`,
      (p) => `de kända pottarna summerar till ${kr(p.sum)}, mer än totalbeloppet ${kr(p.total)}`,
    ),
  },
  AGREEMENT_LEVEL_TOTAL: {
    level: msg<{ level: string; sum: string; declared: string }>(
      (p) => `the ${p.level} pots add up to ${p.sum} kr, but levelTotals.${p.level} is ${p.declared} kr`,
      (p) => `${LEVELS_SV[p.level] ?? p.level} summerar till ${kr(p.sum)}, men den angivna nivåsumman är ${kr(p.declared)}`,
    ),
  },
  AGREEMENT_RULE_EXCEEDS_POT: {
    bases: msg<{ sum: string; amount: string }>(
      (p) => `the bases add up to ${p.sum} kr, more than the pot's ${p.amount} kr`,
      (p) => `grundbeloppen summerar till ${kr(p.sum)}, mer än pottens ${kr(p.amount)}`,
    ),
  },
  AGREEMENT_UNKNOWN_RECIPIENT: {
    code: msg<{ level: string; code: string }>(
      (p) => `no ${p.level} has the code "${p.code}"`,
      (p) => `${p.level === "county" ? "inget" : "ingen"} ${sv(p.level)} har koden "${p.code}"`,
    ),
    group: msg<{ group: string; groups: readonly string[] }>(
      (p) => `unknown group "${p.group}"; known groups: ${p.groups.join(", ")}`,
      (p) => `okänd grupp "${p.group}"; kända grupper: ${p.groups.join(", ")}`,
    ),
  },
  AGREEMENT_NOT_FOUND: {
    "no-file": msg<{ file: string }>(
      () => `no such file`,
      () => `filen finns inte`,
    ),
    unreadable: msg<{ file: string; reason: string; errno: string }>(
      (p) => `cannot read the file (${p.errno})`,
      (p) => `kan inte läsa filen (${p.reason})`,
    ),
    "too-large": msg<{ file: string; limit: string }>(
      (p) => `the file is larger than ${p.limit}, more than any agreement file`,
      (p) => `filen är större än ${p.limit}, mer än någon överenskommelsefil`,
    ),
    "no-bundled": msg<{ id: string; ids: readonly string[] }>(
      (p) => `no bundled agreement "${p.id}"; bundled: ${p.ids.join(", ")}`,
      (p) => `det finns ingen inbyggd överenskommelse "${p.id}"; inbyggda: ${p.ids.join(", ")}`,
    ),
    "checked-stale": msg<{ id: string; file: string }>(
      (p) => `the checked form of bundled agreement "${p.id}" does not match ${p.file}; run npm run build`,
      (p) => `den kontrollerade formen av den inbyggda överenskommelsen "${p.id}" stämmer inte med ${p.file}; kör npm run build`,
    ),
  },
  AGREEMENT_SCENARIO: {
    breaks: msg<{ problems: number }>(
      (p) => `after the what-if changes the agreement no longer holds together (${p.problems} problem${p.problems === 1 ? "" : "s"})`,
      (p) => `efter ändringarna (--set) hänger överenskommelsen inte ihop (${p.problems} ${p.problems === 1 ? "problem" : "problem"}):`,
    ),
    form: msg<{ text: string }>(
      (p) => `--set ${p.text}: not of the form POT.FIELD=VALUE with FIELD one of amount, base, perRecipient`,
      (p) => `--set ${p.text}: skriv POTT.FÄLT=BELOPP, där FÄLT är amount, base eller perRecipient`,
    ),
    field: msg<{ text: string; field: string }>(
      (p) => `--set ${p.text}: unknown field "${p.field}"; expected amount, base or perRecipient`,
      (p) => `--set ${p.text}: okänt fält "${p.field}"; använd amount, base eller perRecipient`,
    ),
    value: msg<{ text: string; got: string }>(
      (p) => `--set ${p.text}: expected a whole number of kronor, got ${p.got}`,
      (p) => `--set ${p.text}: väntade ett helt antal kronor, fick ${p.got}`,
    ),
    "no-pot": msg<{ pot: string; agreement: string; pots: readonly string[] }>(
      (p) => `no pot "${p.pot}" in agreement ${p.agreement}; pots are ${p.pots.join(", ")}`,
      (p) => `överenskommelse ${p.agreement} har ingen pott "${p.pot}"; pottarna är ${p.pots.join(", ")}`,
    ),
    "no-base": msg<{ pot: string; rule: string }>(
      (p) => `pot "${p.pot}" has no base (its rule is ${p.rule}); base belongs to basePlusShare pots`,
      (p) => `pott ${p.pot} har inget grundbelopp (regeln är ${rule(p.rule)}); base gäller pottar med grundbelopp plus andel`,
    ),
    "no-per-recipient": msg<{ pot: string; rule: string }>(
      (p) => `pot "${p.pot}" has no per-recipient sum (its rule is ${p.rule}); perRecipient belongs to perRecipient pots`,
      (p) => `pott ${p.pot} har inget belopp per mottagare (regeln är ${rule(p.rule)}); perRecipient gäller pottar med samma belopp till alla`,
    ),
  },
});
