import {describe, expect, it} from "vitest";
import {fieldMessage, matchField} from "../src/fielderrors";

describe("field errors", () => {
  const fields = ["scenario.actors[2].capability", "scenario.actors[2].name", "scenario.issues[0].scale.min", "scenario.positions.us.sanctions.salience"];
  it("finds the field an error names", () => {
    expect(matchField("scenario.actors[2].capability", fields)).toBe("scenario.actors[2].capability");
    expect(matchField("actors[2].capability", fields)).toBe("scenario.actors[2].capability");
    expect(matchField("scenario.positions.us.sanctions.salience", fields)).toBe("scenario.positions.us.sanctions.salience");
  });
  it("falls back to the closest enclosing field, never a sibling", () => {
    expect(matchField("scenario.actors[2].capability.value[1]", fields)).toBe("scenario.actors[2].capability");
    expect(matchField("scenario.actors[20].capability", fields)).toBeNull();
    expect(matchField("scenario.actors[2]", fields)).toBeNull();
    expect(matchField(undefined, fields)).toBeNull();
  });
  it("says what was expected", () => {
    expect(fieldMessage({message: "x:1:2: capability must be > 0", expected: "a number > 0"})).toBe("x:1:2: capability must be > 0 (expected a number > 0)");
    expect(fieldMessage({message: "bad"})).toBe("bad");
  });
});
