import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, headLines, readCsvRecords } from "../../src/io/csv.js";

const fields = (text: string, delimiter = ",", trim = false) => readCsvRecords(text, { delimiter, trim }).map((r) => r.fields);

describe("readCsvRecords", () => {
  it("reads quoted and unquoted fields, doubled quotes and every line ending", () => {
    expect(fields('"region","2024"\r\n"2080 Falun",57000\n00 Riket,"10 ""5"""\r"x",')).toEqual([
      ["region", "2024"],
      ["2080 Falun", "57000"],
      ["00 Riket", '10 "5"'],
      ["x", ""],
    ]);
  });

  it("numbers records by the physical line they start on, across blank lines and line breaks in quotes", () => {
    const recs = readCsvRecords('a;b\r\n\r\n"two\r\nlines";c\n;\n"d";e', { delimiter: ";" });
    expect(recs).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["two\r\nlines", "c"], line: 3 },
      { fields: ["d", "e"], line: 6 },
    ]);
  });

  it("skips a run of empty lines in any line ending in both modes, and counts every one of them", () => {
    // LF, CRLF, a lone CR, CR CR LF (a lone CR, then CRLF): lines 2–7 are empty.
    const text = "a,b\n\n\r\n\r\r\r\n\n1,2\r\n\r\n\r\n";
    for (const skip of ["records", "lines"] as const) {
      expect(readCsvRecords(text, { delimiter: ",", skip })).toEqual([
        { fields: ["a", "b"], line: 1 },
        { fields: ["1", "2"], line: 8 },
      ]);
    }
    // Errors after such a run name the physical line; a file of only line breaks has no records.
    expect(() => readCsvRecords('a\n\r\n\r\rx"y\n', { delimiter: "," })).toThrow("a quote inside an unquoted field on line 5");
    expect(readCsvRecords("\n\r\n\r".repeat(1000), { delimiter: ",", skip: "lines" })).toEqual([]);
    // With trimming, a line of blanks is still one empty record to skip, not a break of the run.
    expect(readCsvRecords("\n \n\t\n2", { delimiter: ",", trim: true })).toEqual([{ fields: ["2"], line: 4 }]);
  });

  it("trims blanks outside quotes only, and starts where told", () => {
    expect(fields(' "a b " ,\t7 \n', ",", true)).toEqual([["a b ", "7"]]);
    const text = '"Folkmängd"\n\n"region","2024"\n"2080",1\n';
    const { starts } = headLines(text, 3);
    expect(readCsvRecords(text, { delimiter: ",", from: starts[2]!, firstLine: 3 })).toEqual([
      { fields: ["region", "2024"], line: 3 },
      { fields: ["2080", "1"], line: 4 },
    ]);
  });

  it("refuses broken quoting, naming the line", () => {
    const error = (text: string) => {
      try {
        readCsvRecords(text, { delimiter: "," });
      } catch (e) {
        expect(e).toBeInstanceOf(CsvSyntaxError);
        return [(e as CsvSyntaxError).line, (e as Error).message];
      }
      return undefined;
    };
    expect(error('a,b\n"open,1\n2,3\n')).toEqual([2, "a quoted field opened on line 2 never ends"]);
    expect(error('a,b\nx"y,1\n')).toEqual([2, "a quote inside an unquoted field on line 2"]);
    expect(error('a,b\n\n"x"y,1\n')).toEqual([3, 'unexpected "y" after a closing quote on line 3']);
  });

  it("with skip: lines, leaves out only empty lines, as the project CSV has always read", () => {
    const text = 'a,b\n\n   \n,\n""\n1,2\n';
    expect(readCsvRecords(text, { delimiter: ",", trim: true, skip: "lines" })).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["", ""], line: 4 },
      { fields: [""], line: 5 },
      { fields: ["1", "2"], line: 6 },
    ]);
    expect(fields(text, ",", true)).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("reads what csv-parse reads, for any RFC 4180 text", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "ö", " ", ",", ";", '"', "\n", "\r", "\r\n", "1"), maxLength: 8 });
    const quoteAll = fc.boolean();
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("\n", "\r\n"),
        quoteAll,
        fc.constantFrom("records", "lines") as fc.Arbitrary<"records" | "lines">,
        (rows, delimiter, eol, always, skip) => {
          const needsQuotes = (f: string) => always || f === "" || /[",;\t\r\n]/.test(f) || f.trim() !== f;
          const text = rows.map((r) => r.map((f) => (needsQuotes(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(delimiter)).join(eol);
          const expected = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, ...(skip === "records" ? { skip_records_with_empty_values: true } : {}) }) as string[][];
          expect(readCsvRecords(text, { delimiter, skip }).map((r) => r.fields)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("headLines", () => {
  it("gives the first lines and where each starts, for LF, CRLF and CR", () => {
    expect(headLines('"titel"\r\n\r\n"region","2024"\r\n"2080 Falun",1\r\n', 3)).toEqual({ lines: ['"titel"', "", '"region","2024"'], starts: [0, 9, 11] });
    expect(headLines("a\rb\nc", 10)).toEqual({ lines: ["a", "b", "c"], starts: [0, 2, 4] });
    expect(headLines("", 5)).toEqual({ lines: [""], starts: [0] });
  });
});
