/**
 * Honest states: an error clears what it invalidates, disabled controls look disabled, unknown
 * amounts are "saknas" and every sum says how many of its amounts are unknown; outside Dalarna
 * the page says what is missing and where SCB has it, and a dropped file of the same date adds
 * to the built-in data. Files: the reference date field, and the note on a name column.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./browser.js";
import { chooseDalarna, dropFile, kronor, openPage, roundHalfUp, session, shown } from "./helpers.js";

const s = session();
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "stimulansmedel-states-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Everything that shows a result. */
async function resultText(page: Page): Promise<string> {
  return page.evaluate(() => ["summary", "tables", "charts", "pots", "sources", "missing-advice"].map((id) => document.getElementById(id)!.innerText).join("\n"));
}

describe("an error clears what it invalidates", () => {
  it("shows no 2025 result once 2018 or 2020 cannot be computed, and disables the downloads visibly", async () => {
    const page = await openPage(s);
    await chooseDalarna(page);
    expect(await resultText(page)).toContain("46 299 727 kr");
    const enabled = await page.locator("#download-csv").evaluate((b) => getComputedStyle(b).cursor + getComputedStyle(b).borderStyle + getComputedStyle(b).color);

    // 2018's agreement counts the population of 1 Nov 2017, which the page does not bundle.
    await page.selectOption("#agreement", "2018");
    const alert = page.locator('#messages [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Överenskommelsen 2018 utgår från befolkningen 2017-11-01, som inte finns inbyggd i sidan.");
    expect(await alert.innerText()).toContain("SCB:s tabell");
    expect(await resultText(page)).toBe(["", "", "", "", "", ""].join("\n"));
    expect(await page.locator("#resultat-rubrik").textContent()).toBe("Fördelning 2018 – kan inte visas");
    expect(await page.locator("button.amount").count()).toBe(0);
    expect(await page.locator("#download-csv").isDisabled()).toBe(true);
    expect(await page.locator("#download-xlsx").isDisabled()).toBe(true);
    const disabled = await page.locator("#download-csv").evaluate((b) => getComputedStyle(b).cursor + getComputedStyle(b).borderStyle + getComputedStyle(b).color);
    expect(disabled).toContain("not-allowed");
    expect(disabled).not.toBe(enabled);

    // 2020's agreement does not say which date its population is.
    await page.selectOption("#agreement", "2020");
    await page.waitForSelector("text=Överenskommelsen 2020 anger inte vilket datum befolkningen ska avse");
    expect(await resultText(page)).not.toMatch(/\d kr/);

    // A population the user picks makes 2020 computable; back on 2025 the published amounts return.
    await page.selectOption("#population", "date:2019-12-31");
    await page.waitForSelector('body[data-state="ok"]');
    expect(await page.locator("#resultat-rubrik").textContent()).toBe("Fördelning 2020: Dalarnas län");
    await page.selectOption("#agreement", "2025");
    await page.selectOption("#population", "auto");
    await page.waitForSelector("text=46 299 727 kr");
    expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);
    await page.close();
  });
});

/** Uppsala county's 8 municipalities with invented 0–18 counts, and Sweden's count as the built-in data has it. */
const UPPSALA = new Map([
  ["0305", 5_310n],
  ["0319", 2_004n],
  ["0330", 4_620n],
  ["0331", 3_160n],
  ["0360", 4_950n],
  ["0380", 52_480n],
  ["0381", 11_020n],
  ["0382", 4_870n],
]);
const SWEDEN_0_18 = 2_265_405n;

