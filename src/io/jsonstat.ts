/**
 * JSON-stat 2.0 datasets, the response format of SCB's PxWeb API v2 (`outputFormat=json-stat2`).
 *
 * Read to the published standard (json-stat.org, version 2.0): `class: "dataset"`, `id` and
 * `size` give the dimensions in order, `dimension[id].category.index` (array or object) orders
 * each dimension's categories, `value` is the flat row-major array (or a sparse object keyed by
 * flat index), and `status` (a string, array or object) marks cells; PxWeb writes a missing cell
 * as `null` with its symbol (`..`) in `status`, and SCB's nil `-` likewise.
 *
 * Dimensions are recognised by id (SCB's `Region`, `Alder`, `Kon`, `Civilstand`, `ContentsCode`,
 * `Tid`) or by `role`; any other dimension must have a single category.
 *
 * Pure: a parsed JSON value in, dataset out.
 */
import { z } from "zod";
import { clipValue, PopulationError, raise } from "../errors.js";
import { MAX_COUNT, type PopulationDataset } from "../population.js";
import { buildScbPopulation, isPopulationContent, parseAge, parseMarital, parseRegionCode, parseSex, type CellValue, type ScbCell, type ScbMeta, type ScbReadOptions } from "./scb.js";

const categorySchema = z.object({
  index: z.union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())]).optional(),
  label: z.record(z.string(), z.string()).optional(),
});

const dimensionSchema = z.object({ label: z.string().optional(), category: categorySchema });

const datasetSchema = z.object({
  version: z.literal("2.0"),
  class: z.literal("dataset"),
  label: z.string().optional(),
  source: z.string().optional(),
  updated: z.string().optional(),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().nonnegative()).min(1),
  role: z.object({ time: z.array(z.string()).optional(), geo: z.array(z.string()).optional(), metric: z.array(z.string()).optional() }).partial().optional(),
  dimension: z.record(z.string(), dimensionSchema),
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]),
  status: z.union([z.string(), z.array(z.string().nullable()), z.record(z.string(), z.string())]).optional(),
  extension: z.object({ px: z.object({ tableid: z.string().optional() }).passthrough().optional() }).passthrough().optional(),
});

/** A JSON-stat 2.0 dataset, as far as this reader uses it. */
export type JsonStatDataset = z.infer<typeof datasetSchema>;

/** Options for {@link parseJsonStat}. */
export interface JsonStatOptions extends ScbReadOptions {
  /** Provenance to record (table, query, retrieval time), e.g. from the fetch command. */
  source?: ScbMeta["source"];
}

const MAX_COUNT_NUMBER = Number(MAX_COUNT);

/**
 * Limits of a JSON-stat population dataset. SCB's largest real one (290 municipalities and 21
 * counties × 101 ages × 3 sexes × a few periods) has about 100 000 cells.
 */
export const JSONSTAT_LIMITS = { dimensions: 10, categories: 10_000, cells: 2_000_000 } as const;
const MAX_DIMENSIONS = JSONSTAT_LIMITS.dimensions;
const MAX_CATEGORIES = JSONSTAT_LIMITS.categories;
const MAX_CELLS = JSONSTAT_LIMITS.cells;

type Role = "region" | "age" | "sex" | "marital" | "contents" | "time";

function roleOf(id: string, roles: JsonStatDataset["role"]): Role | undefined {
  if (roles?.time?.includes(id)) return "time";
  if (roles?.metric?.includes(id)) return "contents";
  if (roles?.geo?.includes(id)) return "region";
  const k = id.toLowerCase();
  if (/^(region|kommun)/.test(k)) return "region";
  if (/^(alder|ålder|age)/.test(k)) return "age";
  if (/^(kon|kön|sex)$/.test(k)) return "sex";
  if (/^civilst/.test(k)) return "marital";
  if (k === "contentscode") return "contents";
  if (/^(tid|time|year|month|period)$/.test(k)) return "time";
  return undefined;
}

