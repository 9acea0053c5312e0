"""Tables the engine writes as CSV, read into pandas without changing a bit of any number."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas


def read_csv(text: str) -> "pandas.DataFrame":
    """A CSV table of parley's writers as a DataFrame. Numbers are read back exactly (pandas' default
    parser may round the last bit); an empty field is missing (NaN), any other text stays text."""
    import pandas as pd

    return pd.read_csv(io.StringIO(text), float_precision="round_trip", keep_default_na=False, na_values=[""])
