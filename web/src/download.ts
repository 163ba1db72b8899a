/**
 * The view as files for Excel, written by the library's own writers, so the page's downloads are
 * the files `stimulansmedel allocate --out x.csv` and `--out x.xlsx` write for the same choices.
 * The CSV writer is small and part of the page; the xlsx writer runs in a worker that is started
 * on the first xlsx download only. Built in the browser; nothing is sent anywhere.
 */
import { errorOf, formatAllocationCsv, formatComparisonCsv, type Allocation, type Comparison } from "../../src/index.js";
import { startWorker } from "./trusted.js";
import type { XlsxRequest, XlsxResponse } from "./workers/protocol.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Lets the browser save bytes as a file; the data stays on the machine. */
function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves an allocation (or a comparison) as CSV for Swedish Excel (UTF-8 with BOM, `;`, whole kronor).
 *
 * @example
 * ```ts
 * downloadCsv({ allocation: selectAllocation(full, { county: "20" }) }, "dalarna.csv");
 * ```
 */
export function downloadCsv(what: { allocation: Allocation } | { comparison: Comparison }, name: string): void {
  const text = "allocation" in what ? formatAllocationCsv(what.allocation) : formatComparisonCsv(what.comparison);
  saveFile(new TextEncoder().encode(text), name, "text/csv;charset=utf-8");
}

let worker: Promise<Worker> | undefined;
let requestId = 0;

/**
 * Saves an allocation as an xlsx workbook (a sheet per level, Saknas, Källor), or a comparison.
 *
 * @example
 * ```ts
 * await downloadXlsx({ allocation: shown }, "dalarna.xlsx"); // starts the xlsx worker the first time
 * ```
 */
export async function downloadXlsx(what: { allocation: Allocation } | { comparison: Comparison }, name: string): Promise<void> {
  worker ??= startWorker("worker-xlsx");
  const w = await worker;
  const id = ++requestId;
  const req: XlsxRequest = "allocation" in what ? { id, kind: "allocation", allocation: what.allocation } : { id, kind: "comparison", comparison: what.comparison };
  const res = await new Promise<XlsxResponse>((resolve, reject) => {
    const onMessage = (e: MessageEvent<XlsxResponse>) => {
      if (e.data.id !== id) return;
      w.removeEventListener("message", onMessage);
      resolve(e.data);
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", (e) => reject(new Error(e.message)), { once: true });
    w.postMessage(req);
  });
  if (!res.ok) throw res.issues && res.issues.length > 0 ? errorOf(res.issues) : new Error(res.unexpected ?? "okänt fel");
  saveFile(res.bytes, name, XLSX_TYPE);
}
