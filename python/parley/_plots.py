"""The matplotlib charts of parley's results (Forecast.plot, Sweep.plot, Sensitivity.plot,
Feasibility.plot and the notebook views). Each draws on the Axes it is given (a new pyplot figure
when none) and returns it. Issues are rows; where the issues share one scale the x axis is that
scale, otherwise each row is placed on its own issue's scale, whose ends are written beside it.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from . import _format as fmt

#: Colours of the charts (colour-blind safe: Okabe and Ito).
DARK, LIGHT = "#0072B2", "#56B4E9"
LOW, HIGH = "#0072B2", "#E69F00"
GREY = "#777777"
SIDES = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]


def axes(ax: Any, rows: int, width: float = 6.0, row_height: float = 0.35) -> Any:
    """`ax`, or the Axes of a new pyplot figure sized for `rows` rows."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(width, 0.9 + row_height * max(1, rows)))
    return ax


class Rows:
    """Rows of issues on one x axis: the issues' own unit when they share one scale (or none is
    known), else the share of each issue's scale with the ends written at each row's sides."""

    def __init__(self, ax: Any, ids: list, scales: dict) -> None:
        self.ax, self.ids, self.scales = ax, ids, scales
        ends = {scales[i] for i in ids if i in scales}
        self.shared = len(ends) <= 1 or any(i not in scales for i in ids)
        self.ends = ends.pop() if len(ends) == 1 and self.shared else None
        self.y = {i: len(ids) - 1 - k for k, i in enumerate(ids)}  # the first issue on top

    def x(self, issue: str, value: float) -> float:
        if self.shared:
            return value
        low, high = self.scales[issue]
        return (value - low) / (high - low) if high != low else 0.5

    def finish(self, labels: Optional[dict] = None, what: str = "position") -> None:
        ax = self.ax
        ax.set_yticks([self.y[i] for i in self.ids])
        ax.set_yticklabels([fmt.short((labels or {}).get(i, i)) for i in self.ids], fontsize=8)
        ax.set_ylim(-0.6, len(self.ids) - 0.4)
        ax.tick_params(axis="x", labelsize=8)
        if self.shared:
            if self.ends:
                pad = 0.02 * (self.ends[1] - self.ends[0])
                ax.set_xlim(self.ends[0] - pad, self.ends[1] + pad)
                ax.set_xlabel(f"{what} on the issues' scale ({fmt.num(self.ends[0])} to {fmt.num(self.ends[1])})", fontsize=8)
            else:
                ax.set_xlabel(what, fontsize=8)
            return
        ax.set_xlim(-0.08, 1.08)
        ax.set_xticks([0, 0.5, 1])
        ax.set_xticklabels(["scale min", "middle", "scale max"])
        ax.set_xlabel(f"{what} on each issue's own scale", fontsize=8)
        for i in self.ids:
            low, high = self.scales[i]
            ax.text(-0.085, self.y[i], fmt.num(low), ha="right", va="center", fontsize=6, color=GREY)
            ax.text(1.085, self.y[i], fmt.num(high), ha="left", va="center", fontsize=6, color=GREY)

    def note(self, issue: str, text: str) -> None:
        """Text to the right of the row (outside the plot area)."""
        from matplotlib.transforms import blended_transform_factory

        trans = blended_transform_factory(self.ax.transAxes, self.ax.transData)
        self.ax.text(1.03 if self.shared else 1.1, self.y[issue], text, transform=trans, ha="left", va="center", fontsize=7)

    def bar(self, issue: str, low: Any, high: Any, height: float, offset: float = 0.0, **style: Any) -> None:
        if fmt.missing(low) or fmt.missing(high):
            return
        a, b = self.x(issue, float(low)), self.x(issue, float(high))
        self.ax.barh(self.y[issue] + offset, b - a, left=a, height=height, **style)

    def point(self, issue: str, value: Any, offset: float = 0.0, **style: Any) -> None:
        if not fmt.missing(value):
            self.ax.plot([self.x(issue, float(value))], [self.y[issue] + offset], linestyle="none", **style)


def plot_forecast(forecast: Any, ax: Any = None) -> Any:
    """Each issue's outcome (dot) with the model's predictive intervals (bars: 50 %, 80 % and
    90 %, darkest narrowest) and the status quo (grey tick), on the issue's scale."""
    issues = forecast.json["issues"]
    ax = axes(ax, len(issues))
    rows = Rows(ax, [i["id"] for i in issues], {i["id"]: (i["scale"]["min"], i["scale"]["max"]) for i in issues})
    shades = {0.5: (0.55, DARK, 0.9), 0.8: (0.4, LIGHT, 0.9), 0.9: (0.25, LIGHT, 0.5)}
    for i in issues:
        for p in sorted(i.get("predictive") or [], key=lambda p: -p["level"]):
            height, colour, alpha = shades.get(p["level"], (0.3, LIGHT, 0.5))
            rows.bar(i["id"], p["low"], p["high"], height, color=colour, alpha=alpha, label=f"{fmt.percent(p['level'])} % predictive")
        rows.point(i["id"], i.get("status_quo"), marker="|", markersize=12, color=GREY, label="status quo")
        rows.point(i["id"], i.get("outcome"), marker="o", markersize=5, color="black", label="outcome")
        rows.note(i["id"], outcome_text(i))
    rows.finish({i["id"]: i["id"] for i in issues}, "outcome")
    legend(ax)
    ax.set_title(f"{forecast.json.get('model', '')}: outcome and predictive intervals", fontsize=9)
    return ax


