import { describe, expect, it } from "vitest";
import { allocate, lineSources, type Allocation, type KnownPotResult, type MunicipalShareCalculation, type RecipientShareCalculation } from "../../src/allocate.js";
import { allCounties, getCounty, LEVELS } from "../../src/geography/index.js";
import { createPopulation } from "../../src/population.js";
import { parseAgreement, type Agreement, type AgreementInput } from "../../src/rules.js";

// The allocation engine (src/allocation/engine.ts) on hand-computed cases: every municipality
// has 1 person and Falun (2080) 3, 292 in all; Dalarna (county 20) has 15 municipalities, so 17
// persons. Each case names the branch of the engine it pins.

const counts: Record<string, number> = {};
for (const c of allCounties()) for (const m of c.municipalityCodes) counts[m] = m === "2080" ? 3 : 1;
const countyCounts: Record<string, number> = {};
for (const c of allCounties()) countyCounts[c.code] = c.municipalityCodes.reduce((s, m) => s + counts[m]!, 0);
const DALARNA = getCounty("20").municipalityCodes;
const dalarnaCounts: Record<string, number> = Object.fromEntries(DALARNA.map((m) => [m, counts[m]!]));

const pop = createPopulation({ referenceDate: "2024-11-01", counts: { total: counts }, sources: [{ title: "handräknad" }] });
/** Only Dalarna's municipalities, with Sweden's 292 declared. */
const dalarnaDeclared = createPopulation({ referenceDate: "2024-11-01", counts: { total: dalarnaCounts }, nationalTotals: { total: 292 } });
/** Only Dalarna's municipalities, nothing declared. */
const dalarnaBare = createPopulation({ referenceDate: "2024-11-01", counts: { total: dalarnaCounts } });
/** Every county given, municipalities only in Dalarna (the county counts agree with them). */
const countiesAndDalarna = (national?: number) =>
  createPopulation({ referenceDate: "2024-11-01", counts: { total: dalarnaCounts }, countyCounts: { total: countyCounts }, ...(national ? { nationalTotals: { total: national } } : {}) });

const agreement = (pots: AgreementInput["pots"], extra: Partial<AgreementInput> = {}): Agreement =>
  parseAgreement({ id: "t", title: "test", source: "hand", referenceDate: "2024-11-01", pots, ...extra });
const pot = (id: string, fields: Record<string, unknown>) => ({ id, name: `pot ${id}`, source: "x", status: "known" as const, ...fields }) as AgreementInput["pots"][number];
const known = (a: Allocation, id: string): KnownPotResult => {
  const p = a.pots.find((x) => x.id === id);
  if (!p || p.status !== "known") throw new Error(`pot ${id} is not known`);
  return p;
};
const line = (a: Allocation, potId: string, code: string, level?: string) => a.lines.find((l) => l.pot === potId && l.code === code && (!level || l.level === level));

