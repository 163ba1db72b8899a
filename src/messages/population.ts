/** Messages about population data: files, counts, keys, reference dates and merging. */
import { defineMessages, msg, svList } from "./define.js";
import { JSON_READER_MESSAGES } from "./json.js";

/** What a JSON-stat field should have been, when it is not. */
export type JsonStatExpected =
  | "object"
  | "version"
  | "dataset"
  | "text"
  | "texts"
  | "non-empty-texts"
  | "whole-numbers"
  | "index"
  | "labels"
  | "values"
  | "status"
  | "px";

const JSONSTAT_EXPECTED_EN: Record<JsonStatExpected, string> = {
  object: "an object",
  version: '"2.0"',
  dataset: '"dataset"',
  text: "a text",
  texts: "a list of texts",
  "non-empty-texts": "a non-empty list of texts",
  "whole-numbers": "a non-empty list of whole numbers",
  index: "a list of codes or an object of positions",
  labels: "an object of texts",
  values: "a list or an object of numbers or null",
  status: "a text, a list or an object of texts",
  px: "an object with a text tableid",
};

const JSONSTAT_EXPECTED_SV: Record<JsonStatExpected, string> = {
  object: "ett objekt",
  version: '"2.0"',
  dataset: '"dataset"',
  text: "en text",
  texts: "en lista av texter",
  "non-empty-texts": "en lista av texter (minst en)",
  "whole-numbers": "en lista av heltal (minst ett)",
  index: "en lista av koder eller ett objekt med positioner",
  labels: "ett objekt med texter",
  values: "en lista eller ett objekt med tal eller null",
  status: "en text, en lista eller ett objekt med texter",
  px: "ett objekt med en text i tableid",
};

/** The separator of an ambiguous count such as "46,786": its comma or point. */
const AMBIGUOUS_MARK = (value: string): string => (value.includes(",") ? "," : ".");

