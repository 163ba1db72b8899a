import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { listBundledAgreements, loadBundledAgreement } from "../../src/node/bundled.js";
import { parseAgreement } from "../../src/rules.js";
import { checkedAgreements } from "../../scripts/build-checked-agreements.js";

const ROOT = resolve(import.meta.dirname, "..", "..");

describe("bundled agreements, validated at build time", () => {
  it("data/checked/agreements.json is what the build step writes from the sources now", () => {
    expect(readFileSync(join(ROOT, "data", "checked", "agreements.json"), "utf8")).toBe(checkedAgreements(ROOT));
  });

  it("every bundled agreement read from the checked form equals parsing its source file", () => {
    const ids = listBundledAgreements();
    expect(ids.length).toBeGreaterThanOrEqual(14);
    for (const id of ids) {
      const file = `data/agreements/${id}.json`;
      const parsed = parseAgreement(JSON.parse(readFileSync(join(ROOT, file), "utf8")), file);
      expect(loadBundledAgreement(id), id).toStrictEqual(parsed);
    }
    expect(loadBundledAgreement("2025").total).toBe(1_560_000_000n);
  });

  it("gives each caller objects of its own", () => {
    const a = loadBundledAgreement("2025");
    const b = loadBundledAgreement("2025");
    expect(a).not.toBe(b);
    expect(a.pots[0]).not.toBe(b.pots[0]);
  });
});
