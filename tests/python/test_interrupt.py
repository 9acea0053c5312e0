"""Ctrl-C in a sweep: KeyboardInterrupt within a second, the finished draws stored and resumable."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import parley
from conftest import FLAGSHIP

CHILD = textwrap.dedent("""
    import sys, time, parley
    s = parley.Scenario.load(sys.argv[1])
    print("ready", flush=True)
    try:
        s.sweep("bdm", draws=100000, seed=2, threads=2, db=sys.argv[2])
    except KeyboardInterrupt as e:
        print("interrupted", time.monotonic(), flush=True)
        print(str(e), flush=True)
        sys.exit(130)
    print("finished", flush=True)
""")


def test_ctrl_c_raises_keyboard_interrupt_within_a_second_and_the_run_resumes(tmp_path):
    db = tmp_path / "i.db"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(FLAGSHIP), str(db)], stdout=subprocess.PIPE, text=True, env=os.environ)
    assert child.stdout.readline().strip() == "ready"
    time.sleep(1.5)
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=30)
    assert child.returncode == 130, out
    lines = out.splitlines()
    assert lines[0].startswith("interrupted")
    assert float(lines[0].split()[1]) - sent < 1.0
    assert "resume(1)" in out and "parley sweep --resume 1" in out

    stored = parley.ResultsDb(db).runs()
    assert stored["status"].tolist() == ["interrupted"]
    assert 0 < stored["stored"][0] < 100000
    # Resuming the rest of 100,000 bdm draws would take long: check the stored draws are the
    # sweep's own (the same as an uninterrupted sweep's first draws) instead.
    part = parley.ResultsDb(db).load(1)
    fresh = parley.Scenario.load(FLAGSHIP).sweep("bdm", draws=int(part.draw_numbers.max()) + 1, seed=2)
    assert (fresh.draws[part.draw_numbers] == part.draws).all()
