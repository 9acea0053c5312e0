import {describe, expect, it} from "vitest";
import {formatForStep, formatInterval, formatOutcome, formatPercent} from "../src/format";

describe("format", () => {
  it("formats outcomes with one decimal and a dash for none", () => {
    expect(formatOutcome(61.249)).toBe("61.2");
    expect(formatOutcome(null)).toBe("–");
    expect(formatOutcome(undefined)).toBe("–");
    expect(formatOutcome(Infinity)).toBe("–");
    expect(formatOutcome(-0.01)).toBe("0.0");
    expect(formatOutcome(0.1234, 2)).toBe("0.12");
  });
  it("uses the decimals a slider's step needs", () => {
    expect(formatForStep(55, 1)).toBe("55");
    expect(formatForStep(0.5, 0.01)).toBe("0.50");
    expect(formatForStep(55.5, 0.5)).toBe("55.5");
  });
  it("formats percentages and intervals", () => {
    expect(formatPercent(0.1963)).toBe("19.6 %");
    expect(formatPercent(null)).toBe("–");
    expect(formatInterval(10, 20.55)).toBe("10.0–20.6");
    expect(formatInterval(null, 3)).toBe("–");
  });
});

describe("labels", async () => {
  const {shorten} = await import("../src/chart");
  it("shortens long labels with an ellipsis", () => {
    expect(shorten("Sanctions on Russia", 40)).toBe("Sanctions on Russia");
    expect(shorten("Norms against cyber-attacks on critical infrastructure", 20)).toBe("Norms against cyber…");
  });
});
