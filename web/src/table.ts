/**
 * A table that sorts by any column (a button in each header, aria-sort on the sorted one) inside
 * its own scrollable, focusable region, so a wide table scrolls by itself and never the page.
 */
import { h } from "./dom.js";
import type { Sort } from "./state.js";

/** One column: a key for sorting, the header text and whether it holds numbers. */
export interface Column {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  readonly title?: string;
}

/** One row: its cells (parallel to the columns), the values to sort by, and attributes for the <tr>. */
export interface Row {
  readonly cells: readonly (Node | string)[];
  /** Parallel to the columns; null sorts last whichever the direction (an unknown is not small). */
  readonly sortBy: readonly (bigint | string | null)[];
  readonly attrs?: Record<string, string>;
  /** The first cell is a row header (<th scope="row">) when true. */
  readonly headerAt?: number;
}

/** What the table is. */
export interface TableSpec {
  /** Stable id, so the sort survives a re-render. */
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** The sum row, parallel to the columns. */
  readonly foot?: readonly (Node | string)[];
  readonly attrs?: Record<string, string>;
}

const sorts = new Map<string, Sort>();

function compare(a: bigint | string | null, b: bigint | string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
  return String(a).localeCompare(String(b), "sv");
}

function sortedRows(spec: TableSpec, sort: Sort | undefined): readonly Row[] {
  if (!sort) return spec.rows;
  const i = spec.columns.findIndex((c) => c.key === sort.column);
  if (i < 0) return spec.rows;
  return [...spec.rows].sort((x, y) => {
    const a = x.sortBy[i] ?? null;
    const b = y.sortBy[i] ?? null;
    if (a === null || b === null) return compare(a, b);
    const c = compare(a, b);
    return sort.descending ? -c : c;
  });
}

/**
 * The table in its scroll region. Sorting re-renders the body only; focus stays on the header
 * button that was pressed.
 *
 * @example
 * ```ts
 * section.append(sortableTable({ id: "t", caption: "Kommuner", columns, rows }));
 * ```
 */
export function sortableTable(spec: TableSpec): HTMLElement {
  const table = h("table", { ...spec.attrs, "data-table": spec.id });
  const caption = h("caption", {}, spec.caption);
  const head = h("tr");
  const body = h("tbody");
  const headers: HTMLTableCellElement[] = [];
  const paint = () => {
    const sort = sorts.get(spec.id);
    headers.forEach((th, i) => {
      const key = spec.columns[i]!.key;
      if (sort?.column === key) th.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
      th.querySelector(".sort-mark")!.textContent = sort?.column === key ? (sort.descending ? "▼" : "▲") : "";
    });
    body.replaceChildren(
      ...sortedRows(spec, sort).map((r) => {
        const tr = h("tr", r.attrs ?? {});
        r.cells.forEach((c, i) => {
          const col = spec.columns[i]!;
          const cls = col.numeric ? "num" : i === 0 && col.key === "code" ? "code" : undefined;
          tr.append(i === (r.headerAt ?? -1) ? h("th", { scope: "row", class: cls }, c) : h("td", { class: cls }, c));
        });
        return tr;
      }),
    );
  };
  spec.columns.forEach((c) => {
    const button = h("button", { type: "button", class: "sort", title: c.title ? `${c.title}: sortera` : undefined }, c.label, h("span", { class: "sort-mark", "aria-hidden": "true" }));
    button.addEventListener("click", () => {
      const now = sorts.get(spec.id);
      const descending = now?.column === c.key ? !now.descending : c.numeric === true;
      sorts.set(spec.id, { column: c.key, descending });
      paint();
    });
    const th = h("th", { scope: "col", class: c.numeric ? "num" : undefined }, button);
    headers.push(th);
    head.append(th);
  });
  table.append(caption, h("thead", {}, head), body);
  if (spec.foot) {
    const tr = h("tr");
    spec.foot.forEach((c, i) => tr.append(i === 1 ? h("th", { scope: "row" }, c) : h("td", { class: spec.columns[i]?.numeric ? "num" : undefined }, c)));
    table.append(h("tfoot", {}, tr));
  }
  paint();
  return h("div", { class: "table-wrap", role: "region", tabindex: "0", "aria-label": `${spec.caption} (tabell, kan rullas i sidled)` }, table);
}
