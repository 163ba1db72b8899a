/**
 * The explanation of one amount, from the library's explain(). On a wide screen it stands
 * beside the tables; on a narrow one it is below them, so the page scrolls to it and moves
 * focus there, with a button back to the amount.
 */
import { explain, getRecipient, type Allocation } from "../../src/index.js";
import { $, h, numberSafe } from "./dom.js";
import { errorLines } from "./messages.js";
import type { Explained } from "./state.js";

/**
 * The amount button for an explained amount, if it is on screen.
 *
 * @example
 * ```ts
 * amountButton({ level: "municipality", pot: "2", code: "2080" })?.focus();
 * ```
 */
export function amountButton(e: Explained): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>(`#tables button.amount[data-level="${CSS.escape(e.level)}"][data-pot="${CSS.escape(e.pot)}"][data-code="${CSS.escape(e.code)}"]`);
}

/**
 * Closes the explanation: no amount is marked, the panel asks for one.
 *
 * @example
 * ```ts
 * clearExplanation();
 * ```
 */
export function clearExplanation(): void {
  for (const b of document.querySelectorAll('#tables button.amount[aria-current="true"]')) b.removeAttribute("aria-current");
  $("explanation-body").replaceChildren(h("p", {}, "Välj ett belopp i tabellerna."));
}

/**
 * * Shows the explanation of an amount. `focus` moves focus to the explanation (after a click or
 * Enter); restoring a view from a link does not move it.
 *
 * @example
 * ```ts
 * showExplanation(full, { level: "municipality", pot: "2", code: "2080" }, true);
 * ```
 */
export function showExplanation(full: Allocation, e: Explained, focus: boolean): boolean {
  const body = $("explanation-body");
  for (const b of document.querySelectorAll('#tables button.amount[aria-current="true"]')) b.removeAttribute("aria-current");
  const button = amountButton(e);
  const recipient = getRecipient(e.level, e.code);
  if (!button || !recipient) {
    body.replaceChildren(h("p", {}, "Välj ett belopp i tabellerna."));
    return false;
  }
  button.setAttribute("aria-current", "true");
  const part = button.dataset.part === undefined ? undefined : Number(button.dataset.part);
  try {
    const [head, ...rest] = explain(full, recipient, e.pot, part).text;
    const back = h("button", { type: "button", class: "back" }, "Tillbaka till beloppet");
    back.addEventListener("click", () => button.focus());
    body.replaceChildren(
      h("p", { id: "explanation-title", tabindex: "-1" }, h("strong", {}, ...numberSafe(head ?? ""))),
      ...rest.map((line, i) => h("p", i === 0 && /[=→]/.test(line) ? { class: "equation" } : {}, ...numberSafe(line))),
      back,
    );
  } catch (err) {
    body.replaceChildren(...errorLines(err).map((l) => h("p", {}, l)));
  }
  if (focus) {
    const panel = $("explanation");
    const r = panel.getBoundingClientRect();
    // Beside the amount on a wide screen; below the tables on a narrow one: go there.
    if (r.top < 0 || r.top > window.innerHeight - 80) panel.scrollIntoView({ block: "start" });
    document.getElementById("explanation-title")?.focus({ preventScroll: true });
  }
  return true;
}

