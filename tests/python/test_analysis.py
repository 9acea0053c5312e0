"""sensitivity, feasibility, compare, backtest and report from Python: the command line's JSON, CSV
and tables for the same arguments, DataFrames holding those numbers, argument errors naming the
argument, whole report files, and results that do not depend on the thread count."""

import json
import math
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import parley
from conftest import ARMS, FLAGSHIP, ROOT, cli, longest_waits_of_another_thread

ARMS_JSON = ROOT / "scenarios" / "examples" / "arms-control.json"
EC1994 = ROOT / "scenarios" / "examples" / "ec1994-emissions.yaml"
DEU = ROOT / "tests" / "data" / "deu3" / "deu3-dev.tsv"
CV = ("--cross-validate", "--folds", "2", "--repeats", "1", "--bootstrap", "10", "--seed", "4")


def run_cli(exe, *args):
    out = cli(exe, *args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def same(a, b):
    """Equal numbers, NaN equal to NaN (a DataFrame's missing value) and to None (JSON's null)."""
    def missing(x):
        return x is None or (isinstance(x, float) and math.isnan(x))

    return (missing(a) and missing(b)) or a == b


def load(path):
    return parley.Scenario.load(str(path))


# --- sensitivity -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path,kwargs,args", [
    (ARMS, {"samples": 64, "top": 3, "seed": 3}, ["--samples", "64", "--top", "3", "--seed", "3"]),
    (ARMS_JSON, {"samples": 32, "method": "sobol", "model": "nbs", "loss_exponent": 3},
     ["--samples", "32", "--method", "sobol", "--model", "nbs", "--option", "loss_exponent=3"]),
    (FLAGSHIP, {"method": "tornado", "top": 2, "seed": 8}, ["--method", "tornado", "--top", "2", "--seed", "8"]),
])
def test_sensitivity_is_the_command_lines(parley_exe, path, kwargs, args):
    kwargs = dict(kwargs)
    result = load(path).sensitivity(kwargs.pop("model", "compromise"), **kwargs)
    base = ["sensitivity", path, "--no-progress", *args]
    assert result.json == json.loads(run_cli(parley_exe, *base, "-f", "json"))
    assert result.csv == run_cli(parley_exe, *base, "-f", "csv")
    assert str(result) == run_cli(parley_exe, *base)


def test_sensitivity_tables_hold_the_json_numbers():
    s = load(ARMS).sensitivity(samples=64, seed=2)
    j = s.json
    rows = [(o["kind"], o["name"], i) for o in j["outputs"] for i in o["inputs"]]
    frame = s.to_frame()
    assert list(frame.columns) == ["kind", "output", "input", "first", "first_error", "total", "total_error", "tornado_low", "tornado_high",
                                   "caution"]
    assert len(frame) == len(rows) == 6 * 4
    for (_, row), (kind, name, i) in zip(frame.iterrows(), rows):
        assert (row["kind"], row["output"], row["input"]) == (kind, name, i["input"])
        for k in ("first", "first_error", "total", "total_error", "tornado_low", "tornado_high"):
            assert same(row[k], i[k]), (name, i["input"], k)
    sobol = s.sobol()
    assert all(same(x, i["total"]) for x, (_, _, i) in zip(sobol["total"], rows))
    assert all(same(x, i["first"]) for x, (_, _, i) in zip(sobol["first"], rows))
    assert sobol["interactions"].tolist() == [i["total"] is not None and i["total"] > 2 * max(i["first"], 0) + 0.05 for _, _, i in rows]
    tornado = s.tornado()
    assert len(tornado) == len(rows)
    first = tornado[tornado["output"] == "warhead-cap"]
    assert first["swing"].tolist() == sorted(first["swing"], reverse=True)
    bar = first.iloc[0]
    expected = next(i for o in j["outputs"] if o["name"] == "warhead-cap" for i in o["inputs"] if i["input"] == bar["input"])
    assert (bar["low"], bar["high"]) == (expected["tornado_low"], expected["tornado_high"])
    assert bar["swing"] == abs(expected["tornado_high"] - expected["tornado_low"])
    outputs = s.outputs()
    assert outputs["output"].tolist() == [o["name"] for o in j["outputs"]]
    assert outputs["variance"].tolist() == [o["variance"] for o in j["outputs"]]
    assert sorted(s.inputs) == sorted(i["input"] for i in j["outputs"][0]["inputs"]) and len(s.inputs) == 4
    assert "Sensitivity compromise" in repr(s) and "N=64" in repr(s)


