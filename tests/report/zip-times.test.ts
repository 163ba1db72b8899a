import { afterEach, describe, expect, it, vi } from "vitest";
import { allocate, selectAllocation } from "../../src/allocate.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { allocationToXlsx } from "../../src/report/xlsx.js";
import { withFixedZipTimes } from "../../src/report/zip-times.js";

const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
const dalarna = selectAllocation(result, { county: "20" });

afterEach(() => {
  vi.useRealTimers();
});

describe("withFixedZipTimes", () => {
  it("makes a workbook written at another time byte for byte the same", async () => {
    // exceljs's zip writer stamps entries with the clock; two writes a second apart used to differ.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2021-03-04T05:06:07Z"));
    const early = await allocationToXlsx(dalarna);
    vi.setSystemTime(new Date("2026-11-23T23:59:59Z"));
    const late = await allocationToXlsx(dalarna);
    expect(early.length).toBeGreaterThan(1000);
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(true);
  });

  it("leaves bytes it cannot walk as a zip exactly as they were", async () => {
    const text = new TextEncoder().encode("kommun_kod,nyckel,antal\n2080,total,59000\n");
    expect(Buffer.from(withFixedZipTimes(text.slice())).equals(Buffer.from(text))).toBe(true);
    const xlsx = await allocationToXlsx(dalarna);
    // The end record kept, the central directory cut off: nothing is changed.
    const broken = Uint8Array.from([...xlsx.subarray(0, 200), ...xlsx.subarray(xlsx.length - 22)]);
    expect(Buffer.from(withFixedZipTimes(broken.slice())).equals(Buffer.from(broken))).toBe(true);
  });
});
