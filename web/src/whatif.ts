// The what-if state: the slider values the analyst has moved away from the scenario, as the
// `set` list of POST /api/whatif (`ACTOR.ISSUE.position=30`, `ACTOR.capability=60`; the CLI's
// --set, include/parley/what_if.hpp). Pure: every update returns a new state.

export type Field = "position" | "salience" | "capability";

/** One slider: an actor's position or salience on an issue, or its capability (issue ignored). */
export interface Target {
  actor: string;
  issue?: string;
  field: Field;
}

export type Overrides = Readonly<Record<string, number>>;

/** The override's target as `--set` writes it: "us.sanctions.position", "us.capability". */
export function targetKey(t: Target): string {
  if (t.field === "capability") return `${t.actor}.capability`;
  if (t.issue === undefined) throw new Error(`${t.field} needs an issue`);
  return `${t.actor}.${t.issue}.${t.field}`;
}

/** Sets one slider; setting it back to the scenario's own value removes the override. */
export function setOverride(overrides: Overrides, target: Target, value: number, original: number | null): Overrides {
  const key = targetKey(target);
  const next: Record<string, number> = {...overrides};
  if (original !== null && value === original) delete next[key];
  else next[key] = value;
  return next;
}

export function clearOverride(overrides: Overrides, target: Target): Overrides {
  const next: Record<string, number> = {...overrides};
  delete next[targetKey(target)];
  return next;
}

/** Shortest decimal that reads back as the same double (JavaScript's own), never exponent-free junk. */
export function formatSetValue(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/**
 * The `set` list, in a fixed order (sorted by target) so that the same sliders give the same
 * request. A position comes before the salience of the same stance, as a new stance needs it.
 */
export function toSetList(overrides: Overrides): string[] {
  return Object.keys(overrides)
    .sort()
    .map((key) => `${key}=${formatSetValue(overrides[key])}`);
}

/** The slider's range and step for a field: the issue's scale, [0, 1], or capability up to `maxCapability`. */
export function sliderRange(field: Field, scale: {min: number; max: number}, maxCapability: number): {min: number; max: number; step: number} {
  if (field === "position") {
    const span = scale.max - scale.min;
    return {min: scale.min, max: scale.max, step: span > 0 ? span / 200 : 1};
  }
  if (field === "salience") return {min: 0, max: 1, step: 0.01};
  const top = maxCapability > 0 ? niceCeil(maxCapability * 1.5) : 100;
  return {min: top / 200, max: top, step: top / 200};
}

/** 1, 2 or 5 times a power of ten, at least x. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
