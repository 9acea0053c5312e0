// The compare tab: the scenario as written against the what-if the sliders set (POST /api/compare,
// `parley compare`): each issue's forecast at the point values and its mean over the draws, and
// each named outcome's probability, side by side.

import type {App, View} from "../app";
import {h, clear, download} from "../dom";
import {toCsv, csvFileName, type Cell} from "../csv";
import {formatOutcome, formatPercent} from "../format";

interface CompareDoc {
  issues?: {id: string; point_a: number | null; point_b: number | null; mean_a: number | null; mean_b: number | null}[];
  classes?: {name: string; a: {probability: number; low: number; high: number} | null; b: {probability: number; low: number; high: number} | null}[];
}

export class CompareView implements View {
  readonly id = "compare";
  readonly title = "Compare";
  constructor(private readonly app: App) {}

  render(root: HTMLElement): void {
    const set = this.app.whatIfSet;
    const model = h("select", {id: "compare-model", "aria-label": "model"}, this.app.models.map((m) => h("option", {value: m}, m)));
    const draws = h("input", {type: "number", id: "compare-draws", min: 1, value: 500, "aria-label": "draws"});
    const out = h("div", {id: "compare-result"});
    const run = h("button", {type: "button", id: "compare-run", disabled: set.length === 0}, "Compare");
    run.addEventListener("click", () =>
      void this.app.whileBusy(run, async () => {
        const input = this.app.input();
        this.draw(out, (await this.app.api.compare(input, {...input, set}, {model: model.value, draws: Number(draws.value)})) as CompareDoc);
      }, "Comparing…"));
    root.append(
      h("p", {}, set.length === 0
        ? "Move a slider on the first tab: this tab compares that what-if with the scenario as written."
        : `A: the scenario as written. B: the what-if ${set.join("; ")}.`),
      h("div", {class: "toolbar"}, h("label", {}, "Model ", model), h("label", {}, "Draws ", draws), run),
      out,
    );
  }

  private draw(out: HTMLElement, doc: CompareDoc): void {
    clear(out);
    const header = ["issue", "point_a", "point_b", "mean_a", "mean_b"];
    const cells: Cell[][] = (doc.issues ?? []).map((i) => [i.id, i.point_a, i.point_b, i.mean_a, i.mean_b]);
    out.append(
      h("table", {class: "data", "aria-label": "compare issues"},
        h("thead", {}, h("tr", {}, h("th", {}, "issue"), h("th", {}, "A at point values"), h("th", {}, "B at point values"), h("th", {}, "A mean"), h("th", {}, "B mean"))),
        h("tbody", {}, cells.map((row) => h("tr", {}, row.map((c, k) => (k === 0 ? h("th", {}, String(c)) : h("td", {class: "num"}, formatOutcome(c as number | null)))))))),
      h("button", {type: "button", class: "csv", onclick: () => download(csvFileName("compare issues"), toCsv(header, cells))}, "Download CSV"),
    );
    const classes = doc.classes ?? [];
    if (classes.length === 0) return;
    const cheader = ["class", "probability_a", "probability_b"];
    const crows: Cell[][] = classes.map((c) => [c.name, c.a?.probability ?? null, c.b?.probability ?? null]);
    out.append(
      h("h3", {}, "Named outcomes"),
      h("table", {class: "data"},
        h("thead", {}, h("tr", {}, h("th", {}, "class"), h("th", {}, "A"), h("th", {}, "B"))),
        h("tbody", {}, classes.map((c) => h("tr", {}, h("th", {}, c.name),
          h("td", {class: "num"}, c.a ? `${formatPercent(c.a.probability)} (${formatPercent(c.a.low)}–${formatPercent(c.a.high)})` : "–"),
          h("td", {class: "num"}, c.b ? `${formatPercent(c.b.probability)} (${formatPercent(c.b.low)}–${formatPercent(c.b.high)})` : "–"))))),
      h("button", {type: "button", class: "csv", onclick: () => download(csvFileName("compare classes"), toCsv(cheader, crows))}, "Download CSV"),
    );
  }
}