describe("partial populations", () => {
  const share146 = (level: string, extra: Record<string, unknown> = {}) => agreement([pot("p", { amount: 146, level, rule: { type: "share", key: "total" }, ...extra })]);

  it("nearest per recipient shares by the declared national total and lists the rest as count-missing", () => {
    // 146 × 1/292 = 0,5 → 1 (half up); Falun 146 × 3/292 = 1,5 → 2: 14 + 2 = 16 kr for Dalarna.
    const r = allocate(share146("municipality"), dalarnaDeclared);
    expect(r.lines).toHaveLength(15);
    expect(line(r, "p", "2080")!.amount).toBe(2n);
    expect(line(r, "p", "2085")!.amount).toBe(1n);
    expect(line(r, "p", "2080")!.calculation).toMatchObject({ rule: "share", count: 3n, keyTotal: 292n, keyTotalDeclared: true, shared: 146n, step: "half-up", exact: { numerator: 438n, denominator: 292n } });
    expect(r.missing).toHaveLength(275);
    expect(r.missing.every((m) => m.reason.kind === "count-missing" && m.reason.key === "total")).toBe(true);
    expect(r.missing[0]).toMatchObject({ pot: "p", part: 0, level: "municipality", code: "0114" });
    const p = known(r, "p");
    expect(p).toMatchObject({ allocated: 16n, residue: null, complete: false, missing: 275 });
    expect(p.parts[0]).toMatchObject({ allocated: 16n, residue: null, complete: false, missing: 275, key: "total" });
    expect(r.complete).toBe(false);
    // Totals: Falun 2, a municipality outside Dalarna unknown (computed 0, one amount missing).
    expect(r.totals.find((t) => t.code === "2080")).toMatchObject({ amount: 2n, computed: 2n, unknown: 0 });
    expect(r.totals.find((t) => t.code === "0114")).toMatchObject({ amount: null, computed: 0n, unknown: 1 });
    expect(r.totals).toHaveLength(290);
  });

  it("a partial level's bases count only where a share is computed", () => {
    // 146 + 290 × 10 kr: Dalarna's 15 municipalities get 10 + their share (1, Falun 2): 150 + 16.
    const r = allocate(agreement([pot("p", { amount: 3046, level: "municipality", rule: { type: "basePlusShare", base: 10, key: "total" } })]), dalarnaDeclared);
    expect(line(r, "p", "2080")!.amount).toBe(12n);
    expect(line(r, "p", "2080")!.calculation).toMatchObject({ base: 10n, shared: 146n, keyTotal: 292n, share: 2n });
    expect(known(r, "p")).toMatchObject({ allocated: 166n, residue: null, missing: 275 });
    // Rounded per municipality: only Dalarna's county, 5 + 16.
    const c = allocate(agreement([pot("c", { amount: 251, level: "county", roundingLevel: "municipality", rule: { type: "basePlusShare", base: 5, key: "total" } })]), countiesAndDalarna(292));
    expect(c.lines.map((l) => [l.code, l.amount])).toEqual([["20", 21n]]);
    expect(known(c, "c").allocated).toBe(21n);
  });

  it("counties without municipalities: a county pot is shared, a municipal pot has no key", () => {
    const countiesOnly = createPopulation({ referenceDate: "2024-11-01", counts: {}, countyCounts: { total: countyCounts } });
    const m = allocate(agreement([pot("m", { amount: 292, level: "municipality", rule: { type: "share", key: "total" } })]), countiesOnly);
    expect(m.lines).toHaveLength(0);
    expect(m.missing).toHaveLength(290);
    expect(m.missing[0]!.reason).toEqual({ kind: "key-unavailable", key: "total", why: { kind: "no-key" } });
    const c = allocate(agreement([pot("c", { amount: 292, level: "county", rule: { type: "share", key: "total" } })]), countiesOnly);
    expect(c.lines.find((l) => l.code === "20")!.amount).toBe(17n);
    expect(c.lines).toHaveLength(21);
    expect(known(c, "c").residue).toBe(0n);
  });

  it("the sum-forcing roundings need every count", () => {
    for (const rounding of ["largest-remainder", "largest-absorbs"] as const) {
      const r = allocate(share146("municipality"), dalarnaDeclared, { rounding });
      expect(r.lines).toHaveLength(0);
      expect(r.missing).toHaveLength(290);
      expect(r.missing[0]!.reason).toEqual({ kind: "rounding-needs-all", key: "total", rounding });
      expect(known(r, "p")).toMatchObject({ allocated: 0n, missing: 290, rounding });
    }
  });

  it("a partial level without a national total cannot be shared", () => {
    const r = allocate(share146("municipality"), dalarnaBare);
    expect(r.lines).toHaveLength(0);
    expect(r.missing[0]!.reason).toEqual({ kind: "key-unavailable", key: "total", why: { kind: "partial-without-national", have: 15, of: 290 } });
    const regions = allocate(share146("region"), dalarnaBare);
    // Counties are sums of their municipalities: only Dalarna's is known.
    expect(regions.missing[0]!.reason).toEqual({ kind: "key-unavailable", key: "total", why: { kind: "partial-without-national", have: 1, of: 21 } });
  });

  it("a region pot on a partial population: Dalarna's summed count against the declared total", () => {
    // 146 × 17/292 = 8,5 → 9 (half up).
    const r = allocate(share146("region"), dalarnaDeclared);
    expect(r.lines.map((l) => [l.code, l.amount])).toEqual([["20", 9n]]);
    expect(r.missing.map((m) => m.code)).toEqual(allCounties().map((c) => c.code).filter((c) => c !== "20"));
  });

  it("rounded per municipality: a county needs every one of its municipalities", () => {
    const perMunicipality = (extra: Record<string, unknown> = {}) => share146("county", { roundingLevel: "municipality", ...extra });
    // Counties complete (given), municipalities only in Dalarna: Dalarna = 14 × 1 + 2 = 16.
    const r = allocate(perMunicipality(), countiesAndDalarna(292));
    expect(r.lines.map((l) => [l.code, l.amount])).toEqual([["20", 16n]]);
    const calc = r.lines[0]!.calculation as MunicipalShareCalculation;
    expect(calc).toMatchObject({ roundingLevel: "municipality", count: 17n, keyTotal: 292n, keyTotalDeclared: true, share: 16n, base: 0n });
    expect(calc.municipalities.map((m) => m.code)).toEqual(DALARNA);
    expect(calc.municipalities.find((m) => m.code === "2080")).toMatchObject({ count: 3n, amount: 2n, step: "half-up", name: "Falun" });
    expect(r.missing).toHaveLength(20);
    expect(r.missing[0]!.reason).toEqual({ kind: "count-missing", key: "total" });
    expect(known(r, "p")).toMatchObject({ allocated: 16n, residue: null, missing: 20, roundingLevel: "municipality" });
    // Largest remainder needs every municipality.
    const lr = allocate(perMunicipality(), countiesAndDalarna(292), { rounding: "largest-remainder" });
    expect(lr.missing[0]!.reason).toEqual({ kind: "rounding-needs-all", key: "total", rounding: "largest-remainder" });
    expect(lr.missing).toHaveLength(21);
    // Nothing declared: the complete counties' sum (292) stands in for Sweden, the same split.
    const bare = allocate(perMunicipality(), countiesAndDalarna());
    expect(bare.lines.map((l) => [l.code, l.amount])).toEqual([["20", 16n]]);
    expect(bare.lines[0]!.calculation).toMatchObject({ keyTotal: 292n });
    expect(bare.missing).toHaveLength(20);
  });

  it("rounded per municipality on a complete population shares by the municipalities' sum", () => {
    const a = share146("region", { roundingLevel: "municipality", amount: 146 + 21 * 5, rule: { type: "basePlusShare", base: 5, key: "total", exceptions: [{ code: "20", amount: 6 }] } });
    // Bases 20 × 5 + 6 = 106, 145 shared... the pot is 251, so 251 − 106 = 145 shared by 292.
    // Dalarna: 14 municipalities × 145/292 = 0,4966 → 0, Falun 435/292 = 1,49 → 1; plus its base 6.
    const r = allocate(a, pop);
    const calc = line(r, "p", "20")!.calculation as MunicipalShareCalculation;
    expect(calc).toMatchObject({ base: 6n, exception: { kind: "code", code: "20" }, shared: 145n, keyTotal: 292n, keyTotalDeclared: false, share: 1n });
    expect(line(r, "p", "20")!.amount).toBe(7n);
    // Gotland: one municipality, 145/292 → 0, base 5.
    expect(line(r, "p", "09")!.amount).toBe(5n);
    expect("exception" in line(r, "p", "09")!.calculation).toBe(false);
    // Every county: 5 (or 6) + its Falun-free municipalities round to 0; 106 + 1 in all.
    expect(known(r, "p").allocated).toBe(107n);
    expect(r.totals.find((t) => t.code === "20")!.computed).toBe(7n);
  });
});

