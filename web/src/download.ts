/**
 * The view as files for Excel, written by the library's own writers (src/report/csv.ts and
 * src/report/xlsx.ts), so the page's downloads are the files `stimulansmedel allocate --out x.csv`
 * and `--out x.xlsx` write for the same choices. Built in the browser; nothing is sent anywhere.
 */
import { formatAllocationCsv, type Allocation } from "../../src/index.js";
import { allocationToXlsx } from "../../src/report/xlsx.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Lets the browser save bytes as a file; the data stays on the machine. */
export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the allocation as CSV for Swedish Excel (UTF-8 with BOM, `;`, whole kronor). */
export function downloadCsv(a: Allocation, name: string): void {
  saveFile(new TextEncoder().encode(formatAllocationCsv(a)), name, "text/csv;charset=utf-8");
}

/** Saves the allocation as an xlsx workbook: a sheet per level and a Källor sheet. */
export async function downloadXlsx(a: Allocation, name: string): Promise<void> {
  saveFile(await allocationToXlsx(a), name, XLSX_TYPE);
}
