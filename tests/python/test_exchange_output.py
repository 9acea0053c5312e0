"""The exchange model's realised exchanges from Python: Forecast.exchanges, to_frame("exchange") and
the trace, as the command line writes them (docs/python.md)."""

import json

import parley
from conftest import FLAGSHIP, ROOT, cli

DECIDE = ROOT / "tests" / "data" / "decide" / "sample_data.txt"


def test_exchanges_are_listed_tidy_and_traced_as_on_the_command_line(parley_exe, tmp_path):
    s = parley.Scenario.load(DECIDE)
    f = s.run("exchange", rounds=2, trace=True)
    trace = tmp_path / "t.json"
    out = cli(parley_exe, "run", DECIDE, "-m", "exchange", "--rounds", "2", "--trace", trace, "-f", "json")
    assert out.returncode == 0, out.stderr
    assert f.json == json.loads(out.stdout)
    assert f.trace == json.loads(trace.read_text()) and f.trace["schema"] == "parley.exchange-trace/1"
    first = f.exchanges[0]
    assert (first["round"], first["candidates"], first["valid"]) == (1, 240, 230)  # Decide's own test
    frame = f.to_frame("exchange")
    assert len(frame) == 2 * sum(len(r["realised"]) for r in f.exchanges)
    top = frame.iloc[0]
    assert (top["round"], top["exchange"], top["actor"], top["supply"]) == (1, 1, "Wcentr", "tolheffing-binnenstad")
    assert abs(top["to"] - 61.05117364047237) < 1e-9 and abs(top["gain"] - 75 / 38) < 1e-12
    assert (abs(frame["gain"] - frame["exchange_gain"]) < 1e-9).all()  # equal gain on both sides
    other = parley.Scenario.load(FLAGSHIP).run("compromise")
    assert other.exchanges == [] and other.to_frame("exchange").empty