def outcome_text(issue: dict) -> str:
    """"44.3 (90 %: 0–94.8)": an outcome with its widest predictive interval, or why there is none."""
    if fmt.missing(issue.get("outcome")):
        return "no outcome"
    widest = max(issue.get("predictive") or [], key=lambda p: p["level"], default=None)
    if widest is None:
        return f"{fmt.num(issue['outcome'], 3)} (model error not measured)"
    return f"{fmt.num(issue['outcome'], 3)} ({fmt.percent(widest['level'])} %: {fmt.span(widest['low'], widest['high'], 3)})"


def legend(ax: Any) -> None:
    """One legend entry per label, small, below the x axis' label (40 points under the axes)."""
    handles, labels = ax.get_legend_handles_labels()
    seen: dict = {}
    for h, label in zip(handles, labels):
        seen.setdefault(label, h)
    if not seen:
        return
    fig = ax.figure
    height = max(1.0, ax.get_position().height * fig.get_figheight() * 72)  # the axes' height in points
    ax.legend(list(seen.values()), list(seen.keys()), fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -34.0 / height),
              ncol=min(5, len(seen)), frameon=False)


def plot_sweep(sweep: Any, ax: Any = None) -> Any:
    """Each issue's distribution over the draws: 5–95 % of the draws (thin bar), 25–75 % (thick
    bar), the median (white tick) and the mean (dot), on the issue's scale."""
    issues = [i for i in sweep.json["issues"]]
    ax = axes(ax, len(issues))
    scales = {k: (v[1], v[2]) for k, v in fmt.scales_of(getattr(sweep, "scenario", None)).items()}
    rows = Rows(ax, [i["id"] for i in issues], scales)
    for i in issues:
        q = i.get("quantiles") or {}
        rows.bar(i["id"], q.get("5"), q.get("95"), 0.25, color=LIGHT, label="5–95 % of draws")
        rows.bar(i["id"], q.get("25"), q.get("75"), 0.55, color=DARK, label="25–75 % of draws")
        rows.point(i["id"], q.get("50"), marker="|", markersize=11, color="black", markeredgewidth=2, label="median")
        rows.point(i["id"], i.get("mean"), marker="o", markersize=4, color="white", markeredgecolor="black", label="mean")
        if fmt.missing(q.get("50")):
            rows.note(i["id"], "no outcome")
        else:
            rows.note(i["id"], f"median {fmt.num(q['50'], 3)} (90 %: {fmt.span(q.get('5'), q.get('95'), 3)})")
    rows.finish(what="outcome")
    legend(ax)
    ax.set_title(f"{sweep.json.get('model', '')}: outcomes over {sweep.json.get('draws', '?')} draws", fontsize=9)
    return ax


def plot_classes(sweep: Any, ax: Any = None) -> Any:
    """Each named outcome's probability over the draws with its 95 % Wilson interval."""
    classes = sweep.json.get("classes") or []
    ax = axes(ax, len(classes))
    n = len(classes)
    for k, c in enumerate(classes):
        y, p = n - 1 - k, c["probability"]
        ax.barh(y, p, height=0.5, color=LIGHT)
        error = [[max(0.0, p - c["low"])], [max(0.0, c["high"] - p)]]
        ax.errorbar([p], [y], xerr=error, fmt="none", ecolor="black", capsize=3, linewidth=1)
        ax.text(1.03, y, fmt.probability(p, c["low"], c["high"]), transform=_right(ax), va="center", fontsize=7)
    ax.set_yticks(range(n))
    ax.set_yticklabels([fmt.short(c["name"]) for c in reversed(classes)], fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, max(n, 1) - 0.4)
    ax.xaxis.set_major_formatter(_percent_axis())
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel("probability over the draws (bars: 95 % Wilson interval)", fontsize=8)
    return ax


