"""Package deals from Python (docs/feasibility.md, "Package deals"): a scenario's declared linkages
(Scenario.linkages) assessed by default, `packages=` as --package, `[]` as --package none; the
command line's JSON and table for the same arguments; to_frame("package") holding the JSON's
numbers; bad packages named."""

import json
import subprocess

import pytest

import parley

# No zone on a nor on b, but a package deal (tests/analysis/package_deal_test.cpp, case (a)).
LINKED = {
    "metadata": {"title": "Package"},
    "issues": [{"id": "a", "status_quo": 50}, {"id": "b", "status_quo": [40, 60]}],
    "actors": [{"id": "x", "capability": 1}, {"id": "y", "capability": 1}],
    "positions": {"x": {"a": {"position": 0, "salience": 0.8}, "b": {"position": 0, "salience": 0.2}},
                  "y": {"a": {"position": 100, "salience": 0.2}, "b": {"position": 100, "salience": 0.8}}},
    "sides": {"X": {"negotiator": "x", "ratifiers": {"x": {"threshold": 0.1}}},
              "Y": {"negotiator": "y", "ratifiers": {"y": {"threshold": 0.1}}}},
    "linkages": [{"id": "b-for-a", "label": "B for A", "issues": ["b", "a"]}],
}


def test_declared_linkages_and_given_packages_are_the_command_lines(parley_exe, tmp_path):
    s = parley.Scenario.from_dict(LINKED)
    assert s.linkages == {"b-for-a": ["b", "a"]}
    path = tmp_path / "linked.json"
    s.to_json(path)
    for packages, flags in [(None, []), ([["a", "b"]], ["--package", "a,b"]), ([], ["--package", "none"])]:
        f = s.feasibility(draws=60, seed=4, packages=packages)
        args = [parley_exe, "feasibility", str(path), "--draws", "60", "--seed", "4", *flags]
        out = subprocess.run(args + ["-f", "json"], capture_output=True, text=True, check=True).stdout
        assert f.json == json.loads(out)
        assert str(f) == subprocess.run(args, capture_output=True, text=True, check=True).stdout
    declared = s.feasibility(draws=60)
    assert [p.get("linkage") for p in declared.packages] == ["b-for-a"]
    assert s.feasibility(draws=60, packages=[["a", "b"]]).packages[0].get("linkage") is None
    assert s.feasibility(draws=60, packages=[]).packages == []


def test_package_frame_holds_the_json_numbers():
    f = parley.Scenario.from_dict(LINKED).feasibility(draws=60)
    frame = f.to_frame("package")
    assert list(frame.columns) == ["package", "linkage", "issue", "side", "win_set_low", "win_set_high", "deal", "zone_low",
                                   "zone_high", "best", "deal_probability", "deal_low", "deal_high"]
    p = f.packages[0]
    assert len(frame) == 2 * 2
    for _, row in frame.iterrows():
        assert row["package"] == "b+a" and row["linkage"] == "b-for-a" and row["deal"] == p["deal"] is True
        ws = p["win_sets"][row["side"]][row["issue"]]
        assert (row["win_set_low"], row["win_set_high"]) == tuple(ws)
        assert (row["zone_low"], row["zone_high"]) == tuple(p["zone"][row["issue"]])
        assert row["best"] == p["best"][row["side"]]["outcome"][row["issue"]]
        assert row["deal_probability"] == p["deal_probability"]["probability"]
    assert frame[(frame.side == "X") & (frame.issue == "b")]["best"].iloc[0] == pytest.approx(75)
    assert f.to_frame().columns[0] == "issue"
    with pytest.raises(parley.InputError) as e:
        f.to_frame("packages")
    assert e.value.field == "by"


@pytest.mark.parametrize("packages, field", [("a,b", "packages"), (["a", "b"], "packages[0]"), ([["a", 1]], "packages[0]"),
                                             ([["a", "b"], ["a", "zz"]], "packages[1]"), ([["a"]], "packages[0]")])
def test_bad_packages_are_named(packages, field):
    with pytest.raises(parley.InputError) as e:
        parley.Scenario.from_dict(LINKED).feasibility(draws=5, packages=packages)
    assert e.value.field == field
