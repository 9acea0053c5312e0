// Number formatting for the tables and sliders.

/** A forecast on an issue's scale: one decimal, "–" when the model gives none. */
export function formatOutcome(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const fixed = value.toFixed(digits);
  return fixed === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : fixed;
}

/** A slider's value: as many decimals as its step needs. */
export function formatForStep(value: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
  return formatOutcome(value, decimals);
}

/** 0.1234 → "12.3 %". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${(value * 100).toFixed(digits)} %`;
}

/** "12–34" for a predictive interval. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined): string {
  if (low === null || low === undefined || high === null || high === undefined) return "–";
  return `${formatOutcome(low)}–${formatOutcome(high)}`;
}