def plot_sensitivity(sens: Any, ax: Any = None, output: Optional[str] = None, top: int = 10) -> Any:
    """A tornado: how far one output (the first issue unless `output` names another issue or
    class) moves when each input goes to the low (blue) and the high (orange) end of its range,
    the others held at their point values; the `top` inputs with the widest swing. Where the
    analysis has no tornado, each input's total Sobol index with its 95 % bootstrap error."""
    j = fmt.json_of(sens)
    if not j or not j.get("outputs"):
        raise ValueError("this sensitivity analysis has no outputs to plot")
    outs = j["outputs"]
    if output:
        chosen = next((o for o in outs if o.get("name") == output), None)
    else:
        chosen = next((o for o in outs if o.get("kind") == "issue"), outs[0])
    if chosen is None:
        raise ValueError(f"no output {output!r}; outputs: {', '.join(o.get('name', '?') for o in outs)}")
    inputs = chosen.get("inputs") or []
    tornado = [i for i in inputs if not fmt.missing(i.get("tornado_low")) and not fmt.missing(i.get("tornado_high"))]
    if tornado:
        rows = sorted(tornado, key=lambda i: -abs(i["tornado_high"] - i["tornado_low"]))[:top]
    else:
        rows = sorted(inputs, key=lambda i: -(i.get("total") or 0))[:top]
    ax = axes(ax, len(rows))
    n = len(rows)
    point = chosen.get("at_point_values")
    for k, i in enumerate(rows):
        y = n - 1 - k
        if tornado:
            ax.barh(y, i["tornado_low"] - point, left=point, height=0.6, color=LOW, label="input at its low end")
            ax.barh(y, i["tornado_high"] - point, left=point, height=0.6, color=HIGH, label="input at its high end")
        else:
            err = i.get("total_error") or 0
            ax.barh(y, i.get("total") or 0, height=0.6, color=LIGHT, xerr=err, ecolor="black", capsize=2, label="total index (95 % error)")
            if not fmt.missing(i.get("first")):
                ax.plot([i["first"]], [y], "o", color="black", markersize=3, label="first-order index")
    ax.set_yticks(range(n))
    ax.set_yticklabels([fmt.short(i["input"], 36) for i in reversed(rows)], fontsize=7)
    ax.set_ylim(-0.6, max(n, 1) - 0.4)
    ax.tick_params(axis="x", labelsize=8)
    if tornado and not fmt.missing(point):
        ax.axvline(point, color="black", linewidth=0.8)
        ax.set_xlabel(f"{chosen.get('name')} (at the point values: {fmt.num(point, 3)})", fontsize=8)
    else:
        ax.set_xlabel(f"Sobol index of {chosen.get('name')}", fontsize=8)
    legend(ax)
    ax.set_title(f"what moves {chosen.get('name')} most", fontsize=9)
    return ax


def plot_feasibility(feasibility: Any, ax: Any = None) -> Any:
    """Per issue, each side's win-set (the outcomes all its ratifiers accept) as a bar of the
    side's colour, and the zone of possible agreement where they overlap (grey band), on the
    issue's scale; to the right, the zone and the share of draws in which there is one."""
    j = fmt.json_of(feasibility)
    if not j or "issues" not in j:
        raise ValueError("this feasibility analysis has no issues to plot")
    issues = j["issues"]
    sides = list(dict.fromkeys(s for i in issues for s in (i.get("win_sets") or {})))
    ax = axes(ax, len(issues), row_height=0.2 * (len(sides) + 1))
    scales = {k: (v[1], v[2]) for k, v in fmt.scales_of(getattr(feasibility, "scenario", None)).items()}
    rows = Rows(ax, [i["id"] for i in issues], scales)
    step = 0.7 / max(1, len(sides))
    for i in issues:
        zone = i.get("zone")
        if zone:
            rows.bar(i["id"], zone[0], zone[1], 0.9, color="#DDDDDD", label="zone of agreement")
        for s, side in enumerate(sides):
            ws = (i.get("win_sets") or {}).get(side)
            if ws:
                rows.bar(i["id"], ws[0], ws[1], step * 0.8, offset=0.35 - step * (s + 0.5), color=SIDES[s % len(SIDES)],
                         label=f"{side} win-set")
        rows.note(i["id"], zone_text(i))
    rows.finish(what="outcome")
    legend(ax)
    return ax


def zone_text(issue: dict) -> str:
    """"zone 10–40, 100 % (99.8–100 %) of draws": the zone at the point values and how often the
    draws have one."""
    z = issue.get("zone")
    where = f"zone {fmt.span(z[0], z[1], 3)}" if z else "no zone"
    p = issue.get("zone_probability") or {}
    if fmt.missing(p.get("probability")):
        return where
    return f"{where}; a zone in {fmt.probability(p['probability'], p.get('low'), p.get('high'))} of draws"


def _right(ax: Any) -> Callable:
    from matplotlib.transforms import blended_transform_factory

    return blended_transform_factory(ax.transAxes, ax.transData)


def _percent_axis() -> Any:
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(xmax=1.0, decimals=0)
