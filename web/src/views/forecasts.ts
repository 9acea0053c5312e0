// The first tab: every model's forecast per issue beside the ensemble and each model's measured
// skill, the what-if sliders (position, salience, capability of each actor on one issue) that
// re-run every model through POST /api/whatif as they move, and the chart of the forecasts.

import type {App, View} from "../app";
import {ApiError, type WhatIfResponse} from "../api";
import {forecastChart} from "../chart";
import {toCsv, csvFileName} from "../csv";
import {h, clear, download} from "../dom";
import {forecastRows, forecastTable, chartPoints, type ForecastRow} from "../forecasts";
import {formatOutcome, formatForStep} from "../format";
import {LatestRunner} from "../latest";
import {actorName, actorsOnIssue, describeSource, issueLabel, issueScale, pointValue, stance, citation} from "../scenario";
import {setOverride, toSetList, sliderRange, targetKey, type Overrides, type Target} from "../whatif";

/** Models run in their own request so that a slow one does not hold the others back. */
const SLOW_MODELS = new Set(["smp"]);
const DEBOUNCE_MS = 40;

export class ForecastsView implements View {
  readonly id = "forecasts";
  readonly title = "Forecasts & what-if";
  private overrides: Overrides = {};
  private issue: string | null = null;
  private responses: Record<string, WhatIfResponse> = {};
  private tableBox: HTMLElement | null = null;
  private chartBox: HTMLElement | null = null;
  private panelStatus: HTMLElement | null = null;
  private sourceNote: HTMLElement | null = null;
  private readonly fast: LatestRunner<WhatIfResponse>;
  private readonly slow: LatestRunner<WhatIfResponse>;

  constructor(private readonly app: App) {
    const onError = (error: unknown) => this.showError(error);
    this.fast = new LatestRunner(DEBOUNCE_MS, (r) => this.received("fast", r), onError);
    this.slow = new LatestRunner(DEBOUNCE_MS * 4, (r) => this.received("slow", r), onError);
    app.onScenarioChange(() => {
      this.overrides = {};
      this.responses = {};
      this.refresh(true);
    });
  }

  private groups(): {fast: string[]; slow: string[]} {
    return {fast: this.app.models.filter((m) => !SLOW_MODELS.has(m)), slow: this.app.models.filter((m) => SLOW_MODELS.has(m))};
  }

  /** Re-runs the models with the current sliders (now, or debounced while a slider moves). */
  private refresh(now = false): void {
    if (!this.app.doc) return;
    const input = this.app.input();
    const set = toSetList(this.overrides);
    this.app.whatIfSet = set;
    const {fast, slow} = this.groups();
    const run = (models: string[]) => (signal: AbortSignal) => this.app.api.whatif(input, set, models, signal);
    if (this.panelStatus) this.panelStatus.textContent = "updating…";
    if (fast.length > 0) now ? void this.fast.now(run(fast)) : this.fast.schedule(run(fast));
    if (slow.length > 0) now ? void this.slow.now(run(slow)) : this.slow.schedule(run(slow));
  }

  private received(group: string, response: WhatIfResponse): void {
    this.responses[group] = response;
    if (this.panelStatus) {
      const errors = Object.values(this.responses).flatMap((r) => Object.entries(r.errors ?? {}));
      this.panelStatus.textContent = errors.map(([model, e]) => `${model}: ${e.message}`).join("\n");
      this.panelStatus.className = errors.length > 0 ? "panel-status error" : "panel-status";
    }
    this.drawResults();
  }

  private showError(error: unknown): void {
    this.app.report(error);
    if (this.panelStatus) {
      this.panelStatus.textContent = error instanceof ApiError ? `${error.body.field ? `${error.body.field}: ` : ""}${error.message}` : String(error);
      this.panelStatus.className = "panel-status error";
    }
  }

  private merged(): WhatIfResponse {
    const forecasts = {...(this.responses.fast?.forecasts ?? {}), ...(this.responses.slow?.forecasts ?? {})};
    // The server's ensemble covers only the models of one request: with two, the page mixes them itself.
    const single = Object.keys(this.responses).length === 1 && this.groups().slow.length === 0;
    return {forecasts, ensemble: single ? this.responses.fast?.ensemble : undefined};
  }

