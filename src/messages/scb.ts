/**
 * Messages about fetching population from SCB's PxWeb API v2: SCB cannot be reached, answers
 * with an error or something unreadable, its table does not have what the agreement needs, or
 * the agreement does not say what to fetch. Every message that leaves the user without data says
 * which table to download by hand, from where, and the command that reads the download.
 */
import { formatInteger } from "../format.js";
import { defineMessages, enList, msg, svList } from "./define.js";

/** What a by-hand download needs: the table, where it is, what to select in it. */
export type ByHandParams = {
  /** SCB's table id, e.g. `TAB1267`. */
  table: string;
  /** The table's name, e.g. `Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267)`. */
  name: string;
  webUrl: string;
  /** The period in the table, e.g. `2024` or `2024M10`. */
  period: string;
  /** The population keys to select (`total`, `0-18`). */
  keys: readonly string[];
  /** The agreement the data is for, when known (names it in the command). */
  agreement?: string;
};

type Params<T> = ByHandParams & T;

function keyEn(key: string): string {
  return key === "total" ? "all ages (total)" : `ages ${key.replace("-", "–")}`;
}

function keySv(key: string): string {
  return key === "total" ? "totalt ålder" : `ålder ${key.replace("-", "–")} år`;
}

function command(p: ByHandParams, file: string): string {
  return `stimulansmedel allocate${p.agreement !== undefined ? ` --agreement ${p.agreement}` : ""} --population ${file}`;
}

function byHandEn(p: ByHandParams): string {
  return `download ${p.name} by hand from ${p.webUrl} (every municipality and Riket, ${enList(p.keys.map(keyEn))}, both sexes, period ${p.period}) and read it with: ${command(p, "FILE")}`;
}

function byHandSv(p: ByHandParams): string {
  return `ladda ner tabellen ${p.name} för hand från ${p.webUrl} (alla kommuner och riket, ${svList(p.keys.map(keySv))}, båda könen, period ${p.period}) och läs filen med: ${command(p, "FIL")}`;
}

/** A network failure in plain Swedish words (the English message keeps the system's code). */
function networkSv(reason: string): string {
  if (/ENOTFOUND|EAI_AGAIN/.test(reason)) return "adressen hittades inte, kontrollera nätverket";
  if (/ECONNREFUSED/.test(reason)) return "anslutningen nekades";
  if (/ECONNRESET|socket hang up|UND_ERR_SOCKET/i.test(reason)) return "anslutningen bröts";
  if (/ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/.test(reason)) return "ingen kontakt med servern";
  if (/CERT|SSL|TLS/i.test(reason)) return "den säkra anslutningen kunde inte upprättas";
  return "nätverksfel";
}

/** An HTTP status in plain Swedish words. */
function statusSv(status: number): string {
  if (status === 429) return "för många frågor på kort tid";
  if (status === 400) return "frågan godtogs inte";
  if (status === 404) return "tabellen eller adressen finns inte";
  if (status === 403 || status === 401) return "åtkomst nekad";
  if (status >= 500) return "tillfälligt fel hos SCB";
  return "oväntat svar";
}

function secondsSv(ms: number): string {
  const s = ms / 1000;
  const text = Number.isInteger(s) ? formatInteger(s) : s.toFixed(1).replace(".", ",");
  return `${text} ${s === 1 ? "sekund" : "sekunder"}`;
}

function bytesSv(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0 ? `${formatInteger(n / (1024 * 1024))} MiB` : `${formatInteger(n)} byte`;
}

function bytesEn(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}

/**
 * The SCB area of the catalogue.
 *
 * @example
 * ```ts
 * scbMessages.SCB_UNREACHABLE.network.sv({ url: "https://…", reason: "ENOTFOUND", table: "TAB1267", name: "Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267)", webUrl: "https://…", period: "2024", keys: ["0-18", "total"] });
 * // "SCB:s API kunde inte nås (adressen hittades inte, kontrollera nätverket); ladda ner tabellen … och läs filen med: stimulansmedel allocate --population FIL"
 * ```
 */