def test_sensitivity_without_sobol_or_tornado_gives_empty_tables():
    s = load(ARMS).sensitivity(method="tornado")
    assert s.samples is None and s.sobol().empty and not s.tornado().empty
    t = load(ARMS).sensitivity(method="sobol", samples=16)
    assert t.tornado().empty and not t.sobol().empty


def test_sensitivity_refuses_a_scenario_without_uncertain_inputs(parley_exe):
    with pytest.raises(parley.InputError) as e:
        load(EC1994).sensitivity()
    assert e.value.file == str(EC1994) and "no uncertain inputs" in str(e.value)
    assert str(e.value) in cli(parley_exe, "sensitivity", EC1994).stderr


def test_sensitivity_keeps_the_sobol_memory_limit():
    s = load(FLAGSHIP)
    with pytest.raises(parley.InputError) as e:
        s.sensitivity(samples=100_000)
    assert e.value.field == "samples" and "1 GiB" in str(e.value)


# --- feasibility -------------------------------------------------------------------------------------


def test_feasibility_is_the_command_lines(parley_exe):
    f = load(FLAGSHIP).feasibility(draws=300, seed=5, correlation=0.3)
    args = ["feasibility", FLAGSHIP, "--draws", "300", "--seed", "5", "--correlation", "0.3"]
    assert f.json == json.loads(run_cli(parley_exe, *args, "--format", "json"))
    assert str(f) == run_cli(parley_exe, *args)
    assert f.csv is None and f.draws == 300 and f.seed == 5


def test_feasibility_tables_hold_the_json_numbers():
    f = load(FLAGSHIP).feasibility(draws=200)
    frame = f.to_frame()
    assert list(frame.columns) == ["issue", "side", "win_set_low", "win_set_high", "zone_low", "zone_high", "zone_probability"]
    expected = [(i, side, ws) for i in f.json["issues"] for side, ws in i["win_sets"].items()]
    assert len(frame) == len(expected) == 8 * 3
    for (_, row), (issue, side, ws) in zip(frame.iterrows(), expected):
        assert (row["issue"], row["side"]) == (issue["id"], side)
        assert same(row["win_set_low"], ws and ws[0]) and same(row["win_set_high"], ws and ws[1])
        assert same(row["zone_low"], issue["zone"] and issue["zone"][0]) and same(row["zone_high"], issue["zone"] and issue["zone"][1])
        assert row["zone_probability"] == issue["zone_probability"]["probability"]
    zones = f.zones()
    assert zones["issue"].tolist() == [i["id"] for i in f.json["issues"]]
    assert zones["floor_actor"].tolist() == [(i["lower_binding"] or {}).get("actor") for i in f.json["issues"]]
    assert zones["ceiling_side"].tolist() == [(i["upper_binding"] or {}).get("side") for i in f.json["issues"]]
    assert zones["high"].tolist() == [i["zone_probability"]["high"] for i in f.json["issues"]]
    assert math.isnan(zones.loc[zones["issue"] == "ukraine-terms", "zone_low"].iloc[0])  # no zone at the point values
    assert f.every_issue == f.json["every_issue"]
    assert "7 of 8 issues" in repr(f)


@pytest.mark.parametrize("path", [ARMS, ARMS_JSON, EC1994])
def test_feasibility_needs_sides(parley_exe, path):
    with pytest.raises(parley.InputError) as e:
        load(path).feasibility(draws=10)
    assert e.value.field == "sides"
    assert str(e.value) in cli(parley_exe, "feasibility", path, "--draws", "10").stderr


