import { describe, expect, it } from "vitest";
import { own } from "../src/own.js";

describe("own", () => {
  it("reads a record's own properties only, whatever their name", () => {
    const labels: Record<string, string> = { "2080": "Falun", constructor: "a code of the file's own" };
    expect(own(labels, "2080")).toBe("Falun");
    expect(own(labels, "constructor")).toBe("a code of the file's own");
    for (const name of ["toString", "hasOwnProperty", "__proto__", "valueOf", "2081"]) expect(own(labels, name), name).toBeUndefined();
    expect(own(undefined, "2080")).toBeUndefined();
    // A __proto__ key the JSON reader kept as an own property is read as one.
    const withProto = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    expect(own(withProto, "__proto__")).toBe("x");
  });
});
