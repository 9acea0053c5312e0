// Reading the parts of a parley scenario document (docs/scenario-format.md, the JSON form that
// GET /api/scenarios/<path> returns) that the page shows and edits. Pure functions, no DOM.

/** Any uncertain number as the format writes it: 40, [30, 50], "normal(40, 5)", {value, source}. */
export type UncertainValue = number | string | number[] | {value: UncertainValue; source?: unknown};

export interface Scale {
  min: number;
  max: number;
  min_label?: string;
  max_label?: string;
}

export interface IssueDoc {
  id: string;
  label?: string;
  scale?: Scale;
  status_quo?: UncertainValue;
  [key: string]: unknown;
}

export interface ActorDoc {
  id: string;
  name?: string;
  kind?: string;
  capability: UncertainValue;
  risk?: UncertainValue;
  [key: string]: unknown;
}

export interface StanceDoc {
  position?: UncertainValue;
  salience?: UncertainValue;
  capability?: UncertainValue;
  source?: unknown;
  [key: string]: unknown;
}

export interface ScenarioDoc {
  parley?: number;
  metadata: {title: string; description?: string; date?: string; sources?: {id: string; title?: string; note?: string; url?: string}[]; [key: string]: unknown};
  issues: IssueDoc[];
  actors: ActorDoc[];
  positions?: Record<string, Record<string, StanceDoc>>;
  [key: string]: unknown;
}

const DISTRIBUTION = /^\s*(uniform|normal|triangular)\s*\(([^)]*)\)\s*$/i;

/**
 * The point value the baseline models use (docs/scenario-format.md, "Numbers and uncertainty"):
 * a point itself, a range's midpoint, a normal's mean, a triangular's mode; null when absent or unreadable.
 */
export function pointValue(value: UncertainValue | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    if (value.length === 2 && value.every((v) => typeof v === "number")) return (value[0] + value[1]) / 2;
    return null;
  }
  if (typeof value === "string") {
    const m = DISTRIBUTION.exec(value);
    if (!m) {
      const n = Number(value);
      return value.trim() !== "" && Number.isFinite(n) ? n : null;
    }
    const args = m[2].split(",").map((a) => Number(a.trim()));
    if (args.some((a) => !Number.isFinite(a))) return null;
    const kind = m[1].toLowerCase();
    if (kind === "uniform" && args.length === 2) return (args[0] + args[1]) / 2;
    if (kind === "normal" && args.length === 2) return args[0];
    if (kind === "triangular" && args.length === 3) return args[1];
    return null;
  }
  if (typeof value === "object" && "value" in value) return pointValue(value.value);
  return null;
}

/** The value without its citation ({value, source} → value). */
export function bareValue(value: UncertainValue | undefined): UncertainValue | undefined {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "value" in value) return value.value;
  return value;
}

/** A value as the scenario format writes it: "40", "[30, 50]", "normal(40, 5)". */
export function formatUncertain(value: UncertainValue | undefined): string {
  const bare = bareValue(value);
  if (bare === undefined) return "";
  if (typeof bare === "number") return String(bare);
  if (typeof bare === "string") return bare;
  if (Array.isArray(bare)) return `[${bare.join(", ")}]`;
  return "";
}

/**
 * Reads what an analyst typed into a value field back into the format's form: "40" → 40,
 * "[30, 50]" → [30, 50], a distribution ("normal(40, 5)") stays text; null when empty.
 * Throws an Error with a message for anything else.
 */
export function parseUncertain(text: string): UncertainValue | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  const range = /^\[\s*([^,\]]+)\s*,\s*([^,\]]+)\s*\]$/.exec(t);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (Number.isFinite(lo) && Number.isFinite(hi)) return [lo, hi];
  }
  if (DISTRIBUTION.test(t) && pointValue(t) !== null) return t;
  throw new Error(`"${text}" is not a number, a range [low, high] or a distribution such as normal(40, 5)`);
}

/** Replaces the value of a possibly cited number, keeping its citation. */
export function withValue(old: UncertainValue | undefined, value: UncertainValue): UncertainValue {
  if (old !== null && old !== undefined && typeof old === "object" && !Array.isArray(old) && "value" in old) return {...old, value};
  return value;
}

export function issueScale(issue: IssueDoc): Scale {
  return issue.scale ?? {min: 0, max: 100};
}

export function issueLabel(issue: IssueDoc): string {
  return issue.label ?? issue.id;
}

export function actorName(actor: ActorDoc): string {
  return actor.name ?? actor.id;
}

/** The stance of an actor on an issue, or undefined when it sits the issue out. */
export function stance(doc: ScenarioDoc, actor: string, issue: string): StanceDoc | undefined {
  return doc.positions?.[actor]?.[issue];
}

/** The actors that take a position on an issue, in scenario order. */
export function actorsOnIssue(doc: ScenarioDoc, issue: string): ActorDoc[] {
  return doc.actors.filter((a) => stance(doc, a.id, issue)?.position !== undefined);
}

/** The source note of a cited value ({value, source: {ref, note}}), or of a stance, as one line. */
export function citation(value: unknown): string | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const source = (value as {source?: unknown}).source;
  if (typeof source === "string") return source;
  if (source && typeof source === "object") {
    const {ref, note} = source as {ref?: string; note?: string};
    return [ref, note].filter((p) => p !== undefined && p !== "").join(": ") || null;
  }
  return null;
}

/**
 * The full citation of a cited value or stance: the source's title from metadata.sources and the
 * note ("seed-002 — Putin's phone call…: ¶32: sanctions could be relaxed…"); null when uncited.
 */
export function describeSource(doc: ScenarioDoc, value: unknown): string | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const source = (value as {source?: unknown}).source;
  const ref = typeof source === "string" ? source : source && typeof source === "object" ? (source as {ref?: string}).ref : undefined;
  const note = source && typeof source === "object" ? (source as {note?: string}).note : undefined;
  if (ref === undefined && note === undefined) return null;
  const title = doc.metadata.sources?.find((s) => s.id === ref)?.title;
  const head = [ref, title].filter((p) => p).join(" — ");
  return note ? (head ? `${head}: ${note}` : note) : head;
}

/** A citation as one line: "seed-001: ¶10: the note" (ref, then the note), "" when none. */
export function formatSource(source: unknown): string {
  if (typeof source === "string") return source;
  if (source && typeof source === "object") {
    const {ref, note} = source as {ref?: string; note?: string};
    if (ref && note) return `${ref}: ${note}`;
    return ref ?? (note ? `: ${note}` : "");
  }
  return "";
}

/**
 * Reads a citation typed as "ref: note" (the first ": " splits them), "ref" alone, or ": note"
 * for a note without a reference; null when empty.
 */
export function parseSource(text: string): {ref?: string; note?: string} | null {
  const t = text.trim();
  if (t === "") return null;
  const at = t.indexOf(": ");
  if (t.startsWith(":")) return {note: t.replace(/^:\s*/, "")};
  if (at < 0) return {ref: t};
  return {ref: t.slice(0, at).trim(), note: t.slice(at + 2).trim()};
}

/** The number with `source` as its citation (or without one, for null), keeping its value. */
export function withSource(value: UncertainValue | undefined, source: {ref?: string; note?: string} | null): UncertainValue | undefined {
  if (value === undefined) return undefined;
  const bare = bareValue(value)!;
  return source === null ? bare : {value: bare, source};
}
