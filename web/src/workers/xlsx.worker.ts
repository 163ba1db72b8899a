/**
 * The xlsx writer, started only when a workbook is first downloaded: the library's own writer
 * (src/report/xlsx.ts), so the page's workbook is the one the command line writes.
 */
import { allocationToXlsx, comparisonToXlsx, StimulansmedelError } from "../../../src/index.js";
import type { XlsxRequest, XlsxResponse } from "./protocol.js";

const scope = self as unknown as { onmessage: ((e: MessageEvent<XlsxRequest>) => void) | null; postMessage(m: XlsxResponse, transfer?: Transferable[]): void };

scope.onmessage = async (e) => {
  const req = e.data;
  try {
    const bytes = req.kind === "allocation" ? await allocationToXlsx(req.allocation) : await comparisonToXlsx(req.comparison);
    scope.postMessage({ id: req.id, ok: true, bytes }, [bytes.buffer]);
  } catch (err) {
    if (err instanceof StimulansmedelError) scope.postMessage({ id: req.id, ok: false, issues: err.issues.map((i) => ({ ...i })) });
    else scope.postMessage({ id: req.id, ok: false, unexpected: err instanceof Error ? err.message : String(err) });
  }
};
