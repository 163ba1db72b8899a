/**
 * Building the page's DOM: elements are made with createElement and text, never from HTML
 * strings, so nothing read from a file can become markup (Trusted Types refuses HTML sinks).
 */

/**
 * The element with this id; the page's HTML is fixed, so a missing one is a bug.
 *
 * @example
 * ```ts
 * const select = $<HTMLSelectElement>("county");
 * ```
 */
export function $<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing in index.html`);
  return node as T;
}

type Attrs = Record<string, string | undefined>;

/**
 * An element with attributes (`class` sets className; undefined values are left out) and children.
 *
 * @example
 * ```ts
 * h("p", { class: "hint" }, "Välj ett belopp.");
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

/**
 * An <option>.
 *
 * @example
 * ```ts
 * select.append(option("20", "Dalarnas län (20)"));
 * ```
 */
export function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  return o;
}

/**
 * Text that never breaks across lines: an amount, a sum, a date.
 *
 * @example
 * ```ts
 * cell.append(nowrap("1 309 672 kr"));
 * ```
 */
export function nowrap(text: string): HTMLSpanElement {
  return h("span", { class: "nowrap" }, text);
}

/**
 * Replaces a select's options, keeping the value when it is still offered.
 *
 * @example
 * ```ts
 * setOptions(select, [option("", "Hela länet")], "");
 * ```
 */
export function setOptions(select: HTMLSelectElement, options: HTMLOptionElement[], value: string): void {
  select.replaceChildren(...options);
  select.value = options.some((o) => o.value === value) ? value : (options[0]?.value ?? "");
}

/**
 * * Text whose numbers never break: every grouped number ("1 309 672", "1 109 671,78"), with a
 * following "kr", becomes a nowrap span; the words between may wrap.
 *
 * @example
 * ```ts
 * p.append(...numberSafe("= 1 309 671,78 → 1 309 672 kr"));
 * ```
 */
export function numberSafe(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(/-?\d{1,3}(?: \d{3})+(?:,\d+)?(?: kr)?|\d+(?:,\d+)? kr/g)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(nowrap(m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
