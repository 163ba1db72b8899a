/**
 * The messages between the page and its workers. Everything crosses by structured clone, which
 * keeps bigint, Map and Set, so a dataset or an allocation arrives exactly as it left.
 */
import type { Allocation, Comparison, Issue, PopulationDataset } from "../../../src/index.js";

/** Page → parse worker: one file's bytes (transferred, not copied). */
export interface ParseRequest {
  readonly id: number;
  readonly name: string;
  readonly bytes: ArrayBuffer;
  /** The date typed in the page, for files that do not carry a day. */
  readonly referenceDate?: string;
}

/** A name column the reader does not use, and the rows whose name is not the code's. */
export interface IgnoredNames {
  readonly column: string;
  /** Rows where the name differs from the municipality the code stands for (first few). */
  readonly mismatches: readonly { readonly line: number; readonly code: string; readonly given: string; readonly actual: string }[];
  readonly mismatchCount: number;
}

/** Parse worker → page. */
export type ParseResponse =
  | { readonly id: number; readonly ok: true; readonly dataset: PopulationDataset; readonly ignoredNames?: IgnoredNames; readonly millis: number }
  | { readonly id: number; readonly ok: false; readonly issues: readonly Issue[] }
  | { readonly id: number; readonly ok: false; readonly unexpected: string };

/** Page → xlsx worker. */
export type XlsxRequest =
  | { readonly id: number; readonly kind: "allocation"; readonly allocation: Allocation }
  | { readonly id: number; readonly kind: "comparison"; readonly comparison: Comparison };

/** Xlsx worker → page. */
export type XlsxResponse = { readonly id: number; readonly ok: true; readonly bytes: Uint8Array } | { readonly id: number; readonly ok: false; readonly issues?: readonly Issue[]; readonly unexpected?: string };