describe("unknown amounts and how to fill them", () => {
  it("says saknas and how many are unknown in every sum, names the SCB table, and adds a dropped file to the built-in data", async () => {
    const page = await openPage(s);
    await page.selectOption("#county", "03");
    await page.waitForSelector('table[data-level="municipality"] tbody tr[data-code="0380"]');
    // Pot 2 needs 0–18, which the built-in data has for Dalarna only.
    expect(await page.locator('button.amount[data-level="municipality"][data-pot="2"]').allTextContents()).toEqual(Array(8).fill("saknas"));
    const foot = await page.locator('table[data-level="municipality"] tfoot td.num').allTextContents();
    expect(foot).toEqual(["saknas (8)"]);
    const total = await page.locator("#selection-total").textContent();
    expect(total).toMatch(/^\d[\d ]* \+ 8 saknas$/);
    expect(kronor(total!.replace(/ \+ 8 saknas$/, ""))).toBeGreaterThan(0n);
    expect(await page.locator("#selection-unknown").textContent()).toBe(" – 8 belopp saknas (pott 2 för 8 kommuner) och ingår inte");
    const gap = page.locator('#missing-advice p.gap[data-pot="2"]');
    expect(await gap.innerText()).toMatch(/^Pott 2 saknas för 8 kommuner: kommunens folkmängd 0–18 år saknas i befolkningsdata; folkmängd 0–18 år finns i SCB:s tabell [^.]*TAB1267/);
    expect(await gap.locator("a").getAttribute("href")).toMatch(/^https:\/\/www\.statistikdatabasen\.scb\.se\//);
    // The chart says the municipalities' sum is missing rather than drawing a zero.
    expect(await page.locator("#charts figure").nth(0).locator("desc").textContent()).toContain("Pott 2 (kommunerna): saknas");

    const csv = ["# referensdatum: 2024-11-01", "# källa: testfil, Uppsala läns 0–18", "kommun_kod,nyckel,antal", ...[...UPPSALA].map(([c, n]) => `${c},0-18,${n}`), `00,0-18,${SWEDEN_0_18}`].join("\n");
    await dropFile(page, "uppsala-0-18.csv", Buffer.from(csv));
    await page.waitForSelector("text=Befolkning från uppsala-0-18.csv (2024-11-01) används nu.");
    expect(await page.locator("#file-how").textContent()).toBe("Filen lades till den inbyggda befolkningen för 2024-11-01.");
    for (const [code, n] of UPPSALA) expect(await shown(page, "municipality", "2", code)).toBe(200_000n + roundHalfUp(192_000_000n * n, SWEDEN_0_18));
    expect(await page.locator("#missing-advice").isHidden()).toBe(true);
    const sum = [...UPPSALA.values()].reduce((acc, n) => acc + 200_000n + roundHalfUp(192_000_000n * n, SWEDEN_0_18), 0n);
    expect(kronor(await page.locator('table[data-level="municipality"] tfoot td.num').first().textContent())).toBe(sum);
    // Dalarna still has its built-in counts: the two sources were added, not replaced.
    await chooseDalarna(page);
    expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);
    await page.close();
  });
});

describe("files: the reference date and names", () => {
  it("asks for the day of an SCB export whose title has none, and reads it with the date given", async () => {
    const original = readFileSync(join(ROOT, "tests", "fixtures", "population", "dalarna-0-18_bred_komma_windows-1252.csv"));
    const title = Buffer.from('"Folkmängden den 1 november efter region, ålder och kön. År 2002 \x96 2024"', "latin1");
    const dayless = Buffer.from('"Folkmängden efter region, ålder och kön. År 2002 \x96 2024"', "latin1");
    expect(original.subarray(0, title.length).equals(title)).toBe(true);
    const bytes = Buffer.concat([dayless, original.subarray(title.length)]);
    const file = join(tmp, "utan-dag.csv");
    writeFileSync(file, bytes);

    const page = await openPage(s);
    await chooseDalarna(page);
    await page.setInputFiles("#file", file);
    const alert = page.locator('#messages [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Skriv datumet i fältet "Filens referensdatum" och välj filen igen.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("file-date");

    await page.fill("#file-date", "2024-11-01");
    await page.setInputFiles("#file", file);
    await page.waitForSelector("text=Befolkning från utan-dag.csv (2024-11-01) används nu.");
    expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);
    await page.close();
  });

  it("notes a name column the reader ignores, and every row whose name is not its code's", async () => {
    const page = await openPage(s);
    await chooseDalarna(page);
    const csv = ["# referensdatum: 2024-11-01", "# källa: testfil med namn", "kommun_kod,kommun,nyckel,antal", "0305,Håbo,0-18,5310", "0319,Borlänge,0-18,2004", `00,Riket,0-18,${SWEDEN_0_18}`].join("\n");
    await dropFile(page, "med-namn.csv", Buffer.from(csv));
    const note = page.locator("#names-note");
    await note.waitFor();
    const text = await note.innerText();
    expect(text).toContain('Kolumnen "kommun" i filen används inte: kommunerna känns igen på koden (kommun_kod), inte på namnet.');
    expect(text).toContain("rad 5: koden 0319 är Älvkarleby, men filen skriver Borlänge; beloppet räknas för Älvkarleby.");
    expect(text).not.toContain("rad 4");
    await page.close();
  });

});

/**
 * English a reader of the page should never meet, and identifiers from the code: error codes,
 * command-line options, the rounding modes' and levels' internal names, null/undefined.
 */
