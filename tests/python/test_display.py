"""parley.display: the notebook views (escaped HTML tables, inline SVG charts, intervals on every
probability) and the matplotlib plots, on the flagship and the examples."""

import json
import re

import pandas as pd
import pytest
from matplotlib.figure import Figure

import parley
from conftest import ARMS, FLAGSHIP, cli
from parley import _format as fmt
from parley import display

#: A probability as a table cell shows it: the estimate, then its interval in parentheses.
WITH_INTERVAL = re.compile(r"\d+(\.\d+)? % \(\d+(\.\d+)?–\d+(\.\d+)? %\)")


class FromCli:
    """An analysis result as the analyses' classes hold it: the command line's JSON and a table."""

    def __init__(self, document):
        self.json = document

    def to_frame(self):
        return pd.DataFrame(self.json.get("issues") or self.json.get("outputs"))


def cli_json(exe, *args):
    out = cli(exe, *args, "-f", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def self_contained(view: str) -> None:
    """No script, no external resource, one inline chart at most per panel."""
    assert "<script" not in view.lower()
    assert not re.search(r"""(src|href)=["']https?:""", view)
    assert "<image" not in view and "url(http" not in view


@pytest.fixture(scope="module")
def flagship():
    return parley.Scenario.load(FLAGSHIP)


@pytest.fixture(scope="module")
def sweep(flagship):
    return flagship.sweep("compromise", draws=200, seed=1)


def test_percentages_keep_their_intervals_and_are_never_rounded_to_certainty():
    assert fmt.percent(0.9996) == "99.96" and fmt.percent(0.0004) == "0.04" and fmt.percent(1.0) == "100"
    assert fmt.probability(0.97, 0.93, 0.99) == "97 % (93–99 %)"
    assert fmt.probability(1.0, count=200, total=200) == "100 % (98–100 %)"
    assert fmt.probability(0.5) == "50 % (no interval)"
    assert fmt.probability(0.0, 1e-19, 0.0019) == "0 % (0–0.2 %)"


def test_wilson_intervals_are_the_engines(sweep):
    for c in sweep.json["classes"]:
        p, low, high = fmt.wilson(c["count"], c["draws"])
        assert p == pytest.approx(c["probability"], abs=1e-15)
        assert low == pytest.approx(c["low"], abs=1e-12) and high == pytest.approx(c["high"], abs=1e-12)


def test_a_forecast_shows_each_outcome_with_its_intervals_and_a_chart(flagship):
    f = flagship.run("compromise")
    view = f._repr_html_()
    self_contained(view)
    assert view.count("<svg") == 1 and "90 % interval" in view
    for i in f.json["issues"]:
        assert f"<td>{i['id']}</td>" in view and fmt.num(i["outcome"]) in view
        p90 = next(p for p in i["predictive"] if p["level"] == 0.9)
        assert fmt.span(p90["low"], p90["high"]) in view
    assert "measured coverage" in view
    bdm = flagship.run("bdm")._repr_html_()
    assert "after 10 rounds" in bdm or "rounds" in bdm


def test_a_sweep_shows_distributions_and_probabilities_with_intervals(sweep):
    view = sweep._repr_html_()
    self_contained(view)
    assert view.count("<svg") == 1 and "middle 90 %" in view
    table = view[: view.index("<svg")]
    for c in sweep.json["classes"]:
        assert fmt.probability(c["probability"], c["low"], c["high"]) in table
    assert "100 % (98–100 %)" in table  # fragile-ceasefire: every draw, still with its interval
    cells = [c for c in re.findall(r"<td>(.*?)</td>", table) if "%" in c]
    assert len(cells) >= len(sweep.json["classes"])
    assert all(WITH_INTERVAL.fullmatch(c) for c in cells), cells


def test_every_text_is_escaped(flagship):
    d = {"metadata": {"title": "<script>alert('t')</script> & co"},
         "issues": [{"id": "tax", "label": "<b>bold</b>", "scale": {"min": 0, "max": 100}, "status_quo": 50}],
         "actors": [{"id": "a", "capability": 1}, {"id": "b", "capability": 2}],
         "positions": {"a": {"tax": {"position": 20, "salience": 1}}, "b": {"tax": {"position": 80, "salience": 1}}}}
    s = parley.Scenario.from_dict(d)
    for view in (s._repr_html_(), s.run("compromise")._repr_html_()):
        assert "<script>" not in view and "<b>bold" not in view
    assert "&lt;script&gt;" in s.run("compromise")._repr_html_()
    assert "&lt;b&gt;bold&lt;/b&gt;" in s.run("compromise")._repr_html_()
    assert "&lt;script&gt;" in s._repr_html_()


def test_a_scenario_shows_its_counts_and_ids(flagship):
    view = flagship._repr_html_()
    self_contained(view)
    assert "uncertain values" in view and ">159<" in view
    assert all(i in view for i in flagship.issues) and "fragile-ceasefire" in view


def test_sensitivity_feasibility_and_comparison_views_from_the_command_lines_json(parley_exe):
    sens = FromCli(cli_json(parley_exe, "sensitivity", ARMS, "--samples", "32"))
    view = display.sensitivity_html(sens)
    self_contained(view)
    assert view.count("<svg") == 1 and "total index" in view
    top = sens.json["outputs"][0]["inputs"][0]
    assert top["input"] in view and fmt.plus_minus(top["total"], top["total_error"]) in view
    feas = FromCli(cli_json(parley_exe, "feasibility", FLAGSHIP, "-n", "100"))
    view = display.feasibility_html(feas)
    self_contained(view)
    assert view.count("<svg") == 1 and "russia win-set" in view and "A zone on every issue at once" in view
    zp = feas.json["issues"][0]["zone_probability"]
    assert fmt.probability(zp["probability"], zp["low"], zp["high"]) in view
    comp = FromCli(cli_json(parley_exe, "compare", ARMS, ARMS, "--set", "eu.capability=60", "-n", "50"))
    view = display.comparison_html(comp)
    self_contained(view)
    assert "B − A (means)" in view and "eu.capability=60" in view


def test_a_view_falls_back_to_the_table_and_never_raises():
    class TableOnly:
        json = None

        def to_frame(self):
            return pd.DataFrame({"model": ["compromise", "<nbs>"], "mae": [12.5, 13.0]})

    class Broken:
        json = {"outputs": [{"inputs": "not a list"}], "issues": 3}

        def __repr__(self):
            return "<Broken & odd>"

    for view_of in (display.sensitivity_html, display.feasibility_html, display.comparison_html, display.backtest_html):
        table = view_of(TableOnly())
        assert "compromise" in table and "&lt;nbs&gt;" in table and "<nbs>" not in table
        assert "&lt;Broken &amp; odd&gt;" in view_of(Broken())
    assert "&lt;Broken" in display.forecast_html(Broken()) and "&lt;Broken" in display.sweep_html(Broken())
    assert "&lt;Broken" in display.scenario_html(Broken())


def test_the_plots_draw_on_the_axes_they_are_given_and_return_them(flagship, sweep, parley_exe):
    f = flagship.run("compromise")
    ax = Figure().subplots()
    assert f.plot(ax) is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == flagship.issues
    notes = [t.get_text() for t in ax.texts]
    assert len(notes) == len(flagship.issues) and all("90 %:" in n for n in notes)
    assert len(ax.patches) == 3 * len(flagship.issues)  # 50, 80 and 90 % bars
    ax = Figure().subplots()
    assert sweep.plot(ax) is ax and len(ax.patches) == 2 * len(flagship.issues)
    ax = display.plot_classes(sweep, Figure().subplots())
    assert {t.get_text() for t in ax.texts} == {fmt.probability(c["probability"], c["low"], c["high"]) for c in sweep.json["classes"]}
    sens = FromCli(cli_json(parley_exe, "sensitivity", ARMS, "--samples", "32"))
    ax = display.plot_sensitivity(sens, Figure().subplots(), top=3)
    assert len(ax.patches) == 6 and len(ax.get_yticklabels()) == 3  # low and high bar per input
    ax = display.plot_sensitivity(sens, Figure().subplots(), output=sens.json["outputs"][1]["name"])
    assert sens.json["outputs"][1]["name"] in ax.get_title()
    with pytest.raises(ValueError):
        display.plot_sensitivity(sens, Figure().subplots(), output="no-such-output")
    feas = FromCli(cli_json(parley_exe, "feasibility", FLAGSHIP, "-n", "50"))
    ax = display.plot_feasibility(feas, Figure().subplots())
    assert [t.get_text() for t in ax.get_yticklabels()] == [i["id"] for i in feas.json["issues"]]


def test_plots_without_axes_make_a_figure(sweep):
    import matplotlib.pyplot as plt

    ax = sweep.plot()
    try:
        assert ax.figure.get_size_inches()[1] > 1
    finally:
        plt.close(ax.figure)
