// The sensitivity (tornado and Sobol indices), feasibility (win-sets on each issue's scale) and
// events (timeline with the forecast after each event) tabs.

import type {App, View} from "../app";
import {h, clear, download} from "../dom";
import {tornadoChart, sobolChart, intervalChart, timelineChart} from "../chart";
import {toCsv, csvFileName, type Cell} from "../csv";
import {formatOutcome, formatPercent} from "../format";
import {issueScale} from "../scenario";
import type {ForecastDoc} from "../api";

interface SensitivityDoc {
  outputs?: {kind: string; name: string; at_point_values?: number | null; caution?: string;
    inputs: {input: string; first: number; total: number; tornado_low: number; tornado_high: number}[]}[];
}

function csvButton(name: string, header: string[], cells: Cell[][]): HTMLElement {
  return h("button", {type: "button", class: "csv", onclick: () => download(csvFileName(name), toCsv(header, cells))}, "Download CSV");
}

export class SensitivityView implements View {
  readonly id = "sensitivity";
  readonly title = "Sensitivity";
  constructor(private readonly app: App) {}

  render(root: HTMLElement): void {
    const model = h("select", {id: "sensitivity-model", "aria-label": "model"}, this.app.models.map((m) => h("option", {value: m}, m)));
    const samples = h("input", {type: "number", id: "sensitivity-samples", min: 1, value: 256, "aria-label": "samples"});
    const out = h("div", {id: "sensitivity-result"});
    const run = h("button", {type: "button", id: "sensitivity-run"}, "Run");
    run.addEventListener("click", () =>
      void this.app.whileBusy(run, async () => {
        this.draw(out, (await this.app.api.sensitivity(this.app.input(), {model: model.value, samples: Number(samples.value)})) as SensitivityDoc);
      }, "Running the sensitivity analysis…"));
    root.append(h("div", {class: "toolbar"}, h("label", {}, "Model ", model), h("label", {}, "Samples ", samples), run), out);
  }

  private draw(out: HTMLElement, doc: SensitivityDoc): void {
    clear(out);
    for (const o of doc.outputs ?? []) {
      const top = o.inputs.slice(0, 12);
      const header = ["input", "first", "total", "tornado_low", "tornado_high"];
      const cells: Cell[][] = o.inputs.map((i) => [i.input, i.first, i.total, i.tornado_low, i.tornado_high]);
      out.append(
        h("h2", {}, `${o.kind} ${o.name}`),
        o.caution ? h("p", {class: "muted"}, o.caution) : "",
        h("h3", {}, "Tornado"),
        tornadoChart(top.map((i) => ({label: i.input, low: i.tornado_low, high: i.tornado_high})), o.at_point_values ?? null, 720, "outcome at the input's low and high end"),
        h("h3", {}, "Sobol indices"),
        sobolChart(top.map((i) => ({label: i.input, first: i.first, total: i.total})), 720),
        csvButton(`sensitivity ${o.name}`, header, cells),
      );
    }
  }
}

interface FeasibilityDoc {
  issues?: {id: string; win_sets: Record<string, [number, number] | null>; zone: [number, number] | null;
    zone_probability?: {probability: number; low: number; high: number}}[];
  every_issue?: {probability: number};
}

export class FeasibilityView implements View {
  readonly id = "feasibility";
  readonly title = "Feasibility";
  constructor(private readonly app: App) {}

  render(root: HTMLElement): void {
    const out = h("div", {id: "feasibility-result"});
    const run = h("button", {type: "button", id: "feasibility-run"}, "Compute win-sets");
    run.addEventListener("click", () =>
      void this.app.whileBusy(run, async () => {
        this.draw(out, (await this.app.api.feasibility(this.app.input(), {})) as FeasibilityDoc);
      }));
    root.append(h("p", {class: "muted"}, "Two-level games: each side's win-set and the zone of agreement on each issue (the scenario's `sides`)."), run, out);
  }

