import {describe, expect, it} from "vitest";
import {csvField, csvFileName, toCsv} from "../src/csv";

describe("CSV", () => {
  it("quotes only what needs it and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(NaN)).toBe("");
  });

  it("defuses spreadsheet formulas in text but not negative numbers", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField("-12")).toBe("-12");
  });

  it("writes a header and rows with CRLF", () => {
    expect(toCsv(["issue", "compromise"], [["sanctions", 61.25], ["arctic, north", null]])).toBe(
      'issue,compromise\r\nsanctions,61.25\r\n"arctic, north",\r\n',
    );
  });

  it("names the file after the table", () => {
    expect(csvFileName("forecasts us-russia.yaml")).toBe("forecasts-us-russia-yaml.csv");
    expect(csvFileName("Sweep run 3 — classes")).toBe("sweep-run-3-classes.csv");
    expect(csvFileName("***")).toBe("table.csv");
  });
});
