/**
 * From SCB's description of a table (the v2 `metadata` endpoint, JSON-stat 2.0 with an empty
 * `value`) to the data requests that fetch what an agreement needs: every variable and value code
 * is looked up in the description rather than trusted from this library, and the regions are
 * split over several requests when one would exceed SCB's cell limit.
 *
 * Variables by code (`Region`, `Alder`, `Kon`, `ContentsCode`, `Tid`; the time, metric and geo
 * roles as fallbacks). Ages and sexes are recognised by code or label with the readers' rules
 * (`parseAge`, `parseSex`), so `100+` and `totalt ålder` are found whatever their codes. A
 * variable this library does not use is left out when SCB allows it (`elimination`), chosen when
 * it has one value, summed when it is a marital status, and refused otherwise.
 *
 * Pure: no network.
 */
import { z } from "zod";
import { raise } from "../errors.js";
import { allMunicipalities, getRecipient } from "../geography/index.js";
import type { ScbTable } from "../io/scb-tables.js";
import { parseAge, parseSex } from "../io/scb.js";
import { own } from "../own.js";
import type { ByHandParams } from "../messages/scb.js";
import { parseKey, TOP_AGE, type PopulationKey } from "../population.js";

/** SCB's published limit on the cells of one data request. */
export const SCB_MAX_CELLS = 150_000;

/** One value of a variable. */
export interface ScbValue {
  code: string;
  label: string;
}

/** One variable (dimension) of a table, as SCB describes it. */
export interface ScbVariable {
  code: string;
  label: string;
  /** Whether SCB allows leaving the variable out of a request (it then sums or uses a total). */
  elimination: boolean;
  role: "time" | "metric" | "geo" | undefined;
  /** In SCB's order. */
  values: ScbValue[];
}

/** What this library reads of a table's description. */
export interface ScbMetadata {
  label: string;
  tableId: string | undefined;
  updated: string | undefined;
  variables: ScbVariable[];
}

const indexSchema = z.union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())]);
const metadataSchema = z.object({
  version: z.literal("2.0"),
  class: z.literal("dataset"),
  label: z.string(),
  updated: z.string().optional(),
  id: z.array(z.string()).min(1),
  role: z.object({ time: z.array(z.string()), metric: z.array(z.string()), geo: z.array(z.string()) }).partial().optional(),
  dimension: z.record(
    z.string(),
    z.object({
      label: z.string().optional(),
      category: z.object({ index: indexSchema.optional(), label: z.record(z.string(), z.string()).optional() }),
      extension: z.object({ elimination: z.boolean().optional() }).passthrough().optional(),
    }),
  ),
  extension: z.object({ px: z.object({ tableid: z.string().optional() }).passthrough().optional() }).passthrough().optional(),
});

/**
 * Reads SCB's description of a table (`GET /tables/{id}/metadata`).
 *
 * @throws ScbError `SCB_RESPONSE` (kind `not-metadata`) when it is not a JSON-stat 2.0 description.
 * @example
 * ```ts
 * const meta = readScbMetadata(await requestJson({ method: "GET", url }, byHand, http), byHand, url);
 * meta.variables.map((v) => v.code); // ["Region", "Alder", "Kon", "ContentsCode", "Tid"]
 * ```
 */
export function readScbMetadata(json: unknown, table: ByHandParams, url: string): ScbMetadata {
  const parsed = metadataSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    raise("SCB_RESPONSE", "not-metadata", { ...table, url, reason: `${first.path.join(".") || "(top)"}: ${first.message}` }, { value: url });
  }
  const m = parsed.data;
  const roleOf = (id: string): ScbVariable["role"] =>
    m.role?.time?.includes(id) ? "time" : m.role?.metric?.includes(id) ? "metric" : m.role?.geo?.includes(id) ? "geo" : undefined;
  const variables = m.id.map((id): ScbVariable => {
    const dim = own(m.dimension, id);
    if (!dim) raise("SCB_RESPONSE", "not-metadata", { ...table, url, reason: `dimension ${id} is listed in id but not described` }, { value: id });
    const { index, label = {} } = dim.category;
    let codes: string[];
    if (Array.isArray(index)) codes = [...index];
    else if (index) {
      codes = [];
      for (const [code, i] of Object.entries(index)) codes[i] = code;
      codes = codes.filter((c) => c !== undefined);
    } else codes = Object.keys(label);
    return { code: id, label: dim.label ?? id, elimination: dim.extension?.elimination === true, role: roleOf(id), values: codes.map((code) => ({ code, label: own(label, code) ?? code })) };
  });
  return { label: m.label, tableId: m.extension?.px?.tableid, updated: m.updated, variables };
}

/** One variable's part of a data request, as SCB's v2 API takes it in a POST body. */
export interface ScbSelection {
  variableCode: string;
  valueCodes: string[];
}

