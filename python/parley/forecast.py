"""parley.Forecast: what one model forecasts for every issue of a scenario."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Mapping, Optional

from . import _arguments, _native

if TYPE_CHECKING:
    import pandas

    from .scenario import Scenario


class Forecast:
    """One model's forecast, as ``parley run --format json`` writes it (schema parley.forecast/1,
    docs/json-output.md): per issue the outcome, its predictive intervals (the model's measured
    error), how a run with rounds ended, every round, and the stages between events.

    ``forecast.to_frame()`` is one tidy row per issue; ``to_frame("round")`` one row per issue and
    round; ``to_frame("position")`` one per issue, round and actor; ``to_frame("exchange")`` one per
    side of every exchange the exchange model realised (``forecast.exchanges``).
    """

    def __init__(self, scenario: "Scenario", result: Mapping[str, Any]) -> None:
        self.scenario = scenario
        #: The forecast as parsed JSON (schema parley.forecast/1).
        self.json: dict = json.loads(result["json"])
        self._table: str = result["table"]
        #: The round-by-round trace (schema parley.trace/1) when run with trace=True, else None.
        self.trace: Optional[dict] = json.loads(result["trace"]) if result.get("trace") else None

    @property
    def model(self) -> str:
        """The model's name, as parley.models() lists it."""
        return self.json["model"]

    @property
    def options(self) -> dict:
        """Every model option in force, defaults included, as strings."""
        return dict(self.json["options"])

    @property
    def outcomes(self) -> dict:
        """Issue id -> forecast outcome on the issue's scale (None where the model cannot say)."""
        return {i["id"]: i["outcome"] for i in self.json["issues"]}

    @property
    def exchanges(self) -> list:
        """The exchange model's rounds of exchange, as the forecast's JSON has them
        (docs/json-output.md, "exchanges"): per round a dict with "round", "candidates", "valid" and
        "realised", each realised exchange with its "gain" and its two "sides" (actor, supply and
        demand issue, from, to, toward, move, gain, mean_before, mean_after). Empty for other models."""
        return list(self.json.get("exchanges", []))

    def to_frame(self, by: str = "issue") -> "pandas.DataFrame":
        """A tidy table: by="issue" (one row per issue), "round" (per issue and round, models with
        rounds), "stage" (per issue and event, one-shot models on scenarios with events),
        "position" (per issue, round and actor) or "exchange" (per side of every realised exchange:
        the exchange model)."""
        import pandas as pd

        rows = {"issue": _issue_rows, "round": _round_rows, "stage": _stage_rows, "position": _position_rows, "exchange": _exchange_rows}
        if by not in rows:
            _arguments.fail("by", f"got {by!r}", "issue, round, stage, position or exchange")
        return pd.DataFrame(rows[by](self.json), columns=_COLUMNS[by])

    def plot(self, ax: Any = None) -> Any:
        """Each issue's outcome with its predictive intervals on the issue's scale (matplotlib)."""
        from . import display

        return display.plot_forecast(self, ax)

    def __str__(self) -> str:
        return self._table

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={'n/a' if v is None else f'{v:.4g}'}" for k, v in self.outcomes.items())
        return f"<parley.Forecast {self.model}: {shown}>"

    def _repr_html_(self) -> str:
        from . import display

        return display.forecast_html(self)


_COLUMNS = {
    "issue": ["issue", "label", "outcome", "status_quo", "scale_min", "scale_max", "low_50", "high_50", "low_80", "high_80", "low_90",
              "high_90", "dynamics", "rounds", "note"],
    "round": ["issue", "round", "median", "mean", "events"],
    "stage": ["issue", "after", "outcome"],
    "position": ["issue", "round", "actor", "position"],
    "exchange": ["round", "exchange", "actor", "supply", "demand", "from", "to", "toward", "move", "gain", "mean_before", "mean_after",
                 "exchange_gain"],
}


def _issue_rows(j: dict) -> list:
    rows = []
    for i in j["issues"]:
        row = {"issue": i["id"], "label": i.get("label"), "outcome": i.get("outcome"), "status_quo": i.get("status_quo"),
               "scale_min": i["scale"]["min"], "scale_max": i["scale"]["max"], "note": i.get("note")}
        for p in i.get("predictive") or []:
            level = round(p["level"] * 100)
            row[f"low_{level}"], row[f"high_{level}"] = p["low"], p["high"]
        d = i.get("dynamics")
        row["dynamics"] = d["status"] if d else None
        row["rounds"] = d["rounds"] if d else None
        rows.append(row)
    return rows


def _round_rows(j: dict) -> list:
    return [{"issue": i["id"], "round": r["round"], "median": r["median"], "mean": r["mean"], "events": r.get("events", [])}
            for i in j["issues"] for r in i.get("rounds", [])]


def _stage_rows(j: dict) -> list:
    return [{"issue": i["id"], "after": s["after"], "outcome": s["outcome"]} for i in j["issues"] for s in i.get("stages", [])]


def _position_rows(j: dict) -> list:
    actors = j["actors"]
    return [{"issue": i["id"], "round": r["round"], "actor": a, "position": x} for i in j["issues"] for r in i.get("rounds", [])
            for a, x in zip(actors, r["positions"])]


def _exchange_rows(j: dict) -> list:
    """One row per side: the round, the exchange's number in it (1: realised first), the side's
    fields and the exchange's own (equal-gain) gain."""
    return [{"round": r["round"], "exchange": k, **side, "exchange_gain": e["gain"]} for r in j.get("exchanges", [])
            for k, e in enumerate(r["realised"], start=1) for side in e["sides"]]


def run_model(scenario: "Scenario", model: str, *, rounds: Optional[int], seed: Any, trace: bool, options: dict) -> Forecast:
    """Scenario.run's work: checks the arguments and runs the model in the engine (GIL released)."""
    if rounds is not None:
        rounds = _arguments.count("rounds", rounds, 0, _arguments.MAX_ROUNDS)
    if seed is not None:
        seed = _arguments.option_text(seed)
    if not isinstance(trace, bool):
        _arguments.fail("trace", f"got {trace!r}", "True or False")
    return Forecast(scenario, _native.run(scenario._native, model, options, rounds, seed, trace))