const ENGLISH = /\b(the|is|not|of|and|no|has|have|expected|must|file|count|line|row|column|header|value|unknown|invalid|error|missing|dimension|categories|size|says|got|should|cannot|add|save)\b/i;
const IDENTIFIER = /\b[A-Z]{3,}_[A-Z_]+\b|(^|\s)--[a-z]|\b(nearest-per-recipient|largest-remainder|largest-absorbs|municipality|county|region|skr|perRecipient|basePlusShare|null|undefined|NaN)\b|\[[A-Z_]+\]/;

/** Every line of the messages shown: one line each, Swedish, no identifiers. */
async function messageLines(page: Page): Promise<string[]> {
  const lines = await page.locator("#messages").evaluate((box) => [...box.querySelectorAll("strong, li, p")].map((e) => (e as HTMLElement).innerText));
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) {
    expect(l, l).not.toMatch(/\n/);
    // The place (a file name, a JSON path such as dimension.Region.category.index) and a format's
    // field named as one ("fältet size") are the file's own words, not English prose.
    const prose = l.replace(/^[^:]*\.(csv|json|txt|bin|xlsx)(:\d+)?(, [\w.[\]]+)?: /, "").replace(/fältet [\w.]+/g, "");
    expect(prose, l).not.toMatch(ENGLISH);
    expect(l, l).not.toMatch(IDENTIFIER);
  }
  return lines;
}

describe("errors read in Swedish: one line each, no English, no internal names", () => {
  it("words every bad file, a search that finds nothing, a bad value and a link to a missing file in Swedish", async () => {
    const page = await openPage(s);
    await chooseDalarna(page);
    const files: Record<string, string | Buffer> = {
      // Not here: a file that is not valid JSON. The strict JSON reader (src/io/json.ts) gives
      // its reason in English inside the Swedish line, which the core's catalogue must word.
      "tom.csv": "",
      "bara-rubrik.csv": "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n",
      "negativ.csv": "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,total,-5\n",
      "okand-kommun.csv": "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n9999,total,5\n",
      "dubbel.csv": "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,total,5\n2080,total,6\n",
      "binar.bin": Buffer.from([0, 1, 2, 0x50, 0x4b, 3, 4, 0xff, 0xfe, 0]),
      "utan-dag.csv": "kommun_kod,nyckel,antal\n2080,total,5\n",
      "jsonstat.json": JSON.stringify({ version: "2.0", class: "dataset", id: ["Region"], size: [2], dimension: { Region: { category: { index: { "2080": 0 } } } }, value: [1, 2] }),
    };
    for (const [name, content] of Object.entries(files)) {
      await dropFile(page, name, typeof content === "string" ? Buffer.from(content) : content);
      await page.waitForSelector(`#messages [role="alert"] li >> text=${name}`);
      const lines = await messageLines(page);
      expect(lines[0]).toBe(`Filen ${name} kunde inte användas. Sidan räknar vidare med den befolkning som var vald.`);
      // The place is named: the file, and the line where there is one.
      expect(lines[1]!.startsWith(name)).toBe(true);
      expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);
    }

    // A what-if value the library cannot take: the page's own words, not the command line's --set.
    await page.click('button[data-view="tank"]');
    await page.fill("#whatif-value", "99999999999999999999999");
    await page.click("#whatif-add");
    await page.waitForSelector('#messages [role="alert"] >> text=/högst/');
    expect(await messageLines(page)).toEqual(["Skriv det nya värdet i hela kronor, t.ex. 300 000 000; högst 1 000 000 000 000 000 kr."]);
    // A change that is computed says which level's sum followed, by its Swedish name.
    await page.selectOption("#whatif-field", "perRecipient");
    await page.fill("#whatif-value", "3000000");
    await page.click("#whatif-add");
    await page.waitForSelector("#whatif-applied li");
    for (const li of await page.locator("#whatif-applied li").allInnerTexts()) expect(li, li).not.toMatch(IDENTIFIER);
    expect(await page.locator("#whatif-applied").innerText()).toContain("nivåns summa (länsgemensamma medel)");

    // A name that is nowhere in the country.
    await page.fill("#search", "Xyzzyby");
    await page.waitForSelector("#search-status >> text=Inga träffar.");

    // A link to a file that is not in the page, and one to an agreement with no date for its population.
    await page.goto(`${s.server.url}#avtal=2025&lan=20&bef=file:7`);
    await page.waitForSelector('#messages [role="alert"]');
    await messageLines(page);
    await page.goto(`${s.server.url}#avtal=2020&lan=25`);
    await page.waitForSelector('#messages [role="alert"] >> text=/2020/');
    await messageLines(page);
    await page.close();
  });

  it("logged no error", () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
