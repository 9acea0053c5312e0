"""How parley's objects show in a notebook (their ``_repr_html_``) and their ``.plot()`` helpers.

Each ``*_html`` function returns a small HTML table (every text escaped) and, for forecasts,
sweeps, sensitivity and feasibility, a small chart as inline SVG (no external resources). A view
never raises: where an object lacks what its view reads, the view falls back to the table of its
``to_frame()``, then to its repr. Probabilities are written with their 95 % Wilson interval, e.g.
"97 % (93–99 %)"; outcomes with their intervals.

The plots (matplotlib) draw on the Axes they are given, or on a new figure, and return the Axes:

    ax = parley.display.plot_forecast(forecast)        # the same as forecast.plot()
    parley.display.plot_sweep(sweep, ax=my_axes)
"""

from __future__ import annotations

from typing import Any, Callable

from . import _format as fmt
from ._plots import plot_classes, plot_feasibility, plot_forecast, plot_sensitivity, plot_sweep

__all__ = ["scenario_html", "forecast_html", "sweep_html", "sensitivity_html", "feasibility_html", "comparison_html", "backtest_html",
           "plot_forecast", "plot_sweep", "plot_classes", "plot_sensitivity", "plot_feasibility"]


def _safe(render: Callable[[Any], str], obj: Any, title: str) -> str:
    """render(obj), or the table of obj.to_frame() (then its repr) when that fails: a notebook
    view must never raise."""
    try:
        return render(obj)
    except Exception:
        return fmt.view(title, fmt.frame_table(obj))


def _chart(draw: Callable[[Any], Any], rows: int, width: float = 5.5, row_height: float = 0.32) -> str:
    """The SVG of a figure drawn by draw(ax); "" when drawing fails (the table still shows)."""
    try:
        fig, ax = fmt.new_figure(rows, width, row_height)
        draw(ax)
        return fmt.svg(fig)
    except Exception:
        return ""


# --- scenario -------------------------------------------------------------------------------------


def scenario_html(scenario: Any) -> str:
    """A scenario's title, counts, issues (scale and status quo), actors and named outcomes."""
    return _safe(_scenario, scenario, "parley.Scenario")


def _scenario(s: Any) -> str:
    summary = s.summary()
    counts = fmt.table(["", "count"], [["actors", summary["actors"]], ["issues", summary["issues"]],
                                       ["stances given", f"{summary['complete']} of {summary['cells']}"],
                                       ["uncertain values", summary["uncertain"]], ["values citing a source", summary["cited"]],
                                       ["named outcomes", len(s.classes)]])
    try:
        d = s.to_dict()
        issues = fmt.table(["issue", "label", "scale", "status quo"],
                           [[i["id"], i.get("label", ""), fmt.span(i.get("scale", {}).get("min"), i.get("scale", {}).get("max")),
                             "none" if i.get("status_quo") is None else fmt.value_text(i.get("status_quo"))]
                            for i in d.get("issues", [])])
        actors = fmt.table(["actor", "name", "capability"],
                           [[a["id"], a.get("name", ""), fmt.value_text(a.get("capability"))] for a in d.get("actors", [])], limit=15)
    except Exception:  # no scenario writer: the ids only
        issues = fmt.table(["issue"], [[i] for i in s.issues])
        actors = fmt.table(["actor"], [[a] for a in s.actors], limit=15)
    body = counts + issues + actors
    if s.classes:
        body += fmt.table(["named outcome"], [[c] for c in s.classes])
    if s.what_ifs:
        body += fmt.table(["what-if"], [[w] for w in s.what_ifs])
    where = f" (from {s.file})" if s.file else ""
    return fmt.view(f"{s.title}{where}", body)


# --- forecast -------------------------------------------------------------------------------------


def forecast_html(forecast: Any) -> str:
    """Per issue: the outcome, its predictive intervals, the status quo and how a run ended; and a
    chart of the outcomes with their intervals on each issue's scale."""
    return _safe(_forecast, forecast, "parley.Forecast")