# --- compare -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("a,b,kwargs,args", [
    (ARMS, ARMS_JSON, {"draws": 200}, ["--draws", "200"]),
    (FLAGSHIP, EC1994, {"model": "median", "draws": 50, "seed": 9, "correlation": 0.5},
     ["--model", "median", "--draws", "50", "--seed", "9", "--correlation", "0.5"]),
])
def test_compare_is_the_command_lines(parley_exe, a, b, kwargs, args):
    kwargs = dict(kwargs)
    c = load(a).compare(load(b), kwargs.pop("model", "compromise"), **kwargs)
    base = ["compare", a, b, "--no-progress", *args]
    assert c.json == json.loads(run_cli(parley_exe, *base, "-f", "json"))
    assert c.csv == run_cli(parley_exe, *base, "-f", "csv")
    assert str(c) == run_cli(parley_exe, *base)


def test_compare_tables_hold_the_json_numbers():
    c = load(FLAGSHIP).compare(load(EC1994), draws=50)
    j = c.json
    issues = c.issues()
    assert issues["issue"].tolist() == [i["id"] for i in j["issues"]]
    for k in ("point_a", "point_b", "mean_a", "mean_b"):
        assert all(same(x, i[k]) for x, i in zip(issues[k], j["issues"]))
    assert math.isnan(issues.iloc[-1]["point_a"])  # "years" is only in B
    classes = c.classes()
    assert classes["class"].tolist() == [k["name"] for k in j["classes"]]
    assert all(same(x, (k["a"] or {}).get("probability")) for x, k in zip(classes["probability_a"], j["classes"]))
    assert all(same(x, (k["b"] or {}).get("high")) for x, k in zip(classes["high_b"], j["classes"]))
    frame = c.to_frame()
    assert list(frame.columns) == ["kind", "name", "a", "b", "difference", "statistic"]
    points = frame[frame["statistic"] == "point"]
    assert points["name"].tolist() == issues["issue"].tolist()
    assert all(same(x, y) for x, y in zip(points["b"], issues["point_b"]))


def test_compare_a_what_if():
    s = load(ARMS)
    c = parley.compare(s, s.with_values({"eu.capability": 80}), draws=100)
    assert c.other.what_ifs == ["eu.capability=80"]
    assert c.issues()["point_b"].tolist() != c.issues()["point_a"].tolist()
    assert "A" not in (c.json["a"], c.json["b"])  # files named by the scenarios'


# --- backtest ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("model,args", [("compromise", []), ("median", ["--model", "median", "--reference-actor", "ep"])])
def test_backtest_is_the_command_lines(parley_exe, model, args):
    kwargs = {"reference_actor": "ep"} if "--reference-actor" in args else {}
    b = load(DEU).backtest(model, **kwargs)
    assert b.csv == run_cli(parley_exe, "backtest", DEU, *args, "--format", "csv")
    assert str(b) == run_cli(parley_exe, "backtest", DEU, *args)
    assert b.json is None and not b.cross_validated


def test_backtest_tables_hold_the_command_lines_numbers():
    b = load(DEU).backtest()
    frame = b.to_frame()
    assert list(frame.columns) == ["issue", "group", "observed", "predicted", "abs_error", "status_quo", "reference_position"]
    assert len(frame) == 230
    assert (frame["abs_error"] - (frame["predicted"] - frame["observed"]).abs()).abs().max() < 1e-12
    summary = b.summary()
    assert summary["predictor"].tolist() == ["compromise", "status quo", "European Commission position"]
    assert summary["issues"].tolist() == [230, 169, 226]
    assert round(summary["mae"][0], 4) == 24.1945 and round(summary["median_error"][0], 3) == 19.347  # tests/data/deu3/README.md
    assert summary["mae"][0] == pytest.approx(frame["abs_error"].mean(), abs=1e-12)
    assert "MAE 24.19 over 230 issues" in repr(b)
    with pytest.raises(parley.InputError) as e:
        b.skill()
    assert e.value.field == "cross_validate"