  private draw(out: HTMLElement, doc: FeasibilityDoc): void {
    clear(out);
    const header = ["issue", "side", "low", "high"];
    const cells: Cell[][] = [];
    for (const issue of doc.issues ?? []) {
      const scale = issueScale(this.app.doc?.issues.find((i) => i.id === issue.id) ?? {id: issue.id});
      const rows: {label: string; low: number; high: number; kind: string}[] = [];
      for (const [side, set] of Object.entries(issue.win_sets)) {
        cells.push([issue.id, side, set?.[0] ?? null, set?.[1] ?? null]);
        if (set) rows.push({label: side, low: set[0], high: set[1], kind: "win-set"});
      }
      cells.push([issue.id, "zone of agreement", issue.zone?.[0] ?? null, issue.zone?.[1] ?? null]);
      if (issue.zone) rows.push({label: "zone of agreement", low: issue.zone[0], high: issue.zone[1], kind: "zone"});
      const p = issue.zone_probability;
      out.append(
        h("h3", {}, issue.id, p ? ` — zone exists in ${formatPercent(p.probability)} of draws` : ""),
        rows.length > 0 ? intervalChart(rows, [scale.min, scale.max], 720) : h("p", {class: "muted"}, "No win-set on this issue."),
      );
    }
    if (doc.every_issue) out.append(h("p", {}, `A zone on every issue at once: ${formatPercent(doc.every_issue.probability)}`));
    out.append(csvButton("feasibility", header, cells));
  }
}

interface EventDoc {
  id: string;
  label?: string;
  date?: string;
  round?: number;
}

export class EventsView implements View {
  readonly id = "events";
  readonly title = "Events";
  constructor(private readonly app: App) {}

  render(root: HTMLElement): void {
    const events = (this.app.doc?.events as EventDoc[] | undefined) ?? [];
    if (events.length === 0) {
      root.append(h("p", {class: "muted"}, "This scenario has no events."));
      return;
    }
    const out = h("div", {id: "events-result"});
    root.append(h("h2", {}, "Timeline"), out);
    void this.load(out);
  }

  private async load(out: HTMLElement): Promise<void> {
    try {
      const doc = (await this.app.api.run(this.app.input(), "compromise")) as ForecastDoc & {events?: EventDoc[]};
      const events = doc.events ?? [];
      const header = ["issue", "start", ...events.map((e) => e.id)];
      const cells: Cell[][] = doc.issues.map((issue) => {
        const issueStages = (issue as unknown as {stages?: {after: string | null; outcome: number | null}[]}).stages ?? [];
        const at = (after: string | null) => issueStages.find((s) => s.after === after)?.outcome ?? null;
        return [issue.id, at(null), ...events.map((e) => at(e.id))];
      });
      const stages = ["start", ...events.map((e) => e.id)];
      const points = cells.flatMap((row) =>
        row.slice(1).flatMap((v, k) => (typeof v === "number" ? [{stage: stages[k], step: k, issue: String(row[0]), value: v}] : [])),
      );
      clear(out);
      out.append(
        h("ol", {}, events.map((e) => h("li", {}, `${e.date ?? ""} ${e.label ?? e.id}`, e.round !== undefined ? h("span", {class: "muted"}, ` (round ${e.round})`) : null))),
        h("h3", {}, "compromise forecast before and after each event"),
        h("table", {class: "data"},
          h("thead", {}, h("tr", {}, header.map((c) => h("th", {}, c)))),
          h("tbody", {}, cells.map((row) => h("tr", {}, row.map((c, k) => (k === 0 ? h("th", {}, String(c)) : h("td", {class: "num"}, formatOutcome(c as number | null)))))))),
        csvButton("events", header, cells),
        points.length > 0 ? timelineChart(points, stages, 900) : "",
      );
    } catch (error) {
      this.app.report(error);
    }
  }
}
