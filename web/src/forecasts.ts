// The comparison table: every model's forecast per issue, the skill-weighted ensemble and each
// model's measured skill (docs/skill.md), built from POST /api/whatif and GET /api/skill. Pure.

import type {ForecastDoc, WhatIfResponse} from "./api";
import type {Cell} from "./csv";

export interface SkillRow {
  model: string;
  mae?: number;
  rmse?: number;
  weight?: number;
  [key: string]: unknown;
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/**
 * The skill table's rows by model, from GET /api/skill: a list of rows with a `model` field,
 * found at the top level or under `models`, `skill` or `rows`.
 */
export function skillByModel(doc: unknown): Map<string, SkillRow> {
  const out = new Map<string, SkillRow>();
  const candidates: unknown[] = [doc];
  if (doc && typeof doc === "object" && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    candidates.push(d.models, d.skill, d.rows);
  }
  for (const c of candidates) {
    if (!Array.isArray(c)) continue;
    for (const row of c) {
      if (row && typeof row === "object" && typeof (row as SkillRow).model === "string") {
        const r = row as SkillRow;
        out.set(r.model, {...r, mae: num(r.mae), rmse: num(r.rmse), weight: num(r.weight)});
      }
    }
    if (out.size > 0) break;
  }
  return out;
}

/**
 * The ensemble's forecast per issue id. Reads the server's `ensemble` (a list of issues with
 * `id` and `outcome`/`forecast`, directly or under `issues`); without one, the weighted mean of
 * the models' forecasts with the skill table's weights renormalised over the models that give a
 * forecast on the issue (docs/uncertainty.md, "The headline"); equal weights when none is known.
 */
export function ensembleOutcomes(response: WhatIfResponse, skill: Map<string, SkillRow>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const e = response.ensemble as unknown;
  const list = Array.isArray(e) ? e : e && typeof e === "object" ? (e as {issues?: unknown}).issues : undefined;
  if (Array.isArray(list)) {
    for (const item of list) {
      if (!item || typeof item !== "object") continue;
      const i = item as Record<string, unknown>;
      if (typeof i.id !== "string") continue;
      const value = num(i.outcome) ?? num(i.forecast) ?? num(i.ensemble);
      out.set(i.id, value ?? null);
    }
    if (out.size > 0) return out;
  }
  const docs = Object.values(response.forecasts);
  const known = docs.some((d) => (skill.get(d.model)?.weight ?? 0) > 0);
  const issueIds = docs.length > 0 ? docs[0].issues.map((i) => i.id) : [];
  for (const id of issueIds) {
    let sum = 0;
    let weights = 0;
    for (const d of docs) {
      const outcome = d.issues.find((i) => i.id === id)?.outcome;
      if (outcome === null || outcome === undefined) continue;
      const w = known ? (skill.get(d.model)?.weight ?? 0) : 1;
      sum += w * outcome;
      weights += w;
    }
    out.set(id, weights > 0 ? sum / weights : null);
  }
  return out;
}

export interface ForecastRow {
  issue: string;
  label: string;
  min: number;
  max: number;
  statusQuo: number | null;
  byModel: Record<string, number | null>;
  ensemble: number | null;
}

/** One row per issue, in the order of the first model's document. */
export function forecastRows(response: WhatIfResponse, models: string[], skill: Map<string, SkillRow>): ForecastRow[] {
  const docs: Record<string, ForecastDoc> = response.forecasts;
  const first = models.map((m) => docs[m]).find((d) => d !== undefined);
  if (!first) return [];
  const ensemble = ensembleOutcomes(response, skill);
  return first.issues.map((issue) => {
    const byModel: Record<string, number | null> = {};
    for (const m of models) byModel[m] = docs[m]?.issues.find((i) => i.id === issue.id)?.outcome ?? null;
    return {
      issue: issue.id,
      label: issue.label ?? issue.id,
      min: issue.scale?.min ?? 0,
      max: issue.scale?.max ?? 100,
      statusQuo: issue.status_quo ?? null,
      byModel,
      ensemble: ensemble.get(issue.id) ?? null,
    };
  });
}

/** The table as CSV cells: issue, label, status quo, one column per model, the ensemble. */
export function forecastTable(rows: ForecastRow[], models: string[]): {header: string[]; cells: Cell[][]} {
  return {
    header: ["issue", "label", "status_quo", ...models, "ensemble"],
    cells: rows.map((r) => [r.issue, r.label, r.statusQuo, ...models.map((m) => r.byModel[m]), r.ensemble]),
  };
}

/** Long-form points for the chart: one per issue and model (and the ensemble), as % of the scale. */
export function chartPoints(rows: ForecastRow[], models: string[]): {issue: string; model: string; value: number; share: number}[] {
  const points: {issue: string; model: string; value: number; share: number}[] = [];
  for (const r of rows) {
    const span = r.max - r.min;
    const add = (model: string, value: number | null) => {
      if (value === null) return;
      points.push({issue: r.label, model, value, share: span > 0 ? ((value - r.min) / span) * 100 : 0});
    };
    for (const m of models) add(m, r.byModel[m]);
    add("ensemble", r.ensemble);
  }
  return points;
}

/** The model names in GET /api/models: a list of names or of objects with `name`, directly or under `models`. */
export function modelNames(doc: unknown): string[] {
  const list = Array.isArray(doc) ? doc : doc && typeof doc === "object" ? (doc as {models?: unknown}).models : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .map((m) => (typeof m === "string" ? m : m && typeof m === "object" ? (m as {name?: unknown}).name : undefined))
    .filter((m): m is string => typeof m === "string");
}
