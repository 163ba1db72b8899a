import { describe, expect, it } from "vitest";
import { GeographyError } from "../src/errors.js";
import {
  allCounties,
  allMunicipalities,
  findCounty,
  findMunicipality,
  findRecipients,
  foldName,
  getCounty,
  getRecipient,
  GOTLAND,
  GROUPS,
  recipients,
  suggestNames,
} from "../src/geography/index.js";
import { COUNTY_CODES, COUNTY_MUNICIPALITY_END, COUNTY_OF_MUNICIPALITY, MUNICIPALITIES_OF_COUNTY, MUNICIPALITY_CODES } from "../src/geography/positions.js";
import { issueWith, thrownBy } from "./helpers.js";

describe("geography", () => {
  it("keeps each county's municipalities as one run of positions, in county order", () => {
    // keyCounts sums a county's run at a time: the runs must be exactly its municipalities.
    expect(COUNTY_MUNICIPALITY_END.length).toBe(COUNTY_CODES.length);
    expect(COUNTY_MUNICIPALITY_END[COUNTY_CODES.length - 1]).toBe(290);
    let start = 0;
    COUNTY_CODES.forEach((code, c) => {
      const end = COUNTY_MUNICIPALITY_END[c]!;
      expect(MUNICIPALITIES_OF_COUNTY[c]).toEqual(Array.from({ length: end - start }, (_, j) => start + j));
      for (let i = start; i < end; i++) {
        expect(COUNTY_OF_MUNICIPALITY[i]).toBe(c);
        expect(MUNICIPALITY_CODES[i]!.slice(0, 2)).toBe(code);
      }
      start = end;
    });
  });


  it("has 290 municipalities and 21 counties and regions, each municipality in its county", () => {
    expect(allMunicipalities()).toHaveLength(290);
    expect(new Set(allMunicipalities().map((m) => m.code)).size).toBe(290);
    expect(allCounties()).toHaveLength(21);
    expect(recipients("region")).toHaveLength(21);
    expect(allCounties().reduce((s, c) => s + c.municipalityCodes.length, 0)).toBe(290);
    expect(getCounty("20").municipalityCodes).toHaveLength(15);
    expect(getCounty("01").municipalityCodes).toHaveLength(26);
    expect(getCounty("14").municipalityCodes).toHaveLength(49);
  });

  it("names the region that serves each county", () => {
    expect(getRecipient("region", "20")!.name).toBe("Region Dalarna");
    expect(getRecipient("region", "14")!.name).toBe("Västra Götalandsregionen");
    expect(getCounty("20").regionName).toBe("Region Dalarna");
  });

  it("knows the metropolitan group and Gotland as one body at three levels", () => {
    expect(GROUPS.metropolitan).toEqual(["01", "12", "14"]);
    expect(getCounty(GOTLAND.countyCode).municipalityCodes).toEqual([GOTLAND.municipalityCode]);
    expect(findRecipients("Gotland").map((r) => r.level)).toEqual(["region", "county", "municipality"]);
    expect(findRecipients("dalarna").map((r) => r.level)).toEqual(["region", "county"]);
    expect(findRecipients("09").map((r) => `${r.level}:${r.name}`)).toEqual(["region:Region Gotland", "county:Gotlands län"]);
  });

  it("finds by code or by name, tolerant of case, hyphens and missing diacritics", () => {
    expect(findMunicipality("Malung Salen").code).toBe("2023");
    expect(findMunicipality("MALUNG-SÄLEN").code).toBe("2023");
    expect(findMunicipality("2080").name).toBe("Falun");
    expect(findMunicipality("alvdalen").code).toBe("2039");
    expect(findMunicipality("Upplands-Bro").code).toBe("0139");
    expect(findCounty("Region Dalarna").code).toBe("20");
    expect(findCounty("dalarnas lan").code).toBe("20");
    expect(findCounty("Dalarna").code).toBe("20");
    expect(findCounty("Västra Götaland").code).toBe("14");
    expect(findCounty("skane").code).toBe("12");
    expect(foldName(" Malung–Sälen ")).toBe("malung salen");
  });

  it("suggests the closest names for an unknown one", () => {
    const e = thrownBy(() => findMunicipality("Faluun"), "GEOGRAPHY_UNKNOWN_NAME");
    expect(e).toBeInstanceOf(GeographyError);
    expect(e.value).toBe("Faluun");
    expect(e.issue.params).toMatchObject({ suggestions: ["Falun", "Flen", "Ale"] });
    expect(suggestNames("Borlange")[0]).toBe("Borlänge");
  });

  it("refuses unknown codes", () => {
    expect(() => findMunicipality("9999")).toThrowError(issueWith("GEOGRAPHY_UNKNOWN_CODE", { value: "9999" }));
    expect(() => getCounty("02")).toThrowError(issueWith("GEOGRAPHY_UNKNOWN_CODE", { value: "02" }));
  });
});

describe("official municipality names", () => {
  it("reads the genitive before kommun or stad: Falu kommun, Leksands kommun, Göteborgs stad, Borås Stad", () => {
    expect(findMunicipality("Falu kommun").code).toBe("2080");
    expect(findMunicipality("Leksands kommun").code).toBe("2029");
    expect(findMunicipality("Göteborgs stad").code).toBe("1480");
    expect(findMunicipality("Borås Stad").code).toBe("1490");
    expect(findMunicipality("Malung-Sälens kommun").code).toBe("2023");
    // As written still comes first: "Mora kommun" is Mora.
    expect(findMunicipality("Mora kommun").code).toBe("2062");
    expect(findRecipients("Falu kommun").map((r) => `${r.level} ${r.code}`)).toEqual(["municipality 2080"]);
  });

  it("does not guess: a stem that fits no municipality is still unknown, with suggestions", () => {
    expect(() => findMunicipality("Falus kommun")).toThrowError(expect.objectContaining({ code: "GEOGRAPHY_UNKNOWN_NAME" }));
    expect(() => findMunicipality("Narnia stad")).toThrowError(expect.objectContaining({ code: "GEOGRAPHY_UNKNOWN_NAME" }));
    // A county's name with kommun is not a municipality.
    expect(() => findRecipients("Dalarnas kommun", ["county", "region"])).toThrowError(expect.objectContaining({ code: "GEOGRAPHY_UNKNOWN_NAME" }));
  });
});