def _forecast(f: Any) -> str:
    j = f.json
    rows = []
    for i in j["issues"]:
        pred = {round(p["level"] * 100): p for p in i.get("predictive") or []}
        band = {lvl: fmt.span(pred[lvl]["low"], pred[lvl]["high"]) if lvl in pred else "n/a" for lvl in (50, 90)}
        d = i.get("dynamics")
        run = f"{d['status']} after {d['rounds']} rounds" if d else ""
        rows.append([i["id"], i.get("label", ""), fmt.num(i.get("outcome")), band[50], band[90], fmt.num(i.get("status_quo")),
                     fmt.span(i["scale"]["min"], i["scale"]["max"]), run or i.get("note", "") or ""])
    body = fmt.table(["issue", "label", "outcome", "50 % interval", "90 % interval", "status quo", "scale", "run / note"], rows)
    note = ""
    if j.get("intervals"):
        cov = ", ".join(f"{fmt.percent(c['level'])} %: {fmt.percent(c['coverage'])} %" for c in j["intervals"].get("measured_coverage", []))
        note = f"Predictive intervals: the model's error measured on {j['intervals'].get('data', '?')}; measured coverage {cov}."
    elif j["issues"] and not any(i.get("predictive") for i in j["issues"]):
        note = "No predictive intervals: the skill table has not measured this model's error."
    chart = _chart(lambda ax: plot_forecast(f, ax), len(j["issues"]))
    title = f"{j.get('model', '')} forecast: {(j.get('scenario') or {}).get('title', '')}"
    return fmt.view(title, body, chart, note)


# --- sweep ----------------------------------------------------------------------------------------


def sweep_html(sweep: Any) -> str:
    """Per issue the distribution of outcomes over the draws, per named outcome its probability
    with its Wilson interval; a chart of both."""
    return _safe(_sweep, sweep, "parley.Sweep")


def _sweep(w: Any) -> str:
    j = w.json
    rows = []
    for i in j["issues"]:
        q = i.get("quantiles") or {}
        rows.append([i["id"], i["draws"], fmt.num(i.get("mean")), fmt.num(i.get("sd"), 3), fmt.num(q.get("50")),
                     fmt.span(q.get("25"), q.get("75")), fmt.span(q.get("5"), q.get("95"))])
    body = fmt.table(["issue", "draws with an outcome", "mean", "sd", "median", "middle 50 %", "middle 90 %"], rows)
    classes = j.get("classes") or []
    if classes:
        body += _class_table(j)
    chart = _chart(lambda ax: _sweep_chart(w, ax), len(j["issues"]) + len(classes) + (2 if classes else 0))
    where = f", run {j['run']['id']} of {j['run']['db']}" if j.get("run") else ""
    note = "With the model's own measured error: summary(model_error=True), classes(model_error=True)." if j.get("with_model_error") else ""
    return fmt.view(f"{j.get('model', '')} sweep: {j.get('draws')} draws, seed {j.get('seed')}{where}", body, chart, note)


def _class_table(j: dict) -> str:
    rows = [[c["name"], c.get("group") or "", c.get("label") or "", fmt.probability(c["probability"], c.get("low"), c.get("high"),
                                                                                  c.get("count"), c.get("draws"))] for c in j["classes"]]
    rows += [["(none of the group)", u.get("group") or "", "unclassified",
              fmt.probability(u["probability"], u.get("low"), u.get("high"), u.get("count"), u.get("draws"))]
             for u in j.get("unclassified") or []]
    return fmt.table(["named outcome", "group", "label", "probability (95 % interval)"], rows)


def _sweep_chart(w: Any, ax: Any) -> None:
    """The distributions on top, the class probabilities below (in the same figure)."""
    classes = w.json.get("classes") or []
    if not classes:
        plot_sweep(w, ax)
        return
    fig = ax.figure
    n = len(w.json["issues"])
    ax.remove()
    top, bottom = fig.subplots(2, 1, gridspec_kw={"height_ratios": [max(n, 1) + 1.5, len(classes)], "hspace": 0.75})
    plot_sweep(w, top)
    plot_classes(w, bottom)


# --- analyses -------------------------------------------------------------------------------------


def sensitivity_html(sens: Any) -> str:
    """Per output, the inputs that move it most (first-order and total Sobol indices with their
    95 % errors, the tornado's swing); a tornado of the first issue."""
    return _safe(_sensitivity, sens, "Sensitivity")


def _sensitivity(sens: Any) -> str:
    j = fmt.json_of(sens)
    if not j or "outputs" not in j:
        return fmt.view("Sensitivity", fmt.frame_table(sens))
    rows = []
    for o in j["outputs"]:
        for i in (o.get("inputs") or [])[:3]:
            rows.append([o.get("name", ""), fmt.num(o.get("at_point_values")), i.get("input", ""),
                         fmt.plus_minus(i.get("first"), i.get("first_error")),
                         fmt.plus_minus(i.get("total"), i.get("total_error")), fmt.span(i.get("tornado_low"), i.get("tornado_high"))])
    headers = ["output", "at the point values", "input (top 3)", "first-order index", "total index", "tornado: low–high end"]
    body = fmt.table(headers, rows, limit=30)
    cautions = [f"{o.get('name')}: {o['caution']}" for o in j["outputs"] if o.get("caution")]
    top = min(8, max((len(o.get("inputs") or []) for o in j["outputs"]), default=1))
    chart = _chart(lambda ax: plot_sensitivity(sens, ax, top=top), top, row_height=0.3)
    samples = f"{j['samples']} samples" if j.get("samples") else "tornado only"
    title = f"Sensitivity of {j.get('model', '')} ({samples}, seed {j.get('seed', '?')})"
    return fmt.view(title, body, chart, " ".join(cautions) + " Indices: ± 95 % bootstrap half-width.")


