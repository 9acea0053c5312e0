"""parley.Scenario: reading every format, the dict and YAML round trips, what-ifs, errors."""

import json
import math

import pytest

import parley
from conftest import ARMS, FLAGSHIP, ROOT

EVERY_SCENARIO = [FLAGSHIP, ARMS, ROOT / "scenarios/examples/arms-control.json", ROOT / "scenarios/examples/ec1994-emissions.yaml"]


def test_load_reads_the_flagship():
    s = parley.Scenario.load(FLAGSHIP)
    assert s.title.startswith("US–Russia relations")
    assert "us-president" in s.actors and "sanctions" in s.issues
    assert s.classes and s.file == str(FLAGSHIP)
    summary = s.summary()
    assert summary["actors"] == len(s.actors) and summary["issues"] == len(s.issues)


@pytest.mark.parametrize("path", EVERY_SCENARIO, ids=lambda p: p.name)
def test_dict_round_trip_is_lossless(path):
    s = parley.Scenario.load(path)
    d = s.to_dict()
    again = parley.Scenario.from_dict(d)
    assert again.to_dict() == d
    assert again.to_json() == s.to_json()
    # The dict survives JSON: what json.dump writes, from_dict reads.
    assert parley.Scenario.from_dict(json.loads(json.dumps(d))).to_json() == s.to_json()


@pytest.mark.parametrize("path", EVERY_SCENARIO, ids=lambda p: p.name)
def test_yaml_round_trip_is_lossless(path):
    s = parley.Scenario.load(path)
    again = parley.Scenario.from_text(s.to_yaml(), name="again.yaml")
    assert again.to_json() == s.to_json()


def test_round_trip_keeps_uncertainty_sources_events_classes_and_sides():
    d = parley.Scenario.load(FLAGSHIP).to_dict()
    text = json.dumps(d)
    assert "normal(" in text or "triangular(" in text or "[" in text
    for key in ("events", "outcomes", "sides"):
        assert d.get(key), key
    assert d["metadata"]["sources"]
    assert parley.Scenario.from_dict(d).run("compromise").outcomes == parley.Scenario.load(FLAGSHIP).run("compromise").outcomes


def test_forecasts_equal_after_the_round_trip_for_every_model():
    s = parley.Scenario.load(ARMS)
    again = parley.Scenario.from_dict(s.to_dict())
    for m in parley.models():
        assert again.run(m["name"]).json == s.run(m["name"]).json, m["name"]


def test_save_writes_yaml_or_json_that_load_reads(tmp_path):
    s = parley.Scenario.load(ARMS)
    for name in ("a.yaml", "a.json"):
        s.save(tmp_path / name)
        assert parley.Scenario.load(tmp_path / name).to_json() == s.to_json()
    assert (tmp_path / "a.json").read_text().lstrip().startswith("{")


def test_with_values_changes_a_copy_with_the_checks_of_set():
    s = parley.Scenario.load(ARMS)
    w = s.with_values({"eu.capability": 40, "us-president.warhead-cap.position": "normal(40, 5)"})
    assert w.what_ifs == ["eu.capability=40", "us-president.warhead-cap.position=normal(40, 5)"]
    assert s.what_ifs == []
    assert "what-if" in w.title
    assert w.to_dict()["actors"][3]["capability"] != s.to_dict()["actors"][3]["capability"]
    with pytest.raises(parley.InputError) as e:
        s.with_values({"eu.capability": -1})
    assert e.value.field == "eu.capability"
    with pytest.raises(parley.InputError) as e:
        s.with_values({"nobody.capability": 1})
    assert "nobody" in str(e.value)


def test_with_values_gives_what_set_gives(parley_exe, tmp_path):
    from conftest import cli

    s = parley.Scenario.load(ARMS).with_values({"eu.capability": 60})
    out = cli(parley_exe, "run", ARMS, "--set", "eu.capability=60", "-f", "json")
    assert out.returncode == 0, out.stderr
    assert s.run("compromise").json == json.loads(out.stdout)


def test_bad_file_raises_input_error_with_where_and_what(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((ARMS.read_text()).replace("capability: 90", "capability: -4"))
    with pytest.raises(parley.InputError) as e:
        parley.Scenario.load(bad)
    err = e.value
    assert isinstance(err, ValueError)
    assert err.file == str(bad) and err.line and err.column
    assert err.field == "actors[0].capability"
    assert "greater than 0" in err.expected
    assert str(err).startswith(f"{bad}:{err.line}:{err.column}: error: field 'actors[0].capability'")


def test_bad_dict_names_the_field_not_a_line():
    d = parley.Scenario.load(ARMS).to_dict()
    d["actors"][2]["capability"] = -4
    with pytest.raises(parley.InputError) as e:
        parley.Scenario.from_dict(d)
    assert e.value.field == "actors[2].capability" and e.value.line is None and e.value.file is None
    d["actors"][2]["capability"] = math.nan
    with pytest.raises(parley.InputError):
        parley.Scenario.from_dict(d)
    with pytest.raises(parley.InputError):
        parley.Scenario.from_dict({"actors": [object()]})
    with pytest.raises(parley.InputError):
        parley.Scenario.from_dict([1, 2])


def test_missing_file_and_bad_arguments_are_input_errors(tmp_path):
    with pytest.raises(parley.InputError):
        parley.Scenario.load(tmp_path / "none.yaml")
    with pytest.raises(parley.InputError) as e:
        parley.Scenario.load(ARMS, format="xls")
    assert e.value.field == "format"
    with pytest.raises(parley.InputError):
        parley.Scenario.load(12)


def test_load_reads_decide_input_files():
    path = ROOT / "tests/data/decide/sample_data.txt"
    s = parley.Scenario.load(path)
    assert len(s.actors) == 10 and "tol-hoogte" in s.issues
    assert parley.Scenario.load(path, format="decide").to_json() == s.to_json()
