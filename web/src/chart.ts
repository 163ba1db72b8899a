/**
 * Horizontal bar charts as inline SVG (no chart library, no network). Pixel lengths are the only
 * floating point here; the amounts printed beside the bars are the exact kronor.
 */
import { formatInteger } from "../../src/index.js";

/** One bar: a label and an amount, or `undefined` when the amount could not be computed. */
export interface Bar {
  label: string;
  value: bigint | undefined;
  /** Shown after the amount, e.g. "+ 3 saknas". */
  note?: string;
}

const FONT = "13px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
let measure: CanvasRenderingContext2D | null | undefined;

/** The width a label takes in the chart's font, so no label is cut (a little generous: fonts differ). */
function textWidth(text: string): number {
  if (measure === undefined) {
    measure = document.createElement("canvas").getContext("2d");
    if (measure) measure.font = FONT;
  }
  const w = measure ? measure.measureText(text).width : text.length * 7.5;
  return Math.ceil(w * 1.1) + 4;
}

const SVG_NS = "http://www.w3.org/2000/svg";
let chartCounter = 0;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A figure with a caption and a horizontal bar chart; the SVG has a title and a description
 * listing every value, so screen readers get the numbers too.
 *
 * @example
 * ```ts
 * section.append(barChart("Per kommun", [{ label: "Falun", value: 1309672n }]));
 * ```
 */
export function barChart(caption: string, bars: readonly Bar[]): HTMLElement {
  const id = `chart-${++chartCounter}`;
  const figure = document.createElement("figure");
  figure.className = "chart";
  const figcaption = document.createElement("figcaption");
  figcaption.id = `${id}-caption`;
  figcaption.textContent = caption;

  const valueText = (b: Bar) => (b.value === undefined ? "saknas" : `${formatInteger(b.value)} kr${b.note ? ` ${b.note}` : ""}`);
  const labelWidth = Math.max(80, ...bars.map((b) => textWidth(b.label))) + 8;
  const barArea = 330;
  const valueWidth = Math.max(60, ...bars.map((b) => textWidth(valueText(b)))) + 12;
  const rowHeight = 24;
  const width = labelWidth + barArea + valueWidth;
  const height = bars.length * rowHeight + 8;
  const max = bars.reduce<bigint>((m, b) => (b.value !== undefined && b.value > m ? b.value : m), 0n);

  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": `${id}-title ${id}-desc`, "data-width": width });
  svg.append(el("title", { id: `${id}-title` }, caption));
  svg.append(
    el("desc", { id: `${id}-desc` }, bars.map((b) => `${b.label}: ${valueText(b)}`).join("; ")),
  );
  bars.forEach((b, i) => {
    const y = 4 + i * rowHeight;
    const g = el("g", { "aria-hidden": "true" });
    g.append(el("text", { x: labelWidth - 8, y: y + 16, "text-anchor": "end", class: "chart-label" }, b.label));
    if (b.value !== undefined && max > 0n) {
      // Bar length in per-mille of the largest value, computed exactly, then scaled to pixels.
      const permille = Number((b.value * 1000n) / max);
      const w = Math.max(1, (barArea * permille) / 1000);
      g.append(el("rect", { x: labelWidth, y: y + 3, width: w.toFixed(1), height: rowHeight - 8, class: "chart-bar" }));
      g.append(el("text", { x: labelWidth + w + 6, y: y + 16, class: "chart-value" }, valueText(b)));
    } else {
      g.append(el("text", { x: labelWidth + 6, y: y + 16, class: "chart-value chart-missing" }, b.value === undefined ? valueText(b) : "0 kr"));
    }
    svg.append(g);
  });
  figure.append(figcaption, svg);
  return figure;
}
