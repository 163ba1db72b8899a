/**
 * The message area: what the page tells above the results. Library errors are shown as the
 * library words them in Swedish (renderIssue(issue, "sv")), one line per problem.
 */
import { renderIssue, StimulansmedelError, type Issue } from "../../src/index.js";
import { $, h } from "./dom.js";

/**
 * One problem as the page shows it: the library's Swedish line.
 *
 * @example
 * ```ts
 * issueLine(i); // 'p.csv, rad 4: antalet "-5" är negativt'
 * ```
 */
export function issueLine(i: Issue): string {
  return renderIssue(i, "sv");
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
