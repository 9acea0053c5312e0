import {describe, expect, it} from "vitest";
import type {WhatIfResponse} from "../src/api";
import {chartPoints, ensembleOutcomes, forecastRows, forecastTable, modelNames, skillByModel} from "../src/forecasts";

const response: WhatIfResponse = {
  forecasts: {
    compromise: {model: "compromise", issues: [
      {id: "a", label: "Issue A", scale: {min: 0, max: 100}, status_quo: 20, outcome: 60},
      {id: "b", scale: {min: -10, max: 10}, status_quo: null, outcome: 0},
    ]},
    bdm: {model: "bdm", issues: [
      {id: "a", label: "Issue A", scale: {min: 0, max: 100}, status_quo: 20, outcome: 30},
      {id: "b", scale: {min: -10, max: 10}, status_quo: null, outcome: null, note: "no outcome"},
    ]},
  },
};

describe("forecast table", () => {
  it("reads the skill table in its usual shapes", () => {
    expect(skillByModel({models: [{model: "bdm", mae: 12, weight: 0.25}]}).get("bdm")?.weight).toBe(0.25);
    expect(skillByModel([{model: "x", mae: "n/a"}]).get("x")?.mae).toBeUndefined();
    expect(skillByModel({rows: [{model: "y", rmse: 3}]}).get("y")?.rmse).toBe(3);
    expect(skillByModel(null).size).toBe(0);
  });

  it("reads model names", () => {
    expect(modelNames({models: [{name: "compromise"}, {name: "bdm"}]})).toEqual(["compromise", "bdm"]);
    expect(modelNames(["a", "b"])).toEqual(["a", "b"]);
    expect(modelNames({})).toEqual([]);
  });

  it("weighs the ensemble by skill over the models that give a forecast", () => {
    const skill = skillByModel([{model: "compromise", weight: 0.75}, {model: "bdm", weight: 0.25}]);
    const e = ensembleOutcomes(response, skill);
    expect(e.get("a")).toBeCloseTo(0.75 * 60 + 0.25 * 30);
    expect(e.get("b")).toBe(0); // bdm gives none: compromise alone
  });

  it("weighs models equally when the skill table knows none", () => {
    expect(ensembleOutcomes(response, new Map()).get("a")).toBe(45);
  });

  it("prefers the server's ensemble", () => {
    const e = ensembleOutcomes({...response, ensemble: {issues: [{id: "a", outcome: 51}, {id: "b", outcome: null}]}}, new Map());
    expect(e.get("a")).toBe(51);
    expect(e.get("b")).toBeNull();
  });

  it("builds one row per issue with every model, and its CSV", () => {
    const rows = forecastRows(response, ["compromise", "bdm"], new Map());
    expect(rows.map((r) => r.label)).toEqual(["Issue A", "b"]);
    expect(rows[0].byModel).toEqual({compromise: 60, bdm: 30});
    expect(rows[1].byModel).toEqual({compromise: 0, bdm: null});
    const t = forecastTable(rows, ["compromise", "bdm"]);
    expect(t.header).toEqual(["issue", "label", "status_quo", "compromise", "bdm", "ensemble"]);
    expect(t.cells[0]).toEqual(["a", "Issue A", 20, 60, 30, 45]);
    expect(forecastRows({forecasts: {}}, ["compromise"], new Map())).toEqual([]);
  });

  it("places chart points on each issue's own scale", () => {
    const points = chartPoints(forecastRows(response, ["compromise", "bdm"], new Map()), ["compromise", "bdm"]);
    expect(points).toContainEqual({issue: "b", model: "compromise", value: 0, share: 50});
    expect(points).toContainEqual({issue: "Issue A", model: "ensemble", value: 45, share: 45});
    expect(points.some((p) => p.issue === "b" && p.model === "bdm")).toBe(false);
  });
});
