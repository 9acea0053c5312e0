import {describe, expect, it} from "vitest";
import {isFinished, parseProgress, progressText} from "../src/progress";

describe("sweep progress", () => {
  it("reads an event", () => {
    expect(parseProgress('{"status": "running", "done": 250, "total": 1000}')).toEqual({status: "running", done: 250, total: 1000, run: undefined, message: undefined});
    expect(parseProgress('{"status": "failed", "error": {"message": "disk full"}, "run": 3}')?.message).toBe("disk full");
    expect(parseProgress("not json")).toBeNull();
    expect(parseProgress("42")).toBeNull();
  });
  it("knows when a job is over", () => {
    expect(isFinished("done")).toBe(true);
    expect(isFinished("cancelled")).toBe(true);
    expect(isFinished("failed")).toBe(true);
    expect(isFinished("running")).toBe(false);
  });
  it("says how far it is", () => {
    expect(progressText({status: "running", done: 1234, total: 5000})).toBe("1,234 of 5,000 draws (24.7 %) — running");
    expect(progressText({status: "queued", done: 0, total: 0})).toBe("0 of 0 draws — queued");
  });
});