describe("the lines of each rule", () => {
  const stated = allCounties().map((c, i) => ({ code: c.code, amount: i + 1 }));
  const a = agreement([
    pot("f", { amount: 29, level: "skr", rule: { type: "fixed" } }),
    pot("fr", { amount: 100, level: "region", rule: { type: "fixed", recipient: "20" } }),
    // 1 + 2 + … + 21 = 231.
    pot("st", { amount: 231, level: "county", rule: { type: "stated", amounts: stated } }),
    // 17 × 10 + metropolitan 3 × 20 + Gotland 5 = 235.
    pot("pr", { amount: 235, level: "county", rule: { type: "perRecipient", amount: 10, exceptions: [{ group: "metropolitan", amount: 20 }, { code: "09", amount: 5 }] } }),
    // Bases 289 × 1 000 + Falun 2 000 = 291 000; 292 shared: 1 each, Falun 3.
    pot("bs", { amount: 291_292, level: "municipality", rule: { type: "basePlusShare", base: 1000, key: "total", exceptions: [{ code: "2080", amount: 2000 }] } }),
    pot("cm", { amount: 251, level: "county", roundingLevel: "municipality", rule: { type: "basePlusShare", base: 5, key: "total" } }),
    pot("sp", {
      amount: 438,
      level: "split",
      rule: {
        type: "splitLevels",
        parts: [
          { level: "region", amount: 292, rule: { type: "share", key: "total" } },
          { level: "municipality", amount: 146, rule: { type: "share", key: "total" } },
        ],
      },
    }),
  ]);
  // Allocated inside each test: Stryker counts what a test runs, not what its describe block does.
  const run = () => allocate(a, pop);

  it("fixed, stated and per-recipient lines carry their own calculation", () => {
    const r = run();
    expect(line(r, "f", "SKR")).toEqual({ pot: "f", part: 0, level: "skr", code: "SKR", name: expect.any(String), amount: 29n, calculation: { rule: "fixed", amount: 29n } });
    expect(r.lines.filter((l) => l.pot === "fr")).toEqual([{ pot: "fr", part: 0, level: "region", code: "20", name: "Region Dalarna", amount: 100n, calculation: { rule: "fixed", amount: 100n } }]);
    // Stated: the n-th county in code order gets n kronor; Dalarna (20) is the 16th.
    expect(line(r, "st", "01")!.calculation).toEqual({ rule: "stated", amount: 1n });
    expect(line(r, "st", "20")!.amount).toBe(16n);
    expect(line(r, "st", "25")!.amount).toBe(21n);
    expect(line(r, "pr", "01")!.calculation).toEqual({ rule: "perRecipient", base: 20n, exception: { kind: "group", group: "metropolitan" } });
    expect(line(r, "pr", "09")!.calculation).toEqual({ rule: "perRecipient", base: 5n, exception: { kind: "code", code: "09" } });
    expect(line(r, "pr", "20")!.calculation).toEqual({ rule: "perRecipient", base: 10n });
  });

  it("what calls share (a pot's levels, a fixed part's position) is frozen or never written: one call cannot change another", () => {
    const first = run();
    const other = allocate(agreement([pot("fr", { amount: 7, level: "region", rule: { type: "fixed", recipient: "01" } })]), pop);
    const second = run();
    expect(other.lines.map((l) => [l.code, l.amount])).toEqual([["01", 7n]]);
    expect(second.lines.filter((l) => l.pot === "fr").map((l) => [l.code, l.amount])).toEqual([["20", 100n]]);
    const levels = (r: Allocation, id: string) => r.pots.find((p) => p.id === id)!.levels;
    expect(levels(first, "fr")).toEqual(["region"]);
    expect(levels(first, "sp")).toEqual(["region", "municipality"]);
    expect(Object.isFrozen(levels(first, "fr"))).toBe(true);
    expect(() => (levels(first, "st") as string[]).push("skr")).toThrow(TypeError);
    expect(levels(second, "st")).toEqual(["county"]);
  });

  it("share lines name their base, exception, key, exact share and step", () => {
    const r = run();
    expect(line(r, "bs", "2080")!.amount).toBe(2003n);
    expect(line(r, "bs", "2080")!.calculation).toEqual({
      rule: "basePlusShare",
      base: 2000n,
      exception: { kind: "code", code: "2080" },
      key: "total",
      count: 3n,
      keyTotal: 292n,
      keyTotalDeclared: false,
      shared: 292n,
      exact: { numerator: 876n, denominator: 292n },
      rounding: "nearest-per-recipient",
      share: 3n,
      roundingLevel: "recipient",
      step: "exact",
    });
    expect(line(r, "bs", "0114")!.calculation).toEqual({
      rule: "basePlusShare",
      base: 1000n,
      key: "total",
      count: 1n,
      keyTotal: 292n,
      keyTotalDeclared: false,
      shared: 292n,
      exact: { numerator: 292n, denominator: 292n },
      rounding: "nearest-per-recipient",
      share: 1n,
      roundingLevel: "recipient",
      step: "exact",
    });
    const cm = line(r, "cm", "20")!.calculation as MunicipalShareCalculation;
    // 251 − 21 × 5 = 146 shared: Dalarna 14 × 1 + 2 = 16, plus 5.
    expect(line(r, "cm", "20")!.amount).toBe(21n);
    expect(cm).toMatchObject({ rule: "basePlusShare", base: 5n, key: "total", count: 17n, keyTotal: 292n, shared: 146n, exact: { numerator: 146n * 17n, denominator: 292n }, share: 16n, roundingLevel: "municipality" });
    expect("exception" in cm).toBe(false);
    expect("step" in cm).toBe(false);
    expect("splitPart" in cm).toBe(false);
    const sp = line(r, "sp", "2080", "municipality")!;
    expect(sp.part).toBe(1);
    expect(sp.calculation).toMatchObject({ rule: "share", base: 0n, splitPart: { level: "municipality", amount: 146n }, step: "half-up", share: 2n } satisfies Partial<RecipientShareCalculation>);
    expect(line(r, "sp", "20", "region")!.part).toBe(0);
  });

  it("every total is the sum of the recipient's lines, in the levels' order", () => {
    const r = run();
    const sums = new Map<string, bigint>();
    for (const l of r.lines) sums.set(`${l.level} ${l.code}`, (sums.get(`${l.level} ${l.code}`) ?? 0n) + l.amount);
    expect(r.totals).toHaveLength(sums.size);
    for (const t of r.totals) expect(t, `${t.level} ${t.code}`).toMatchObject({ computed: sums.get(`${t.level} ${t.code}`), amount: sums.get(`${t.level} ${t.code}`), unknown: 0 });
    // Dalarna as a county: stated 16 + per recipient 10 + rounded per municipality 21 = 47.
    expect(r.totals.find((t) => t.level === "county" && t.code === "20")!.amount).toBe(47n);
    // Region Dalarna: fixed 100 + its split part's 17.
    expect(r.totals.find((t) => t.level === "region" && t.code === "20")!.amount).toBe(117n);
    expect(r.totals.find((t) => t.level === "municipality" && t.code === "2080")!.amount).toBe(2003n + 2n);
    const levels = [...new Set(r.totals.map((t) => t.level))];
    expect(levels).toEqual(LEVELS.filter((l) => levels.includes(l)));
    expect(levels).toEqual(["region", "county", "municipality", "skr"]);
    // Lines in the agreement's pot order, recipients in code order within a part.
    expect([...new Set(r.lines.map((l) => l.pot))]).toEqual(["f", "fr", "st", "pr", "bs", "cm", "sp"]);
  });

  it("pot results: parts with or without a key, allocated and residue", () => {
    const r = run();
    expect(known(r, "pr").parts[0]).toStrictEqual({ level: "county", amount: 235n, rule: a.pots[3]!.rule, allocated: 235n, residue: 0n, complete: true, missing: 0, ties: [] });
    expect("key" in known(r, "pr").parts[0]!).toBe(false);
    expect(known(r, "bs").parts[0]!.key).toBe("total");
    expect(known(r, "bs")).toMatchObject({ allocated: 291_292n, residue: 0n, complete: true, missing: 0, roundingLevel: "recipient", rounding: "nearest-per-recipient" });
    expect(known(r, "st")).toMatchObject({ allocated: 231n, residue: 0n });
    // 146 to 290 municipalities at 0,5 each: 289 + 2 = 291 kronor, 145 over.
    expect(known(r, "sp")).toMatchObject({ allocated: 292n + 291n, residue: 145n, levels: ["region", "municipality"] });
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it("lines, missing entries and totals are built once, when first read", () => {
    const r = run();
    expect(r.lines).toBe(r.lines);
    expect(r.missing).toBe(r.missing);
    expect(r.totals).toBe(r.totals);
  });

  it("lineSources: population sources only for amounts shared by a key", () => {
    const r = run();
    expect(lineSources(r, line(r, "f", "SKR")!)).toEqual([]);
    expect(lineSources(r, line(r, "pr", "01")!)).toEqual([]);
    expect(lineSources(r, line(r, "st", "01")!)).toEqual([]);
    expect(lineSources(r, line(r, "bs", "2080")!).map((s) => s.title)).toEqual(["handräknad"]);
    expect(lineSources(r, line(r, "sp", "20", "region")!).map((s) => s.title)).toEqual(["handräknad"]);
  });
});

describe("missing amounts, incomplete pots and notes", () => {
  const a = agreement(
    [
      pot("y", { amount: 100, level: "municipality", rule: { type: "share", key: "0-25" } }),
      { id: "u", name: "pot u", source: "x", level: "split", levels: ["region", "county"], status: "incomplete", missing: ["belopp"], inferred: ["nivåer"], note: "en not" },
      pot("z", { amount: 50, level: "county", rule: { type: "basePlusShare", base: 1, key: "0-25" } }),
      pot("k", { amount: 29, level: "skr", rule: { type: "fixed" }, referenceDate: "2024-12-31", note: "nyckelfri", inferred: ["belopp"] }),
      { id: "v", name: "pot v", source: "x", level: "region", status: "incomplete", amount: 7, missing: ["nyckel"], referenceDate: "2024-12-31" },
    ],
    { inferred: ["referensdatum"] },
  );
  // Allocated inside each test: Stryker counts what a test runs, not what its describe block does.
  const run = () => allocate(a, pop);

  it("lists missing amounts in the agreement's pot order, incomplete pots between the known", () => {
    const r = run();
    const order: string[] = [];
    for (const m of r.missing) if (order.at(-1) !== `${m.pot}/${m.part}/${m.level}`) order.push(`${m.pot}/${m.part}/${m.level}`);
    expect(order).toEqual(["y/0/municipality", "u/0/region", "u/1/county", "z/0/county", "v/0/region"]);
    expect(r.missing).toHaveLength(290 + 21 + 21 + 21 + 21);
    expect(r.missing.find((m) => m.pot === "u")!.reason).toEqual({ kind: "pot-incomplete", unknown: ["belopp"] });
    expect(r.missing.find((m) => m.pot === "z")!.reason).toEqual({ kind: "key-unavailable", key: "0-25", why: { kind: "no-key" } });
    expect(r.missing.find((m) => m.pot === "u" && m.level === "county" && m.code === "20")).toMatchObject({ name: "Dalarnas län", part: 1 });
  });

  it("an incomplete pot's result: its levels, amount or null, what is unknown and how many are open", () => {
    const r = run();
    const u = r.pots[1]!;
    expect(u).toStrictEqual({ id: "u", name: "pot u", source: "x", level: "split", levels: ["region", "county"], inferred: ["nivåer"], note: "en not", status: "incomplete", amount: null, unknown: ["belopp"], complete: false, missing: 42 });
    expect(r.pots[4]).toStrictEqual({ id: "v", name: "pot v", source: "x", level: "region", levels: ["region"], status: "incomplete", amount: 7n, unknown: ["nyckel"], complete: false, missing: 21 });
    const k = known(r, "k");
    expect(k.inferred).toEqual(["belopp"]);
    expect(k.note).toBe("nyckelfri");
    expect("inferred" in known(r, "y")).toBe(false);
    expect("note" in known(r, "y")).toBe(false);
    // A part whose key is missing still names it.
    expect(known(r, "y").parts[0]!.key).toBe("0-25");
    expect(known(r, "z").parts[0]).toMatchObject({ key: "0-25", allocated: 0n, residue: null, complete: false, missing: 21 });
    // A basePlusShare pot whose key is missing: its bases are not counted as allocated.
    expect(known(r, "z")).toMatchObject({ allocated: 0n, residue: null, complete: false, missing: 21 });
  });

  it("totals count each unknown amount, and only levels some pot pays appear", () => {
    const r = run();
    // Region 20: u's region part and v are unknown; county 20: u's county part and z.
    expect(r.totals.find((t) => t.level === "region" && t.code === "20")).toMatchObject({ amount: null, computed: 0n, unknown: 2 });
    expect(r.totals.find((t) => t.level === "county" && t.code === "20")).toMatchObject({ amount: null, unknown: 2 });
    expect(r.totals.find((t) => t.level === "skr")).toMatchObject({ amount: 29n, computed: 29n, unknown: 0 });
    expect(r.totals.filter((t) => t.level === "municipality")).toHaveLength(290);
    expect(r.totals).toHaveLength(21 + 21 + 290 + 1);
  });

  it("notes: an incomplete agreement, and a date mismatch only for known pots", () => {
    const r = run();
    expect(r.notes).toEqual([
      { code: "AGREEMENT_INCOMPLETE", agreement: "t", known: 3, of: 5, pots: ["u", "v"] },
      { code: "POPULATION_DATE_MISMATCH", pot: "k", expected: "2024-12-31", actual: "2024-11-01" },
    ]);
    expect(r.agreement).toStrictEqual({ id: "t", title: "test", source: "hand", referenceDate: "2024-11-01", total: undefined, complete: false, knownPots: 3, potCount: 5, inferred: ["referensdatum"] });
    expect(r.complete).toBe(false);
    expect(r.scenario).toBeUndefined();
  });

  it("no note when the dates agree or the agreement names none", () => {
    const undated = parseAgreement({ id: "t", title: "test", source: "hand", pots: [pot("k", { amount: 1, level: "skr", rule: { type: "fixed" }, referenceDate: "2024-11-01" })] });
    const res = allocate(undated, pop);
    expect(res.notes).toEqual([]);
    expect(res.complete).toBe(true);
    expect("inferred" in res.agreement).toBe(false);
    expect(res.agreement.complete).toBe(true);
  });

  it("a known pot whose level says split or unknown but whose rule is for one level, built past the schema, is incomplete", () => {
    const raw = agreement([pot("k", { amount: 1, level: "skr", rule: { type: "fixed" } })]);
    const odd = (level: string) =>
      ({ ...raw, pots: [{ ...raw.pots[0]!, level, levels: level === "split" ? ["region"] : undefined, rule: { type: "fixed", recipient: "20" } }] }) as unknown as Agreement;
    const split = allocate(odd("split"), pop);
    expect(split.lines).toEqual([]);
    expect(split.pots[0]).toMatchObject({ status: "incomplete", levels: ["region"], missing: 21 });
    const unknown = allocate(odd("unknown"), pop);
    expect(unknown.lines).toEqual([]);
    expect(unknown.pots[0]).toMatchObject({ status: "incomplete", levels: [], missing: 0 });
    // The same rule on a level of its own is computed.
    expect(allocate(odd("region"), pop).lines.map((l) => [l.code, l.amount])).toEqual([["20", 1n]]);
  });

  it("a pot without a rule, built by hand past the schema, is missing with the rule as what is unknown", () => {
    const raw = { ...agreement([pot("k", { amount: 1, level: "skr", rule: { type: "fixed" } })]) };
    const bare = { ...raw, pots: [{ id: "w", name: "w", source: "x", level: "region", status: "incomplete" }] } as unknown as Agreement;
    const res = allocate(bare, pop);
    expect(res.missing).toHaveLength(21);
    expect(res.missing[0]!.reason).toEqual({ kind: "pot-incomplete", unknown: ["regel"] });
    expect(res.pots[0]).toMatchObject({ unknown: [], amount: null, missing: 21 });
  });
});

describe("options and inputs", () => {
  const a = agreement([pot("b", { amount: 291_000, level: "municipality", rule: { type: "basePlusShare", base: 1000, key: "total" } })], { rounding: "largest-remainder" });

  it("the rounding option overrides the pot's, which overrides the agreement's", () => {
    expect(allocate(a, pop).rounding).toBe("largest-remainder");
    expect(known(allocate(a, pop), "b").rounding).toBe("largest-remainder");
    const own = agreement([pot("b", { amount: 291_000, level: "municipality", rounding: "largest-absorbs", rule: { type: "basePlusShare", base: 1000, key: "total" } })]);
    const r = allocate(own, pop);
    expect(r.rounding).toBe("nearest-per-recipient");
    expect(known(r, "b").rounding).toBe("largest-absorbs");
    // 1 000 shared: 289 × 3 + 10 = 877; Falun, the largest count, absorbs the other 123.
    expect(line(r, "b", "2080")!.amount).toBe(1000n + 10n + 123n);
    expect(line(r, "b", "2080")!.calculation).toMatchObject({ step: "absorbed", share: 133n });
    expect(known(r, "b").residue).toBe(0n);
    const forced = allocate(own, pop, { rounding: "nearest-per-recipient" });
    expect(forced.rounding).toBe("nearest-per-recipient");
    expect(known(forced, "b")).toMatchObject({ rounding: "nearest-per-recipient", residue: -123n });
  });

  it("largest remainder reports its tie on the pot and the part", () => {
    const r = allocate(a, pop);
    // 1 000 × 1/292: floor 3, remainder 124/292 for the 289; 123 kronor left go to the first 123 codes.
    const p = known(r, "b");
    expect(p.ties).toHaveLength(1);
    expect(p.parts[0]!.ties).toEqual(p.ties);
    expect(p.ties[0]).toMatchObject({ remainderNumerator: 124n, denominator: 292n });
    expect(p.ties[0]!.winners).toHaveLength(123);
  });

  it("a split pot's ties are those of both parts, in part order", () => {
    const split = agreement(
      [
        pot("s", {
          amount: 1011,
          level: "split",
          rule: {
            type: "splitLevels",
            parts: [
              { level: "municipality", amount: 1000, rule: { type: "share", key: "total" } },
              // Counties by their persons: Kalmar (08) and Örebro (18) have 12 each, 11 × 12/292 = 0,45;
              // one krona is left for the two, and the lower code wins.
              { level: "county", amount: 11, rule: { type: "share", key: "total" } },
            ],
          },
        }),
      ],
      { rounding: "largest-remainder" },
    );
    const p = known(allocate(split, pop), "s");
    expect(p.parts.map((x) => x.ties.length)).toEqual([1, 1]);
    expect(p.parts[1]!.ties[0]).toEqual({ remainderNumerator: 132n, denominator: 292n, winners: ["08"], losers: ["18"] });
    expect(p.ties).toEqual([...p.parts[0]!.ties, ...p.parts[1]!.ties]);
    expect(p.residue).toBe(0n);
  });

  it("totals list only the recipients some pot pays: a fixed region pot gives one", () => {
    const r = allocate(agreement([pot("fr", { amount: 100, level: "region", rule: { type: "fixed", recipient: "20" } })]), pop);
    expect(r.totals).toEqual([{ level: "region", code: "20", name: "Region Dalarna", amount: 100n, computed: 100n, unknown: 0 }]);
  });

  it("a stated SKR pot has one line, SKR's", () => {
    const r = allocate(agreement([pot("s", { amount: 29, level: "skr", rule: { type: "stated", amounts: [{ code: "SKR", amount: 29 }] } })]), pop);
    expect(r.lines.map((l) => [l.level, l.code, l.amount])).toEqual([["skr", "SKR", 29n]]);
    expect(r.totals).toHaveLength(1);
  });

  it("an age band the single-year ages do not cover is missing with the uncovered age", () => {
    const ages = Array.from({ length: 101 }, (_, a) => (a === 7 ? undefined : 1));
    const partialAges = createPopulation({ referenceDate: "2019-12-31", ages: { "2080": ages } });
    const r = allocate(agreement([pot("y", { amount: 100, level: "municipality", rule: { type: "share", key: "0-18" } })]), partialAges);
    expect(r.lines).toHaveLength(0);
    expect(r.missing[0]!.reason).toEqual({ kind: "key-unavailable", key: "0-18", why: { kind: "ages-uncovered", code: "2080", age: 7 } });
  });

  it("an incomplete pot stays incomplete even with an amount and a rule", () => {
    const r = allocate(agreement([{ id: "i", name: "I", source: "x", level: "skr", status: "incomplete", amount: 29, rule: { type: "fixed" }, missing: ["referensdatum"] }]), pop);
    expect(r.lines).toEqual([]);
    expect(r.pots[0]).toMatchObject({ status: "incomplete", amount: 29n, unknown: ["referensdatum"], complete: false, missing: 1 });
    expect(r.missing).toEqual([{ pot: "i", part: 0, level: "skr", code: "SKR", name: expect.any(String), reason: { kind: "pot-incomplete", unknown: ["referensdatum"] } }]);
    // Built past the schema without a list of what is missing: nothing named, since the rule is known.
    const raw = agreement([pot("k", { amount: 1, level: "skr", rule: { type: "fixed" } })]);
    const bare = { ...raw, pots: [{ id: "w", name: "w", source: "x", level: "skr", status: "incomplete", amount: 1n, rule: { type: "fixed", recipient: "SKR" } }] } as unknown as Agreement;
    expect(allocate(bare, pop).missing[0]!.reason).toEqual({ kind: "pot-incomplete", unknown: [] });
  });

  it("records a scenario only when it has changes", () => {
    const change = { pot: "b", field: "amount", from: 291_000n, to: 292_000n } as never;
    expect(allocate(a, pop, { scenario: [] }).scenario).toBeUndefined();
    expect(allocate(a, pop, { scenario: [change] }).scenario).toEqual({ changes: [change] });
  });

  it("keeps the population's date, sources and coverage", () => {
    const r = allocate(a, pop);
    expect(r.population).toEqual({ referenceDate: "2024-11-01", sources: pop.sources, coverage: pop.coverage });
  });

  it("refuses every kind of non-agreement, non-population and unknown rounding", () => {
    const kind = (fn: () => unknown, k: string, params?: Record<string, unknown>) =>
      expect(fn).toThrowError(expect.objectContaining({ code: "ALLOCATION_INVALID_INPUT", kind: k, ...(params ? { issue: expect.objectContaining({ params }) } : {}) }));
    kind(() => allocate("2025" as never, pop), "not-an-agreement");
    kind(() => allocate(null as never, pop), "not-an-agreement");
    kind(() => allocate({ pots: {} } as never, pop), "not-an-agreement");
    kind(() => allocate(a, "pop" as never), "not-a-population");
    kind(() => allocate(a, { ...pop, referenceDate: 20241101 } as never), "not-a-population");
    kind(() => allocate(a, { ...pop, counts: {} } as never), "not-a-population");
    kind(() => allocate(a, { ...pop, sources: {} } as never), "not-a-population");
    kind(() => allocate(a, pop, { rounding: "bankers" as never }), "unknown-rounding", { rounding: "bankers" });
    expect(() => allocate(a, pop, { rounding: "bankers" as never })).toThrowError(expect.objectContaining({ value: "bankers" }));
    // Functions carrying the right fields are still not an agreement or a population.
    kind(() => allocate(Object.assign(() => 0, { pots: [] }) as never, pop), "not-an-agreement");
    const popFn = Object.assign(() => 0, { referenceDate: "2024-11-01", counts: new Map(), sources: [] });
    kind(() => allocate(a, popFn as never), "not-a-population");
    // Options that are not an object: a typed refusal, not a TypeError (null used to crash).
    kind(() => allocate(a, pop, null as never), "not-options");
    kind(() => allocate(a, pop, "largest-remainder" as never), "not-options");
    expect(allocate(a, pop, undefined).rounding).toBe("largest-remainder");
    for (const rounding of ["nearest-per-recipient", "largest-remainder", "largest-absorbs"] as const) expect(allocate(a, pop, { rounding }).rounding).toBe(rounding);
  });
});

describe("a known pot's own inferred facts and note", () => {
  it("are kept when it has only one of them", () => {
    const a = agreement([
      pot("n", { amount: 1, level: "skr", rule: { type: "fixed" }, note: "bara en not" }),
      pot("i", { amount: 2, level: "skr", rule: { type: "fixed" }, inferred: ["belopp"] }),
      pot("x", { amount: 3, level: "skr", rule: { type: "fixed" } }),
    ]);
    const r = allocate(a, pop);
    expect(known(r, "n").note).toBe("bara en not");
    expect("inferred" in known(r, "n")).toBe(false);
    expect(known(r, "i").inferred).toEqual(["belopp"]);
    expect("note" in known(r, "i")).toBe(false);
    expect(Object.keys(known(r, "x"))).toEqual(Object.keys(known(r, "n")).filter((k) => k !== "note"));
  });
});

describe("the counts kept per dataset", () => {
  // 292 persons "total" (Sweden declared 300, allowed from 2025) and 2 × that as "0-18" (declared 584).
  const doubled = Object.fromEntries(Object.entries(counts).map(([m, n]) => [m, 2 * n]));
  const both = createPopulation({ referenceDate: "2025-12-31", counts: { total: counts, "0-18": doubled }, nationalTotals: { total: 300, "0-18": 584 } });
  const byKey = (key: string) => agreement([pot("p", { amount: 2920, level: "municipality", rule: { type: "share", key } })], { referenceDate: "2025-12-31" });

  it("notes only the keys the call itself uses, whatever earlier calls on the dataset used", () => {
    const first = allocate(byKey("total"), both);
    expect(first.notes.filter((n) => n.code === "POPULATION_TOTAL_MISMATCH")).toEqual([{ code: "POPULATION_TOTAL_MISMATCH", key: "total", declared: 300n, summed: 292n }]);
    // 0-18 sums to 584, as declared: no note, although "total" was kept from the call before.
    const second = allocate(byKey("0-18"), both);
    expect(second.notes.filter((n) => n.code === "POPULATION_TOTAL_MISMATCH")).toEqual([]);
    expect(line(second, "p", "2080")!.amount).toBe(30n); // 2920 × 6 / 584
    expect(allocate(byKey("total"), both).notes).toEqual(first.notes);
  });

  it("gives a dataset its own counts, not those of another with the same reference date and keys", () => {
    const a = createPopulation({ referenceDate: "2024-11-01", counts: { total: counts } });
    const b = createPopulation({ referenceDate: "2024-11-01", counts: { total: { ...counts, "2080": 95 } } });
    const share = agreement([pot("p", { amount: 384, level: "municipality", rule: { type: "share", key: "total" } })]);
    // 384 × 3 / 292 = 3,95 → 4; with Falun 95 of 384 persons: 384 × 95 / 384 = 95.
    expect(line(allocate(share, a), "p", "2080")!.amount).toBe(4n);
    expect(line(allocate(share, b), "p", "2080")!.amount).toBe(95n);
    expect(line(allocate(share, a), "p", "2080")!.amount).toBe(4n);
    // A call on the same dataset again gives the same allocation, line for line.
    expect(allocate(share, b).lines).toEqual(allocate(share, b).lines);
  });
});
