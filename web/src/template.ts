// The template a new scenario starts from (docs/scenario-format.md): two actors on one issue, each
// number a range with an assumption as its source, so that it validates and shows every field.

import type {ScenarioDoc} from "./scenario";

export function newScenarioTemplate(date = new Date().toISOString().slice(0, 10)): ScenarioDoc {
  const assumption = (note: string) => ({ref: "assumption", note: `assumption: ${note}`});
  return {
    parley: 1,
    metadata: {
      title: "New scenario",
      date,
      sources: [{id: "assumption", title: "Analyst assumption"}],
    },
    issues: [{id: "issue-1", label: "First issue", scale: {min: 0, max: 100, min_label: "none", max_label: "all"}, status_quo: {value: 50, source: assumption("today's state")}}],
    actors: [
      {id: "actor-1", name: "First actor", kind: "government", capability: {value: [40, 60], source: assumption("its weight")}},
      {id: "actor-2", name: "Second actor", kind: "government", capability: {value: [40, 60], source: assumption("its weight")}},
    ],
    positions: {
      "actor-1": {"issue-1": {position: [20, 30], salience: [0.6, 0.8], source: assumption("what it wants")}},
      "actor-2": {"issue-1": {position: [70, 80], salience: [0.5, 0.7], source: assumption("what it wants")}},
    },
  };
}

/** A new id not yet among `ids`: "actor-3" after actor-1 and actor-2. */
export function freshId(prefix: string, ids: string[]): string {
  for (let n = ids.length + 1; ; n++) if (!ids.includes(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** The format a file name asks for ("json" for .json, else "yaml"), or null when it cannot be saved. */
export function formatOfName(name: string): "yaml" | "json" | null {
  if (/\.json$/i.test(name)) return "json";
  if (/\.ya?ml$/i.test(name)) return "yaml";
  return null;
}
