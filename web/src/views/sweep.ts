// The sweep tab: start a Monte Carlo sweep as a server job (POST /api/sweeps), watch its progress
// (Server-Sent Events), cancel it (DELETE /api/jobs/<id>), and read the stored run's summary.

import type {App, View} from "../app";
import {h, clear, download} from "../dom";
import {barChart} from "../chart";
import {toCsv, csvFileName, type Cell} from "../csv";
import {formatOutcome, formatPercent} from "../format";
import {isFinished, parseProgress, progressText, type Progress} from "../progress";

interface SweepDoc {
  issues?: {id: string; mean: number | null; sd: number | null; quantiles?: Record<string, number | null>}[];
  classes?: {name: string; probability: number; low: number; high: number; group?: string}[];
}

export class SweepView implements View {
  readonly id = "sweep";
  readonly title = "Sweep";
  private job: string | number | null = null;
  private source: EventSource | null = null;

  constructor(private readonly app: App) {}

  render(root: HTMLElement): void {
    const runs = h("div", {id: "stored-runs"});
    const model = h("select", {id: "sweep-model", "aria-label": "model"}, this.app.models.map((m) => h("option", {value: m}, m)));
    const draws = h("input", {id: "sweep-draws", type: "number", min: 1, value: 2000, "aria-label": "draws"});
    const seed = h("input", {id: "sweep-seed", type: "number", min: 0, value: 1, "aria-label": "seed"});
    const bar = h("progress", {id: "sweep-progress", max: 1, value: 0});
    const text = h("span", {id: "sweep-progress-text"});
    const result = h("div", {id: "sweep-result"});
    const start = h("button", {type: "button", id: "sweep-start"}, "Start sweep");
    const cancel = h("button", {type: "button", id: "sweep-cancel", disabled: true}, "Cancel");
    const update = (p: Progress) => {
      bar.max = Math.max(1, p.total);
      bar.value = p.done;
      text.textContent = progressText(p);
      if (isFinished(p.status)) {
        this.stop();
        start.disabled = false;
        cancel.disabled = true;
        if (p.message) this.app.status(p.message, "error");
        if (p.run !== undefined) void this.showRun(p.run, result);
        void this.listRuns(runs, result);
      }
    };
    start.addEventListener("click", async () => {
      clear(result);
      start.disabled = true;
      try {
        const job = await this.app.api.startSweep(this.app.input(), {model: model.value, draws: Number(draws.value), seed: Number(seed.value)});
        this.job = job.job;
        cancel.disabled = false;
        this.source = new EventSource(this.app.api.jobEventsUrl(job.job));
        const onEvent = (e: MessageEvent) => {
          const p = parseProgress(e.data);
          if (p) update({...p, run: p.run ?? job.run});
        };
        // docs/web.md: `event: progress` while it runs, `event: end` once when it ends.
        this.source.addEventListener("message", onEvent);
        this.source.addEventListener("progress", onEvent as EventListener);
        this.source.addEventListener("end", onEvent as EventListener);
        this.source.addEventListener("error", () => {
          // The stream broke before its end event: stop it reconnecting and ask for the job's state once.
          this.source?.close();
          if (this.job === null) return;
          void this.app.api.job(this.job).then((s) => update({status: s.status, done: s.done ?? 0, total: s.total ?? 0, run: s.run ?? job.run})).catch((e) => this.app.report(e));
        });
      } catch (error) {
        start.disabled = false;
        this.app.report(error);
      }
    });
    cancel.addEventListener("click", async () => {
      if (this.job === null) return;
      try {
        await this.app.api.cancelJob(this.job);
        this.app.status("Sweep cancelled; the run stays resumable.");
      } catch (error) {
        this.app.report(error);
      }
    });
    root.append(
      h("div", {class: "toolbar"}, h("label", {}, "Model ", model), h("label", {}, "Draws ", draws), h("label", {}, "Seed ", seed), start, cancel),
      h("div", {class: "toolbar"}, bar, text),
      result,
      h("h2", {}, "Stored runs"),
      runs,
    );
    void this.listRuns(runs, result);
  }

