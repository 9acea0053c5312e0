import {describe, expect, it} from "vitest";
import {clearOverride, niceCeil, setOverride, sliderRange, targetKey, toSetList} from "../src/whatif";

describe("what-if overrides", () => {
  it("names targets as --set does", () => {
    expect(targetKey({actor: "us", issue: "sanctions", field: "position"})).toBe("us.sanctions.position");
    expect(targetKey({actor: "us", issue: "sanctions", field: "salience"})).toBe("us.sanctions.salience");
    expect(targetKey({actor: "us", issue: "sanctions", field: "capability"})).toBe("us.capability");
    expect(() => targetKey({actor: "us", field: "position"})).toThrow();
  });

  it("sets, replaces and drops overrides without changing the old state", () => {
    const empty = {};
    const a = setOverride(empty, {actor: "us", issue: "s", field: "position"}, 30, 50);
    expect(empty).toEqual({});
    expect(a).toEqual({"us.s.position": 30});
    const b = setOverride(a, {actor: "us", issue: "s", field: "position"}, 40, 50);
    expect(b).toEqual({"us.s.position": 40});
    expect(setOverride(b, {actor: "us", issue: "s", field: "position"}, 50, 50)).toEqual({});
    expect(setOverride(b, {actor: "us", field: "capability"}, 5, null)).toEqual({"us.s.position": 40, "us.capability": 5});
    expect(clearOverride(b, {actor: "us", issue: "s", field: "position"})).toEqual({});
  });

  it("gives the set list in a fixed order, position before salience", () => {
    const o = {"ru.s.salience": 0.5, "ru.s.position": 70, "eu.capability": 42.5};
    expect(toSetList(o)).toEqual(["eu.capability=42.5", "ru.s.position=70", "ru.s.salience=0.5"]);
    expect(toSetList({})).toEqual([]);
    expect(() => toSetList({"a.b.position": NaN})).toThrow();
  });

  it("ranges sliders on the scale, [0, 1] and up to a round capability", () => {
    expect(sliderRange("position", {min: 0, max: 100}, 90)).toEqual({min: 0, max: 100, step: 0.5});
    expect(sliderRange("position", {min: -1, max: 1}, 90)).toEqual({min: -1, max: 1, step: 0.01});
    expect(sliderRange("salience", {min: 0, max: 100}, 90)).toEqual({min: 0, max: 1, step: 0.01});
    expect(sliderRange("capability", {min: 0, max: 100}, 90)).toEqual({min: 1, max: 200, step: 1});
    expect(niceCeil(135)).toBe(200);
    expect(niceCeil(0.3)).toBe(0.5);
    expect(niceCeil(100)).toBe(100);
    expect(niceCeil(0)).toBe(1);
  });
});
