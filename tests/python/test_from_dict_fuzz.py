"""Scenario.from_dict on random and mutated dicts: a scenario or parley.InputError, never anything else.

The dict reader walks Python objects into the reader's document; this drives it with random nested
values (fixed seeds) and with every single-field mutation of a real scenario."""

import copy
import math
import random

import pytest

import parley
from conftest import ARMS, FLAGSHIP

ODD_VALUES = [None, True, False, 0, -1, 1.5, 2**70, -(2**70), math.nan, math.inf, -math.inf, "", "x", "normal(1, 2)", "[1, 2]",
              [], [1], [1, 2, 3], {}, {"value": 1}, (1, 2), 1e308, -1e-320, "\u00e9", "a\nb"]


def random_value(rng, depth):
    kind = rng.randrange(7 if depth < 6 else 4)
    if kind == 0:
        return rng.choice(ODD_VALUES)
    if kind == 1:
        return rng.uniform(-1e3, 1e3)
    if kind == 2:
        return rng.choice(["id", "title", "capability", "position", "salience", "a", "i"])
    if kind == 3:
        return rng.randrange(-5, 200)
    if kind in (4, 5):
        keys = ["parley", "metadata", "issues", "actors", "positions", "outcomes", "sides", "events", "id", "title", "value", "source"]
        return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randrange(4))}
    return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]


def read(d):
    try:
        parley.Scenario.from_dict(d)
    except parley.InputError as e:
        assert str(e).startswith("error: field '") or str(e).startswith("error: "), str(e)
        assert e.line is None and e.file is None


@pytest.mark.parametrize("seed", range(4))
def test_random_dicts_are_read_or_refused(seed):
    rng = random.Random(seed)
    for _ in range(500):
        read(random_value(rng, 0) if rng.random() < 0.2 else {k: random_value(rng, 1) for k in ("metadata", "issues", "actors")})


def leaves(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, path + (k,))
    elif isinstance(node, list):
        for k, v in enumerate(node):
            yield from leaves(v, path + (k,))
    yield path


def test_every_field_of_a_real_scenario_replaced_by_odd_values():
    base = parley.Scenario.load(ARMS).to_dict()
    rng = random.Random(7)
    for path in list(leaves(base)):
        if not path:
            continue
        for value in rng.sample(ODD_VALUES, 4):
            d = copy.deepcopy(base)
            node = d
            for k in path[:-1]:
                node = node[k]
            node[path[-1]] = value
            read(d)


def test_deep_nesting_is_refused_not_a_crash():
    deep = {}
    node = deep
    for _ in range(10000):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(parley.InputError, match="nesting deeper than 64"):
        parley.Scenario.from_dict({"metadata": deep})


def test_from_dict_equals_the_file_for_the_flagship():
    s = parley.Scenario.load(FLAGSHIP)
    assert parley.Scenario.from_dict(s.to_dict()).to_json() == s.to_json()