export const scbMessages = defineMessages({
  SCB_UNREACHABLE: {
    network: msg<Params<{ url: string; reason: string }>>(
      (p) => `cannot reach SCB's API at ${p.url} (${p.reason}); ${byHandEn(p)}`,
      (p) => `SCB:s API kunde inte nås (${networkSv(p.reason)}); ${byHandSv(p)}`,
    ),
    timeout: msg<Params<{ url: string; ms: number }>>(
      (p) => `SCB's API did not answer within ${p.ms / 1000} s at ${p.url}; ${byHandEn(p)}`,
      (p) => `SCB:s API svarade inte inom ${secondsSv(p.ms)}; ${byHandSv(p)}`,
    ),
  },
  SCB_RESPONSE: {
    status: msg<Params<{ url: string; status: number; statusText: string; attempts: number; detail?: string }>>(
      (p) =>
        `SCB's API answered ${p.status}${p.statusText ? ` ${p.statusText}` : ""}${p.detail ? ` (${p.detail})` : ""} at ${p.url}${p.attempts > 1 ? ` after ${p.attempts} attempts` : ""}; ${byHandEn(p)}`,
      (p) => `SCB:s API svarade med fel ${p.status} (${statusSv(p.status)})${p.attempts > 1 ? ` ${p.attempts} gånger i rad` : ""}; ${byHandSv(p)}`,
    ),
    "retry-after-too-long": msg<Params<{ url: string; status: number; seconds: number; limit: number }>>(
      (p) => `SCB's API answered ${p.status} and asks to wait ${p.seconds} s before the next request, longer than the ${p.limit} s this library waits; try again later, or ${byHandEn(p)}`,
      (p) => `SCB:s API ber om ${formatInteger(p.seconds)} sekunders väntan innan nästa fråga; försök igen senare, eller ${byHandSv(p)}`,
    ),
    "too-large": msg<Params<{ url: string; limit: number }>>(
      (p) => `SCB's answer from ${p.url} is larger than ${bytesEn(p.limit)} (the limit for one answer) and was not read; ${byHandEn(p)}`,
      (p) => `SCB:s svar är större än ${bytesSv(p.limit)} och lästes inte; ${byHandSv(p)}`,
    ),
    "not-json": msg<Params<{ url: string; reason: string }>>(
      (p) => `SCB's answer from ${p.url} is not JSON (${p.reason}); ${byHandEn(p)}`,
      (p) => `SCB:s svar gick inte att läsa; ${byHandSv(p)}`,
    ),
    "not-metadata": msg<Params<{ url: string; reason: string }>>(
      (p) => `SCB's description of ${p.table} from ${p.url} is not a JSON-stat 2.0 table description (${p.reason}); ${byHandEn(p)}`,
      (p) => `SCB:s beskrivning av tabellen ${p.table} gick inte att läsa; ${byHandSv(p)}`,
    ),
    unreadable: msg<Params<{ url: string; part: number; parts: number }>>(
      (p) => `SCB's answer${p.parts > 1 ? ` ${p.part} of ${p.parts}` : ""} from ${p.url} cannot be read as population (the problems follow); ${byHandEn(p)}`,
      (p) => `SCB:s svar${p.parts > 1 ? ` (del ${p.part} av ${p.parts})` : ""} gick inte att läsa som befolkning; ${byHandSv(p)}`,
    ),
    "parts-disagree": msg<Params<{ key: string; first: string; second: string }>>(
      (p) => `SCB's answers disagree about Sweden's ${p.key} count (${p.first} and ${p.second}) between two parts of one query; ${byHandEn(p)}`,
      (p) => `SCB:s svar anger olika antal för riket (${formatInteger(BigInt(p.first))} och ${formatInteger(BigInt(p.second))}) i två delar av samma fråga; ${byHandSv(p)}`,
    ),
    "riket-missing": msg<Params<{ key: string }>>(
      (p) => `SCB's answer lacks Sweden's (00 Riket) count for ${p.key}, which was asked for; ${byHandEn(p)}`,
      (p) => `SCB:s svar saknar rikets antal för ${keySv(p.key)}; ${byHandSv(p)}`,
    ),
    "municipalities-missing": msg<Params<{ key: string; count: number; names: readonly string[] }>>(
      (p) => `SCB's answer lacks ${p.key} for ${p.count} of 290 municipalities (${enList(p.names)}${p.count > p.names.length ? ", …" : ""}); ${byHandEn(p)}`,
      (p) => `SCB:s svar saknar ${keySv(p.key)} för ${p.count} av 290 kommuner (${svList(p.names)}${p.count > p.names.length ? " m.fl." : ""}); ${byHandSv(p)}`,
    ),
  },
  SCB_TABLE: {
    "no-variable": msg<Params<{ variable: string; variables: readonly string[] }>>(
      (p) => `SCB's table ${p.table} has no variable ${p.variable} (it has ${enList(p.variables)}); the table has changed, ${byHandEn(p)}`,
      (p) => `SCB:s tabell ${p.table} har inte längre den uppdelning som behövs (${p.variable}); ${byHandSv(p)}`,
    ),
    "no-codes": msg<Params<{ variable: string; codes: readonly string[]; count: number }>>(
      (p) => `SCB's table ${p.table} lacks ${p.count} value code${p.count === 1 ? "" : "s"} of ${p.variable} that are needed (${enList(p.codes)}${p.count > p.codes.length ? ", …" : ""}); ${byHandEn(p)}`,
      (p) => `SCB:s tabell ${p.table} saknar ${p.count} värden som behövs (${svList(p.codes)}${p.count > p.codes.length ? " m.fl." : ""}); ${byHandSv(p)}`,
    ),
    "no-period": msg<Params<{ latest: string }>>(
      (p) => `SCB's table ${p.table} has no period ${p.period} yet${p.latest ? ` (the latest is ${p.latest})` : ""}; fetch again when SCB has published it, or ${byHandEn(p)}`,
      (p) => `SCB har ännu inte publicerat period ${p.period} i tabellen ${p.table}${p.latest ? ` (senaste är ${p.latest})` : ""}; hämta igen när den finns, eller ${byHandSv(p)}`,
    ),
    contents: msg<Params<{ wanted: string; available: readonly string[] }>>(
      (p) => `SCB's table ${p.table} has no contents ${p.wanted === "*" ? "that is the population" : p.wanted} (it has ${enList(p.available)}); ${byHandEn(p)}`,
      (p) => `SCB:s tabell ${p.table} har inte folkmängden som väntat; ${byHandSv(p)}`,
    ),
    "unexpected-variable": msg<Params<{ variable: string; values: number }>>(
      (p) => `SCB's table ${p.table} has a variable ${p.variable} with ${p.values} values that must be chosen and that this library does not know how to sum; ${byHandEn(p)}`,
      (p) => `SCB:s tabell ${p.table} har en uppdelning (${p.variable}) som inte går att summera här; ${byHandSv(p)}`,
    ),
    "too-many-cells": msg<Params<{ perRegion: number; limit: number }>>(
      (p) => `one municipality and Riket alone need ${2 * p.perRegion} cells from ${p.table}, more than the ${p.limit} SCB allows in one request; ${byHandEn(p)}`,
      (p) => `frågan till SCB:s tabell ${p.table} blir för stor även för en kommun i taget; ${byHandSv(p)}`,
    ),
  },
  SCB_AGREEMENT: {
    "no-date": msg<{ agreement: string }>(
      (p) => `agreement ${p.agreement} states no reference date, so it is not known which population to fetch; give the date (referenceDate)`,
      (p) => `överenskommelsen ${p.agreement} anger inget referensdatum, så det går inte att veta vilken befolkning som ska hämtas; ange datumet`,
    ),
    "several-dates": msg<{ agreement: string; dates: readonly string[] }>(
      (p) => `agreement ${p.agreement} needs population for several reference dates (${enList(p.dates)}); fetch each date on its own (referenceDate) and merge them`,
      (p) => `överenskommelsen ${p.agreement} behöver befolkning för flera referensdatum (${svList(p.dates)}); hämta ett datum i taget`,
    ),
    "no-keys": msg<{ agreement: string }>(
      (p) => `agreement ${p.agreement} shares no known pot by population, so there is nothing to fetch`,
      (p) => `överenskommelsen ${p.agreement} fördelar ingen känd pott efter befolkning, så det finns inget att hämta`,
    ),
  },
});