/** Category codes of a dimension in index order. */
function categoryCodes(id: string, dim: JsonStatDataset["dimension"][string], size: number, file: string | undefined): string[] {
  const { index, label } = dim.category;
  let codes: string[];
  if (Array.isArray(index)) codes = index;
  else if (index) {
    codes = [];
    for (const [code, i] of Object.entries(index)) codes[i] = code;
  } else {
    // JSON-stat 2.0 requires index for more than one category; object-key order is not an order
    // (integer-like codes such as "2080" would come before "0114").
    const keys = Object.keys(label ?? {});
    if (size > 1 || keys.length > 1) raise("POPULATION_FORMAT", "jsonstat-no-index", { dimension: id, count: Math.max(size, keys.length) }, { file, path: `dimension.${id}.category` });
    codes = keys;
  }
  // A plain loop, not some()/filter(): those skip the holes that an index with a gap leaves.
  let defined = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] !== undefined) defined++;
  if (codes.length !== size || defined !== size) {
    throw new PopulationError("POPULATION_FORMAT", `dimension ${id} has ${defined} categories for positions 0–${size - 1} but size says ${size}`, {
      file,
      path: `dimension.${id}.category.index`,
    });
  }
  return codes;
}

function statusAt(status: JsonStatDataset["status"], i: number): string | undefined {
  if (status === undefined) return undefined;
  if (typeof status === "string") return status;
  if (Array.isArray(status)) return status.length === 1 ? (status[0] ?? undefined) : (status[i] ?? undefined);
  return status[String(i)];
}

/**
 * Reads a JSON-stat 2.0 dataset of SCB population (region × age × sex × … × period).
 *
 * @throws PopulationError naming the JSON path (`value[123]`) and value for every malformed case.
 * @example
 * ```ts
 * const pop = parseJsonStat(JSON.parse(text), { file: "TAB1267.json" });
 * ```
 */
