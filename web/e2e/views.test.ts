/**
 * Links that keep the view (the URL holds every choice and the explained amount; back and
 * forward move between views), the search box, sortable tables, the comparison of two
 * agreements or populations, and the what-if view.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./browser.js";
import { amount, chooseDalarna, kronor, openPage, roundHalfUp, session, shown } from "./helpers.js";

const s = session();

describe("links that keep the view", () => {
  it("restores agreement, population, county, municipality, rounding and the explained amount from the URL; back and forward move between views", async () => {
    const page = await openPage(s);
    await chooseDalarna(page);
    const dalarnaUrl = page.url();
    await page.selectOption("#municipality", "2080");
    await page.selectOption("#rounding", "largest-absorbs");
    await page.selectOption("#population", "date:2024-11-01");
    await amount(page, "municipality", "2", "2080").click();
    await page.waitForSelector("#explanation-title");
    const url = page.url();
    expect(new URL(url).hash).toBe("#avtal=2025&bef=date%3A2024-11-01&lan=20&kommun=2080&avr=largest-absorbs&forklara=municipality%3A2%3A2080");
    const explanation = await page.locator("#explanation-body").innerText();

    const other = await openPage(s, url);
    expect(await other.locator("#agreement").inputValue()).toBe("2025");
    expect(await other.locator("#county").inputValue()).toBe("20");
    expect(await other.locator("#municipality").inputValue()).toBe("2080");
    expect(await other.locator("#rounding").inputValue()).toBe("largest-absorbs");
    expect(await other.locator("#population").inputValue()).toBe("date:2024-11-01");
    expect(await other.locator("#explanation-body").innerText()).toBe(explanation);
    expect(await amount(other, "municipality", "2", "2080").getAttribute("aria-current")).toBe("true");
    await other.close();

    // Back: the view before the explanation, then before the population; forward again.
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes("forklara"));
    expect(await page.locator("#explanation-body").innerText()).toBe("Välj ett belopp i tabellerna.");
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes("bef="));
    expect(await page.locator("#population").inputValue()).toBe("auto");
    await page.goForward();
    await page.waitForFunction(() => location.hash.includes("bef="));
    expect(await page.locator("#population").inputValue()).toBe("date:2024-11-01");
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await page.waitForFunction((u) => location.href === u, dalarnaUrl);
    expect(await page.locator("#municipality").inputValue()).toBe("");
    expect(await page.locator('table[data-level="region"]').count()).toBe(1);
    await page.close();
  });

  it("keeps the comparison and the what-if in the link", async () => {
    const page = await openPage(s, `${s.server.url}#avtal=2025&lan=20&vy=tank&andra=2.amount%3D300000000`);
    expect(await page.locator('#views button[data-view="tank"]').getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("#whatif-applied").innerText()).toContain("Pott 2, belopp: 250 000 000 → 300 000 000 kr");
    await page.close();
  });
});

describe("search", () => {
  it("finds municipalities, counties and regions by name across the country, whatever the case and diacritics", async () => {
    const page = await openPage(s);
    const hits = async (q: string) => {
      await page.fill("#search", q);
      return page.locator("#search-results button").allTextContents();
    };
    expect((await hits("malung salen"))[0]).toBe("Malung-Sälen – kommun i Dalarnas län (2023)");
    expect(await hits("UPPSALA")).toEqual(expect.arrayContaining(["Uppsala – kommun i Uppsala län (0380)", "Uppsala län – län (03)", "Region Uppsala – region (03)"]));
    expect((await hits("ostergotland"))).toEqual(expect.arrayContaining(["Östergötlands län – län (05)", "Region Östergötland – region (05)"]));
    expect(await hits("falun kommun")).toEqual(["Falun – kommun i Dalarnas län (2080)"]);
    expect(await page.locator("#search-status").textContent()).toBe("1 träff.");
    expect(await hits("xyzzy")).toEqual([]);
    expect(await page.locator("#search-status").textContent()).toBe("Inga träffar.");

    // Choosing with the keyboard shows the municipality, in its county.
    await page.fill("#search", "kiruna");
    await page.press("#search", "ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash.includes("kommun=2584"));
    expect(await page.locator("#county").inputValue()).toBe("25");
    expect(await page.locator("#municipality").inputValue()).toBe("2584");
    // A region chooses its whole county.
    await page.fill("#search", "region gotland");
    await page.click("#search-results button >> text=Region Gotland");
    await page.waitForFunction(() => location.hash.includes("lan=09"));
    expect(await page.locator("#municipality").inputValue()).toBe("");
    await page.close();
  });
});

describe("sorting", () => {
  it("sorts any column by mouse or keyboard, marks it with aria-sort, and keeps the sums", async () => {
    const page = await openPage(s);
    await chooseDalarna(page);
    const table = page.locator('table[data-level="municipality"]');
    const header = table.locator("thead th").nth(2);
    const values = async () => (await table.locator('tbody button.amount').allTextContents()).map(kronor);
    const inOrder = (await values()).slice();
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const desc = await values();
    expect(desc).toEqual([...inOrder].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(desc[0]).toBe(await shown(page, "municipality", "2", "2080"));
    await header.locator("button").focus();
    await page.keyboard.press("Enter");
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    expect(await values()).toEqual([...desc].reverse());
    // By name, Swedish order: Å, Ä, Ö last.
    await table.locator("thead th").nth(1).locator("button").press("Space");
    const names = await table.locator("tbody th").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));
    expect(names.at(-1)).toBe("Älvdalen");
    expect(await table.locator("thead th[aria-sort]").count()).toBe(1);
    expect(kronor(await table.locator("tfoot td.num").first().textContent())).toBe(8_006_024n);
    await page.close();
  });
});

describe("compare and what-if", () => {
  it("compares two populations per recipient: before, after, difference and %, unknowns as such", async () => {
    const page = await openPage(s);
    await chooseDalarna(page);
    await page.click('#views button[data-view="jamfor"]');
    await page.selectOption("#compare-agreement", "2025");
    await page.selectOption("#compare-population", "date:2024-12-31");
    await page.waitForSelector('table[data-compare="compare"][data-level="region"]');
    expect(await page.locator("#compare-sides").textContent()).toContain("Före: 2025, befolkning 2024-12-31");
    expect(await page.locator("#compare-sides").textContent()).toContain("Efter: 2025, befolkning 2024-11-01");
    const region = page.locator('table[data-compare="compare"][data-level="region"]');
    const before = kronor(await region.locator('[data-before="20"]').textContent());
    const after = kronor(await region.locator('[data-after="20"]').textContent());
    expect(after).toBe(21_314_347n);
    expect(before).not.toBe(after);
    const diff = kronor((await region.locator('[data-difference="20"]').textContent())!.replace(/^\+/, ""));
    expect(diff).toBe(after - before);
    // 31 Dec 2024 has no 0–18 counts: the municipalities' pot 2 is unknown before, so no difference.
    const municipal = page.locator('table[data-compare="compare"][data-level="municipality"]');
    expect(await municipal.locator('[data-before="2080"]').textContent()).toBe("saknas");
    expect(await municipal.locator('[data-after="2080"]').textContent()).toBe("1 309 672");
    expect(await municipal.locator('[data-difference="2080"]').textContent()).toBe("–");
    expect(await municipal.locator("caption").textContent()).toBe("Kommuner (15 mottagare saknar belopp på minst en sida)");
    expect(await municipal.locator("tfoot th").textContent()).toBe("Summa (0 av 15)");
    await page.close();
  });

  it("shows an agreement with and without a changed pot side by side, every amount recomputed", async () => {
    const agreement = JSON.parse(readFileSync(join(ROOT, "data", "agreements", "2025.json"), "utf8")) as { pots: { id: string; amount: number; rule: { base?: number } }[] };
    const pot2 = agreement.pots.find((p) => p.id === "2")!;
    const page = await openPage(s);
    await chooseDalarna(page);
    await page.click('#views button[data-view="tank"]');
    await page.selectOption("#whatif-pot", "2");
    await page.selectOption("#whatif-field", "amount");
    await page.fill("#whatif-value", "300 000 000");
    await page.click("#whatif-add");
    await page.waitForSelector('table[data-compare="whatif"][data-level="municipality"]');
    expect(await page.locator("#whatif-applied").innerText()).toContain(`Pott 2, belopp: 250 000 000 → 300 000 000 kr`);
    expect(await page.locator("#whatif-applied").innerText()).toContain("överenskommelsens totalbelopp: 1 560 000 000 → 1 610 000 000 kr (följer av ändringen)");
    // By hand: 290 municipalities get the base, the rest is shared by 0–18 (Falun 13 093 of 2 265 405).
    const base = BigInt(pot2.rule.base!);
    const falun = base + roundHalfUp((300_000_000n - 290n * base) * 13_093n, 2_265_405n);
    const t = page.locator('table[data-compare="whatif"][data-level="municipality"]');
    expect(kronor(await t.locator('[data-before="2080"]').textContent())).toBe(1_309_672n);
    expect(kronor(await t.locator('[data-after="2080"]').textContent())).toBe(falun);
    expect(kronor((await t.locator('[data-difference="2080"]').textContent())!.replace(/^\+/, ""))).toBe(falun - 1_309_672n);
    // Region pots are untouched.
    const r = page.locator('table[data-compare="whatif"][data-level="region"]');
    expect(await r.locator('[data-difference="20"]').textContent()).toBe("0");

    // A base larger than its pot is refused in the library's words, and nothing stale is shown.
    await page.selectOption("#whatif-field", "base");
    await page.fill("#whatif-value", "5000000");
    await page.click("#whatif-add");
    await page.waitForSelector('#whatif-result [role="alert"]');
    expect(await page.locator('table[data-compare="whatif"]').count()).toBe(0);
    await page.close();
  });

  it("logged no error", () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
