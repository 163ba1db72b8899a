/** Messages about population data: files, counts, keys, reference dates and merging. */
import { defineMessages, msg } from "./define.js";
import { JSON_READER_MESSAGES } from "./json.js";

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
    ...JSON_READER_MESSAGES,
    "number-range": msg<{ number: string }>(
      (p) => `the number ${p.number} is too large to be read as a number`,
      (p) => `talet ${p.number} är för stort för att läsas som ett tal`,
    ),
    "empty-file": msg(
      () => "the file is empty: no header row and no data",
      () => "filen är tom: ingen rubrikrad och inga data",
    ),
    "unknown-format": msg(
      () => "unknown population format: expected the project's CSV (kommun_kod,…), an SCB CSV export (a region column) or JSON-stat 2.0",
      () => "okänt befolkningsformat: väntade projektets CSV (kommun_kod,…), en CSV-export från SCB (en kolumn region) eller JSON-stat 2.0",
    ),
    "no-header": msg(
      () => "the file has no header row",
      () => "filen har ingen rubrikrad",
    ),
    "no-data-rows": msg(
      () => "the file has a header but no data rows",
      () => "filen har en rubrikrad men inga datarader",
    ),
    "no-reference-date": msg(
      () => 'no reference date: add a line "# referensdatum: YYYY-MM-DD"',
      () => 'inget referensdatum: lägg till en rad "# referensdatum: ÅÅÅÅ-MM-DD"',
    ),
    "two-reference-dates": msg<{ first: string; line: number; second: string }>(
      (p) => `two reference dates: "${p.first}" on line ${p.line} and "${p.second}"`,
      (p) => `två referensdatum: "${p.first}" på rad ${p.line} och "${p.second}"`,
    ),
    "bad-age": msg<{ age: string }>(
      (p) => `age "${p.age}" is not 0…99 or 100+`,
      (p) => `åldern "${p.age}" är inte 0…99 eller 100+`,
    ),
    "file-too-large": msg<{ limit: string; format: string }>(
      (p) => `the file is larger than ${p.limit}, the limit for ${p.format} (SCB's largest population table is about 3 MB); is it the right file?`,
      (p) => `filen är större än ${p.limit}, gränsen för ${p.format} (SCB:s största befolkningstabell är omkring 3 MB); är det rätt fil?`,
    ),
    "jsonstat-no-index": msg<{ dimension: string; count: number }>(
      (p) => `dimension ${p.dimension} has ${p.count} categories but no category.index; JSON-stat 2.0 requires the index to give their order`,
      (p) => `dimensionen ${p.dimension} har ${p.count} kategorier men inget category.index; JSON-stat 2.0 kräver index för ordningen`,
    ),
    "jsonstat-sparse-key": msg<{ key: string; cells: string }>(
      (p) => `value has the key "${p.key}", which is no cell position: the sizes make ${p.cells} cells, numbered 0 to ${p.cells} − 1`,
      (p) => `value har nyckeln "${p.key}", som inte är någon cellposition: storlekarna ger ${p.cells} celler, numrerade 0 till ${p.cells} − 1`,
    ),
    "jsonstat-too-large": msg<{ what: string; count: string; limit: string }>(
      (p) => `the dataset claims ${p.count} ${p.what}, more than the ${p.limit} a population table can have`,
      (p) => `datasetet anger ${p.count} ${p.what}, fler än de ${p.limit} en befolkningstabell kan ha`,
    ),
    "incomplete-dimension": msg<{ region: string; age: string; dimension: string; missing: string }>(
      (p) => `${p.region}, ${p.age}: ${p.dimension} "${p.missing}" is missing, which other rows have; the parts are summed, so each must be complete (or give the total)`,
      (p) => `${p.region}, ${p.age}: ${p.dimension} "${p.missing}" saknas, som andra rader har; delarna summeras och måste därför vara kompletta (eller ange totalen)`,
    ),
    "not-population": msg<{ content: string }>(
      (p) => `the table's content "${p.content}" is not the population (folkmängd); export the population table`,
      (p) => `tabellens innehåll "${p.content}" är inte folkmängd; exportera befolkningstabellen`,
    ),
    "duplicate-column": msg<{ column: string; first: number; second: number }>(
      (p) => `the column "${p.column}" appears twice (columns ${p.first} and ${p.second}); which one to read cannot be told`,
      (p) => `kolumnen "${p.column}" förekommer två gånger (kolumn ${p.first} och ${p.second}); vilken som gäller går inte att avgöra`,
    ),
    "row-after-footnote": msg<{ footnote: string }>(
      (p) => `a data row after the footnote "${p.footnote}"; footnotes come after the table, so the table must end before it`,
      (p) => `en datarad efter fotnoten "${p.footnote}"; fotnoter står efter tabellen, så tabellen måste sluta före den`,
    ),
    "more-problems": msg<{ count: number }>(
      (p) => `${p.count} more problem${p.count === 1 ? "" : "s"} not listed (at most 100 are kept); fix these first`,
      (p) => `${p.count} problem till visas inte (högst 100 visas); rätta dessa först`,
    ),
    "nothing-to-merge": msg(
      () => "nothing to merge: give at least one population dataset",
      () => "ingen befolkning att slå ihop: ange minst en",
    ),
  },
  POPULATION_ENCODING: {
    "utf-16": msg(
      () => `the file is UTF-16 (or binary), not text in UTF-8 or Windows-1252; save it as "CSV UTF-8"`,
      () => `filen är UTF-16 (eller binär), inte text i UTF-8 eller Windows-1252; spara den som "CSV UTF-8"`,
    ),
    mojibake: msg<{ text: string }>(
      (p) => `the text contains "${p.text}", which is UTF-8 that was once read as Windows-1252 and saved again (å, ä, ö are mangled); download the file again`,
      (p) => `texten innehåller "${p.text}", alltså UTF-8 som en gång lästs som Windows-1252 och sparats igen (å, ä, ö är förstörda); hämta filen på nytt`,
    ),
  },
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
    "not-a-count": msg<{ value: string; reason: "empty" | "negative" | "fraction" | "thousands" | "text" }>(
      (p) =>
        `count "${p.value}" ${{ empty: "is empty", negative: "is negative", fraction: "is not a whole number", thousands: "has thousands separators (write digits only)", text: "is not a number" }[p.reason]}`,
      (p) =>
        `antalet "${p.value}" ${{ empty: "är tomt", negative: "är negativt", fraction: "är inte ett heltal", thousands: "har tusentalsavgränsare (skriv bara siffror)", text: "är inget tal" }[p.reason]}`,
    ),
    implausible: msg<{ value: string; limit: string }>(
      (p) => `count "${p.value}" is implausibly large (more than ${p.limit} persons)`,
      (p) => `antalet "${p.value}" är orimligt stort (fler än ${p.limit} personer)`,
    ),
    "too-large": msg<{ value: string; limit: string }>(
      (p) => `the count ${p.value} is larger than any population (at most ${p.limit})`,
      (p) => `antalet ${p.value} är större än någon befolkning (högst ${p.limit})`,
    ),
  },
  POPULATION_MISSING_MUNICIPALITIES: {
    counties: msg<{ key: string; missing: number; names: readonly string[] }>(
      (p) => `${p.key}: ${p.missing} of 21 counties are missing (${p.names.join(", ")}${p.missing > p.names.length ? ", …" : ""}); add them, or declare Sweden's count on a 00 row to use the file as partial data`,
      (p) => `${p.key}: ${p.missing} av 21 län saknas (${p.names.join(", ")}${p.missing > p.names.length ? ", …" : ""}); lägg till dem, eller ange rikets antal på en rad 00 för att använda filen som delvisa data`,
    ),
    "national-without-municipalities": msg<{ key: string }>(
      (p) => `key ${p.key} has a 00 (Sweden) row but no municipality rows`,
      (p) => `nyckeln ${p.key} har en rad 00 (riket) men inga kommunrader`,
    ),
    "national-ages-only": msg(
      () => "the file has 00 (Sweden) age rows but no municipality rows",
      () => "filen har åldersrader för 00 (riket) men inga kommunrader",
    ),
    "national-only": msg<{ key: string }>(
      (p) => `${p.key} has a 00 (Sweden) row but no county rows`,
      (p) => `${p.key} har en rad 00 (riket) men inga länsrader`,
    ),
  },
  POPULATION_AGES_INCOMPLETE: {},
  POPULATION_TOTAL_MISMATCH: {
    "counties-vs-national": msg<{ key: string; summed: string; declared: string; complete: boolean }>(
      (p) => `the county counts for ${p.key} sum to ${p.summed}, ${p.complete ? "not" : "more than"} Sweden's ${p.declared} on the 00 row`,
      (p) => `länens antal för ${p.key} summerar till ${p.summed}, ${p.complete ? "inte" : "mer än"} rikets ${p.declared} på raden 00`,
    ),
    "total-vs-parts": msg<{ region: string; age: string; dimension: string; total: string; summed: string }>(
      (p) => `${p.region}, ${p.age}: the total row over ${p.dimension} says ${p.total}, but its parts sum to ${p.summed}`,
      (p) => `${p.region}, ${p.age}: totalraden för ${p.dimension} anger ${p.total}, men delarna summerar till ${p.summed}`,
    ),
    "municipal-vs-national": msg<{ key: string; summed: string; declared: string }>(
      (p) => `the municipal counts for ${p.key} sum to ${p.summed}, more than Sweden's ${p.declared} on the 00 row`,
      (p) => `kommunernas antal för ${p.key} summerar till ${p.summed}, mer än rikets ${p.declared} på raden 00`,
    ),
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
    "given-date": msg<{ found: string; given: string }>(
      (p) => `the file refers to ${p.found}, but the reference date given is ${p.given}`,
      (p) => `filen avser ${p.found}, men det angivna referensdatumet är ${p.given}`,
    ),
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
      () => `no such file`,
      () => `filen finns inte`,
    ),
    unreadable: msg<{ file: string; reason: string; errno: string }>(
      (p) => `cannot read the file (${p.errno})`,
      (p) => `kan inte läsa filen (${p.reason})`,
    ),
    "too-large": msg<{ file: string; limit: string }>(
      (p) => `the file is larger than ${p.limit}, more than any population file`,
      (p) => `filen är större än ${p.limit}, mer än någon befolkningsfil`,
    ),
    "no-bundled": msg<{ id: string; ids: readonly string[] }>(
      (p) => `no bundled population "${p.id}" and no such file; bundled: ${p.ids.join(", ")}`,
      (p) => `det finns ingen inbyggd befolkning "${p.id}" och ingen sådan fil; inbyggda: ${p.ids.join(", ")}`,
    ),
    "unknown-bundled": msg<{ id: string; ids: readonly string[] }>(
      (p) => `no bundled population "${p.id}"; bundled: ${p.ids.join(", ")}`,
      (p) => `det finns ingen inbyggd befolkning "${p.id}"; inbyggda: ${p.ids.join(", ")}`,
    ),
    "no-reference-date": msg<{ agreement: string }>(
      (p) => `agreement ${p.agreement} has no known reference date; give --population`,
      (p) => `överenskommelsen ${p.agreement} har inget känt referensdatum; ange --population`,
    ),
  },
  POPULATION_DATE_UNKNOWN: {},
});
