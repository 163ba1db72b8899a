/**
 * What the e2e test files share: one Chromium and one static server per file, pages that record
 * any request leaving the page and any error the page logs, and helpers to read amounts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DIST, launchChromium, requireBuild, ROOT, serveStatic } from "./browser.js";

export interface Session {
  browser: Browser;
  server: { url: string; close: () => Promise<void> };
  foreignRequests: string[];
  pageErrors: string[];
}

/** Starts Chromium and the server for the test file; closed after it. */
export function session(): Session {
  const s = { foreignRequests: [], pageErrors: [] } as unknown as Session;
  beforeAll(async () => {
    requireBuild();
    s.server = await serveStatic(DIST);
    s.browser = await launchChromium();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}

/** Opens the page (the served one unless `url` says otherwise) and waits until it has rendered. */
export async function openPage(s: Session, url = s.server.url, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await s.browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.on("close", () => void context.close().catch(() => undefined));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(s.server.url) && !u.startsWith("blob:") && !u.startsWith("file:") && !u.startsWith("data:")) s.foreignRequests.push(u);
  });
  page.on("pageerror", (e) => s.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") s.pageErrors.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

/** "1 309 672" → 1309672n; anything else fails loudly. */
export function kronor(text: string | null): bigint {
  const t = (text ?? "").replace(/\s/g, "");
  if (!/^-?\d+$/.test(t)) throw new Error(`not an amount: "${text}"`);
  return BigInt(t);
}

/** The amount button of a recipient and pot. */
export function amount(page: Page, level: string, pot: string, code: string) {
  return page.locator(`button.amount[data-level="${level}"][data-pot="${pot}"][data-code="${code}"]`);
}

/** The amount shown for a recipient and pot. */
export async function shown(page: Page, level: string, pot: string, code: string): Promise<bigint> {
  return kronor(await amount(page, level, pot, code).textContent());
}

/** Chooses 2025 and Dalarna, and waits for Falun's row. */
export async function chooseDalarna(page: Page): Promise<void> {
  await page.selectOption("#agreement", "2025");
  await page.selectOption("#county", "20");
  await page.waitForSelector('table[data-level="municipality"] tbody tr[data-code="2080"]');
}

/** Drops a file with these bytes onto the page, as a user drags it from the desktop. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ([fileName, data]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], fileName, { type: "text/csv" }));
      document.getElementById("dropzone")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, [...bytes]] as const,
  );
}

/** Rows of a CSV in data/population/ as fields (data rows only). */
export function dataRows(file: string): string[][] {
  return readFileSync(join(ROOT, "data", "population", file), "utf8")
    .split(/\r?\n/)
    .filter((l) => /^\d{2,4},/.test(l))
    .map((l) => l.split(","));
}

/** Nearest whole krona, halves up: SKR's rounding of `n / d` for non-negative values. */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** The results file the bench reads: measured figures merged into web/e2e/results.json. */
export const RESULTS = join(ROOT, "web", "e2e", "results.json");