  /** The runs of the folder's results database (GET /api/runs), each with a button to show it. */
  private async listRuns(box: HTMLElement, result: HTMLElement): Promise<void> {
    try {
      const doc = (await this.app.api.runs()) as {runs?: {id: number; created?: string; status?: string; title?: string; model?: string; draws?: number; stored?: number}[]};
      const runs = doc.runs ?? [];
      clear(box);
      if (runs.length === 0) {
        box.appendChild(h("p", {class: "muted"}, "No stored run yet."));
        return;
      }
      box.appendChild(h("table", {class: "data"},
        h("thead", {}, h("tr", {}, ["run", "created", "model", "draws", "stored", "status", "title", ""].map((c) => h("th", {}, c)))),
        h("tbody", {}, runs.map((r) => h("tr", {},
          h("td", {class: "num"}, r.id), h("td", {}, r.created ?? ""), h("td", {}, r.model ?? ""), h("td", {class: "num"}, r.draws ?? ""),
          h("td", {class: "num"}, r.stored ?? ""), h("td", {}, r.status ?? ""), h("td", {}, r.title ?? ""),
          h("td", {}, h("button", {type: "button", onclick: () => void this.showRun(r.id, result)}, "Show")))))));
    } catch (error) {
      this.app.report(error);
    }
  }

  private stop(): void {
    this.source?.close();
    this.source = null;
    this.job = null;
  }

  private async showRun(run: number, box: HTMLElement): Promise<void> {
    try {
      const doc = (await this.app.api.storedRun(run)) as SweepDoc;
      clear(box);
      const qs = ["5", "25", "50", "75", "95"];
      const header = ["issue", "mean", "sd", ...qs.map((q) => `q${q}`)];
      const cells: Cell[][] = (doc.issues ?? []).map((i) => [i.id, i.mean, i.sd, ...qs.map((q) => i.quantiles?.[q] ?? null)]);
      box.append(
        h("h2", {}, `Run ${run}`),
        h("table", {class: "data", "aria-label": "sweep issues"},
          h("thead", {}, h("tr", {}, header.map((c) => h("th", {}, c)))),
          h("tbody", {}, cells.map((row) => h("tr", {}, row.map((c, k) => (k === 0 ? h("th", {}, String(c)) : h("td", {class: "num"}, formatOutcome(c as number | null)))))))),
        h("div", {class: "toolbar"},
          h("button", {type: "button", class: "csv", onclick: () => download(csvFileName(`sweep run ${run}`), toCsv(header, cells))}, "Download CSV"),
          h("a", {href: this.app.api.url(`/api/runs/${run}/export`, {table: "outcomes"}), download: `run-${run}-outcomes.csv`}, "Every draw's outcomes (CSV)")),
      );
      const classes = doc.classes ?? [];
      if (classes.length > 0) {
        const cheader = ["class", "group", "probability", "low", "high"];
        const crows: Cell[][] = classes.map((c) => [c.name, c.group ?? "", c.probability, c.low, c.high]);
        box.append(
          h("h3", {}, "Named outcomes"),
          h("table", {class: "data"}, h("tbody", {}, classes.map((c) => h("tr", {}, h("th", {}, c.name), h("td", {class: "num"}, formatPercent(c.probability)), h("td", {class: "num"}, `${formatPercent(c.low)}–${formatPercent(c.high)}`))))),
          h("button", {type: "button", class: "csv", onclick: () => download(csvFileName(`sweep run ${run} classes`), toCsv(cheader, crows))}, "Download CSV"),
          barChart(classes.map((c) => ({label: c.name, value: c.probability, group: c.group || undefined})), 640, "probability"),
        );
      }
    } catch (error) {
      this.app.report(error);
    }
  }
}
