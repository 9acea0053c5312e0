"""parley.models() and Scenario.run: the command line's forecasts, as objects and tidy tables."""

import json

import pytest

import parley
from conftest import ARMS, FLAGSHIP, cli


def test_models_lists_every_model_with_options_and_traits(parley_exe):
    models = parley.models()
    names = [m["name"] for m in models]
    assert {"compromise", "median", "nbs", "bdm", "smp", "focal"} <= set(names)
    bdm = next(m for m in models if m["name"] == "bdm")
    assert bdm["traits"]["rounds"] and bdm["traits"]["trace"]
    assert any(o["name"] == "rounds" for o in bdm["options"])
    assert all(o["default"] is not None and o["description"] for m in models for o in m["options"])
    listed = cli(parley_exe, "models").stdout
    assert all(n in listed for n in names)


@pytest.mark.parametrize("model", ["compromise", "median", "nbs", "bdm", "smp", "focal"])
def test_run_gives_the_command_lines_json_on_the_flagship(parley_exe, model):
    f = parley.Scenario.load(FLAGSHIP).run(model)
    out = cli(parley_exe, "run", FLAGSHIP, "-m", model, "-f", "json")
    assert out.returncode == 0, out.stderr
    assert f.json == json.loads(out.stdout)
    table = cli(parley_exe, "run", FLAGSHIP, "-m", model)
    assert str(f) == table.stdout


def test_options_rounds_seed_and_trace_are_passed_as_on_the_command_line(parley_exe, tmp_path):
    s = parley.Scenario.load(FLAGSHIP)
    f = s.run("bdm", rounds=8, trace=True, q=0.5)
    trace = tmp_path / "t.json"
    out = cli(parley_exe, "run", FLAGSHIP, "-m", "bdm", "--rounds", "8", "--trace", trace, "--option", "q=0.5", "-f", "json")
    assert out.returncode == 0, out.stderr
    assert f.json == json.loads(out.stdout)
    assert f.trace == json.loads(trace.read_text())
    assert f.options["q"] == "0.5" and f.options["rounds"] == "8"
    assert s.run("nbs", options={"loss_exponent": 3}).options["loss_exponent"] == "3"


def test_to_frame_is_tidy_by_issue_round_and_position():
    s = parley.Scenario.load(FLAGSHIP)
    f = s.run("bdm")
    by_issue = f.to_frame()
    assert list(by_issue["issue"]) == s.issues
    assert by_issue["outcome"].tolist() == [f.outcomes[i] for i in s.issues]
    assert (by_issue["low_90"] <= by_issue["outcome"]).all() and (by_issue["outcome"] <= by_issue["high_90"]).all()
    rounds = f.to_frame("round")
    assert set(rounds["issue"]) == set(s.issues) and rounds["round"].min() == 0
    positions = f.to_frame("position")
    assert len(positions) == len(rounds) * len(s.actors)
    stages = s.run("compromise").to_frame("stage")
    assert len(stages) >= len(s.issues)  # the flagship has events
    with pytest.raises(parley.InputError):
        f.to_frame("actor")


def test_bad_model_options_and_counts_raise_input_error():
    s = parley.Scenario.load(ARMS)
    with pytest.raises(parley.InputError) as e:
        s.run("nope")
    assert e.value.field == "model" and "compromise" in e.value.expected
    with pytest.raises(parley.InputError):
        s.run("nbs", loss_exponent="x")
    with pytest.raises(parley.InputError) as e:
        s.run("bdm", rounds=-1)
    assert e.value.field == "rounds"
    with pytest.raises(parley.InputError):
        s.run("bdm", rounds=1.5)