  render(root: HTMLElement): void {
    const doc = this.app.doc;
    if (!doc) {
      root.appendChild(h("p", {class: "muted"}, "Open a scenario."));
      return;
    }
    if (this.issue === null || !doc.issues.some((i) => i.id === this.issue)) this.issue = doc.issues[0]?.id ?? null;
    this.tableBox = h("div", {class: "table-box", id: "forecast-table"});
    this.chartBox = h("div", {class: "chart-box", id: "forecast-chart"});
    this.panelStatus = h("p", {class: "panel-status", role: "status", id: "whatif-status"});
    this.sourceNote = h("p", {class: "source-note", id: "source-note"}, "Click a value to see its source.");
    root.append(
      h("div", {class: "row"},
        h("div", {class: "col"}, h("h2", {}, "Forecasts"), this.tableBox, this.chartBox),
        h("div", {class: "col panel", id: "whatif-panel"}, h("h2", {}, "What if…"), this.panelStatus, this.sliders(), this.sourceNote),
      ),
    );
    if (Object.keys(this.responses).length === 0) this.refresh(true);
    else this.drawResults();
  }

  private drawResults(): void {
    if (!this.tableBox || !this.chartBox) return;
    const models = this.app.models.filter((m) => this.merged().forecasts[m] !== undefined);
    const rows = forecastRows(this.merged(), models, this.app.skill);
    clear(this.tableBox);
    this.tableBox.appendChild(this.table(rows, models));
    clear(this.chartBox);
    const issues = rows.map((r) => r.label);
    if (rows.length > 0) this.chartBox.appendChild(forecastChart(chartPoints(rows, models), issues, Math.max(480, (this.chartBox.parentElement?.clientWidth ?? 720) - 8)));
  }

  private table(rows: ForecastRow[], models: string[]): HTMLElement {
    const skillCell = (m: string) => {
      const s = this.app.skill.get(m);
      if (!s) return h("th", {class: "skill"}, "no skill data");
      return h("th", {class: "skill", title: "cross-validated on DEU III (docs/skill.md)"},
        `MAE ${formatOutcome(s.mae, 2)}`, h("br"), `weight ${formatOutcome(s.weight, 2)}`);
    };
    const csv = () => {
      const t = forecastTable(rows, models);
      download(csvFileName(`forecasts ${this.app.file?.path ?? ""}`), toCsv(t.header, t.cells));
    };
    return h("div", {},
      h("table", {class: "data", "aria-label": "forecasts"},
        h("thead", {},
          h("tr", {}, h("th", {}, "Issue"), h("th", {}, "status quo"), models.map((m) => h("th", {}, m)), h("th", {class: "ensemble"}, "ensemble")),
          h("tr", {}, h("th", {}, ""), h("th", {}, ""), models.map(skillCell), h("th", {class: "skill"}, "skill-weighted")),
        ),
        h("tbody", {},
          rows.map((r) =>
            h("tr", {"data-issue": r.issue},
              h("th", {scope: "row"}, r.label),
              h("td", {class: "num"}, formatOutcome(r.statusQuo)),
              models.map((m) => h("td", {class: "num", "data-model": m, title: this.intervals(m, r.issue)}, formatOutcome(r.byModel[m]))),
              h("td", {class: "num ensemble", "data-model": "ensemble"}, formatOutcome(r.ensemble)),
            ),
          ),
        ),
      ),
      h("div", {class: "toolbar"},
        h("button", {type: "button", class: "csv", onclick: csv}, "Download CSV"),
        h("button", {type: "button", id: "report-download", onclick: () => void this.downloadReport()}, "Download the report (HTML)")),
    );
  }

  private async downloadReport(): Promise<void> {
    this.app.status("Writing the report…");
    try {
      const html = await this.app.api.report(this.app.input(), {set: toSetList(this.overrides), draws: 200});
      download("report.html", html, "text/html;charset=utf-8");
      this.app.status("Report written.");
    } catch (error) {
      this.app.report(error);
    }
  }

