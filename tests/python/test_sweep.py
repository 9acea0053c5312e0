"""Scenario.sweep, Sweep and ResultsDb: the command line's draws bit for bit, no copies, any thread count."""

import json
import sqlite3

import numpy as np
import pytest

import parley
from conftest import ARMS, FLAGSHIP, cli, longest_waits_of_another_thread


def test_sweep_summary_is_the_command_lines(parley_exe, tmp_path):
    s = parley.Scenario.load(FLAGSHIP)
    w = s.sweep("compromise", draws=300, seed=7, db=tmp_path / "py.db")
    out = cli(parley_exe, "sweep", FLAGSHIP, "-n", "300", "--seed", "7", "--db", tmp_path / "cli.db", "-f", "json")
    assert out.returncode == 0, out.stderr
    expected = json.loads(out.stdout)
    got = dict(w.json)
    assert got.pop("run") == {"id": 1, "db": str(tmp_path / "py.db")}
    expected.pop("run")
    assert got == expected
    summary = w.summary()
    assert summary["mean"].tolist() == [i["mean"] for i in expected["issues"]]
    assert summary["q95"].tolist() == [i["quantiles"]["95"] for i in expected["issues"]]
    classes = w.classes()
    assert classes.dropna(subset=["class"])["probability"].tolist() == [c["probability"] for c in expected["classes"]]


def test_draws_are_bit_for_bit_the_exported_ones(parley_exe, tmp_path):
    db = tmp_path / "cli.db"
    assert cli(parley_exe, "sweep", ARMS, "-n", "200", "--seed", "3", "--db", db).returncode == 0
    exported = cli(parley_exe, "export", "1", "--db", db, "-f", "csv").stdout
    w = parley.Scenario.load(ARMS).sweep("compromise", draws=200, seed=3)
    assert w.export("outcomes", "csv").replace("\n0,", "\n1,") == exported  # run 0: not stored
    frame = w.to_frame()
    assert np.array_equal(frame["outcome"].to_numpy().reshape(200, -1), w.draws, equal_nan=True)
    loaded = parley.ResultsDb(db).load(1)
    assert np.array_equal(loaded.draws, w.draws, equal_nan=True)
    assert np.array_equal(loaded.inputs, w.inputs)
    assert loaded.export("all", "json") == cli(parley_exe, "export", "1", "--db", db, "-f", "json", "--table", "all").stdout