def test_a_scenario_without_outcomes_backtests_to_nothing(parley_exe):
    b = load(FLAGSHIP).backtest()
    assert b.to_frame().empty and b.summary()["issues"].tolist() == [0, 0]
    assert math.isnan(b.summary()["mae"][0])
    assert str(b) == run_cli(parley_exe, "backtest", FLAGSHIP)


def test_backtest_names_the_capabilities_the_scenario_was_read_with(parley_exe):
    b = parley.Scenario.load(DEU, capability="gdp").backtest()
    assert str(b) == run_cli(parley_exe, "backtest", DEU, "--capability", "gdp")
    assert "capability gdp" in str(b)
    cv = parley.Scenario.load(DEU, capability="gdp").backtest(
        cross_validate=True, models="median", folds=2, repeats=1, bootstrap=10, seed=4)
    assert cv.csv == run_cli(parley_exe, "backtest", DEU, *CV, "--capability", "gdp", "--model", "median", "--format", "csv")


def test_cross_validation_is_the_command_lines(parley_exe):
    b = load(DEU).backtest(cross_validate=True, models=["compromise", "median"], folds=2, repeats=1, bootstrap=10, seed=4)
    args = ["backtest", DEU, *CV, "--model", "compromise,median"]
    assert b.json == json.loads(run_cli(parley_exe, *args, "--format", "json"))
    assert b.csv == run_cli(parley_exe, *args, "--format", "csv")
    assert str(b) == run_cli(parley_exe, *args)
    frame = b.to_frame()
    assert frame["model"].tolist() == ["compromise", "median"]
    for (_, row), m in zip(frame.iterrows(), b.json["models"]):
        assert [row["mae"], row["mae_low"], row["mae_high"], row["rmse"], row["bias"], row["weight"]] == \
               [m["mae"], *m["mae_interval"], m["rmse"], m["bias"], m["weight"]]
        assert [row["coverage_50"], row["coverage_80"], row["coverage_90"]] == m["coverage"]
        assert [row["half_width_50"], row["half_width_80"], row["half_width_90"]] == m["half_width"]
    skill = b.skill()
    assert skill["model"].tolist() == ["compromise", "median"]
    assert list(skill.columns[:4]) == ["model", "issues", "repeats", "mae"] and skill.columns[-1] == "p99"
    assert skill["mae"].tolist() == [float(f"{m['mae']:.6g}") for m in b.json["models"]]
    assert "cross-validated: 2 models, 2 folds x 1 repeats" in repr(b)


def test_cross_validation_of_every_model_is_the_skill_out_file(parley_exe, tmp_path):
    b = parley.backtest(load(DEU), cross_validate=True, folds=2, repeats=1, bootstrap=10, seed=4)
    skill_out = tmp_path / "skill.csv"
    run_cli(parley_exe, "backtest", DEU, *CV, "--skill-out", skill_out)
    assert b.csv == skill_out.read_text()
    assert [m["model"] for m in b.json["models"]] == [m["name"] for m in parley.models()]


def test_cross_validation_with_model_options_names_them_in_the_skill_table(parley_exe):
    b = load(DEU).backtest(cross_validate=True, models="nbs", folds=2, repeats=1, bootstrap=10, seed=4, loss_exponent=2)
    assert b.csv == run_cli(parley_exe, "backtest", DEU, *CV, "--model", "nbs", "--option", "loss_exponent=2", "--format", "csv")
    assert "--option loss_exponent=2" in b.csv


@pytest.mark.parametrize("kwargs,field", [({"folds": 3}, "folds"), ({"models": ["bdm"]}, "models"), ({"seed": 2}, "seed"),
                                          ({"repeats": 2}, "repeats"), ({"bootstrap": 0}, "bootstrap")])
def test_cross_validation_arguments_need_cross_validate(kwargs, field):
    with pytest.raises(parley.InputError) as e:
        load(DEU).backtest(**kwargs)
    assert e.value.field == field and "without cross_validate" in str(e.value)