  /** "50 %: 40.1–52.3 · 80 %: …" from the model's predictive intervals (its measured error). */
  private intervals(model: string, issue: string): string {
    const doc = this.merged().forecasts[model];
    const found = doc?.issues.find((i) => i.id === issue);
    const note = found?.note ? ` — ${found.note}` : "";
    if (!found?.predictive) return `${model}${note}`;
    return `${model}: ${found.predictive.map((p) => `${Math.round(p.level * 100)} %: ${formatOutcome(p.low)}–${formatOutcome(p.high)}`).join(" · ")}${note}`;
  }

  private sliders(): HTMLElement {
    const doc = this.app.doc!;
    const box = h("div", {class: "sliders"});
    const pick = h("select", {id: "whatif-issue", "aria-label": "issue"},
      doc.issues.map((i) => h("option", {value: i.id, selected: i.id === this.issue}, issueLabel(i))));
    pick.addEventListener("change", () => {
      this.issue = pick.value;
      clear(list);
      list.appendChild(this.sliderRows());
    });
    const reset = h("button", {type: "button", id: "whatif-reset", onclick: () => {
      this.overrides = {};
      clear(list);
      list.appendChild(this.sliderRows());
      this.refresh(true);
    }}, "Reset all");
    const list = h("div", {});
    list.appendChild(this.sliderRows());
    box.append(h("label", {}, "Issue ", pick), reset, list);
    return box;
  }

  private sliderRows(): HTMLElement {
    const doc = this.app.doc!;
    const issue = doc.issues.find((i) => i.id === this.issue);
    if (!issue) return h("p", {}, "No issue.");
    const scale = issueScale(issue);
    const maxCap = Math.max(...doc.actors.map((a) => pointValue(a.capability) ?? 0));
    const table = h("table", {class: "data sliders-table"},
      h("thead", {}, h("tr", {}, h("th", {}, "Actor"), h("th", {}, "position"), h("th", {}, "salience"), h("th", {}, "capability"))));
    const body = h("tbody", {});
    for (const actor of actorsOnIssue(doc, issue.id)) {
      const st = stance(doc, actor.id, issue.id)!;
      body.appendChild(h("tr", {},
        h("th", {scope: "row", title: citation(st) ?? ""}, actorName(actor)),
        h("td", {}, this.slider({actor: actor.id, issue: issue.id, field: "position"}, pointValue(st.position), scale, maxCap, describeSource(doc, st.position) ?? describeSource(doc, st))),
        h("td", {}, this.slider({actor: actor.id, issue: issue.id, field: "salience"}, pointValue(st.salience), scale, maxCap, describeSource(doc, st.salience) ?? describeSource(doc, st))),
        h("td", {}, this.slider({actor: actor.id, field: "capability"}, pointValue(actor.capability), scale, maxCap, describeSource(doc, actor.capability))),
      ));
    }
    table.appendChild(body);
    return h("div", {}, h("p", {class: "muted"}, `${scale.min}: ${scale.min_label ?? ""} — ${scale.max}: ${scale.max_label ?? ""}`), table);
  }

  private slider(target: Target, original: number | null, scale: {min: number; max: number}, maxCap: number, source: string | null): HTMLElement {
    const range = sliderRange(target.field, scale, maxCap);
    const key = targetKey(target);
    const value = this.overrides[key] ?? original ?? range.min;
    const output = h("output", {class: "slider-value", tabindex: 0, title: "its source"}, formatForStep(value, range.step));
    output.addEventListener("click", () => {
      if (this.sourceNote) this.sourceNote.textContent = `${key}: ${source ?? "no source given"}`;
    });
    const input = h("input", {
      type: "range", min: range.min, max: range.max, step: range.step, value,
      "data-target": key, "aria-label": key, title: source ?? "",
    });
    input.addEventListener("input", () => {
      const v = Number(input.value);
      output.textContent = formatForStep(v, range.step);
      this.overrides = setOverride(this.overrides, target, v, original);
      output.classList.toggle("changed", this.overrides[key] !== undefined);
      this.refresh();
    });
    output.classList.toggle("changed", this.overrides[key] !== undefined);
    return h("span", {class: "slider"}, input, output);
  }
}