export function parseJsonStat(json: unknown, options: JsonStatOptions = {}): PopulationDataset {
  const file = options.file;
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PopulationError("POPULATION_FORMAT", `not a JSON-stat 2.0 dataset: ${issue.message}`, { file, path: issue.path.join(".") });
  }
  const ds = parsed.data;
  if (ds.id.length !== ds.size.length) {
    throw new PopulationError("POPULATION_FORMAT", `id has ${ds.id.length} dimensions but size has ${ds.size.length}`, { file, path: "size" });
  }
  // Limits before anything is allocated: `size` is the file's claim, and a small file with a
  // sparse `value` can claim a billion cells.
  if (ds.id.length > MAX_DIMENSIONS) {
    raise("POPULATION_FORMAT", "jsonstat-too-large", { what: "dimensions", count: String(ds.id.length), limit: String(MAX_DIMENSIONS) }, { file, path: "id" });
  }
  let claimed = 1;
  for (let d = 0; d < ds.size.length; d++) {
    if (ds.size[d]! > MAX_CATEGORIES) {
      raise("POPULATION_FORMAT", "jsonstat-too-large", { what: `categories in ${ds.id[d]}`, count: String(ds.size[d]), limit: String(MAX_CATEGORIES) }, { file, path: `size[${d}]` });
    }
    claimed *= ds.size[d]!;
  }
  if (claimed > MAX_CELLS) raise("POPULATION_FORMAT", "jsonstat-too-large", { what: "cells", count: String(claimed), limit: String(MAX_CELLS) }, { file, path: "size" });
  const dims = ds.id.map((id, d) => {
    const dim = ds.dimension[id];
    if (!dim) throw new PopulationError("POPULATION_FORMAT", `dimension ${id} is listed in id but not described`, { file, path: `dimension.${id}` });
    const codes = categoryCodes(id, dim, ds.size[d]!, file);
    const role = roleOf(id, ds.role);
    if (role === undefined && codes.length > 1) {
      throw new PopulationError("POPULATION_FORMAT", `dimension ${id} (${dim.label ?? id}) has ${codes.length} categories; this reader knows region, ålder, kön, civilstånd and tid`, {
        file,
        path: `dimension.${id}`,
        value: id,
      });
    }
    if (role === "contents" && codes.length > 1) {
      throw new PopulationError("POPULATION_FORMAT", `the dataset has several contents (${codes.join(", ")}); ask for the population (folkmängd) only`, {
        file,
        path: `dimension.${id}`,
        value: codes.join(", "),
      });
    }
    if (role === "contents") {
      const content = dim.category.label?.[codes[0]!] ?? codes[0]!;
      if (!isPopulationContent(content)) raise("POPULATION_FORMAT", "not-population", { content }, { file, path: `dimension.${id}.category.label`, value: content });
    }
    return { id, role, codes, labels: dim.category.label ?? {} };
  });
  if (!dims.some((d) => d.role === "region")) throw new PopulationError("POPULATION_FORMAT", "the dataset has no region dimension", { file, path: "id" });
  const total = ds.size.reduce((a, b) => a * b, 1);
  const dense = Array.isArray(ds.value);
  if (dense && (ds.value as unknown[]).length !== total) {
    throw new PopulationError("POPULATION_FORMAT", `value has ${(ds.value as unknown[]).length} cells but the sizes ${ds.size.join(" × ")} make ${total}`, {
      file,
      path: "value",
    });
  }
  if (!dense) {
    // A key that is no position would be dropped without a word, and the cell it meant left missing.
    for (const key of Object.keys(ds.value)) {
      if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= total) {
        raise("POPULATION_FORMAT", "jsonstat-sparse-key", { key: clipValue(key), cells: String(total) }, { file, path: `value.${clipValue(key)}`, value: clipValue(key) });
      }
    }
  }

  const cells: ScbCell[] = [];
  const coords = new Array<number>(dims.length).fill(0);
  for (let i = 0; i < total; i++) {
    let rest = i;
    for (let d = dims.length - 1; d >= 0; d--) {
      const n = dims[d]!.codes.length;
      coords[d] = rest % n;
      rest = Math.floor(rest / n);
    }
    const raw = dense ? (ds.value as (number | null)[])[i] : (ds.value as Record<string, number | null>)[String(i)];
    const where = { path: `value[${i}]` };
    const status = statusAt(ds.status, i);
    let value: CellValue;
    if (raw === null || raw === undefined) {
      if (status === "-") value = { kind: "count", n: 0n };
      else value = { kind: "missing", symbol: status ?? ".." };
    } else if (Number.isSafeInteger(raw) && raw >= 0 && raw <= MAX_COUNT_NUMBER) value = { kind: "count", n: BigInt(raw) };
    else if (Number.isInteger(raw) && raw > 0) {
      raise("POPULATION_BAD_COUNT", "too-large", { value: String(raw), limit: String(MAX_COUNT) }, { file, ...where, value: String(raw) });
    } else {
      throw new PopulationError("POPULATION_BAD_COUNT", `count ${raw} ${raw < 0 ? "is negative" : "is not a whole number"}`, { file, ...where, value: String(raw) });
    }
    const cell: ScbCell = { region: "", age: "total", sex: "total", marital: "total", period: "", value, where };
    dims.forEach((dim, d) => {
      const code = dim.codes[coords[d]!]!;
      const label = dim.labels[code] ?? code;
      const at = { file, path: `dimension.${dim.id}.category.index.${code}` };
      switch (dim.role) {
        case "region":
          cell.region = parseRegionCode(code, at);
          break;
        case "age":
          cell.age = tryBoth(() => parseAge(code, at), () => parseAge(label, at));
          break;
        case "sex":
          cell.sex = tryBoth(() => parseSex(code, at), () => parseSex(label, at));
          break;
        case "marital":
          cell.marital = parseMarital(code) === "total" ? "total" : parseMarital(label);
          break;
        case "time":
          cell.period = code;
          break;
        default:
          break;
      }
    });
    cells.push(cell);
  }
  const tableId = ds.extension?.px?.tableid;
  const meta: ScbMeta = {
    format: "JSON-stat 2.0",
    ...(ds.label !== undefined ? { title: ds.label } : {}),
    ...(tableId !== undefined ? { tableId } : {}),
    ...(options.source ? { source: options.source } : {}),
  };
  if (ds.updated) meta.notes = [`uppdaterad ${ds.updated}`];
  return buildScbPopulation(cells, meta, options);
}

function tryBoth<T>(first: () => T, second: () => T): T {
  try {
    return first();
  } catch {
    return second();
  }
}