@pytest.mark.parametrize("kwargs,field", [({"folds": 1}, "folds"), ({"folds": 10_001}, "folds"), ({"repeats": 0}, "repeats"),
                                          ({"bootstrap": -1}, "bootstrap"), ({"seed": 2**64}, "seed"), ({"models": ["nope"]}, "models"),
                                          ({"models": []}, "models"), ({"folds": 200}, "folds")])
def test_bad_cross_validation_arguments(kwargs, field):
    with pytest.raises(parley.InputError) as e:
        load(DEU).backtest(cross_validate=True, **{"repeats": 1, "bootstrap": 0, "models": "compromise", **kwargs})
    assert e.value.field == field


# --- report ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path,kwargs,args", [
    (ARMS, {"models": ["compromise", "bdm"], "draws": 50}, ["--models", "compromise,bdm", "--draws", "50"]),
    (FLAGSHIP, {"models": "compromise,median,nbs", "lead": "median", "draws": 30, "seed": 3},
     ["--models", "compromise,median,nbs", "--lead", "median", "--draws", "30", "--seed", "3"]),
])
def test_report_is_the_command_lines(parley_exe, tmp_path, path, kwargs, args):
    mine, theirs = tmp_path / "py.html", tmp_path / "cli.html"
    summary = load(path).report(mine, **kwargs)
    printed = run_cli(parley_exe, "report", path, "--output", theirs, "--no-progress", *args)
    assert printed == summary + f"report written to {theirs}\n"
    assert mine.read_bytes() == theirs.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cli.html", "py.html"]  # no temporary file left


def test_a_report_that_cannot_be_written_leaves_no_file(tmp_path):
    missing = tmp_path / "missing" / "r.html"
    with pytest.raises(parley.OutputError) as e:
        load(ARMS).report(missing, models=["compromise"], draws=10)
    assert isinstance(e.value, OSError) and str(missing) in (e.value.path or "") + str(e.value)
    assert not missing.parent.exists() and list(tmp_path.iterdir()) == []