const DATE_HELP_EN = "give it with the referenceDate option (on the command line: --population-date YYYY-MM-DD)";
const DATE_HELP_SV = "ange det med --population-date ÅÅÅÅ-MM-DD";

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
      (p) => `dimension ${p.dimension} has ${p.count} ${p.count === 1 ? "category" : "categories"} but no category.index; JSON-stat 2.0 requires the index to give their order`,
      (p) => `dimensionen ${p.dimension} har ${p.count} ${p.count === 1 ? "kategori" : "kategorier"} men inget fält category.index; JSON-stat 2.0 kräver index för ordningen`,
    ),
    "jsonstat-sparse-key": msg<{ key: string; cells: string }>(
      (p) => `value has the key "${p.key}", which is no cell position: the sizes make ${p.cells} cells, numbered 0 to ${p.cells} − 1`,
      (p) => `value har nyckeln "${p.key}", som inte är någon cellposition: storlekarna ger ${p.cells} celler, numrerade 0 till ${p.cells} − 1`,
    ),
    "jsonstat-too-large": msg<{ what: "dimensions" | "categories" | "cells"; dimension?: string; count: string; limit: string }>(
      (p) => `the dataset claims ${p.count} ${p.what === "categories" ? `categories in ${p.dimension}` : p.what}, more than the ${p.limit} a population table can have`,
      (p) =>
        `datasetet anger ${p.count} ${{ dimensions: "dimensioner", categories: `kategorier i ${p.dimension}`, cells: "celler" }[p.what]}, fler än de ${p.limit} en befolkningstabell kan ha`,
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
    "line-too-long": msg<{ limit: string; line: number }>(
      (p) => `line ${p.line} is longer than ${p.limit}, the limit for one line of a population CSV (SCB's widest lines have a few thousand characters); is it the right file?`,
      (p) => `rad ${p.line} är längre än ${p.limit}, gränsen för en rad i en befolknings-CSV (SCB:s bredaste rader har några tusen tecken); är det rätt fil?`,
    ),
    csv: msg<{ problem: "unclosed" | "after-quote" | "quote-in-field"; char: string; opened: number }>(
      (p) =>
        `not valid CSV: ${{ unclosed: `a quoted field opened on line ${p.opened} never ends`, "after-quote": `unexpected ${JSON.stringify(p.char)} after a closing quote`, "quote-in-field": "a quote inside an unquoted field" }[p.problem]}`,
      (p) =>
        `ogiltig CSV: ${{ unclosed: `ett fält inom citattecken som börjar på rad ${p.opened} tar aldrig slut`, "after-quote": `${JSON.stringify(p.char)} direkt efter ett avslutande citattecken`, "quote-in-field": "ett citattecken mitt i ett fält som inte står inom citattecken" }[p.problem]}`,
    ),
    "row-width": msg<{ fields: number; header: number }>(
      (p) => `the row has ${p.fields} field${p.fields === 1 ? "" : "s"}, the header ${p.header}`,
      (p) => `raden har ${p.fields} fält, rubrikraden ${p.header}`,
    ),
    "hash-among-data": msg(
      () => `a "#" line among the data rows; provenance lines go before the header`,
      () => `en "#"-rad bland dataraderna; rader om ursprung står före rubrikraden`,
    ),
    "project-header": msg<{ got: string; delimiter?: string }>(
      (p) =>
        `expected the columns kommun_kod, nyckel or alder, and antal (lan_kod instead of kommun_kod for counties); got ${p.got || "nothing"}${p.delimiter ? ` (the file seems to be separated by ${p.delimiter === "\t" ? "tabs" : `"${p.delimiter}"`}; use commas)` : ""}`,
      (p) =>
        `rubrikraden ska ha kolumnerna kommun_kod, nyckel eller alder, och antal (lan_kod i stället för kommun_kod för län), men ${p.got ? `är ${p.got}` : "är tom"}${p.delimiter ? ` (filen verkar vara avgränsad med ${p.delimiter === "\t" ? "tabbar" : `"${p.delimiter}"`}; använd komma)` : ""}`,
    ),
    "scb-no-header": msg<{ lines: number }>(
      (p) => `no header row with a region column ("region", "kommun") in the first ${p.lines} lines; is this an SCB CSV export?`,
      (p) => `ingen rubrikrad med en regionkolumn ("region", "kommun") bland de första ${p.lines} raderna; är det en CSV-export från SCB?`,
    ),
    "two-role-columns": msg<{ role: "region" | "age" | "sex" | "marital" | "period"; first: string; second: string }>(
      (p) => `two ${p.role} columns ("${p.first}" and "${p.second}")`,
      (p) =>
        `två kolumner för ${{ region: "region", age: "ålder", sex: "kön", marital: "civilstånd", period: "period" }[p.role]} ("${p.first}" och "${p.second}"); vilken som gäller går inte att avgöra`,
    ),
    "no-value-column": msg(
      () => "the header has no value column",
      () => "rubrikraden har ingen kolumn med värden",
    ),
    "long-value-columns": msg<{ columns: readonly string[] }>(
      (p) => `a long layout (with a period column) must have exactly one value column; got ${p.columns.map((c) => `"${c}"`).join(", ")}`,
      (p) => `en lång tabell (med en periodkolumn) ska ha exakt en kolumn med värden, men har ${p.columns.length}: ${svList(p.columns.map((c) => `"${c}"`))}`,
    ),
    "unknown-column": msg<{ column: string }>(
      (p) => `column "${p.column}" is neither region, ålder, kön nor a period such as 2024 or 2024M10`,
      (p) => `kolumnen "${p.column}" är varken region, ålder, kön eller en period som 2024 eller 2024M10`,
    ),
    "several-contents": msg<{ contents: readonly string[] }>(
      (p) => `the file has several contents (${p.contents.join(", ")}); take only the population (folkmängd)`,
      (p) => `filen har flera innehåll (${svList(p.contents)}); ta bara med folkmängden`,
    ),
    "unnamed-column-value": msg<{ column: number }>(
      (p) => `column ${p.column} has no name in the header but a value here`,
      (p) => `kolumn ${p.column} har inget namn i rubrikraden men ett värde här`,
    ),
    "scb-age": msg<{ age: string }>(
      (p) => `age "${p.age}" is not a single year (0 år … 99 år, 100+ år) or totalt ålder`,
      (p) => `åldern "${p.age}" är inte en ettårsklass (0 år … 99 år, 100+ år) eller totalt ålder`,
    ),
    "scb-sex": msg<{ sex: string }>(
      (p) => `sex "${p.sex}" is not män, kvinnor or totalt`,
      (p) => `könet "${p.sex}" är inte män, kvinnor eller totalt`,
    ),
    "one-sex": msg<{ region: string; age: string; sex: "män" | "kvinnor" }>(
      (p) => `${p.region}, ${p.age}: only ${p.sex}; the file must have both män and kvinnor (they are summed) or totalt`,
      (p) => `${p.region}, ${p.age}: bara ${p.sex}; filen måste ha både män och kvinnor (de summeras) eller totalt`,
    ),
    "no-rows": msg(
      () => "the file has no data rows",
      () => "filen har inga datarader",
    ),
    "no-region-rows": msg(
      () => "the file has no municipality rows",
      () => "filen har inga kommunrader",
    ),
    "scb-counties-partial": msg<{ count: number }>(
      (p) => `the file has ${p.count} of the 21 counties and no national total ("00 Riket")`,
      (p) => `filen har ${p.count} av de 21 länen och ingen rad för hela riket ("00 Riket")`,
    ),
    "jsonstat-shape": msg<{ expected: JsonStatExpected }>(
      (p) => `not a JSON-stat 2.0 dataset: expected ${JSONSTAT_EXPECTED_EN[p.expected]}`,
      (p) => `filen är inget JSON-stat 2.0-dataset: här ska stå ${JSONSTAT_EXPECTED_SV[p.expected]}`,
    ),
    "jsonstat-id-size": msg<{ ids: number; sizes: number }>(
      (p) => `id has ${p.ids} dimension${p.ids === 1 ? "" : "s"} but size has ${p.sizes}`,
      (p) => `fältet id har ${p.ids} ${p.ids === 1 ? "dimension" : "dimensioner"} men fältet size har ${p.sizes}`,
    ),
    "jsonstat-undescribed": msg<{ dimension: string }>(
      (p) => `dimension ${p.dimension} is listed in id but not described`,
      (p) => `dimensionen ${p.dimension} finns i id men beskrivs inte under dimension`,
    ),
    "jsonstat-empty-dimension": msg<{ dimension: string }>(
      (p) => `dimension ${p.dimension} has no categories (size 0), so the dataset has no cells`,
      (p) => `dimensionen ${p.dimension} har inga kategorier (fältet size är 0), så datasetet har inga celler`,
    ),
    "jsonstat-category-count": msg<{ dimension: string; count: number; size: number }>(
      (p) => `dimension ${p.dimension} has ${p.count} ${p.count === 1 ? "category" : "categories"} but size says ${p.size}`,
      (p) => `dimensionen ${p.dimension} har ${p.count} ${p.count === 1 ? "kategori" : "kategorier"} men fältet size anger ${p.size}`,
    ),
    "jsonstat-index-gap": msg<{ dimension: string; position: number; size: number }>(
      (p) => `dimension ${p.dimension}: no category has position ${p.position} in category.index (positions run from 0 to ${p.size - 1})`,
      (p) => `dimensionen ${p.dimension}: ingen kategori har position ${p.position} i fältet category.index (positionerna går från 0 till ${p.size - 1})`,
    ),
    "jsonstat-index-duplicate": msg<{ dimension: string; position: number; first: string; second: string }>(
      (p) => `dimension ${p.dimension}: the categories "${p.first}" and "${p.second}" both have position ${p.position} in category.index`,
      (p) => `dimensionen ${p.dimension}: kategorierna "${p.first}" och "${p.second}" har båda position ${p.position} i fältet category.index`,
    ),
    "jsonstat-index-code-twice": msg<{ dimension: string; code: string; first: number; second: number }>(
      (p) => `dimension ${p.dimension}: the category "${p.code}" is listed twice in category.index (positions ${p.first} and ${p.second})`,
      (p) => `dimensionen ${p.dimension}: kategorin "${p.code}" står två gånger i fältet category.index (position ${p.first} och ${p.second})`,
    ),
    "jsonstat-index-position": msg<{ dimension: string; code: string; position: number; size: number }>(
      (p) => `dimension ${p.dimension}: the category "${p.code}" has position ${p.position}, but size says ${p.size} ${p.size === 1 ? "category" : "categories"} (${p.size === 1 ? "position 0" : `positions 0 to ${p.size - 1}`})`,
      (p) => `dimensionen ${p.dimension}: kategorin "${p.code}" har position ${p.position}, men fältet size anger ${p.size} ${p.size === 1 ? "kategori" : "kategorier"} (${p.size === 1 ? "position 0" : `position 0 till ${p.size - 1}`})`,
    ),
    "jsonstat-unknown-dimension": msg<{ dimension: string; label: string; count: number }>(
      (p) => `dimension ${p.dimension} (${p.label}) has ${p.count} ${p.count === 1 ? "category" : "categories"}; this reader knows region, ålder, kön, civilstånd and tid`,
      (p) => `dimensionen ${p.dimension} (${p.label}) har ${p.count} ${p.count === 1 ? "kategori" : "kategorier"}; bara region, ålder, kön, civilstånd och tid kan läsas`,
    ),
    "jsonstat-no-region": msg(
      () => "the dataset has no region dimension",
      () => "datasetet har ingen dimension för region",
    ),
    "jsonstat-value-count": msg<{ count: number; sizes: readonly string[]; cells: number }>(
      (p) => `value has ${p.count} cell${p.count === 1 ? "" : "s"} but the sizes ${p.sizes.join(" × ")} make ${p.cells}`,
      (p) => `fältet value har ${p.count} ${p.count === 1 ? "cell" : "celler"} men storlekarna ${p.sizes.join(" × ")} ger ${p.cells}`,
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
    "bom-not-utf8": msg<{ byte: string; line: number }>(
      (p) => `the file starts with a UTF-8 byte-order mark, but byte ${p.byte} on this line is not UTF-8 (the file is probably Windows-1252); save it again as "CSV UTF-8", or without the mark`,
      (p) => `filen börjar med en UTF-8-markering (BOM), men byten ${p.byte} på den här raden är inte UTF-8 (filen är troligen Windows-1252); spara den igen som "CSV UTF-8", eller utan markeringen`,
    ),
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
    "municipality-or-county": msg<{ code: string }>(
      (p) => `"${p.code}" is not one of the 290 municipality codes or the 21 county codes`,
      (p) => `"${p.code}" är inte en av de 290 kommunkoderna eller de 21 länskoderna`,
    ),
    "county-in-municipal": msg<{ code: string; name: string }>(
      (p) => `"${p.code}" is a county (${p.name}); this file must have municipality rows (4-digit codes) and optionally 00 for Sweden`,
      (p) => `"${p.code}" är ett län (${p.name}); filen ska ha kommunrader (fyrsiffriga koder) och eventuellt 00 för riket`,
    ),
    "lost-zero": msg<{ code: string }>(
      (p) => `"${p.code}" is not a municipality code; did a spreadsheet drop the leading zero of 0${p.code}?`,
      (p) => `"${p.code}" är ingen kommunkod; har ett kalkylprogram tagit bort den inledande nollan i 0${p.code}?`,
    ),
    "region-without-code": msg<{ region: string; padded?: string }>(
      (p) => `region "${p.region}" has no 4-digit municipality code${p.padded ? ` (a lost leading zero? SCB writes ${p.padded})` : ""}; export the table with codes (e.g. "2080 Falun")`,
      (p) => `regionen "${p.region}" har ingen fyrsiffrig kommunkod${p.padded ? ` (en förlorad inledande nolla? SCB skriver ${p.padded})` : ""}; exportera tabellen med koder (t.ex. "2080 Falun")`,
    ),
    "mixed-level": msg<{ code: string; level: "county" | "municipality"; name: string }>(
      (p) =>
        `"${p.code}" is a ${p.level === "county" ? `county (${p.name})` : "municipality"} in a file of ${p.level === "county" ? "municipalities" : "counties"}; a file holds one level`,
      (p) => `"${p.code}" är ${p.level === "county" ? `ett län (${p.name})` : `en kommun (${p.name})`} i en fil med ${p.level === "county" ? "kommuner" : "län"}; en fil har bara en nivå`,
    ),
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
    "row-twice": msg<{ code: string; key?: string; age?: string; first: number }>(
      (p) => `${p.code} ${p.key !== undefined ? `key ${p.key}` : `age ${p.age}`} is given twice (first on line ${p.first})`,
      (p) => `${p.code}, ${p.key !== undefined ? `nyckeln ${p.key}` : `åldern ${p.age}`}, anges två gånger (första gången på rad ${p.first})`,
    ),
    "cell-twice": msg<{ region: string; age: string; sex: string; marital: string; firstLine?: number; firstPath?: string }>(
      (p) =>
        `${[p.region, p.age, p.sex, p.marital].filter((x) => x !== "").join(", ")} is given twice (first ${p.firstLine !== undefined ? `on line ${p.firstLine}` : p.firstPath !== undefined ? `at ${p.firstPath}` : "before"})`,
      (p) =>
        `${[p.region, p.age, p.sex, p.marital].filter((x) => x !== "").join(", ")} anges två gånger (första gången ${p.firstLine !== undefined ? `på rad ${p.firstLine}` : p.firstPath !== undefined ? `vid ${p.firstPath}` : "tidigare"})`,
    ),
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
    "not-a-count": msg<{ value: string; reason: "empty" | "negative" | "fraction" | "ambiguous" | "thousands" | "text"; digits?: string }>(
      (p) =>
        `count "${p.value}" ${{ empty: "is empty", negative: "is negative", fraction: "is not a whole number", ambiguous: `is not a whole number: the "${AMBIGUOUS_MARK(p.value)}" may be a thousands separator or a decimal comma (write ${p.digits} if it means thousands; a count has no decimals)`, thousands: "has thousands separators (write digits only)", text: "is not a number" }[p.reason]}`,
      (p) =>
        `antalet "${p.value}" ${{ empty: "är tomt", negative: "är negativt", fraction: "är inte ett heltal", ambiguous: `är inte ett heltal: "${AMBIGUOUS_MARK(p.value)}" kan vara en tusentalsavgränsare eller ett decimaltecken (skriv ${p.digits} om det är tusental; ett antal har inga decimaler)`, thousands: "har tusentalsavgränsare (skriv bara siffror)", text: "är inget tal" }[p.reason]}`,
    ),
    "scb-count": msg<{ value: string; reason: "empty" | "negative" | "separator" | "decimal" | "text"; digits?: string }>(
      (p) =>
        `count "${p.value}" ${{ empty: "is empty", negative: "is negative", separator: `is not a whole number: it looks like a thousands separator or a decimal comma (write ${p.digits} if it means thousands; export without separators)`, decimal: "is not a whole number: it looks like a decimal number, and a count of persons has no decimals", text: "is not a number (nor SCB's .. or -)" }[p.reason]}`,
      (p) =>
        `antalet "${p.value}" ${{ empty: "är tomt", negative: "är negativt", separator: `är inte ett heltal: det ser ut som en tusentalsavgränsare eller ett decimaltecken (skriv ${p.digits} om det är tusental; exportera utan avgränsare)`, decimal: "är inte ett heltal: det ser ut som ett decimaltal, och ett antal personer har inga decimaler", text: "är inget tal (och inte SCB:s .. eller -)" }[p.reason]}`,
    ),
    "missing-needed": msg<{ region: string; age: string; symbol: string; key: string }>(
      (p) => `${p.region}, ${p.age}: the count is missing (SCB's "${p.symbol}"), and the key ${p.key} needs it`,
      (p) => `${p.region}, ${p.age}: antalet saknas (SCB:s "${p.symbol}"), och nyckeln ${p.key} behöver det`,
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
    municipalities: msg<{ key?: string; missing: number; names: readonly string[]; scb: boolean }>(
      (p) =>
        `${p.key !== undefined ? `${p.key}: ` : ""}${p.missing} of 290 municipalities are missing (${p.names.join(", ")}${p.missing > p.names.length ? ", …" : ""}); add them, or ${p.scb ? 'include the row "00 Riket" so the file is used as partial data' : "declare Sweden's count on a 00 row to use the file as partial data"}`,
      (p) =>
        `${p.key !== undefined ? `${p.key}: ` : ""}${p.missing} av 290 kommuner saknas (${p.names.join(", ")}${p.missing > p.names.length ? ", …" : ""}); lägg till dem, eller ${p.scb ? 'ta med raden "00 Riket"' : "ange rikets antal på en rad 00"} för att använda filen som delvisa data`,
    ),
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
  POPULATION_AGES_INCOMPLETE: {
    "key-ages": msg<{ age: string; key: string }>(
      (p) => `the file has no rows for ${p.age}, which the key ${p.key} needs`,
      (p) => `filen har inga rader för ${p.age}, som nyckeln ${p.key} behöver`,
    ),
    "region-age": msg<{ region: string; age: string; key: string }>(
      (p) => `${p.region} has no row for ${p.age}, which the key ${p.key} needs`,
      (p) => `${p.region} har ingen rad för ${p.age}, som nyckeln ${p.key} behöver`,
    ),
  },
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
    "sum-vs-national": msg<{ key: string; level: "municipality" | "county"; summed: string; declared: string; complete: boolean }>(
      (p) => `the ${p.level === "municipality" ? "municipal" : "county"} counts for ${p.key} sum to ${p.summed}, ${p.complete ? "not" : "more than"} the national total given, ${p.declared}`,
      (p) => `${p.level === "municipality" ? "kommunernas" : "länens"} antal för ${p.key} summerar till ${p.summed}, ${p.complete ? "inte till" : "mer än"} rikets angivna ${p.declared}`,
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
    "no-period-matches": msg<{ periods: readonly string[]; given: string }>(
      (p) => `the file has the periods ${p.periods.join(", ")}, none of which is ${p.given}`,
      (p) => `filen har perioderna ${svList(p.periods)}, men ingen av dem avser ${p.given}`,
    ),
    "period-vs-date": msg<{ period: string; date?: string; year?: string; given: string }>(
      (p) => `the file's period ${p.period} means ${p.date ?? `the year ${p.year}`}, but the reference date given is ${p.given}`,
      (p) => `filens period ${p.period} avser ${p.date ?? `året ${p.year}`}, men det angivna referensdatumet är ${p.given}`,
    ),
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
  POPULATION_DATE_UNKNOWN: {
    "several-periods": msg<{ periods: readonly string[] }>(
      (p) => `the file has several periods (${p.periods.join(", ")}): choose one by its reference date; ${DATE_HELP_EN}`,
      (p) => `filen har flera perioder (${svList(p.periods)}): välj en med dess referensdatum; ${DATE_HELP_SV}`,
    ),
    "period-no-day": msg<{ period: string }>(
      (p) => `cannot tell the reference date of period "${p.period}" (the title names no day such as "den 1 november"); ${DATE_HELP_EN}`,
      (p) => `referensdatumet för perioden "${p.period}" går inte att avgöra (titeln nämner ingen dag som "den 1 november"); ${DATE_HELP_SV}`,
    ),
  },
});
