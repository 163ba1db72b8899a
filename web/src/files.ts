/**
 * Population files the user gives (dropped anywhere on the page, or chosen with the button):
 * read in slices with a progress bar, parsed off the main thread by the parse worker, and kept
 * in memory only. A file adds to the bundled data of its date (populations.ts); what happened is
 * said in a message, including a name column the reader does not use.
 */
import { issue, MAX_POPULATION_CSV_BYTES, safeParseAgreement, type Agreement, type Issue, type PopulationDataset } from "../../src/index.js";
import { $, h } from "./dom.js";
import { addMessage, errorLines, issueLines, showMessage, UNEXPECTED } from "./messages.js";
import { addFile, type Added } from "./populations.js";
import { startWorker } from "./trusted.js";
import type { IgnoredNames, ParseRequest, ParseResponse } from "./workers/protocol.js";

/**
 * Files larger than this are refused before reading: the library's documented limit for a
 * population file (64 MB; JSON-stat is held to 32 MB once read), far above any SCB export.
 *
 * @example
 * ```ts
 * if (file.size > MAX_FILE_BYTES) refuse();
 * ```
 */
export const MAX_FILE_BYTES = MAX_POPULATION_CSV_BYTES;

let worker: Promise<Worker> | undefined;
let requestId = 0;

const MB = (n: number) => (n / 1024 / 1024).toFixed(1).replace(".", ",");

/** Reads a file in slices, reporting how far it has come. */
async function readWithProgress(file: File, progress: (done: number) => void): Promise<ArrayBuffer> {
  const out = new Uint8Array(file.size);
  let done = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    out.set(value, done);
    done += value.byteLength;
    progress(done);
  }
  return out.buffer;
}

async function parseInWorker(req: ParseRequest): Promise<{ result: Promise<ParseResponse>; cancel: () => void }> {
  worker ??= startWorker("worker-parse");
  const pending = worker;
  const w = await pending;
  let cancel = () => {};
  const result = new Promise<ParseResponse>((resolve, reject) => {
    const onMessage = (e: MessageEvent<ParseResponse>) => {
      if (e.data.id !== req.id) return;
      w.removeEventListener("message", onMessage);
      resolve(e.data);
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", (e) => reject(new Error(e.message)), { once: true });
    cancel = () => {
      w.terminate();
      if (worker === pending) worker = undefined;
      reject(new DOMException("avbruten", "AbortError"));
    };
  });
  w.postMessage(req, [req.bytes]);
  return { result, cancel };
}

/** The progress box: a <progress>, a line of text and a cancel button. */
function progressBox(name: string): { set: (text: string, value?: number) => void; onCancel: (f: () => void) => void; done: () => void } {
  const box = $("file-progress");
  const bar = h("progress", { max: "1", "aria-label": `Läser ${name}` }) as HTMLProgressElement;
  const text = h("span", { id: "file-progress-text" });
  const cancel = h("button", { type: "button" }, "Avbryt");
  box.replaceChildren(bar, text, cancel);
  box.hidden = false;
  return {
    set(t, value) {
      text.textContent = t;
      if (value === undefined) bar.removeAttribute("value");
      else bar.value = value;
    },
    onCancel(f) {
      cancel.onclick = f;
    },
    done() {
      box.hidden = true;
      box.replaceChildren();
    },
  };
}

/** The note for a name column the reader ignores. */
function namesNote(n: IgnoredNames): string[] {
  const lines = [`Kolumnen "${n.column}" i filen används inte: kommunerna känns igen på koden (kommun_kod), inte på namnet.`];
  for (const m of n.mismatches) lines.push(`rad ${m.line}: koden ${m.code} är ${m.actual}, men filen skriver ${m.given}; beloppet räknas för ${m.actual}.`);
  if (n.mismatchCount > n.mismatches.length) lines.push(`och ${n.mismatchCount - n.mismatches.length} rader till där namnet inte hör till koden.`);
  return lines;
}

/** What the page does with a parsed file. */
export type OnAdded = (added: Added) => void;

/** What the page does with an agreement file. */
export type OnAgreement = (name: string, agreement: Agreement) => void;

/** Agreement files are small; a JSON file larger than this is read as population data only. */
const MAX_AGREEMENT_BYTES = 1024 * 1024;

/**
 * An agreement file (JSON with `pots`), as the command line's --agreement reads it: true when the
 * file was one (accepted or refused with its problems shown), false when it is something else.
 */
async function tryAgreement(file: File, onAgreement: OnAgreement): Promise<boolean> {
  if (!/\.json$/i.test(file.name) || file.size > MAX_AGREEMENT_BYTES) return false;
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return false;
  }
  if (typeof json !== "object" || json === null || !Array.isArray((json as { pots?: unknown }).pots)) return false;
  const r = safeParseAgreement(json, file.name);
  if (!r.ok) showMessage("error", `Överenskommelsen i ${file.name} kunde inte användas. Sidan visar det som var valt.`, issueLines(r.issues));
  else onAgreement(file.name, r.value);
  return true;
}

