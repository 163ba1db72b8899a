/** Messages about allocating: the kernels' inputs, explanations and selections. */
import type { Level } from "../geography/index.js";
import { defineMessages, enOr, msg, svList, svOr } from "./define.js";

export const allocationMessages = defineMessages({
  ALLOCATION_NO_WEIGHT: {
    "zero-weights": msg<{ key?: string }>(
      (p) => `the weights${p.key ? ` (${p.key})` : ""} sum to zero, so there is nothing to share by`,
      (p) => `befolkningen${p.key ? ` (${p.key})` : ""} summerar till noll, så det finns inget att fördela efter`,
    ),
  },
  ALLOCATION_INVALID_INPUT: {
    "not-an-agreement": msg(
      () => "allocate() needs an agreement from parseAgreement() or loadBundledAgreement()",
      () => "beräkningen behöver en överenskommelse som har lästs och kontrollerats",
    ),
    "not-a-population": msg(
      () => "allocate() needs a population dataset from createPopulation(), parsePopulation() or loadBundledPopulation()",
      () => "beräkningen behöver befolkningsdata som har lästs och kontrollerats",
    ),
    "not-options": msg(
      () => "allocate()'s third argument, when given, must be an options object such as { rounding }",
      () => "beräkningens val måste anges som ett objekt",
    ),
    "unknown-rounding": msg<{ rounding: string }>(
      (p) => `unknown rounding mode "${p.rounding}"; use nearest-per-recipient, largest-remainder or largest-absorbs`,
      (p) => `okänt avrundningssätt "${p.rounding}"`,
    ),
    "negative-weight": msg<{ id: string; weight: string }>(
      (p) => `negative weight ${p.weight} for "${p.id}"`,
      (p) => `negativ vikt ${p.weight} för "${p.id}"`,
    ),
    "repeated-id": msg<{ id: string }>(
      (p) => `"${p.id}" appears twice in one split`,
      (p) => `"${p.id}" förekommer två gånger i samma fördelning`,
    ),
    "negative-total": msg<{ total: string }>(
      (p) => `cannot split a negative sum (${p.total})`,
      (p) => `en negativ summa (${p.total}) kan inte fördelas`,
    ),
    "denominator-too-small": msg<{ denominator: string; sum: string }>(
      (p) => `the denominator ${p.denominator} is smaller than the weights' sum ${p.sum}, so the shares would exceed the total`,
      (p) => `nämnaren ${p.denominator} är mindre än vikternas summa ${p.sum}, så andelarna skulle bli större än potten`,
    ),
    "not-prepared": msg(
      () => "splitPrepared takes weights made by prepareWeights(); use split() for plain weights",
      () => "fördelningen fick vikter som inte har kontrollerats",
    ),
    "needs-all-weights": msg<{ rounding: string }>(
      (p) => `${p.rounding} needs the weights of every recipient; a declared total larger than the known weights cannot be apportioned exactly`,
      (p) => `avrundning som går jämnt ut behöver befolkning för alla mottagare`,
    ),
    "absorber-negative": msg<{ id: string; share: string }>(
      (p) => `the largest recipient (${p.id}) would absorb the rounding difference down to ${p.share} kr: this rounding cannot apply to so small a pot`,
      (p) => `den största mottagaren (${p.id}) skulle få ${p.share} kr efter att ha tagit avrundningsskillnaden: avrundningssättet går inte att använda på en så liten pott`,
    ),
    "zero-denominator": msg(
      () => "a fraction's denominator is zero",
      () => "en kvot har nämnaren noll",
    ),
    "no-part": msg<{ index: string; count: number }>(
      (p) => (p.count === 0 ? `partAt(${p.index}): a split of no items has no parts` : `partAt(${p.index}): a split of ${p.count} items has parts 0 to ${p.count - 1}`),
      (p) => (p.count === 0 ? `fördelningen har inga delar (${p.index})` : `fördelningen har ${p.count} delar, numrerade 0–${p.count - 1}, inte ${p.index}`),
    ),
    "not-bigint": msg<{ what: string; got: string }>(
      (p) => `${p.what} must be a bigint, got ${p.got}`,
      (p) => `${p.what} måste vara ett heltal (bigint), inte ${p.got}`,
    ),
  },
  ALLOCATION_UNKNOWN_RECIPIENT: {
    "not-at-level": msg<{ name: string; levels: readonly string[] }>(
      (p) => `${p.name} receives nothing at the ${enOr(p.levels)} level`,
      (p) => `${p.name} får inget på nivån ${svOr(p.levels)}`,
    ),
    "not-a-recipient": msg<{ query: string }>(
      (p) => `"${p.query}" is not a recipient`,
      (p) => `"${p.query}" är ingen mottagare`,
    ),
  },
  ALLOCATION_UNKNOWN_POT: {
    "no-pot": msg<{ pot: string; pots: readonly string[] }>(
      (p) => `no pot "${p.pot}"; pots are ${p.pots.join(", ")}`,
      (p) => `det finns ingen pott "${p.pot}"; pottarna är ${p.pots.join(", ")}`,
    ),
  },
  ALLOCATION_EMPTY_SELECTION: {
    "municipality-elsewhere": msg<{ municipality: string; county: string; actualCounty: string }>(
      (p) => `${p.municipality} is not in ${p.county} but in ${p.actualCounty}: the selection matches no amount`,
      (p) => `${p.municipality} ligger inte i ${p.county} utan i ${p.actualCounty}: urvalet ger inga belopp`,
    ),
    "level-not-paid": msg<{ level: string; pots: readonly string[] }>(
      (p) => `no selected pot (${p.pots.join(", ")}) pays the ${p.level} level: the selection matches no amount`,
      (p) => `ingen av de valda pottarna (${p.pots.join(", ")}) betalar nivån ${LEVEL_SV[p.level] ?? p.level}: urvalet ger inga belopp`,
    ),
    "nothing-matches": msg<SelectionParams>(
      (p) => `the selection (${selectionEn(p)}) matches no amount`,
      (p) => `urvalet (${selectionSv(p)}) ger inga belopp`,
    ),
  },
});

/** The filters of a selection that matched nothing: codes for integrators, names for readers. */
export type SelectionParams = {
  readonly recipients?: readonly string[];
  readonly recipientNames?: readonly string[];
  readonly county?: string;
  readonly countyName?: string;
  readonly municipality?: string;
  readonly municipalityName?: string;
  readonly level?: string;
  readonly pots?: readonly string[];
};

function selectionEn(p: SelectionParams): string {
  const parts = [
    p.recipients && `recipient=${p.recipients.join("/")}`,
    p.county && `county=${p.county}`,
    p.municipality && `municipality=${p.municipality}`,
    p.level && `level=${p.level}`,
    p.pots && `pots=${p.pots.join(",")}`,
  ];
  return parts.filter(Boolean).join(", ");
}

function selectionSv(p: SelectionParams): string {
  const parts = [
    p.recipientNames && `mottagare ${svList(p.recipientNames)}`,
    p.countyName && `län ${p.countyName}`,
    p.municipalityName && `kommun ${p.municipalityName}`,
    p.level && `nivå ${LEVEL_SV[p.level] ?? p.level}`,
    p.pots && `pott ${svList(p.pots)}`,
  ];
  return parts.filter(Boolean).join(", ");
}

const LEVEL_SV: Record<string, string> = { region: "regioner", county: "länsgemensamma medel", municipality: "kommuner", skr: "SKR" } satisfies Record<Level, string>;
