import { describe, expect, it } from "vitest";
import { detectPopulationFormat, parsePopulation } from "../../src/io/population.js";
import { fails, fixture } from "./fixtures-helpers.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("parsePopulation: one entry point for every format", () => {
  it("detects the format", () => {
    expect(detectPopulationFormat("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n")).toBe("project-csv");
    expect(detectPopulationFormat("kommun_kod;alder;antal\n")).toBe("project-csv");
    expect(detectPopulationFormat('"Titel"\n\n"region";"2024"\n')).toBe("scb-csv");
    expect(detectPopulationFormat('\uFEFF{"version":"2.0"}')).toBe("json-stat2");
    expect(detectPopulationFormat("a,b\n")).toBeUndefined();
  });

  it("reads the project CSV in Windows-1252 too", () => {
    const bytes = new Uint8Array(Buffer.from("# referensdatum: 2024-11-01\n# källa: Älvdalen\nkommun_kod,nyckel,antal\n2039,0-18,1\n00,0-18,5\n", "latin1"));
    expect(parsePopulation(bytes).sources[0]!.title).toBe("Älvdalen");
  });

  it("refuses a given reference date that the file contradicts, naming both", () => {
    const e = fails(() => parsePopulation(fixture("dalarna-0-18_TAB1267.json-stat2.json"), { referenceDate: "2024-12-31" }), "POPULATION_DATE_MISMATCH");
    expect(e.message).toMatch(/2024/);
    const p = enc("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,1\n00,0-18,5\n");
    expect(fails(() => parsePopulation(p, { referenceDate: "2024-12-31" }), "POPULATION_DATE_MISMATCH", undefined, "2024-11-01").message).toMatch(/2024-11-01.*2024-12-31/);
  });

  it("names the file for an unknown format or bad JSON", () => {
    expect(fails(() => parsePopulation(enc("a,b\n1,2\n"), { file: "x.txt" }), "POPULATION_FORMAT", 1).file).toBe("x.txt");
    fails(() => parsePopulation(enc("{ not json"), { file: "x.json" }), "POPULATION_FORMAT");
  });
});
