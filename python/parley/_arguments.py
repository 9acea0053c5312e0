"""Checks of the arguments the Python API takes, worded as the command line words its options."""

from __future__ import annotations

import numbers
import os
from typing import Any, Mapping, Optional

from . import _native

#: The limits of docs/cli.md ("Limits"), the command line's own (parley/limits.hpp, read from the engine).
LIMITS: dict = dict(_native.limits)
MAX_MEMORY_DRAWS: int = LIMITS["max_memory_draws"]
MAX_SEED: int = LIMITS["max_seed"]
MAX_THREADS: int = LIMITS["max_threads"]
MAX_ROUNDS: int = LIMITS["max_rounds"]


def fail(field: str, problem: str, expected: str) -> None:
    """Raises parley.InputError naming `field` (the command line's wording)."""
    _native.raise_input_error(field, problem, expected)


def count(field: str, value: Any, low: int, high: int) -> int:
    """`value` as a whole number in [low, high] (bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        fail(field, f"got {value!r}", f"a whole number from {low} to {high}")
    if not low <= int(value) <= high:
        fail(field, f"got {int(value)}", f"a whole number from {low} to {high}")
    return int(value)


def fraction(field: str, value: Any) -> float:
    """`value` as a number in [0, 1]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0.0 <= float(value) <= 1.0:
        fail(field, f"got {value!r}", "a number from 0 to 1")
    return float(value)


def path(field: str, value: Any) -> str:
    """A file name given as str or os.PathLike."""
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    fail(field, f"got {value!r}", "a file name (str or pathlib.Path)")
    return ""


def option_text(value: Any) -> str:
    """A model option's value as the command line's --option NAME=VALUE writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    return str(value)


def model_options(options: Optional[Mapping[str, Any]], keywords: Mapping[str, Any]) -> dict:
    """The model options of `options` (for names that are no Python identifiers) and keywords."""
    out = {}
    for source in (options or {}), keywords:
        for name, value in source.items():
            out[str(name)] = option_text(value)
    return out
