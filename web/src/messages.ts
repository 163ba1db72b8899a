/**
 * The message area: what the page tells above the results. Library errors are shown as the
 * library words them in Swedish (renderIssue(issue, "sv")), one line per problem.
 */
import { renderIssue, StimulansmedelError, type ErrorCode, type Issue } from "../../src/index.js";
import { $, h } from "./dom.js";

/**
 * Swedish for the problems some readers still describe only in English (the library's
 * transitional "legacy" issues, being moved into its catalogue): what kind of problem it is, by
 * code, with the file, line and value the issue carries. Never the English sentence: the page is
 * Swedish throughout. Codes not listed get the last line.
 */
const LEGACY_SV: Partial<Record<ErrorCode, string>> = {
  POPULATION_FORMAT: "filen har inte den form en befolkningsfil ska ha (SCB:s CSV eller JSON-stat2, eller projektets CSV med kommun_kod, nyckel eller alder och antal)",
  POPULATION_ENCODING: "filen är inte text i UTF-8 eller Windows-1252; spara den som CSV (UTF-8)",
  POPULATION_UNKNOWN_CODE: "koden är ingen av Sveriges 290 kommuner",
  POPULATION_DUPLICATE: "samma kommun och nyckel står på flera rader",
  POPULATION_BAD_COUNT: "antalet är inte ett helt antal personer som går att räkna med",
  POPULATION_MISSING_MUNICIPALITIES: "filen saknar kommuner som behövs",
  POPULATION_AGES_INCOMPLETE: "åldrarna är inte kompletta",
  POPULATION_TOTAL_MISMATCH: "kommunernas summa stämmer inte med rikets rad",
  POPULATION_DATE_MISMATCH: "datumet stämmer inte med befolkningens",
  POPULATION_DATE_UNKNOWN: "filen anger inte vilken dag siffrorna gäller",
  POPULATION_NOT_FOUND: "befolkningen finns inte",
  AGREEMENT_INVALID: "överenskommelsen följer inte filformatet",
};
const LEGACY_OTHER = "uppgifterna går inte att använda";

/**
 * One problem as the page shows it: the library's Swedish line; for a transitional English-only
 * issue, the Swedish for its kind of problem with its place and value.
 *
 * @example
 * ```ts
 * issueLine(i); // 'p.csv, rad 4: antalet "-5" är negativt'
 * ```
 */
export function issueLine(i: Issue): string {
  if (i.kind !== "legacy") return renderIssue(i, "sv");
  const where = [i.file, i.line !== undefined ? `rad ${i.line}` : undefined].filter((x) => x !== undefined);
  const value = i.value !== undefined && i.value !== "" ? ` (värdet "${i.value}")` : "";
  return `${where.length > 0 ? `${where.join(", ")}: ` : ""}${LEGACY_SV[i.code] ?? LEGACY_OTHER}${value}`;
}

/** What the page says about an error that is not the library's: a fault in the page, in Swedish. */
export const UNEXPECTED = "ett oväntat fel i sidan (inte i dina uppgifter); ladda om sidan och försök igen";

/** How a message is shown. */
export type MessageKind = "info" | "warning" | "error";

const box = () => $("messages");

/**
 * Swedish lines for an error: every issue of a library error, or the text of an unexpected one.
 *
 * @example
 * ```ts
 * errorLines(e); // ["fel.csv, rad 4: …"]
 * ```
 */
export function errorLines(e: unknown): string[] {
  if (e instanceof StimulansmedelError) return e.issues.map(issueLine);
  // The English detail is for whoever debugs the page, not for the reader.
  console.warn(e);
  return [UNEXPECTED];
}

/**
 * Swedish lines for issues that crossed from a worker.
 *
 * @example
 * ```ts
 * issueLines(response.issues);
 * ```
 */
export function issueLines(issues: readonly Issue[]): string[] {
  return issues.map(issueLine);
}

/**
 * Shows one message (replacing those shown), with detail lines and optional extra content.
 *
 * @example
 * ```ts
 * showMessage("error", "Filen kunde inte användas.", errorLines(e));
 * ```
 */
export function showMessage(kind: MessageKind, title: string, lines: readonly string[] = [], ...extra: Node[]): HTMLElement {
  const node = h("div", { class: `message ${kind}`, role: kind === "error" ? "alert" : undefined, "data-kind": kind }, h("strong", {}, title));
  if (lines.length > 0) node.append(h("ul", {}, ...lines.map((l) => h("li", {}, h("code", {}, l)))));
  node.append(...extra);
  box().replaceChildren(node);
  return node;
}

/**
 * Adds a message below those shown.
 *
 * @example
 * ```ts
 * addMessage("warning", "Om filen:", ["Kolumnen \"kommun\" används inte."]);
 * ```
 */
export function addMessage(kind: MessageKind, title: string, lines: readonly string[] = [], ...extra: Node[]): HTMLElement {
  const before = [...box().children];
  const node = showMessage(kind, title, lines, ...extra);
  box().replaceChildren(...before, node);
  return node;
}

/**
 * Removes every message.
 *
 * @example
 * ```ts
 * clearMessages();
 * ```
 */
export function clearMessages(): void {
  box().replaceChildren();
}
