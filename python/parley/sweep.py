"""parley.Sweep and parley.ResultsDb: Monte Carlo sweeps over a scenario's uncertain inputs, in
memory or stored in a results database the command line reads as well."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Optional

from . import _arguments, _native, _progress, _tables

if TYPE_CHECKING:
    import numpy
    import pandas

    from .scenario import Scenario


class Sweep:
    """The draws of a sweep and their summary, with the numbers ``parley sweep`` prints.

    ``draws`` is a read-only numpy view of the outcomes (one row per draw, one column per issue;
    NaN where the model gave none), with no copy of the engine's matrix; ``inputs`` the same for
    the sampled inputs and ``memberships`` for the named outcomes (0 or 1). ``summary()`` and
    ``classes()`` are DataFrames; ``to_frame(table)`` is ``parley export``'s tidy table.
    """

    def __init__(self, data: "_native.SweepData") -> None:
        self._data = data
        self._summary: Optional[dict] = None

    # --- the draws ----------------------------------------------------------------------------

    @property
    def draws(self) -> "numpy.ndarray":
        """Outcomes, draws x issues (float64, read-only view; NaN: no outcome)."""
        return self._data.outcomes

    @property
    def inputs(self) -> "numpy.ndarray":
        """The sampled uncertain inputs, draws x inputs (float64, read-only view); see input_names."""
        return self._data.inputs

    @property
    def memberships(self) -> "numpy.ndarray":
        """Whether each draw falls in each named outcome, draws x classes (uint8 0/1, read-only view)."""
        return self._data.classes

    @property
    def draw_numbers(self) -> "numpy.ndarray":
        """The draw number of each row (0 .. draws-1 for a complete sweep)."""
        return self._data.draw_numbers

    @property
    def issues(self) -> list:
        """The issues' ids: the columns of `draws`."""
        return list(self._data.record["issue_ids"])

    @property
    def input_names(self) -> list:
        """The uncertain inputs, named as ``--set`` names them (e.g. ``eu.sanctions.position``)."""
        return list(self._data.record["input_names"])

    @property
    def class_names(self) -> list:
        """The named outcomes: the columns of `memberships`."""
        return list(self._data.record["class_names"])

    # --- what it was --------------------------------------------------------------------------

    @property
    def record(self) -> dict:
        """The run's record: model, options, seed, draws asked for and stored, status, …"""
        return self._data.record

    @property
    def run(self) -> Optional[int]:
        """The run's id in the results database, or None when it was not stored."""
        rid = self._data.record["id"]
        return rid if rid else None

    @property
    def db(self) -> Optional[str]:
        """The results database it is stored in, or None."""
        return self._data.db

    @property
    def model(self) -> str:
        """The model swept."""
        return self._data.record["model"]

    @property
    def seed(self) -> int:
        """The seed of the draws: the same seed gives the same draws, bit for bit."""
        return self._data.record["seed"]

    @property
    def scenario(self) -> "Scenario":
        """The scenario the draws were made from (with its what-ifs)."""
        from .scenario import Scenario

        return Scenario(self._data.scenario, None)

    def __len__(self) -> int:
        return len(self._data.draw_numbers)

    # --- tables -------------------------------------------------------------------------------

    @property
    def json(self) -> dict:
        """The summary as ``parley sweep --format json`` writes it (schema parley.sweep/1)."""
        if self._summary is None:
            self._summary = json.loads(self._data.summary_json())
        return self._summary

    def summary(self, model_error: bool = False) -> "pandas.DataFrame":
        """Per issue: draws with an outcome, mean, sd and the 5/25/50/75/95 % quantiles. With
        model_error=True, the same with the model's own measured error added to every draw
        (docs/uncertainty.md); empty when the skill table does not know the model."""
        import pandas as pd

        source = self.json.get("with_model_error") if model_error else self.json
        rows = []
        for i in (source or {}).get("issues", []):
            q = i.get("quantiles") or {}
            rows.append({"issue": i["id"], "draws": i["draws"], "mean": i["mean"], "sd": i["sd"],
                         **{f"q{int(k):02d}": v for k, v in q.items()}})
        return pd.DataFrame(rows, columns=["issue", "draws", "mean", "sd", "q05", "q25", "q50", "q75", "q95"])

    def classes(self, model_error: bool = False) -> "pandas.DataFrame":
        """Per named outcome: its probability over the draws with its 95 % Wilson interval (low,
        high), and per group the share of draws in none of its classes (class None)."""
        import pandas as pd

        source = self.json.get("with_model_error") if model_error else self.json
        rows = [{"class": c["name"], "label": c.get("label"), "group": c.get("group"), "count": c["count"], "draws": c["draws"],
                 "probability": c["probability"], "low": c["low"], "high": c["high"]} for c in (source or {}).get("classes", [])]
        rows += [{"class": None, "label": "unclassified", "group": u.get("group"), "count": u["count"], "draws": u["draws"],
                  "probability": u["probability"], "low": u["low"], "high": u["high"]} for u in (source or {}).get("unclassified", [])]
        return pd.DataFrame(rows, columns=["class", "label", "group", "count", "draws", "probability", "low", "high"])

    def to_frame(self, table: str = "outcomes") -> "pandas.DataFrame":
        """``parley export --table TABLE --format csv`` as a DataFrame: "outcomes" (run, draw,
        issue, outcome), "inputs", "classes" or "summary"."""
        return _tables.read_csv(self.export(table, "csv"))

    def export(self, table: str = "outcomes", format: str = "csv") -> str:
        """The text ``parley export`` writes: table "outcomes", "inputs", "classes", "summary" or
        (JSON only) "all"; format "csv" or "json"."""
        return self._data.export(table, format)

    def plot(self, ax: Any = None) -> Any:
        """Each issue's distribution of outcomes (matplotlib)."""
        from . import display

        return display.plot_sweep(self, ax)

    def __repr__(self) -> str:
        where = f", run {self.run} of {self.db!r}" if self.run else ""
        return f"<parley.Sweep {self.model}: {len(self)} draws, seed {self.seed}{where}>"

    def _repr_html_(self) -> str:
        from . import display

        return display.sweep_html(self)