/** One data request: `POST url` with `{ selection }`, within the cell limit. */
export interface ScbDataRequest {
  url: string;
  body: { selection: ScbSelection[] };
  /** Cells the answer will have. */
  cells: number;
  /** The municipalities asked for (Riket, `00`, is asked for in every request). */
  municipalities: string[];
}

/** The requests for a table and a set of keys, with what was chosen. */
export interface ScbQueryPlan {
  table: ScbTable;
  keys: PopulationKey[];
  requests: ScbDataRequest[];
  /** The query in one line, for the provenance header (`# ursprung:`). */
  query: string;
  /** The ages, sexes, contents and period chosen, by variable code. */
  chosen: Record<string, string[]>;
  /** True when the table has no "totalt ålder" and the total is summed from single-year ages. */
  totalFromAges: boolean;
  /** The municipalities' and Riket's value codes, for checking the answers. */
  metadata: ScbMetadata;
}

/** Options for {@link planScbQuery}. */
export interface PlanOptions {
  /** The API base, e.g. `https://statistikdatabasen.scb.se/api/v2`. */
  apiUrl: string;
  /** Cells per request (default {@link SCB_MAX_CELLS}). */
  maxCells?: number;
}

function find(metadata: ScbMetadata, code: string, role: ScbVariable["role"]): ScbVariable | undefined {
  return metadata.variables.find((v) => v.code === code) ?? (role ? metadata.variables.find((v) => v.role === role) : undefined);
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

function ageOf(v: ScbValue): number | "total" | undefined {
  return safely(() => parseAge(v.code, {})) ?? safely(() => parseAge(v.label, {}));
}

function sexOf(v: ScbValue): "men" | "women" | "total" | undefined {
  return safely(() => parseSex(v.code, {})) ?? safely(() => parseSex(v.label, {}));
}

function ageLabel(age: number): string {
  return age === TOP_AGE ? "100+ år" : `${age} år`;
}

/** `0..18,tot` for a list of age codes: runs of consecutive single years shortened. */
function compactAges(codes: readonly string[], ages: readonly (number | "total")[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (typeof ages[j] === "number" && typeof ages[j + 1] === "number" && (ages[j + 1] as number) === (ages[j] as number) + 1) j++;
    parts.push(j - i >= 2 ? `${codes[i]}..${codes[j]}` : codes.slice(i, j + 1).join(","));
    i = j + 1;
  }
  return parts.join(",");
}

/**
 * Plans the data requests for the keys of one table: checks every variable and code against the
 * table's description, and splits the municipalities so that no request exceeds the cell limit
 * (each request also asks for Riket, so that every answer is usable on its own).
 *
 * @throws ScbError `SCB_TABLE` naming what the description lacks (a variable, codes, the period,
 *   the contents), a variable that cannot be summed, or a cell limit too small for one municipality.
 * @example
 * ```ts
 * const plan = planScbQuery(scbTableFor("2024-11-01"), meta, ["0-18", "total"], byHand, { apiUrl: DEFAULT_SCB_API });
 * plan.requests.length; // 1 (291 regions × 20 ages × 2 sexes = 11 640 cells)
 * ```
 */
export function planScbQuery(table: ScbTable, metadata: ScbMetadata, keys: readonly PopulationKey[], byHand: ByHandParams, options: PlanOptions): ScbQueryPlan {
  const maxCells = options.maxCells ?? SCB_MAX_CELLS;
  const names = metadata.variables.map((v) => v.code);
  const need = (code: string, role: ScbVariable["role"]): ScbVariable => find(metadata, code, role) ?? raise("SCB_TABLE", "no-variable", { ...byHand, variable: code, variables: names }, { value: code });
  const missingCodes = (variable: string, codes: string[]): never =>
    raise("SCB_TABLE", "no-codes", { ...byHand, variable, codes: codes.slice(0, 5), count: codes.length }, { value: codes[0] ?? variable });

  // Regions: Riket and the 290 municipalities.
  const region = need("Region", "geo");
  const regionCodes = new Set(region.values.map((v) => v.code));
  const municipalities = allMunicipalities().map((m) => m.code);
  const absent = ["00", ...municipalities].filter((c) => !regionCodes.has(c));
  if (absent.length > 0) missingCodes(region.code, absent.map((c) => (c === "00" ? "00 Riket" : `${c} ${getRecipient("municipality", c)!.name}`)));

  // Ages: the single years every key needs, and "totalt ålder" where the table has it.
  const alder = need("Alder", undefined);
  const found = new Map<number | "total", { code: string; exact: boolean }>();
  for (const v of alder.values) {
    const a = ageOf(v);
    if (a === undefined) continue;
    // A code that is itself the age beats a label match: "100+" rather than the "100+10" of a
    // ten-year grouping labelled "100+ år".
    const exact = safely(() => parseAge(v.code, {})) === a;
    const prev = found.get(a);
    if (prev === undefined || (exact && !prev.exact)) found.set(a, { code: v.code, exact });
  }
  const byAge = new Map([...found].map(([a, f]) => [a, f.code]));
  const wanted = new Set<number | "total">();
  let totalFromAges = false;
  for (const key of keys) {
    const k = parseKey(key);
    if (k.kind === "total") {
      if (byAge.has("total")) wanted.add("total");
      else {
        totalFromAges = true;
        for (let a = 0; a <= TOP_AGE; a++) wanted.add(a);
      }
    } else for (let a = k.from; a <= k.to; a++) wanted.add(a);
  }
  const ages = [...wanted].sort((a, b) => (a === "total" ? 1 : b === "total" ? -1 : a - b));
  const agesAbsent = ages.filter((a) => !byAge.has(a));
  if (agesAbsent.length > 0) missingCodes(alder.code, agesAbsent.map((a) => (a === "total" ? "totalt ålder" : ageLabel(a))));
  const ageCodes = ages.map((a) => byAge.get(a)!);

  const chosen: Record<string, string[]> = {};
  const selections = new Map<string, string[]>();
  selections.set(alder.code, ageCodes);

  // Sexes: men and women (summed by the reader), or the table's total when it has only that.
  const kon = find(metadata, "Kon", undefined);
  if (kon) {
    const men = kon.values.find((v) => sexOf(v) === "men");
    const women = kon.values.find((v) => sexOf(v) === "women");
    const total = kon.values.find((v) => sexOf(v) === "total");
    if (men && women) selections.set(kon.code, [men.code, women.code]);
    else if (total) selections.set(kon.code, [total.code]);
    else missingCodes(kon.code, ["män", "kvinnor"]);
  }

  // Contents: the population, by the code this library knows or the table's only contents.
  const contents = need("ContentsCode", "metric");
  const known = contents.values.find((v) => v.code === table.contents);
  const population = contents.values.filter((v) => /folkmängd/i.test(v.label));
  const content = known ?? (contents.values.length === 1 ? contents.values[0] : population.length === 1 ? population[0] : undefined);
  if (!content) raise("SCB_TABLE", "contents", { ...byHand, wanted: table.contents, available: contents.values.map((v) => `${v.code} ${v.label}`) }, { value: table.contents });
  selections.set(contents.code, [content.code]);

  // Period: must be published.
  const tid = need("Tid", "time");
  if (!tid.values.some((v) => v.code === table.period)) {
    raise("SCB_TABLE", "no-period", { ...byHand, latest: tid.values.at(-1)?.code ?? "" }, { value: table.period });
  }
  selections.set(tid.code, [table.period]);

  // Any other variable: left out when SCB allows it, else chosen or summed.
  for (const v of metadata.variables) {
    if (v === region || selections.has(v.code) || v.elimination) continue;
    if (v.values.length === 1) selections.set(v.code, [v.values[0]!.code]);
    else if (/^civilst/i.test(v.code)) selections.set(v.code, v.values.map((x) => x.code));
    else raise("SCB_TABLE", "unexpected-variable", { ...byHand, variable: `${v.code} (${v.label})`, values: v.values.length }, { value: v.code });
  }

  const perRegion = [...selections.values()].reduce((n, codes) => n * codes.length, 1);
  const regionsPerRequest = Math.floor(maxCells / perRegion);
  if (regionsPerRequest < 2) raise("SCB_TABLE", "too-many-cells", { ...byHand, perRegion, limit: maxCells }, { value: String(perRegion) });
  const perRequest = Math.min(municipalities.length, regionsPerRequest - 1);
  const parts = Math.ceil(municipalities.length / perRequest);
  // Even parts rather than full ones and a remainder: the same number of cells in each request.
  const size = Math.ceil(municipalities.length / parts);
  const order = new Map(region.values.map((v, i) => [v.code, i]));
  const url = `${options.apiUrl.replace(/\/+$/, "")}/tables/${table.id}/data?lang=sv&outputFormat=json-stat2`;
  const requests: ScbDataRequest[] = [];
  for (let p = 0; p < parts; p++) {
    const chunk = municipalities.slice(p * size, (p + 1) * size);
    const regionValues = ["00", ...chunk].sort((a, b) => order.get(a)! - order.get(b)!);
    const selection: ScbSelection[] = metadata.variables
      .filter((v) => v === region || selections.has(v.code))
      .map((v) => ({ variableCode: v.code, valueCodes: v === region ? regionValues : selections.get(v.code)! }));
    requests.push({ url, body: { selection }, cells: regionValues.length * perRegion, municipalities: chunk });
  }

  for (const [code, values] of selections) chosen[code] = values;
  const described = metadata.variables
    .filter((v) => v === region || selections.has(v.code))
    .map((v) => (v === region ? `${v.code}=00+290 kommuner` : `${v.code}=${v === alder ? compactAges(ageCodes, ages) : selections.get(v.code)!.join(",")}`));
  const query = `POST ${url} ${described.join("; ")}${parts > 1 ? ` (${parts} frågor, högst ${maxCells} celler per fråga)` : ""}`;
  return { table, keys: [...keys], requests, query, chosen, totalFromAges, metadata };
}