/**
 * Reads, parses and keeps one file; messages say what happened.
 *
 * @example
 * ```ts
 * await useFile(droppedFile, (added) => console.log(added.kind));
 * ```
 */
export async function useFile(file: File, onAdded: OnAdded, onAgreement: OnAgreement = () => undefined): Promise<void> {
  if (await tryAgreement(file, onAgreement)) return;
  const refuse = `Filen ${file.name} kunde inte användas. Sidan räknar vidare med den befolkning som var vald.`;
  if (file.size > MAX_FILE_BYTES) {
    // The same typed issue and Swedish text the CLI gives for this file, before a byte is read.
    showMessage("error", refuse, issueLines([issue("POPULATION_FORMAT", "file-too-large", { limit: "64 MB", format: "CSV" }, { file: file.name })]));
    return;
  }
  const dateField = $<HTMLInputElement>("file-date");
  const referenceDate = dateField.value || undefined;
  const progress = progressBox(file.name);
  document.body.dataset.busy = "true";
  let response: ParseResponse;
  const started = performance.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    progress.set(`Läser ${file.name} (0 av ${MB(file.size)} MB)…`, 0);
    const bytes = await readWithProgress(file, (done) => progress.set(`Läser ${file.name} (${MB(done)} av ${MB(file.size)} MB)…`, file.size === 0 ? 1 : done / file.size));
    const job = await parseInWorker({ id: ++requestId, name: file.name, bytes, ...(referenceDate ? { referenceDate } : {}) });
    progress.onCancel(job.cancel);
    const tick = () => progress.set(`Tolkar ${file.name} (${MB(file.size)} MB, ${((performance.now() - started) / 1000).toFixed(1).replace(".", ",")} s)… Sidan går att använda under tiden.`);
    tick();
    timer = setInterval(tick, 200);
    response = await job.result;
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") showMessage("info", `Inläsningen av ${file.name} avbröts. Sidan räknar vidare med den befolkning som var vald.`);
    else showMessage("error", refuse, errorLines(e));
    return;
  } finally {
    clearInterval(timer);
    progress.done();
    delete document.body.dataset.busy;
  }
  if (!response.ok) {
    if (!("issues" in response)) console.warn(response.unexpected);
    const lines = "issues" in response ? issueLines(response.issues) : [UNEXPECTED];
    const box = showMessage("error", refuse, lines);
    if ("issues" in response && response.issues.some(needsDate)) {
      box.append(h("p", {}, `Filen anger inte vilken dag siffrorna gäller. Skriv datumet i fältet "Filens referensdatum" och välj filen igen.`));
      dateField.focus();
    }
    return;
  }
  accepted(file.name, response.dataset, response.ignoredNames, onAdded);
}

function needsDate(i: Issue): boolean {
  return i.code === "POPULATION_DATE_UNKNOWN";
}

function accepted(name: string, dataset: PopulationDataset, ignored: IgnoredNames | undefined, onAdded: OnAdded): void {
  const added = addFile(name, dataset, ignored);
  onAdded(added);
  const notes = ignored ? namesNote(ignored) : [];
  if (added.kind === "added-to-date") {
    const how = added.bundled
      ? `Filen lades till den inbyggda befolkningen för ${dataset.referenceDate}${added.others.length > 0 ? ` (och ${added.others.map((f) => f.name).join(", ")})` : ""}.`
      : added.others.length > 0
        ? `Filen lades till ${added.others.map((f) => f.name).join(", ")} (samma datum).`
        : `Det finns ingen inbyggd befolkning för ${dataset.referenceDate}; filen används ensam.`;
    showMessage("info", `Befolkning från ${name} (${dataset.referenceDate}) används nu.`, [], h("p", { id: "file-how" }, how));
  } else {
    showMessage(
      "error",
      `Filen ${name} stämmer inte med den befolkning som redan finns för ${dataset.referenceDate} och lades inte till. Sidan räknar vidare med den befolkning som var vald.`,
      errorLines(added.error),
      h("p", {}, `Vill du räkna med filen ensam, välj "Endast filen ${name}" under Befolkningsdata.`),
    );
  }
  if (notes.length > 0) addMessage("warning", `Om filen ${name}:`, notes).setAttribute("id", "names-note");
}

/**
 * Wires the drop zone, the file button and dropping anywhere on the page.
 *
 * @example
 * ```ts
 * setUpFiles((added) => rerender(added), (name, agreement) => show(agreement));
 * ```
 */
export function setUpFiles(onAdded: OnAdded, onAgreement: OnAgreement): void {
  const zone = $("dropzone");
  const input = $<HTMLInputElement>("file");
  // A file dropped anywhere must not make the browser navigate away from the page.
  for (const type of ["dragover", "drop"] as const) document.addEventListener(type, (e) => e.preventDefault());
  document.addEventListener("dragenter", () => zone.classList.add("active"));
  document.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) zone.classList.remove("active");
  });
  document.addEventListener("drop", (e) => {
    zone.classList.remove("active");
    const file = e.dataTransfer?.files[0];
    if (file) void useFile(file, onAdded, onAgreement);
  });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void useFile(file, onAdded, onAgreement);
    input.value = "";
  });
}