def test_a_failing_report_leaves_an_existing_file_as_it_was(tmp_path):
    path = tmp_path / "r.html"
    path.write_text("before")
    with pytest.raises(parley.InputError) as e:
        load(ARMS).report(path, models=["compromise"], lead="bdm", draws=10)  # the lead is not among the models
    assert e.value.field == "lead"
    assert path.read_text() == "before" and [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_a_report_does_not_replace_its_scenario(tmp_path):
    copy = tmp_path / "s.yaml"
    shutil.copy(ARMS, copy)
    with pytest.raises(parley.InputError) as e:
        load(copy).report(copy, draws=10)
    assert e.value.field == "path"
    assert copy.read_bytes() == ARMS.read_bytes()


# --- arguments ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("call,field", [
    (lambda s: s.sensitivity(samples=1), "samples"),
    (lambda s: s.sensitivity(samples=100_001), "samples"),
    (lambda s: s.sensitivity(samples=2.5), "samples"),
    (lambda s: s.sensitivity(top=-1), "top"),
    (lambda s: s.sensitivity(method="both-ways"), "method"),
    (lambda s: s.sensitivity(seed=-1), "seed"),
    (lambda s: s.sensitivity(threads=257), "threads"),
    (lambda s: s.sensitivity("nope"), "model"),
    (lambda s: s.sensitivity(bogus=1), "--option bogus"),
    (lambda s: s.feasibility(draws=0), "draws"),
    (lambda s: s.feasibility(draws=10**9 + 1), "draws"),
    (lambda s: s.feasibility(correlation=1.5), "correlation"),
    (lambda s: s.compare(s, draws=0), "draws"),
    (lambda s: s.compare(s, draws=1_000_001), "draws"),
    (lambda s: s.compare("scenarios/us-russia.yaml"), "b"),
    (lambda s: s.compare(s, "nope"), "model"),
    (lambda s: s.backtest("nope"), "model"),
    (lambda s: s.backtest(cross_validate="yes"), "cross_validate"),
    (lambda s: s.report(3), "path"),
    (lambda s: s.report("unused.html", draws=0), "draws"),
    (lambda s: s.report("unused.html", models=["compromise", "nope"]), "models"),
    (lambda s: s.report("unused.html", lead="nope"), "lead"),
])
def test_bad_arguments_are_input_errors_naming_them(call, field, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(parley.InputError) as e:
        call(load(FLAGSHIP))
    assert e.value.field == field
    assert list(tmp_path.iterdir()) == []


# --- threads -----------------------------------------------------------------------------------------


def test_results_do_not_depend_on_the_thread_count(tmp_path):
    s = load(ARMS)
    assert s.sensitivity(samples=64, threads=1).json == s.sensitivity(samples=64, threads=3).json
    f = load(FLAGSHIP)
    assert f.feasibility(draws=300, threads=1).json == f.feasibility(draws=300, threads=3).json
    what_if = s.with_values({"eu.capability": 60})
    assert s.compare(what_if, draws=300, threads=1).json == s.compare(what_if, draws=300, threads=3).json
    one = s.report(tmp_path / "1.html", models="compromise,bdm", draws=50, threads=1)
    three = s.report(tmp_path / "3.html", models="compromise,bdm", draws=50, threads=3)
    assert one == three and (tmp_path / "1.html").read_bytes() == (tmp_path / "3.html").read_bytes()


def test_module_functions_are_the_scenario_methods():
    s = load(ARMS)
    assert parley.sensitivity(s, samples=16).json == s.sensitivity(samples=16).json
    assert isinstance(s.sensitivity(method="tornado"), parley.Sensitivity)
    assert parley.analysis.LIMITS["max_samples"] == 100_000
    for name in ("Sensitivity", "Feasibility", "Comparison", "Backtest", "sensitivity", "feasibility", "compare", "backtest", "report"):
        assert name in parley.__all__ and getattr(parley, name).__doc__


# --- Ctrl-C ------------------------------------------------------------------------------------------

COMPARE_CHILD = textwrap.dedent("""
    import sys, time, parley
    s = parley.Scenario.load(sys.argv[1])
    print("ready", flush=True)
    try:
        s.compare(s.with_values({"eu.capability": 50}), "bdm", draws=200000, threads=2)
    except KeyboardInterrupt:
        print("interrupted", time.monotonic(), flush=True)
        sys.exit(130)
    print("finished", flush=True)
""")


def test_ctrl_c_in_a_comparison_raises_keyboard_interrupt_within_a_second():
    child = subprocess.Popen([sys.executable, "-c", COMPARE_CHILD, str(FLAGSHIP)], stdout=subprocess.PIPE, text=True, env=os.environ)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.5)
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == 130, out
    assert out.startswith("interrupted") and float(out.split()[1]) - sent < 1.0


# --- the GIL -----------------------------------------------------------------------------------------


def test_analyses_let_other_threads_run(tmp_path):
    flagship, deu = load(FLAGSHIP), load(DEU)
    calls = {"sensitivity": lambda: flagship.sensitivity(samples=4, threads=1),
             "feasibility": lambda: flagship.feasibility(draws=20000, threads=1),
             "compare": lambda: flagship.compare(flagship, "bdm", draws=30, threads=1),
             "backtest": lambda: deu.backtest("bdm"),
             "cross-validation": lambda: deu.backtest(cross_validate=True, models="bdm", folds=2, repeats=1, bootstrap=10),
             "report": lambda: load(ARMS).report(tmp_path / "r.html", models="bdm", draws=600, threads=1)}
    for name, (took, waited) in longest_waits_of_another_thread(calls).items():
        # A call that holds the GIL keeps the other thread waiting for all of it; a busy machine's
        # scheduler alone can delay a tick by a tenth of a second, so the bound grows with the call.
        assert waited < max(0.1, 0.5 * took), f"{name}: the other thread waited {waited:.3f} s of {took:.3f} s"

