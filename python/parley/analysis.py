"""parley's analyses from Python: sensitivity, feasibility, compare, backtest and the HTML report.

Each function computes what its command computes (``parley sensitivity``, ``feasibility``,
``compare``, ``backtest``, ``report``), in the engine with the GIL released, and keeps what the
command's writer writes: ``.json`` (the parsed JSON document) and/or ``.csv`` (the CSV text), and
``str(result)``, the table the command prints. The numbers are the command line's, bit for bit, for
the same arguments; ``to_frame()`` and the other tables are pandas DataFrames made from them::

    import parley
    s = parley.Scenario.load("scenarios/examples/arms-control.yaml")
    sens = s.sensitivity("compromise", samples=256, seed=3)
    sens.sobol()        # per output and input: first-order and total indices
    print(sens)         # the table `parley sensitivity` prints

Bad arguments raise parley.InputError naming the argument (its ``field``), with the command line's
wording; limits are the command line's (docs/cli.md, "Limits").
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence

from . import _arguments, _native, _tables
from ._errors import InputError

if TYPE_CHECKING:
    import pandas

    from .scenario import Scenario

__all__ = ["Sensitivity", "Feasibility", "Comparison", "Backtest", "sensitivity", "feasibility", "compare", "backtest", "report"]

#: The limits of parley/limits.hpp (the command line's count options).
LIMITS: dict = _arguments.LIMITS


class _Result:
    """What every analysis result keeps: the writer's JSON and/or CSV and the command's table."""

    def __init__(self, scenario: "Scenario", texts: Mapping[str, Any]) -> None:
        #: The scenario analysed (for a comparison: scenario A).
        self.scenario = scenario
        #: The writer's JSON document, parsed (None where the writer has no JSON).
        self.json: Optional[dict] = json.loads(texts["json"]) if texts.get("json") else None
        #: The writer's CSV text (None where the writer has no CSV).
        self.csv: Optional[str] = texts.get("csv")
        self._table: str = texts["table"]

    def __str__(self) -> str:
        """The table the command line prints."""
        return self._table


class Sensitivity(_Result):
    """Which uncertain inputs drive each output (each issue's outcome, then each named outcome's
    membership), as ``parley sensitivity``: Sobol indices (first-order S1 and total ST, each with
    the half-width of its 95 % bootstrap interval) and a tornado (the output with one input at its
    5 % and at its 95 % quantile, all others at their point values).

    ``json``: schema parley.sensitivity/1 (docs/json-output.md); ``csv``: the command's CSV;
    ``str(s)``: its table. Tables: ``to_frame()`` (one row per output and input, the CSV),
    ``sobol()``, ``tornado()``, ``outputs()``.
    """

    @property
    def model(self) -> str:
        """The model the indices are of."""
        return self.json["model"]

    @property
    def seed(self) -> int:
        """The seed of the samples (the same seed gives the same indices)."""
        return self.json["seed"]

    @property
    def samples(self) -> Optional[int]:
        """Sobol base samples N (None without Sobol indices)."""
        return self.json["samples"]

    @property
    def inputs(self) -> list:
        """The uncertain inputs, named as ``with_values`` names them."""
        outputs = self.json["outputs"]
        return [i["input"] for i in outputs[0]["inputs"]] if outputs else []

    def to_frame(self) -> "pandas.DataFrame":
        """One row per output and input, as the command's CSV: kind ("issue" or "class"), output,
        input, first, first_error, total, total_error, tornado_low, tornado_high, caution. Inputs
        come in the table's order (by total index, or by swing without Sobol); NaN: not computed or
        no value."""
        return _tables.read_csv(self.csv)

    def outputs(self) -> "pandas.DataFrame":
        """One row per output: kind, output, variance (of the Sobol sample), at_point_values,
        dynamics (how a model with rounds ended at the point values; None otherwise),
        indices_trusted and caution (why indices are withheld or to be read with care)."""
        import pandas as pd

        rows = [{"kind": o["kind"], "output": o["name"], "variance": o["variance"], "at_point_values": o["at_point_values"],
                 "dynamics": (o.get("dynamics") or {}).get("status"), "indices_trusted": o.get("indices_trusted", True),
                 "caution": o.get("caution")} for o in self.json["outputs"]]
        return pd.DataFrame(rows, columns=["kind", "output", "variance", "at_point_values", "dynamics", "indices_trusted", "caution"])

    def sobol(self) -> "pandas.DataFrame":
        """Sobol indices, one row per output and input (ranked by total index within an output):
        kind, output, input, first, first_error, total, total_error, interactions (True where the
        total index exceeds twice the first-order one by more than 0.05: interactions dominate).
        Empty with method="tornado"."""
        import pandas as pd

        columns = ["kind", "output", "input", "first", "first_error", "total", "total_error", "interactions"]
        if self.samples is None:
            return pd.DataFrame([], columns=columns)
        rows = []
        for o in self.json["outputs"]:
            for i in o["inputs"]:
                first, total = i["first"], i["total"]
                interactions = first is not None and total is not None and total > 2 * max(first, 0.0) + 0.05
                rows.append({"kind": o["kind"], "output": o["name"], "input": i["input"], "first": _num(first),
                             "first_error": _num(i["first_error"]), "total": _num(total), "total_error": _num(i["total_error"]),
                             "interactions": interactions})
        return pd.DataFrame(rows, columns=columns)

    def tornado(self) -> "pandas.DataFrame":
        """The tornado, one row per output and input, widest swing first within an output: kind,
        output, input, at_point_values (the output with every input at its point value), low and
        high (the output with this input at its 5 % and at its 95 % quantile), swing (|high - low|).
        Empty with method="sobol"."""
        import pandas as pd

        columns = ["kind", "output", "input", "at_point_values", "low", "high", "swing"]
        rows = []
        for o in self.json["outputs"]:
            if o["at_point_values"] is None and all(i["tornado_low"] is None for i in o["inputs"]):
                continue
            bars = [{"kind": o["kind"], "output": o["name"], "input": i["input"], "at_point_values": _num(o["at_point_values"]),
                     "low": _num(i["tornado_low"]), "high": _num(i["tornado_high"]),
                     "swing": abs(_num(i["tornado_high"]) - _num(i["tornado_low"]))} for i in o["inputs"]]
            rows += sorted(bars, key=lambda b: -b["swing"] if b["swing"] == b["swing"] else float("inf"))
        return pd.DataFrame(rows, columns=columns)

    def plot(self, ax: Any = None) -> Any:
        """A tornado of the first issue (matplotlib); see parley.display.plot_sensitivity."""
        from . import display

        return display.plot_sensitivity(self, ax)

    def __repr__(self) -> str:
        parts = [f"N={self.samples} Sobol" if self.samples is not None else None,
                 "tornado" if any(o["at_point_values"] is not None for o in self.json["outputs"]) else None]
        return (f"<parley.Sensitivity {self.model}: {len(self.json['outputs'])} outputs, {len(self.inputs)} inputs, "
                f"{' + '.join(p for p in parts if p)}, seed {self.seed}>")

    def _repr_html_(self) -> str:
        from . import display

        return display.sensitivity_html(self)


class Feasibility(_Result):
    """Two-level games, as ``parley feasibility``: per issue each side's win-set (the outcomes every
    one of its ratifiers accepts), the zone of agreement where they overlap, the ratifiers that set
    its ends, and over the draws the probability that a zone exists (with its 95 % interval).

    ``json``: schema parley.feasibility/1; ``str(f)``: the command's table (the writer has no CSV).
    Tables: ``to_frame()`` (per issue and side), ``zones()`` (per issue), ``to_frame("package")``
    (the package deals, per package, issue and side); ``packages``: the package deals as the JSON
    gives them.
    """

    @property
    def packages(self) -> list:
        """The package deals assessed (the scenario's declared linkages, or those asked for), each a
        dict as in the JSON's "packages": issues, linkage (where it is a declared one), win_sets,
        deal, zone, best, deal_probability. Empty when none was assessed."""
        return list(self.json.get("packages", []))

    @property
    def draws(self) -> int:
        """Draws behind the probability that a zone of agreement exists."""
        return self.json["draws"]

    @property
    def seed(self) -> int:
        """The seed of the draws."""
        return self.json["seed"]

    @property
    def every_issue(self) -> dict:
        """A zone on every issue at once: at_point_values (bool), probability, low, high."""
        return dict(self.json["every_issue"])

    def to_frame(self, by: str = "issue") -> "pandas.DataFrame":
        """by "issue": one row per issue and side: issue, side, win_set_low, win_set_high (NaN: the
        side accepts no outcome), zone_low, zone_high (the issue's zone of agreement at the point
        values; NaN: none), zone_probability (the share of draws with a zone).

        by "package": one row per package, package issue and side: package (its issue ids joined by
        "+"), linkage (the declared linkage's id, or None), issue, side, win_set_low, win_set_high
        (the side's package win-set on the issue), deal (at the point values), zone_low, zone_high,
        best (the side's best package's value on the issue; NaN: no deal, or no position),
        deal_probability, deal_low, deal_high (over the draws, 95 % Wilson interval)."""
        import pandas as pd

        if by == "package":
            return self._package_frame(pd)
        if by != "issue":
            _arguments.fail("by", f"got {by!r}", 'one of "issue", "package"')
        rows = []
        for i in self.json["issues"]:
            zone = i["zone"] or [None, None]
            for side, win_set in i["win_sets"].items():
                win_set = win_set or [None, None]
                rows.append({"issue": i["id"], "side": side, "win_set_low": _num(win_set[0]), "win_set_high": _num(win_set[1]),
                             "zone_low": _num(zone[0]), "zone_high": _num(zone[1]),
                             "zone_probability": i["zone_probability"]["probability"]})
        return pd.DataFrame(rows, columns=["issue", "side", "win_set_low", "win_set_high", "zone_low", "zone_high", "zone_probability"])

    def _package_frame(self, pd: Any) -> "pandas.DataFrame":
        rows = []
        for p in self.packages:
            name, odds = "+".join(p["issues"]), p["deal_probability"]
            for issue in p["issues"]:
                zone = p["zone"][issue] if p["zone"] else [None, None]
                for side, win_set in p["win_sets"].items():
                    win_set = win_set[issue] if win_set else [None, None]
                    best = p["best"].get(side)
                    rows.append({"package": name, "linkage": p.get("linkage"), "issue": issue, "side": side,
                                 "win_set_low": _num(win_set[0]), "win_set_high": _num(win_set[1]), "deal": p["deal"],
                                 "zone_low": _num(zone[0]), "zone_high": _num(zone[1]),
                                 "best": _num(best["outcome"][issue] if best else None), "deal_probability": odds["probability"],
                                 "deal_low": odds["low"], "deal_high": odds["high"]})
        return pd.DataFrame(rows, columns=["package", "linkage", "issue", "side", "win_set_low", "win_set_high", "deal", "zone_low",
                                           "zone_high", "best", "deal_probability", "deal_low", "deal_high"])

    def zones(self) -> "pandas.DataFrame":
        """One row per issue: issue, zone_low, zone_high (NaN: no zone at the point values),
        floor_side, floor_actor (the ratifier that sets the lowest acceptable outcome; None: the
        scale's end), ceiling_side, ceiling_actor (the highest), and probability, low, high (the
        share of draws with a zone, with its 95 % Wilson interval)."""
        import pandas as pd

        rows = []
        for i in self.json["issues"]:
            zone = i["zone"] or [None, None]
            low, high = i["lower_binding"] or {}, i["upper_binding"] or {}
            p = i["zone_probability"]
            rows.append({"issue": i["id"], "zone_low": _num(zone[0]), "zone_high": _num(zone[1]), "floor_side": low.get("side"),
                         "floor_actor": low.get("actor"), "ceiling_side": high.get("side"), "ceiling_actor": high.get("actor"),
                         "probability": p["probability"], "low": p["low"], "high": p["high"]})
        return pd.DataFrame(rows, columns=["issue", "zone_low", "zone_high", "floor_side", "floor_actor", "ceiling_side", "ceiling_actor",
                                           "probability", "low", "high"])

    def plot(self, ax: Any = None) -> Any:
        """Each side's win-set and the zone of agreement per issue (matplotlib)."""
        from . import display

        return display.plot_feasibility(self, ax)

    def __repr__(self) -> str:
        zones = sum(1 for i in self.json["issues"] if i["zone"])
        return f"<parley.Feasibility: a zone on {zones} of {len(self.json['issues'])} issues at the point values, {self.draws} draws>"

    def _repr_html_(self) -> str:
        from . import display

        return display.feasibility_html(self)


class Comparison(_Result):
    """Two scenarios side by side under one model, as ``parley compare``: per issue the forecasts
    at the point values and the means over the draws, per named outcome the probability in each.

    ``json``: schema parley.compare/1; ``csv``: the command's tidy CSV; ``str(c)``: its table.
    Tables: ``to_frame()`` (the CSV), ``issues()``, ``classes()``.
    """

    def __init__(self, scenario: "Scenario", other: "Scenario", texts: Mapping[str, Any]) -> None:
        super().__init__(scenario, texts)
        #: Scenario B.
        self.other = other

    @property
    def model(self) -> str:
        """The model both scenarios were run with."""
        return self.json["model"]

    @property
    def draws(self) -> int:
        """Draws per scenario."""
        return self.json["draws"]

    def to_frame(self) -> "pandas.DataFrame":
        """The command's CSV: one row per issue or class and statistic: kind ("issue" or "class"),
        name, a, b, difference (b - a), statistic ("point", "mean"; "probability", "low", "high")."""
        return _tables.read_csv(self.csv)

    def issues(self) -> "pandas.DataFrame":
        """One row per issue (A's, then those only in B): issue, point_a, point_b, mean_a, mean_b
        (NaN where a scenario lacks the issue or the model gives no outcome)."""
        import pandas as pd

        rows = [{"issue": i["id"], **{k: _num(i[k]) for k in ("point_a", "point_b", "mean_a", "mean_b")}} for i in self.json["issues"]]
        return pd.DataFrame(rows, columns=["issue", "point_a", "point_b", "mean_a", "mean_b"])

    def classes(self) -> "pandas.DataFrame":
        """One row per named outcome: class, probability_a, low_a, high_a, probability_b, low_b,
        high_b (the share of draws in it, with its 95 % interval; NaN where a scenario lacks it)."""
        import pandas as pd

        rows = []
        for c in self.json["classes"]:
            row = {"class": c["name"]}
            for side in ("a", "b"):
                p = c[side] or {}
                for k in ("probability", "low", "high"):
                    row[f"{k}_{side}"] = _num(p.get(k))
            rows.append(row)
        return pd.DataFrame(rows, columns=["class", "probability_a", "low_a", "high_a", "probability_b", "low_b", "high_b"])

    def __repr__(self) -> str:
        return f"<parley.Comparison {self.model}: {self.json['a']!r} against {self.json['b']!r}, {self.draws} draws each>"

    def _repr_html_(self) -> str:
        from . import display

        return display.comparison_html(self)


class Backtest(_Result):
    """A model scored against observed outcomes, as ``parley backtest``; or, made with
    ``cross_validate=True``, every model scored out of fold, as ``parley backtest --cross-validate``
    (docs/skill.md).

    A plain backtest: ``csv`` is the command's ``--per-issue`` CSV, ``to_frame()`` one row per
    issue, ``summary()`` the errors of the model and of the reference lines; ``json`` is None.
    Cross-validated: ``json`` (schema parley.cross-validation/1), ``to_frame()`` one row per model,
    ``skill()`` the skill table (``csv``, the layout of data/skill/ and ``--skill-out``).
    ``str(b)`` is the command's table either way.
    """

    def __init__(self, scenario: "Scenario", texts: Mapping[str, Any], cross_validated: bool) -> None:
        super().__init__(scenario, texts)
        #: Whether every model was scored out of fold (cross_validate=True).
        self.cross_validated = cross_validated
        self._summary: list = list(texts.get("summary") or [])

    def to_frame(self) -> "pandas.DataFrame":
        """A plain backtest: one row per issue with an observed outcome: issue, group, observed,
        predicted, abs_error, status_quo, reference_position (NaN: not known). Cross-validated: one
        row per model: model, issues, mae, mae_sd, mae_low, mae_high (bootstrap 95 % interval),
        rmse, median_error, bias, relative_mae, relative_mae_sd, weight, half_width_50/80/90 and
        coverage_50/80/90 (the predictive intervals), at full precision."""
        if not self.cross_validated:
            return _tables.read_csv(self.csv)
        import pandas as pd

        levels = [round(level * 100) for level in self.json["levels"]]
        rows = []
        for m in self.json["models"]:
            row = {k: m[k] for k in ("model", "issues", "mae", "mae_sd")}
            row["mae_low"], row["mae_high"] = m["mae_interval"]
            row.update({k: m[k] for k in ("rmse", "median_error", "bias", "relative_mae", "relative_mae_sd", "weight")})
            row.update({f"half_width_{level}": _num(w) for level, w in zip(levels, m["half_width"])})
            row.update({f"coverage_{level}": _num(c) for level, c in zip(levels, m["coverage"])})
            rows.append(row)
        columns = ["model", "issues", "mae", "mae_sd", "mae_low", "mae_high", "rmse", "median_error", "bias", "relative_mae",
                   "relative_mae_sd", "weight", *[f"half_width_{x}" for x in levels], *[f"coverage_{x}" for x in levels]]
        return pd.DataFrame(rows, columns=columns)

    def summary(self) -> "pandas.DataFrame":
        """A plain backtest's table as numbers: one row per predictor (the model, "status quo", the
        reference actor's position): predictor, issues, mae, median_error (NaN: no issue scored).
        Cross-validated: ``to_frame()``."""
        if self.cross_validated:
            return self.to_frame()
        import pandas as pd

        return pd.DataFrame([{k: _num(v) if k in ("mae", "median_error") else v for k, v in row.items()} for row in self._summary],
                            columns=["predictor", "issues", "mae", "median_error"])

    def skill(self) -> "pandas.DataFrame":
        """The skill table of a cross-validated backtest (docs/skill.md; the file ``--skill-out``
        writes, numbers to 6 significant digits): one row per model: model, issues, repeats, mae,
        mae_sd, mae_low, mae_high, rmse, median_error, bias, relative_mae, relative_mae_sd, weight,
        half_width_50/80/90, coverage_50/80/90 and p01 … p99 (percentiles of the out-of-fold
        residuals, as a share of the scale). Raises InputError (field "cross_validate") for a plain
        backtest."""
        if not self.cross_validated:
            _arguments.fail("cross_validate", "the skill table comes from a cross-validated backtest",
                            "backtest(..., cross_validate=True)")
        return _tables.read_csv("".join(line for line in self.csv.splitlines(keepends=True) if not line.startswith("#")))

    def __repr__(self) -> str:
        if self.cross_validated:
            best = min(self.json["models"], key=lambda m: m["mae"], default=None)
            lead = f", lowest MAE {best['model']} {best['mae']:.4g}" if best else ""
            return (f"<parley.Backtest cross-validated: {len(self.json['models'])} models, {self.json['folds']} folds x "
                    f"{self.json['repeats']} repeats{lead}>")
        model = self._summary[0] if self._summary else {"predictor": "?", "issues": 0, "mae": None}
        mae = "n/a" if model["mae"] is None else f"{model['mae']:.4g}"
        return f"<parley.Backtest {model['predictor']}: MAE {mae} over {model['issues']} issues>"

    def _repr_html_(self) -> str:
        from . import display

        return display.backtest_html(self)


#: The engine's errors name the command line's options; these are the Python arguments they are.
_ARGUMENTS = {"--folds": "folds", "--repeats": "repeats", "--seed": "seed", "--lead": "lead", "--correlation": "correlation"}


@contextlib.contextmanager
def _arguments_named():
    """Renames the field of an InputError from a command-line option to the Python argument."""
    try:
        yield
    except InputError as e:
        e.field = _ARGUMENTS.get(e.field, e.field)
        raise


def _num(value: Any) -> float:
    """A JSON number, NaN for null (pandas' missing value for a float column)."""
    return float("nan") if value is None else value


def _threads(threads: Any) -> int:
    return _arguments.count("threads", threads, 0, _arguments.MAX_THREADS)


def _seed(seed: Any) -> int:
    return _arguments.count("seed", seed, 0, LIMITS["max_seed"])


def _name(field: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        _arguments.fail(field, f"got {value!r}", "a model's name (see parley.models())")
    return value


def _model_names(field: str, models: Any) -> list:
    """None, "all", a comma-separated string or a sequence of model names -> a list (empty: all)."""
    if models is None or models == "all":
        return []
    if isinstance(models, str):
        models = [m for m in models.split(",")]
    if not isinstance(models, Sequence) or isinstance(models, (bytes, bytearray)) or not models:
        _arguments.fail(field, f"got {models!r}", 'model names: a list such as ["compromise", "bdm"], a comma-separated string or "all"')
    return [_name(field, m) for m in models]


def _file(scenario: "Scenario") -> str:
    return scenario.file or "<python>"


def _scenario(field: str, value: Any) -> "Scenario":
    from .scenario import Scenario

    if not isinstance(value, Scenario):
        _arguments.fail(field, f"got {type(value).__name__}", "a parley.Scenario")
    return value


def sensitivity(scenario: "Scenario", model: str = "compromise", *, samples: int = 512, method: str = "both", top: int = 10, seed: int = 1,
                threads: int = 0, options: Optional[Mapping[str, Any]] = None, **model_options: Any) -> Sensitivity:
    """Which uncertain inputs drive each outcome, as ``parley sensitivity``.

    `method`: "sobol" (variance-based indices from `samples` base samples: samples x (inputs + 2)
    model runs, inputs drawn independently from `seed`), "tornado" (one input at a time at its 5 %
    and 95 % quantiles) or "both". `top` is how many inputs the table (``str(result)``) lists per
    output; the DataFrames hold all. Model options as keywords or the dict `options`. The result
    does not depend on `threads` (0: every core). The scenario needs at least one uncertain input.
    """
    scenario = _scenario("scenario", scenario)
    samples = _arguments.count("samples", samples, 2, LIMITS["max_samples"])
    top = _arguments.count("top", top, 0, LIMITS["max_top"])
    if method not in ("both", "sobol", "tornado"):
        _arguments.fail("method", f"got {method!r}", "both, sobol or tornado")
    seed, threads = _seed(seed), _threads(threads)
    opts = _arguments.model_options(options, model_options)
    with _arguments_named():
        texts = _native.sensitivity(scenario._native, _name("model", model), opts, samples, method, top, seed, threads, scenario.file or "")
    return Sensitivity(scenario, texts)


def feasibility(scenario: "Scenario", *, draws: int = 2000, seed: int = 1, threads: int = 0, correlation: float = 0.0,
                packages: Optional[Sequence[Sequence[str]]] = None) -> Feasibility:
    """Two-level games, as ``parley feasibility``: each side's win-set, the zone of agreement and
    the ratifiers that bind it at the point values, and over `draws` draws of the uncertain inputs
    (from `seed`; actors' inputs correlated by `correlation`) the probability that a zone exists.
    The scenario needs a ``sides`` section (docs/feasibility.md).

    Package deals: `packages` lists packages, each a list of two or more issue ids (``--package``);
    None (the default) assesses the scenario's declared linkages (``Scenario.linkages``), and ``[]``
    none (``--package none``)."""
    scenario = _scenario("scenario", scenario)
    draws = _arguments.count("draws", draws, 1, LIMITS["max_counted_draws"])
    seed, threads = _seed(seed), _threads(threads)
    correlation = _arguments.fraction("correlation", correlation)
    chosen = None if packages is None else _packages(packages)
    with _arguments_named():
        return Feasibility(scenario, _native.feasibility(scenario._native, draws, seed, correlation, threads, chosen))


def _packages(packages: Any) -> list:
    """`packages` as a list of lists of issue ids (the engine checks the ids)."""
    expected = 'a list of packages, each a list of two or more issue ids, e.g. [["sanctions", "ukraine-terms"]]'
    if isinstance(packages, (str, bytes)) or not isinstance(packages, Sequence):
        _arguments.fail("packages", f"got {type(packages).__name__}", expected)
    out = []
    for q, package in enumerate(packages):
        if isinstance(package, (str, bytes)) or not isinstance(package, Sequence) or not all(isinstance(i, str) for i in package):
            _arguments.fail(f"packages[{q}]", f"got {package!r}", expected)
        out.append(list(package))
    return out


def compare(a: "Scenario", b: "Scenario", model: str = "compromise", *, draws: int = 1000, seed: int = 1, threads: int = 0,
            correlation: float = 0.0, options: Optional[Mapping[str, Any]] = None, **model_options: Any) -> Comparison:
    """Scenarios `a` and `b` side by side, as ``parley compare A B``: `model`'s forecast of each at
    the point values, and a sweep of `draws` draws of each (the same `seed`): per issue the mean
    outcome, per named outcome its probability. Typically `b` is a what-if of `a`
    (``a.with_values(...)``); the JSON names each by its file ("A" and "B" for scenarios not read
    from one) and lists the what-ifs of `a`. Ctrl-C raises KeyboardInterrupt."""
    a, b = _scenario("a", a), _scenario("b", b)
    draws = _arguments.count("draws", draws, 1, LIMITS["max_memory_draws"])
    seed, threads = _seed(seed), _threads(threads)
    correlation = _arguments.fraction("correlation", correlation)
    with _arguments_named():
        texts = _native.compare(a._native, b._native, a.file or "A", b.file or "B", _name("model", model),
                                _arguments.model_options(options, model_options), draws, seed, correlation, threads)
    return Comparison(a, b, texts)


def backtest(scenario: "Scenario", model: str = "compromise", *, reference_actor: str = "com", cross_validate: bool = False,
             models: "Sequence[str] | str | None" = None, folds: Optional[int] = None, repeats: Optional[int] = None,
             seed: Optional[int] = None, bootstrap: Optional[int] = None, options: Optional[Mapping[str, Any]] = None,
             **model_options: Any) -> Backtest:
    """Scores forecasts against the outcomes observed in `scenario` (e.g. the DEU III data), as
    ``parley backtest``.

    Without `cross_validate`: runs `model` once and scores every issue with an outcome, beside the
    reference lines (the status quo, and the position of `reference_actor` where it exists).

    With ``cross_validate=True``: scores `models` (a list, a comma-separated string or "all";
    default: every model, as the command line) out of fold, in `folds` folds grouped by proposal
    (default 5), `repeats` times with new splits (default 20) from `seed` (default 1), with
    `bootstrap` resamples for the MAE's interval (default 2000); ``.skill()`` is the skill table.
    `folds`, `repeats`, `seed`, `bootstrap` and `models` are refused without it.
    """
    scenario = _scenario("scenario", scenario)
    if not isinstance(cross_validate, bool):
        _arguments.fail("cross_validate", f"got {cross_validate!r}", "True or False")
    opts = _arguments.model_options(options, model_options)
    if not cross_validate:
        for field, value in (("models", models), ("folds", folds), ("repeats", repeats), ("seed", seed), ("bootstrap", bootstrap)):
            if value is not None:
                _arguments.fail(field, "given without cross_validate=True", "cross_validate=True with it")
        if not isinstance(reference_actor, str):
            _arguments.fail("reference_actor", f"got {reference_actor!r}", "an actor's id")
        with _arguments_named():
            texts = _native.backtest(scenario._native, _name("model", model), opts, reference_actor, scenario._capability)
        return Backtest(scenario, texts, cross_validated=False)
    folds = _arguments.count("folds", 5 if folds is None else folds, 2, LIMITS["max_folds"])
    repeats = _arguments.count("repeats", 20 if repeats is None else repeats, 1, LIMITS["max_repeats"])
    seed = _seed(1 if seed is None else seed)
    bootstrap = _arguments.count("bootstrap", 2000 if bootstrap is None else bootstrap, 0, LIMITS["max_bootstrap"])
    with _arguments_named():
        texts = _native.cross_validate(scenario._native, _model_names("models", models), list(opts.items()), folds, repeats, seed,
                                       bootstrap, scenario._capability, _file(scenario))
    return Backtest(scenario, texts, cross_validated=True)


def report(scenario: "Scenario", path: "str | os.PathLike[str]", *, models: "Sequence[str] | str | None" = None, lead: Optional[str] = None,
           draws: int = 1000, seed: int = 1, threads: int = 0) -> str:
    """Writes the analyst's HTML report to `path`, as ``parley report --output PATH``, and returns
    its summary (the text the command prints before "report written to").

    `models`: the models to run (a list or a comma-separated string; default: every model);
    `lead`: the model of the trajectories and the tornado (one of `models`; default: the first with
    rounds); `draws` per model from `seed`. The file is written whole or not at all: parley.OutputError
    when it cannot be written (e.g. its folder does not exist). Refuses (InputError, field "path")
    to write over the scenario's own file.
    """
    scenario = _scenario("scenario", scenario)
    path = _arguments.path("path", path)
    if scenario.file and os.path.exists(path) and os.path.exists(scenario.file) and os.path.samefile(path, scenario.file):
        _arguments.fail("path", f"{path!r} is the same file as the scenario {scenario.file!r}",
                        "another file: writing it would replace the scenario")
    names = _model_names("models", models)
    if lead is not None:
        lead = _name("lead", lead)
    draws = _arguments.count("draws", draws, 1, LIMITS["max_memory_draws"])
    seed, threads = _seed(seed), _threads(threads)
    with _arguments_named():
        return _native.report(scenario._native, path, names, lead, draws, seed, threads, _file(scenario))
