// Charts drawn by Observable Plot. Plot puts a <style> element inside each SVG; under the CSP
// `default-src 'self'` the browser would refuse it (an inline style) and log an error, so it is
// removed before the chart enters the page and style.css carries the same rules (.plot-d6a7b5).
import * as Plot from "@observablehq/plot";

/** Removes the inline <style> elements Plot adds, before the node is attached to the document. */
export function withoutInlineStyles<T extends Element>(node: T): T {
  node.querySelectorAll("style").forEach((s) => s.remove());
  return node;
}

/** "A long issue label…" at most `max` characters. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export interface ForecastPoint {
  issue: string;
  model: string;
  value: number;
  share: number;
}

/**
 * Every model's forecast on each issue, placed on the issue's own scale (0 % = the scale's min,
 * 100 % = its max, so issues with different scales share one axis); the ensemble drawn larger.
 */
export function forecastChart(points: ForecastPoint[], issues: string[], width: number): Element {
  return withoutInlineStyles(
    Plot.plot({
      width,
      height: Math.max(120, 34 * issues.length + 50),
      marginLeft: 250,
      x: {domain: [0, 100], label: "forecast, % of the issue's scale (min → max)", grid: true},
      y: {domain: issues, label: null, tickFormat: (label: string) => shorten(label, 40)},
      color: {legend: true, type: "categorical"},
      marks: [
        Plot.ruleY(issues, {stroke: "#ddd"}),
        Plot.dot(
          points.filter((p) => p.model !== "ensemble"),
          {x: "share", y: "issue", fill: "model", r: 4, title: (p: ForecastPoint) => `${p.model}: ${p.value.toFixed(1)}`},
        ),
        Plot.dot(
          points.filter((p) => p.model === "ensemble"),
          {x: "share", y: "issue", stroke: "black", strokeWidth: 2, r: 7, title: (p: ForecastPoint) => `ensemble: ${p.value.toFixed(1)}`},
        ),
      ],
    }),
  );
}

export interface Bar {
  label: string;
  low: number;
  high: number;
}

/** A tornado: each input's swing of the outcome, widest first. */
export function tornadoChart(bars: Bar[], base: number | null, width: number, xLabel: string): Element {
  const sorted = [...bars].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  return withoutInlineStyles(
    Plot.plot({
      width,
      height: Math.max(120, 24 * sorted.length + 50),
      marginLeft: 260,
      x: {label: xLabel, grid: true},
      y: {domain: sorted.map((b) => b.label), label: null},
      marks: [
        Plot.barX(sorted, {x1: "low", x2: "high", y: "label", fill: "steelblue"}),
        ...(base === null ? [] : [Plot.ruleX([base], {stroke: "black"})]),
      ],
    }),
  );
}

/** Horizontal bars of one value per label (Sobol indices, class probabilities). */
export function barChart(rows: {label: string; value: number; group?: string}[], width: number, xLabel: string): Element {
  return withoutInlineStyles(
    Plot.plot({
      width,
      height: Math.max(120, 22 * rows.length + 60),
      marginLeft: 260,
      x: {label: xLabel, grid: true},
      y: {label: null},
      color: {legend: rows.some((r) => r.group !== undefined)},
      marks: [Plot.barX(rows, {x: "value", y: "label", fill: rows.some((r) => r.group !== undefined) ? "group" : "steelblue"}), Plot.ruleX([0])],
    }),
  );
}

/** Intervals on an issue's scale (win-sets, zones of agreement): one bar per label. */
export function intervalChart(rows: {label: string; low: number; high: number; kind: string}[], domain: [number, number], width: number): Element {
  return withoutInlineStyles(
    Plot.plot({
      width,
      height: Math.max(100, 26 * rows.length + 60),
      marginLeft: 200,
      x: {domain, label: "position on the issue's scale", grid: true},
      y: {label: null},
      color: {legend: true},
      marks: [Plot.barX(rows, {x1: "low", x2: "high", y: "label", fill: "kind"})],
    }),
  );
}

/** The forecast on each issue after each event of the timeline (x: the stage, in order). */
export function timelineChart(points: {stage: string; step: number; issue: string; value: number}[], stages: string[], width: number): Element {
  return withoutInlineStyles(
    Plot.plot({
      width,
      height: 320,
      marginBottom: 40,
      x: {domain: stages, label: null},
      y: {label: "forecast", grid: true},
      color: {legend: true},
      marks: [
        Plot.line(points, {x: "stage", y: "value", stroke: "issue", sort: "step"}),
        Plot.dot(points, {x: "stage", y: "value", fill: "issue", r: 3, title: (p: {issue: string; value: number}) => `${p.issue}: ${p.value.toFixed(1)}`}),
      ],
    }),
  );
}

/**
 * Sobol indices per input, in the given order (by total index): the total index as a wide light
 * bar, the first-order index as a narrow dark bar over it (not stacked: first ≤ total).
 */
export function sobolChart(rows: {label: string; first: number; total: number}[], width: number): Element {
  const long = rows.flatMap((r) => [
    {label: r.label, value: r.total, index: "total"},
    {label: r.label, value: r.first, index: "first-order"},
  ]);
  return withoutInlineStyles(
    Plot.plot({
      width,
      height: Math.max(120, 24 * rows.length + 70),
      marginLeft: 260,
      x: {label: "Sobol index (share of the variance)", grid: true},
      y: {domain: rows.map((r) => r.label), label: null},
      color: {domain: ["total", "first-order"], range: ["#9ecae1", "#08519c"], legend: true},
      marks: [
        Plot.barX(long.filter((d) => d.index === "total"), {x1: 0, x2: "value", y: "label", fill: "index"}),
        Plot.barX(long.filter((d) => d.index === "first-order"), {x1: 0, x2: "value", y: "label", fill: "index", insetTop: 6, insetBottom: 6}),
        Plot.ruleX([0]),
      ],
    }),
  );
}
