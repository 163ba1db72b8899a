/**
 * Bounded resources (issue 16): files and streams are read up to a documented limit and no
 * further, a JSON-stat `size` is checked before anything is allocated, the first repeated row
 * stops a file, and a file of bad rows gives at most 100 problems and a count of the rest.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MAX_ISSUES } from "../../src/errors.js";
import { allMunicipalities } from "../../src/geography/index.js";
import { MAX_POPULATION_CSV_BYTES, parsePopulation, safeParsePopulation } from "../../src/io/population.js";
import { loadAgreementFile, loadPopulationFile } from "../../src/node/files.js";
import { CLI_BIN } from "../cli/bin.js";
import { fails } from "./fixtures-helpers.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("files and streams stop at the limit", () => {
  it("--population /dev/zero is refused at 64 MB, naming the limit", () => {
    const e = fails(() => loadPopulationFile("/dev/zero"), "POPULATION_FORMAT");
    expect(e.kind).toBe("file-too-large");
    expect(e.message).toContain("larger than 64 MB");
    expect(e.file).toBe("/dev/zero");
  });

  it("an agreement /dev/zero is refused at 32 MB", () => {
    expect(() => loadAgreementFile("/dev/zero")).toThrowError(expect.objectContaining({ code: "AGREEMENT_INVALID", kind: "file-too-large" }));
  });

  it("bytes over the limit are refused before decoding (the page's path)", () => {
    const e = fails(() => parsePopulation(new Uint8Array(MAX_POPULATION_CSV_BYTES + 1).fill(0x41), { file: "big.csv" }), "POPULATION_FORMAT");
    expect(e.kind).toBe("file-too-large");
    const json = new Uint8Array(32 * 1024 * 1024 + 1).fill(0x20);
    json[0] = 0x7b;
    expect(fails(() => parsePopulation(json, { file: "big.json" }), "POPULATION_FORMAT").message).toContain("32 MB, the limit for JSON-stat");
  });

  it("an endless standard input ends with a typed error, not with all memory", async () => {
    const child = spawn(process.execPath, ["--max-old-space-size=300", CLI_BIN, "allocate", "--population", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    const row = Buffer.from("2080,total,1\n".repeat(80_000));
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.on("error", () => {}); // EPIPE once the reader stops: expected
    let writing = true;
    const pump = () => {
      while (writing && child.stdin.write(row));
      if (writing) child.stdin.once("drain", pump);
    };
    pump();
    const code = await new Promise<number | null>((done) => child.on("exit", (c) => ((writing = false), done(c))));
    // One Swedish line naming the limit; bad input is exit 2 (never 70, never a stack trace).
    expect(stderr).toBe("stimulansmedel: <stdin>: filen är större än 64 MB, mer än någon befolkningsfil\n");
    expect(code).toBe(2);
  }, 60_000);
});

describe("JSON-stat sizes are checked before allocating", () => {
  const dataset = (size: number[], value: unknown) =>
    JSON.stringify({
      version: "2.0",
      class: "dataset",
      id: ["Region", "Alder", "Kon", "Tid"].slice(0, size.length),
      size,
      dimension: Object.fromEntries(
        ["Region", "Alder", "Kon", "Tid"].slice(0, size.length).map((id, d) => [id, { category: { index: Array.from({ length: Math.min(size[d]!, 3) }, (_, i) => String(i)) } }]),
      ),
      value,
    });

  it("a sparse value claiming 1.17e9 cells is refused by its claim", () => {
    const e = fails(() => parsePopulation(enc(dataset([1000, 1000, 1170, 1], { "0": 1 })), { file: "s.json" }), "POPULATION_FORMAT");
    expect(e.kind).toBe("jsonstat-too-large");
    expect(e.message).toContain("claims 1170000000 cells, more than the 2000000");
    expect(e.path).toBe("size");
  });

  it("a dimension claiming more categories than any table is refused", () => {
    const e = fails(() => parsePopulation(enc(dataset([1, 20_000_000, 1, 1], {})), { file: "s.json" }), "POPULATION_FORMAT");
    expect(e.path).toBe("size[1]");
  });
});

describe("problems are bounded", () => {
  const head = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n";

  it("the first repeated row stops the file", () => {
    const text = head + "2080,total,5\n".repeat(10_000);
    const r = safeParsePopulation(enc(text), { file: "d.csv" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.filter((i) => i.code === "POPULATION_DUPLICATE")).toHaveLength(1);
    expect(r.issues[0]!.line).toBe(4);
  });

  it(`at most ${MAX_ISSUES} problems are kept, and the rest counted`, () => {
    const codes = allMunicipalities().map((m) => m.code);
    const text = head + Array.from({ length: 350 }, (_, i) => `${codes[i % 290]},${i < 290 ? "total" : "0-18"},-${i + 1}`).join("\n");
    const r = safeParsePopulation(enc(text), { file: "b.csv" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(MAX_ISSUES + 1);
    expect(r.issues[MAX_ISSUES]!.message).toBe("250 more problems not listed (at most 100 are kept); fix these first");
  });
});
