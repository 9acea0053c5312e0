import {describe, expect, it} from "vitest";
import {formatOfName, freshId, newScenarioTemplate} from "../src/template";
import {actorsOnIssue, pointValue} from "../src/scenario";

describe("new scenario template", () => {
  it("has two actors with a stance on one issue, every number cited", () => {
    const doc = newScenarioTemplate("2026-11-29");
    expect(doc.metadata.date).toBe("2026-11-29");
    expect(actorsOnIssue(doc, "issue-1").map((a) => a.id)).toEqual(["actor-1", "actor-2"]);
    expect(pointValue(doc.actors[0].capability)).toBe(50);
    expect(JSON.stringify(doc)).not.toContain("undefined");
  });
  it("makes fresh ids", () => {
    expect(freshId("actor", ["actor-1", "actor-2"])).toBe("actor-3");
    expect(freshId("actor", ["actor-2"])).toBe("actor-3");
    expect(freshId("issue", [])).toBe("issue-1");
  });
  it("reads the format from the file name", () => {
    expect(formatOfName("a.json")).toBe("json");
    expect(formatOfName("dir/b.yml")).toBe("yaml");
    expect(formatOfName("c.YAML")).toBe("yaml");
    expect(formatOfName("d.txt")).toBeNull();
  });
});