def run_sweep(scenario: "Scenario", model: str, draws: int, *, seed: int, threads: int, correlation: float, db: Any, progress: Any,
              options: dict) -> Sweep:
    """Scenario.sweep's work: checks the arguments, then sweeps in the engine (GIL released)."""
    draws = _arguments.count("draws", draws, 1, _arguments.MAX_MEMORY_DRAWS)
    seed = _arguments.count("seed", seed, 0, _arguments.MAX_SEED)
    threads = _arguments.count("threads", threads, 0, _arguments.MAX_THREADS)
    correlation = _arguments.fraction("correlation", correlation)
    db = None if db is None else _arguments.path("db", db)
    file = scenario.file or "<python>"
    with _progress.reporter(progress) as callback:
        return Sweep(_native.sweep(scenario._native, model, options, draws, seed, correlation, threads, db, file, callback))


class ResultsDb:
    """A results database written by ``parley sweep`` or ``Scenario.sweep(db=...)``::

        db = parley.ResultsDb("parley.db")
        db.runs()            # a DataFrame, one row per run
        sweep = db.load(3)   # a Sweep
        db.resume(4)         # completes an interrupted run
    """

    def __init__(self, path: "str | os.PathLike[str]") -> None:
        self.path = _arguments.path("path", path)

    def runs(self) -> "pandas.DataFrame":
        """One row per run: id, created, model, seed, draws asked for, stored, status, …"""
        import pandas as pd

        columns = ["id", "created", "parley_version", "scenario_file", "model", "seed", "draws", "stored", "status", "threads",
                   "elapsed_seconds", "actor_correlation", "options", "overrides"]
        return pd.DataFrame(_native.runs(self.path), columns=columns)

    def load(self, run: int) -> Sweep:
        """The stored run `run` as a Sweep (the numbers ``parley show`` and ``parley export`` print)."""
        return Sweep(_native.load_run(self.path, _arguments.count("run", run, 1, 2**63 - 1)))

    def resume(self, run: int, threads: int = 0, progress: Any = False) -> Sweep:
        """Completes an interrupted run (``parley sweep --resume``): only the missing draws are
        computed; the result is the same as if it had never stopped."""
        run = _arguments.count("run", run, 1, 2**63 - 1)
        threads = _arguments.count("threads", threads, 0, _arguments.MAX_THREADS)
        with _progress.reporter(progress) as callback:
            return Sweep(_native.resume(self.path, run, threads, callback))

    def __repr__(self) -> str:
        return f"<parley.ResultsDb {self.path!r}>"
