/** Messages about population data: files, counts, keys, reference dates and merging. */
import { defineMessages, msg } from "./define.js";

export const populationMessages = defineMessages({
  POPULATION_FORMAT: {
    "bad-key": msg<{ key: string }>(
      (p) => `"${p.key}" is not a population key: use "total" or an inclusive age band such as "0-18" (ages 0 to 100)`,
      (p) => `"${p.key}" är ingen befolkningsnyckel: ange "total" eller ett åldersspann som "0-18" (åldrar 0–100)`,
    ),
    "bad-date": msg<{ date: string }>(
      (p) => `reference date "${p.date}" is not a date YYYY-MM-DD`,
      (p) => `referensdatumet "${p.date}" är inget datum ÅÅÅÅ-MM-DD`,
    ),
    "too-many-ages": msg<{ label: string; count: number }>(
      (p) => `${p.label} has ${p.count} age classes; at most 0–99 and 100+ (101)`,
      (p) => `${p.label} har ${p.count} åldersklasser; högst 0–99 och 100+ (101)`,
    ),
    "nothing-to-merge": msg(
      () => "nothing to merge: give at least one population dataset",
      () => "ingen befolkning att slå ihop: ange minst en",
    ),
  },
  POPULATION_ENCODING: {},
  POPULATION_UNKNOWN_CODE: {
    municipality: msg<{ code: string }>(
      (p) => `"${p.code}" is not one of the 290 municipality codes`,
      (p) => `"${p.code}" är inte en av de 290 kommunkoderna`,
    ),
    county: msg<{ code: string }>(
      (p) => `"${p.code}" is not one of the 21 county codes`,
      (p) => `"${p.code}" är inte en av de 21 länskoderna`,
    ),
  },
  POPULATION_DUPLICATE: {
    "key-twice": msg<{ key: string }>(
      (p) => `key "${p.key}" is given twice`,
      (p) => `nyckeln "${p.key}" anges två gånger`,
    ),
    "merge-count": msg<{ code: string; name: string; key: string; first: string; second: string; firstSource: string; secondSource: string }>(
      (p) => `${p.code} ${p.name}, ${p.key}: ${p.firstSource} says ${p.first}, ${p.secondSource} says ${p.second}`,
      (p) => `${p.code} ${p.name}, ${p.key}: ${p.firstSource} anger ${p.first}, ${p.secondSource} anger ${p.second}`,
    ),
    "merge-national": msg<{ key: string; first: string; second: string; firstSource: string; secondSource: string }>(
      (p) => `Sweden, ${p.key}: ${p.firstSource} says ${p.first}, ${p.secondSource} says ${p.second}`,
      (p) => `riket, ${p.key}: ${p.firstSource} anger ${p.first}, ${p.secondSource} anger ${p.second}`,
    ),
  },
  POPULATION_BAD_COUNT: {
    negative: msg<{ value: string }>(
      (p) => `a count cannot be negative: ${p.value}`,
      (p) => `ett antal kan inte vara negativt: ${p.value}`,
    ),
    "not-whole": msg<{ value: string }>(
      (p) => `a count must be a whole number of persons, not ${p.value}`,
      (p) => `ett antal måste vara ett helt antal personer, inte ${p.value}`,
    ),
    "too-large": msg<{ value: string; limit: string }>(
      (p) => `the count ${p.value} is larger than any population (at most ${p.limit})`,
      (p) => `antalet ${p.value} är större än någon befolkning (högst ${p.limit})`,
    ),
  },
  POPULATION_MISSING_MUNICIPALITIES: {},
  POPULATION_AGES_INCOMPLETE: {},
  POPULATION_TOTAL_MISMATCH: {
    "exceeds-national": msg<{ key: string; summed: string; declared: string }>(
      (p) => `the municipal counts for ${p.key} sum to ${p.summed}, more than the declared national total ${p.declared}`,
      (p) => `kommunernas antal för ${p.key} summerar till ${p.summed}, mer än rikets angivna ${p.declared}`,
    ),
    "key-vs-ages": msg<{ key: string; code: string; given: string; summed: string }>(
      (p) => `${p.code}, ${p.key}: the count given is ${p.given}, but its single-year ages sum to ${p.summed}`,
      (p) => `${p.code}, ${p.key}: angivet antal är ${p.given}, men ettårsklasserna summerar till ${p.summed}`,
    ),
    "county-sum": msg<{ key: string; county: string; name: string; summed: string; given: string }>(
      (p) => `${p.county} ${p.name}, ${p.key}: its municipalities sum to ${p.summed}, but the county count given is ${p.given}`,
      (p) => `${p.county} ${p.name}, ${p.key}: kommunerna summerar till ${p.summed}, men länets angivna antal är ${p.given}`,
    ),
  },
  POPULATION_DATE_MISMATCH: {
    strict: msg<{ population: string; agreement: string; date: string }>(
      (p) => `the population's date ${p.population} is not agreement ${p.agreement}'s ${p.date} (--strict)`,
      (p) => `befolkningens datum ${p.population} är inte överenskommelsens ${p.agreement} datum ${p.date} (--strict)`,
    ),
    merge: msg<{ first: string; second: string; firstSource: string; secondSource: string }>(
      (p) => `cannot combine population for ${p.second} (${p.secondSource}) with population for ${p.first} (${p.firstSource})`,
      (p) => `befolkning för ${p.second} (${p.secondSource}) kan inte kombineras med befolkning för ${p.first} (${p.firstSource})`,
    ),
  },
  POPULATION_NOT_FOUND: {
    "no-file": msg<{ file: string }>(
      (p) => `no such file: ${p.file}`,
      (p) => `filen finns inte: ${p.file}`,
    ),
    unreadable: msg<{ file: string; reason: string }>(
      (p) => `cannot read ${p.file} (${p.reason})`,
      (p) => `kan inte läsa ${p.file} (${p.reason})`,
    ),
    "too-large": msg<{ file: string; limit: string }>(
      (p) => `${p.file} is larger than ${p.limit}, more than any population file`,
      (p) => `${p.file} är större än ${p.limit}, mer än någon befolkningsfil`,
    ),
    "no-bundled": msg<{ id: string; ids: readonly string[] }>(
      (p) => `no bundled population "${p.id}" and no such file; bundled: ${p.ids.join(", ")}`,
      (p) => `det finns ingen inbyggd befolkning "${p.id}" och ingen sådan fil; inbyggda: ${p.ids.join(", ")}`,
    ),
  },
  POPULATION_DATE_UNKNOWN: {},
});
