import { describe, expect, it } from "vitest";
// errors.js first: the catalogue is reached through it, as the library loads it.
import "../src/errors.js";
import { CATALOGUE } from "../src/messages/index.js";

// Alternatives ("did you mean", "can mean", "must be") join with "eller"; a full list of what is
// there or missing joins with "och".
describe("Swedish lists use the right conjunction", () => {
  it("alternatives join with eller", () => {
    expect(CATALOGUE.GEOGRAPHY_UNKNOWN_NAME.level.sv({ name: "Faluun", levels: ["municipality", "county", "region"], suggestions: ["Falun", "Flen", "Ale"] })).toBe(
      'ingen kommun, inget län eller ingen region heter "Faluun"; menar du "Falun", "Flen" eller "Ale"?',
    );
    expect(CATALOGUE.GEOGRAPHY_UNKNOWN_NAME.level.en({ name: "Faluun", levels: ["municipality"], suggestions: ["Falun", "Flen"] })).toBe('no municipality is called "Faluun"; did you mean "Falun" or "Flen"?');
    expect(CATALOGUE.GEOGRAPHY_AMBIGUOUS_NAME.candidates.sv({ name: "Gotland", candidates: ["Gotlands kommun (0980)", "Region Gotland (09)"] })).toBe(
      '"Gotland" kan betyda Gotlands kommun (0980) eller Region Gotland (09); ange koden',
    );
    expect(CATALOGUE.ALLOCATION_UNKNOWN_RECIPIENT["not-at-level"].sv({ name: "Falun", levels: ["region", "län"] })).toBe("Falun får inget på nivån region eller län");
    expect(CATALOGUE.USAGE["bad-choice"].sv({ option: "format", value: "pdf", allowed: ["text", "csv", "json"] })).toBe('--format ska vara text, csv eller json, inte "pdf"');
    expect(CATALOGUE.AGREEMENT_INVALID.choice.sv({ allowed: ["a", "b"], got: '"c"' })).toBe('väntade "a" eller "b", fick "c"');
  });

  it("lists of everything there or missing join with och", () => {
    expect(CATALOGUE.AGREEMENT_INVALID["unknown-fields"].sv({ fields: ["totl", "extra"] })).toBe('okända fält "totl" och "extra"');
    expect(CATALOGUE.AGREEMENT_INVALID["unknown-fields"].sv({ fields: ["totl"] })).toBe('okänt fält "totl"');
    expect(CATALOGUE.TABLE_FORMAT["no-amount-column"].sv({ columns: ["Kommun", "Namn"] })).toBe('ingen kolumn innehåller belopp (kolumner: "Kommun" och "Namn")');
  });
});
