/**
 * Phone, desktop and print: no sideways page scroll at 360 px, tables that scroll in their own
 * focusable region, the explanation brought to the amount on a phone, every county's chart
 * labels inside the chart, the joint county table whole at 1440 px, numbers that never break, a
 * clean A4 print, and axe-core reporting no violation at desktop and phone widths.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB } from "./browser.js";
import { amount, chooseDalarna, openPage, session } from "./helpers.js";

const s = session();
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "stimulansmedel-layout-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function view(page: Page, name: string): Promise<void> {
  await page.click(`#views button[data-view="${name}"]`);
  await page.waitForSelector(`#views button[data-view="${name}"][aria-pressed="true"]`);
}

const AXE = readFileSync(join(WEB, "node_modules", "axe-core", "axe.min.js"), "utf8");

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
  });
  return found;
}

describe("phone (360 px)", () => {
  it("never scrolls the page sideways; wide tables scroll in their own labelled, focusable region", async () => {
    const page = await openPage(s, undefined, phone);
    await chooseDalarna(page);
    expect(await horizontalOverflow(page)).toBe(0);
    const wraps = page.locator(".table-wrap");
    expect(await wraps.count()).toBeGreaterThanOrEqual(4);
    for (const w of await wraps.all()) {
      expect(await w.getAttribute("tabindex")).toBe("0");
      expect(await w.getAttribute("role")).toBe("region");
      expect(await w.getAttribute("aria-label")).toMatch(/tabell/);
    }
    // The joint county table is wider than the phone: it scrolls inside its region.
    const county = page.locator('.table-wrap:has(table[data-level="county"])');
    expect(await county.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await county.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.querySelector('.table-wrap:has(table[data-level="county"])')!.scrollLeft > 0);
    expect(await horizontalOverflow(page)).toBe(0);
    for (const v of ["jamfor", "tank"]) {
      await view(page, v);
      expect(await horizontalOverflow(page)).toBe(0);
    }
    await page.close();
  });

  it("brings the explanation to the tapped amount and moves focus there, with a way back", async () => {
    const page = await openPage(s, undefined, phone);
    await chooseDalarna(page);
    const falun = amount(page, "municipality", "2", "2080");
    await falun.tap();
    await page.waitForFunction(() => document.activeElement?.id === "explanation-title");
    const box = await page.locator("#explanation").boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(740 - 100);
    expect(await page.locator("#explanation-body").innerText()).toContain("1 309 672 kr");
    await page.click("#explanation button.back");
    expect(await falun.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.close();
  });

  it("never breaks a number across lines", async () => {
    const page = await openPage(s, undefined, phone);
    await chooseDalarna(page);
    // The summary's total is one line, and every amount and sum is nowrap.
    expect(await page.locator("#selection-total").evaluate((e) => e.getClientRects().length)).toBe(1);
    // An explanation open too: its equation's numbers must not break either.
    await amount(page, "municipality", "2", "2080").tap();
    await page.waitForSelector("#explanation-title");
    const wrapping = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
      let checked = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!/\d \d{3}/.test(n.textContent ?? "") || (n.parentElement && n.parentElement.closest("[hidden]"))) continue;
        const numeric = /^[-+]?[\d ]+(,\d+)?( kr)?( \+ \d+ saknas)?$/.test((n.textContent ?? "").trim());
        if (!numeric) continue;
        checked++;
        const r = document.createRange();
        r.selectNodeContents(n);
        const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
        if (tops.size > 1 || getComputedStyle(n.parentElement!).whiteSpace !== "nowrap") out.push(n.textContent!);
      }
      return checked > 50 ? out : [`only ${checked} numbers found`];
    });
    expect(wrapping).toEqual([]);
    await page.close();
  });
});

describe("desktop", () => {
  it("shows the joint county table whole at 1440 px, Summa included", async () => {
    const page = await openPage(s, undefined, { viewport: { width: 1440, height: 900 } });
    await chooseDalarna(page);
    const wrap = page.locator('.table-wrap:has(table[data-level="county"])');
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    expect(await page.locator('[data-total="county"]').isVisible()).toBe(true);
    await page.close();
  });

  it("fits every chart label inside its chart, in all 21 counties", async () => {
    const page = await openPage(s, undefined, { viewport: { width: 1280, height: 900 } });
    const counties = await page.locator("#county option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(counties).toHaveLength(21);
    const cut: string[] = [];
    for (const c of counties) {
      await page.selectOption("#county", c);
      await page.waitForFunction((code) => location.hash.includes(`lan=${code}`), c);
      cut.push(
        ...(await page.evaluate(() =>
          [...document.querySelectorAll<SVGSVGElement>("#charts svg")].flatMap((svg) => {
            const width = Number(svg.getAttribute("data-width"));
            return [...svg.querySelectorAll<SVGTextElement>("text")].filter((t) => {
              const b = t.getBBox();
              return b.x < 0 || b.x + b.width > width;
            }).map((t) => `${document.querySelector("#county")!.getAttribute("value") ?? ""}${t.textContent}`);
          }),
        )),
      );
    }
    expect(cut).toEqual([]);
    await page.close();
  });
});

describe("print", () => {
  it("prints a clean A4 statement: title, agreement, population and date, every amount, sources; no forms", async () => {
    const page = await openPage(s, undefined, { viewport: { width: 1280, height: 900 } });
    await chooseDalarna(page);
    const amounts = await page.locator("#tables button.amount").allTextContents();
    await page.emulateMedia({ media: "print" });
    // A4 less the page margins is about 700 CSS pixels wide.
    await page.setViewportSize({ width: 700, height: 1000 });
    for (const sel of ["#val", "#views", ".downloads", "#explanation", "#diagram"]) expect(await page.locator(sel).isVisible(), sel).toBe(false);
    for (const sel of ["h1", "#summary", "#tables", "#pots", "#sources"]) expect(await page.locator(sel).isVisible(), sel).toBe(true);
    const summary = await page.locator("#summary").innerText();
    expect(summary).toContain("Överenskommelse 2025: 1 560 000 000 kr");
    expect(summary).toContain("Befolkning: 2024-11-01");
    expect(await page.locator("#sources").innerText()).toContain("Källor");
    // Every amount is there and inside the page's width.
    expect(await page.locator("#tables button.amount").allTextContents()).toEqual(amounts);
    expect(await page.evaluate(() => [...document.querySelectorAll(".table-wrap")].filter((w) => w.scrollWidth > w.clientWidth + 1).length)).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    const shot = join(tmp, "print.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });
});

describe("axe-core", () => {
  for (const [name, options] of [
    ["desktop (1280 px)", { viewport: { width: 1280, height: 900 } }],
    ["phone (360 px)", phone],
  ] as const) {
    it(`reports no violation at ${name}, in each view and with an explanation open`, async () => {
      const page = await openPage(s, undefined, options);
      await chooseDalarna(page);
      await amount(page, "municipality", "2", "2080").click();
      await page.waitForSelector("#explanation-title");
      expect(await axeViolations(page)).toEqual([]);
      await page.selectOption("#county", "03");
      await page.waitForSelector("#missing-advice p.gap");
      expect(await axeViolations(page)).toEqual([]);
      for (const v of ["jamfor", "tank"]) {
        await view(page, v);
        expect(await axeViolations(page)).toEqual([]);
      }
      await page.fill("#search", "upp");
      await page.waitForSelector("#search-results button");
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it("logged no error", () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
