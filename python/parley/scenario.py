"""parley.Scenario: who negotiates over what, wanting what, how much they care, how strong they are."""

from __future__ import annotations

import json
import os
from typing import Any, Mapping, Optional

from . import _arguments, _native
from ._errors import InputError


class Scenario:
    """A negotiation: its issues, its actors, and each actor's stance on each issue.

    Load one from any file parley reads, or build one from a dict in parley's scenario format
    (docs/scenario-format.md), then run models on it::

        import parley
        s = parley.Scenario.load("scenarios/us-russia.yaml")
        s.run("compromise").to_frame()
        s.with_values({"eu.capability": 40}).sweep("compromise", draws=2000).summary()

    A Scenario is immutable: what-ifs (`with_values`) return a changed copy.
    """

    def __init__(self, native: "_native.Scenario", file: Optional[str] = None, capability: str = "equal") -> None:
        """Wraps an engine scenario; use `load`, `from_dict` or `from_text` instead."""
        self._native = native
        self._file = file
        self._capability = capability  # DEU III capabilities it was read with (backtest tables name them)

    # --- reading and writing ------------------------------------------------------------------

    @classmethod
    def load(cls, path: "str | os.PathLike[str]", format: str = "auto", capability: str = "equal") -> "Scenario":
        """Reads a scenario file in any format parley reads: parley YAML or JSON, KTAB's SMP CSV or
        XML, the DEU III table, Decide's input file. The format is recognised from the content, as on the command line;
        `format` forces one ("yaml", "json", "ktab-csv", "ktab-xml", "deu", "decide"). `capability` sets
        DEU III capabilities: "equal", "gdp" or "council" (docs/importers.md).

        Raises parley.InputError naming the file, line, column and field of the first problem.
        """
        p = _arguments.path("path", path)
        return cls(_native.Scenario.read_file(p, format, capability), p, capability)

    @classmethod
    def from_text(cls, text: str, format: str = "auto", name: str = "<text>", capability: str = "equal") -> "Scenario":
        """Reads a scenario from the text of a file (any format parley reads); `name` stands for
        the file name in messages."""
        if not isinstance(text, str):
            _arguments.fail("text", f"got {type(text).__name__}", "the text of a scenario file (str)")
        return cls(_native.Scenario.read_text(text, name, format, capability), name, capability)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Scenario":
        """Builds a scenario from a dict in parley's scenario format (docs/scenario-format.md), as
        `to_dict` returns it or `json.load` reads it. The same checks as for a file apply; errors
        name the field (``actors[2].capability``)."""
        if not isinstance(data, Mapping):
            _arguments.fail("data", f"got {type(data).__name__}", "a dict in parley's scenario format")
        return cls(_native.Scenario.from_dict(data if isinstance(data, dict) else dict(data)), None)

    def to_dict(self) -> dict:
        """The scenario in parley's format, as a dict of plain values: `from_dict` of it gives the
        same scenario, uncertain values, sources, events, outcome classes and sides included."""
        return json.loads(self._native.to_json(-1))

    def to_json(self, path: "str | os.PathLike[str] | None" = None, indent: int = 2) -> str:
        """The scenario as parley JSON; written whole to `path` when given (never a partial file)."""
        text = self._native.to_json(indent)
        if path is not None:
            _native.write_file(_arguments.path("path", path), text)
        return text

    def to_yaml(self, path: "str | os.PathLike[str] | None" = None) -> str:
        """The scenario as parley YAML; written whole to `path` when given (never a partial file)."""
        text = self._native.to_yaml()
        if path is not None:
            _native.write_file(_arguments.path("path", path), text)
        return text

    def save(self, path: "str | os.PathLike[str]") -> None:
        """Writes the scenario to `path`: JSON for a name ending in .json, YAML otherwise."""
        p = _arguments.path("path", path)
        if p.lower().endswith(".json"):
            self.to_json(p)
        else:
            self.to_yaml(p)

    # --- what-if ------------------------------------------------------------------------------

    def with_values(self, values: Mapping[str, Any]) -> "Scenario":
        """A copy with some inputs changed, named as the command line's ``--set`` names them:
        ``"ACTOR.ISSUE.position"``, ``"ACTOR.ISSUE.salience"``, ``"ACTOR.capability"``,
        ``"ACTOR.risk"``, ``"ISSUE.status_quo"``. A value is a number or any form a scenario file
        accepts (``[30, 50]``, ``"normal(40, 5)"``). The copy's title says it is a what-if, and each
        new value cites the source "what-if"; the checks are those of ``--set``.
        """
        if not isinstance(values, Mapping):
            _arguments.fail("values", f"got {type(values).__name__}", 'a dict such as {"eu.capability": 40}')
        assignments = []
        for target, value in values.items():
            if isinstance(value, (list, tuple)):
                value = "[" + ", ".join(_arguments.option_text(v) for v in value) + "]"
            assignments.append(f"{target}={_arguments.option_text(value)}")
        try:
            return Scenario(self._native.with_overrides(assignments), self._file, self._capability)
        except InputError as e:
            if e.field and e.field.startswith("--set "):
                e.field = e.field[len("--set "):].split("=", 1)[0]
            raise

    # --- what it holds ------------------------------------------------------------------------

    @property
    def file(self) -> Optional[str]:
        """The file it was read from (None for a dict)."""
        return self._file

    @property
    def title(self) -> str:
        """The scenario's title (metadata.title); a what-if's title says so."""
        return self._native.title

    @property
    def actors(self) -> list:
        """The actors' ids, in order."""
        return self._native.actor_ids

    @property
    def issues(self) -> list:
        """The issues' ids, in order."""
        return self._native.issue_ids

    @property
    def classes(self) -> list:
        """The names of the named outcomes (outcome classes)."""
        return self._native.class_names

    @property
    def linkages(self) -> dict:
        """The declared linkages (docs/scenario-format.md, "Linkages"): id -> its issue ids, in
        order; `feasibility()` assesses each as a package deal."""
        return {l["id"]: list(l["issues"]) for l in json.loads(self._native.to_json(-1)).get("linkages", [])}

    @property
    def what_ifs(self) -> list:
        """The what-if assignments applied so far, in order."""
        return self._native.overrides()

    def summary(self) -> dict:
        """What `parley validate` counts: actors, issues, complete cells, cells sitting out or
        missing a salience, uncertain and cited parameters, and the cells no model will use."""
        return self._native.summary()

    # --- models and analyses ------------------------------------------------------------------

    def run(self, model: str = "compromise", *, rounds: Optional[int] = None, seed: Any = None, trace: bool = False,
            options: Optional[Mapping[str, Any]] = None, **model_options: Any) -> "Forecast":
        """Runs one model (see `parley.models()`) and returns its Forecast, as ``parley run``.

        Model options are keywords (``scenario.run("nbs", loss_exponent=3)``) or the dict
        `options`. `rounds` runs exactly that many rounds and `seed` seeds the random draws
        (models with those traits); `trace=True` keeps the round-by-round trace.
        """
        from .forecast import run_model

        return run_model(self, model, rounds=rounds, seed=seed, trace=trace, options=_arguments.model_options(options, model_options))

    def sweep(self, model: str = "compromise", draws: int = 1000, *, seed: int = 1, threads: int = 0, correlation: float = 0.0,
              db: "str | os.PathLike[str] | None" = None, progress: Any = False, options: Optional[Mapping[str, Any]] = None,
              **model_options: Any) -> "Sweep":
        """Monte Carlo over the uncertain inputs, as ``parley sweep``: `draws` draws of every
        uncertain number, the model run on each. The same seed gives the same draws, bit for bit,
        whatever the thread count. With `db` the draws are stored in that results database as the
        command line stores them (resumable after Ctrl-C: ``parley.ResultsDb(db).resume(run)``).
        `progress`: True for a tqdm bar, or a function (done, total).
        """
        from .sweep import run_sweep

        return run_sweep(self, model, draws, seed=seed, threads=threads, correlation=correlation, db=db, progress=progress,
                         options=_arguments.model_options(options, model_options))

    def sensitivity(self, model: str = "compromise", **kwargs: Any) -> "Sensitivity":
        """Which uncertain inputs drive each outcome: Sobol indices and a tornado, as
        ``parley sensitivity`` (see parley.analysis.sensitivity for the arguments)."""
        from . import analysis

        return analysis.sensitivity(self, model, **kwargs)

    def feasibility(self, **kwargs: Any) -> "Feasibility":
        """Two-level games: win-sets, zones of agreement and binding ratifiers, as
        ``parley feasibility`` (see parley.analysis.feasibility)."""
        from . import analysis

        return analysis.feasibility(self, **kwargs)

    def compare(self, other: "Scenario", model: str = "compromise", **kwargs: Any) -> "Comparison":
        """This scenario and `other` side by side, as ``parley compare`` (parley.analysis.compare)."""
        from . import analysis

        return analysis.compare(self, other, model, **kwargs)

    def backtest(self, model: str = "compromise", **kwargs: Any) -> "Backtest":
        """Scores a model against the observed outcomes, or every model out of fold with
        ``cross_validate=True``, as ``parley backtest`` (parley.analysis.backtest)."""
        from . import analysis

        return analysis.backtest(self, model, **kwargs)

    def report(self, path: "str | os.PathLike[str]", **kwargs: Any) -> str:
        """Writes the analyst's HTML report to `path`, as ``parley report``, and returns its
        summary text (parley.analysis.report)."""
        from . import analysis

        return analysis.report(self, path, **kwargs)

    # --- display ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        where = f" from {self._file!r}" if self._file else ""
        return f"<parley.Scenario {self.title!r}{where}: {len(self.actors)} actors, {len(self.issues)} issues>"

    def _repr_html_(self) -> str:
        from . import display

        return display.scenario_html(self)
