import {describe, expect, it} from "vitest";
import {actorsOnIssue, bareValue, citation, formatUncertain, parseUncertain, pointValue, withValue, type ScenarioDoc} from "../src/scenario";

describe("uncertain numbers", () => {
  it("has the point value the baseline models use", () => {
    expect(pointValue(40)).toBe(40);
    expect(pointValue([30, 50])).toBe(40);
    expect(pointValue("uniform(30, 50)")).toBe(40);
    expect(pointValue("normal(40, 5)")).toBe(40);
    expect(pointValue("triangular(30, 45, 60)")).toBe(45);
    expect(pointValue({value: [75, 95], source: {ref: "assumption"}})).toBe(85);
    expect(pointValue("12.5")).toBe(12.5);
    expect(pointValue("normal(x, 5)")).toBeNull();
    expect(pointValue(undefined)).toBeNull();
    expect(pointValue("")).toBeNull();
  });

  it("reads what the analyst types", () => {
    expect(parseUncertain("40")).toBe(40);
    expect(parseUncertain(" -1.5e1 ")).toBe(-15);
    expect(parseUncertain("[30, 50]")).toEqual([30, 50]);
    expect(parseUncertain("normal(40, 5)")).toBe("normal(40, 5)");
    expect(parseUncertain("")).toBeNull();
    expect(() => parseUncertain("forty")).toThrow(/not a number/);
    expect(() => parseUncertain("[30, x]")).toThrow();
  });

  it("writes values back and keeps citations", () => {
    const cited = {value: [75, 95], source: {ref: "seed-001", note: "¶10"}};
    expect(formatUncertain(cited)).toBe("[75, 95]");
    expect(formatUncertain("normal(1, 2)")).toBe("normal(1, 2)");
    expect(formatUncertain(undefined)).toBe("");
    expect(withValue(cited, 80)).toEqual({value: 80, source: {ref: "seed-001", note: "¶10"}});
    expect(withValue(40, 80)).toBe(80);
    expect(bareValue(cited)).toEqual([75, 95]);
    expect(citation(cited)).toBe("seed-001: ¶10");
    expect(citation({value: 1, source: "example-judgement"})).toBe("example-judgement");
    expect(citation(40)).toBeNull();
  });

  it("lists the actors that take a position on an issue", () => {
    const doc: ScenarioDoc = {
      metadata: {title: "t"},
      issues: [{id: "i"}, {id: "j"}],
      actors: [{id: "a", capability: 1}, {id: "b", capability: 2}, {id: "c", capability: 3}],
      positions: {a: {i: {position: 1, salience: 1}}, b: {j: {position: 2}}, c: {i: {salience: 0.5}}},
    };
    expect(actorsOnIssue(doc, "i").map((a) => a.id)).toEqual(["a"]);
    expect(actorsOnIssue(doc, "j").map((a) => a.id)).toEqual(["b"]);
  });
});

describe("sources", async () => {
  const {describeSource} = await import("../src/scenario");
  const doc: ScenarioDoc = {
    metadata: {title: "t", sources: [{id: "seed-002", title: "Putin's phone call"}]},
    issues: [],
    actors: [],
  };
  it("names the source's title and its note", () => {
    expect(describeSource(doc, {value: 1, source: {ref: "seed-002", note: "¶32: relaxed"}})).toBe("seed-002 — Putin's phone call: ¶32: relaxed");
    expect(describeSource(doc, {value: 1, source: "seed-002"})).toBe("seed-002 — Putin's phone call");
    expect(describeSource(doc, {value: 1, source: {note: "just a note"}})).toBe("just a note");
    expect(describeSource(doc, {position: 1})).toBeNull();
    expect(describeSource(doc, 40)).toBeNull();
  });
});

describe("editing citations", async () => {
  const {formatSource, parseSource, withSource} = await import("../src/scenario");
  it("writes and reads a citation as one line", () => {
    expect(formatSource({ref: "seed-001", note: "¶10: Russia's capabilities"})).toBe("seed-001: ¶10: Russia's capabilities");
    expect(formatSource("example-judgement")).toBe("example-judgement");
    expect(formatSource({note: "only a note"})).toBe(": only a note");
    expect(formatSource(undefined)).toBe("");
    expect(parseSource("seed-001: ¶10: Russia's capabilities")).toEqual({ref: "seed-001", note: "¶10: Russia's capabilities"});
    expect(parseSource("assumption")).toEqual({ref: "assumption"});
    expect(parseSource(": only a note")).toEqual({note: "only a note"});
    expect(parseSource("  ")).toBeNull();
  });
  it("puts a citation on a number and takes it off", () => {
    expect(withSource([40, 60], {ref: "a"})).toEqual({value: [40, 60], source: {ref: "a"}});
    expect(withSource({value: 5, source: {ref: "a"}}, {ref: "b", note: "n"})).toEqual({value: 5, source: {ref: "b", note: "n"}});
    expect(withSource({value: 5, source: {ref: "a"}}, null)).toBe(5);
    expect(withSource(undefined, {ref: "a"})).toBeUndefined();
  });
});
