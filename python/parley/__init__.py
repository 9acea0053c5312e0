"""parley: forecasts of negotiations between political actors.

    import parley
    s = parley.Scenario.load("scenarios/us-russia.yaml")
    f = s.run("compromise")           # a Forecast: f.to_frame(), f.plot()
    w = s.sweep("compromise", draws=2000, seed=7)
    w.summary(), w.classes()          # DataFrames with the numbers `parley sweep` prints
    w.draws                           # numpy view of every draw's outcomes

Every function of the command line is here: Scenario.load / from_dict / to_dict / to_yaml /
with_values, models(), Scenario.run / sweep / sensitivity / feasibility / compare / backtest /
report, and ResultsDb. Bad input raises parley.InputError (a ValueError) with the command line's
message and the file, line, column and field. docs/python.md has the whole guide.
"""

from __future__ import annotations

from . import _native
from ._errors import InputError, OutputError, ParleyError, ResourceError
from .analysis import Backtest, Comparison, Feasibility, Sensitivity, backtest, compare, feasibility, report, sensitivity
from .forecast import Forecast
from .scenario import Scenario
from .sweep import ResultsDb, Sweep

__version__: str = _native.__version__

__all__ = ["Scenario", "Forecast", "Sweep", "ResultsDb", "models", "InputError", "OutputError", "ResourceError", "ParleyError",
           "__version__", "Sensitivity", "Feasibility", "Comparison", "Backtest", "sensitivity", "feasibility", "compare", "backtest",
           "report"]


def models() -> list:
    """Every model parley runs, as dicts: name, description, options (each with name, default and
    description) and traits (rounds, seed, trace, events, fitted). ``pandas.DataFrame(models())``
    gives a table."""
    return _native.models()