def test_a_sweep_stored_from_python_is_shown_and_exported_by_the_command_line(parley_exe, tmp_path):
    db = tmp_path / "py.db"
    w = parley.Scenario.load(ARMS).with_values({"eu.capability": 50}).sweep("nbs", draws=100, seed=5, db=db)
    shown = cli(parley_exe, "show", "1", "--db", db, "-f", "json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == w.json
    assert cli(parley_exe, "export", "1", "--db", db, "-f", "csv").stdout == w.export()
    runs = parley.ResultsDb(db).runs()
    assert runs["status"].tolist() == ["complete"] and runs["stored"].tolist() == [100]


def test_draws_is_a_view_not_a_copy():
    w = parley.Scenario.load(ARMS).sweep("compromise", draws=500, seed=1)
    a, b = w.draws, w.draws
    assert a.shape == (500, 3) and a.dtype == np.float64
    assert not a.flags.owndata and not a.flags.writeable
    assert np.shares_memory(a, b)  # both views of the engine's one matrix
    assert a.__array_interface__["data"][0] == b.__array_interface__["data"][0]
    assert a.base is not None
    with pytest.raises(ValueError):
        a[0, 0] = 1.0
    assert w.inputs.shape[0] == 500 and not w.inputs.flags.owndata
    assert w.memberships.dtype == np.uint8
    del w
    assert np.isfinite(a[:, 0]).all()  # the view keeps the engine's matrix alive


def test_threads_do_not_change_a_bit():
    s = parley.Scenario.load(FLAGSHIP)
    one = s.sweep("compromise", draws=400, seed=11, threads=1)
    three = s.sweep("compromise", draws=400, seed=11, threads=3)
    assert one.draws.tobytes() == three.draws.tobytes()
    assert one.inputs.tobytes() == three.inputs.tobytes()
    assert one.json == three.json


def test_progress_callback_sees_the_draws():
    seen = []
    parley.Scenario.load(ARMS).sweep("compromise", draws=20000, seed=1, progress=lambda done, total: seen.append((done, total)))
    assert all(total == 20000 and 0 <= done <= total for done, total in seen)


def test_progress_true_shows_a_tqdm_bar(capsys):
    parley.Scenario.load(ARMS).sweep("compromise", draws=2000, seed=1, progress=True)


def test_an_error_in_the_callback_stops_the_sweep_and_is_raised(tmp_path):
    def fail(done, total):
        raise RuntimeError("stop here")

    db = tmp_path / "x.db"
    with pytest.raises(RuntimeError, match="stop here"):
        parley.Scenario.load(FLAGSHIP).sweep("bdm", draws=5000, seed=1, db=db, progress=fail)
    status = sqlite3.connect(db).execute("SELECT status FROM runs").fetchall()
    assert status == [("interrupted",)]
    w = parley.ResultsDb(db).resume(1)
    assert len(w) == 5000 and w.record["status"] == "complete"


def test_the_command_line_resumes_a_run_python_left_interrupted(parley_exe, tmp_path):
    calls = []

    def stop_soon(done, total):  # at the first report, perhaps before any draw is stored
        calls.append(done)
        raise KeyboardInterrupt

    db = tmp_path / "x.db"
    s = parley.Scenario.load(FLAGSHIP).with_values({"eu.capability": "[20, 40]"})
    with pytest.raises(KeyboardInterrupt, match="parley sweep --resume 1"):
        s.sweep("compromise", draws=6000, seed=4, db=db, progress=stop_soon)
    assert parley.ResultsDb(db).runs()["status"].tolist() == ["interrupted"]
    out = cli(parley_exe, "sweep", "--resume", "1", "--db", db, "-f", "json")
    assert out.returncode == 0, out.stderr
    whole = s.sweep("compromise", draws=6000, seed=4)
    assert cli(parley_exe, "export", "1", "--db", db, "-f", "csv").stdout == whole.export().replace("\n0,", "\n1,")


@pytest.mark.parametrize("kwargs,field", [({"draws": 0}, "draws"), ({"draws": 10**7}, "draws"), ({"seed": -1}, "seed"),
                                          ({"seed": 2**64}, "seed"), ({"threads": 257}, "threads"), ({"correlation": 2}, "correlation"),
                                          ({"draws": 1.5}, "draws")])
def test_bad_counts_are_input_errors_naming_the_argument(kwargs, field, tmp_path):
    db = tmp_path / "none.db"
    with pytest.raises(parley.InputError) as e:
        parley.Scenario.load(ARMS).sweep("compromise", db=db, **kwargs)
    assert e.value.field == field
    assert not db.exists()


def test_results_db_errors(tmp_path):
    with pytest.raises(parley.InputError) as e:
        parley.ResultsDb(tmp_path / "none.db").runs()
    assert e.value.field == "db"
    db = tmp_path / "a.db"
    parley.Scenario.load(ARMS).sweep("compromise", draws=10, db=db)
    with pytest.raises(parley.InputError):
        parley.ResultsDb(db).load(2)


def test_a_sensitivity_analysis_run_is_not_loaded_or_resumed_as_a_sweep(parley_exe, tmp_path):
    db = tmp_path / "s.db"
    assert cli(parley_exe, "sensitivity", ARMS, "--samples", "8", "--db", db).returncode == 0
    for call in (lambda: parley.ResultsDb(db).load(1), lambda: parley.ResultsDb(db).resume(1)):
        with pytest.raises(parley.InputError) as e:
            call()
        assert "holds the model runs of a sensitivity analysis" in str(e.value)
        assert e.value.field == "RUN"


def test_long_calls_release_the_gil():
    s = parley.Scenario.load(FLAGSHIP)
    waits = longest_waits_of_another_thread({"sweep": lambda: s.sweep("bdm", draws=300, seed=1, threads=1), "run": lambda: s.run("smp")})
    assert sum(took for took, _ in waits.values()) > 0.2  # long enough to tell
    for name, (took, waited) in waits.items():
        # A call that holds the GIL keeps the other thread waiting for all of it; a busy machine's
        # scheduler alone can delay a tick by a tenth of a second, so the bound grows with the call.
        assert waited < max(0.1, 0.5 * took), f"{name}: the other thread waited {waited:.3f} s of {took:.3f} s"