def feasibility_html(feasibility: Any) -> str:
    """Per issue each side's win-set, the zone of possible agreement, the ratifiers that bind it
    and the share of draws with a zone (Wilson interval); a chart of the win-sets."""
    return _safe(_feasibility, feasibility, "Feasibility")


def _feasibility(f: Any) -> str:
    j = fmt.json_of(f)
    if not j or "issues" not in j:
        return fmt.view("Feasibility", fmt.frame_table(f))
    sides = list(dict.fromkeys(s for i in j["issues"] for s in (i.get("win_sets") or {})))
    rows = []
    for i in j["issues"]:
        ws = i.get("win_sets") or {}
        zp = i.get("zone_probability") or {}
        rows.append([i["id"], *[fmt.span(*ws[s]) if ws.get(s) else "empty" for s in sides],
                     fmt.span(*i["zone"]) if i.get("zone") else "none",
                     _binding(i.get("lower_binding")), _binding(i.get("upper_binding")),
                     fmt.probability(zp.get("probability"), zp.get("low"), zp.get("high"))])
    body = fmt.table(["issue", *[f"{s} win-set" for s in sides], "zone", "lower end set by", "upper end set by", "draws with a zone"], rows)
    every = j.get("every_issue") or {}
    note = ""
    if every:
        p = fmt.probability(every.get("probability"), every.get("low"), every.get("high"))
        note = f"A zone on every issue at once: {p} of {j.get('draws', '?')} draws."
    chart = _chart(lambda ax: plot_feasibility(f, ax), len(j["issues"]), row_height=0.18 * (len(sides) + 1))
    return fmt.view("Feasibility: win-sets and zones of agreement", body, chart, note)


def _binding(b: Any) -> str:
    if not isinstance(b, dict):
        return "the scale's end"
    return f"{b.get('actor', '?')} ({b.get('side', '?')})"


def comparison_html(comparison: Any) -> str:
    """Two scenarios side by side: per issue the point forecasts and the means over the draws, per
    named outcome the two probabilities with their Wilson intervals."""
    return _safe(_comparison, comparison, "Comparison")


def _comparison(c: Any) -> str:
    j = fmt.json_of(c)
    if not j or "issues" not in j:
        return fmt.view("Comparison", fmt.frame_table(c))
    draws = j.get("draws", "?")
    rows = [[i["id"], fmt.num(i.get("point_a")), fmt.num(i.get("point_b")), fmt.num(i.get("mean_a")), fmt.num(i.get("mean_b")),
             "n/a" if fmt.missing(i.get("mean_a")) or fmt.missing(i.get("mean_b")) else fmt.num(i["mean_b"] - i["mean_a"], 3)]
            for i in j["issues"]]
    body = fmt.table(["issue", "A: point", "B: point", f"A: mean of {draws} draws", f"B: mean of {draws} draws", "B − A (means)"], rows)
    classes = j.get("classes") or []
    if classes:
        body += fmt.table(["named outcome", "A", "B"],
                          [[k.get("name", ""), _side_probability(k.get("a")), _side_probability(k.get("b"))] for k in classes])
    what_if = j.get("what_if")
    note = f"B is A with {', '.join(map(str, what_if))}." if what_if else ""
    return fmt.view(f"{j.get('model', '')}: {j.get('a', 'A')} (A) against {j.get('b', 'B')} (B)", body, "", note)


def _side_probability(p: Any) -> str:
    if not isinstance(p, dict):
        return "not named"
    return fmt.probability(p.get("probability"), p.get("low"), p.get("high"))


def backtest_html(backtest: Any) -> str:
    """The backtest's table (per model, or per issue), as ``to_frame()`` gives it."""
    return _safe(_backtest, backtest, "Backtest")


def _backtest(b: Any) -> str:
    cross_validated = bool(getattr(b, "cross_validated", False))
    body = ""
    if not cross_validated and callable(getattr(b, "summary", None)):
        try:  # the model's errors beside the reference lines', then the issues
            body = b.summary().to_html(escape=True, index=False, na_rep="n/a")
        except Exception:  # a notebook view must never raise
            body = ""
    body += fmt.frame_table(b, "per model, out of fold (mae_low–mae_high: 95 % bootstrap interval)" if cross_validated else "per issue",
                            limit=12)
    return fmt.view("Backtest, every model out of fold" if cross_validated else "Backtest", body)
