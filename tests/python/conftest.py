"""Shared fixtures of the Python module's tests: the repository's scenarios and the parley executable."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "scenarios" / "us-russia.yaml"
ARMS = ROOT / "scenarios" / "examples" / "arms-control.yaml"


@pytest.fixture(scope="session")
def parley_exe() -> str:
    """The command line built beside the module (PARLEY_EXE, set by CTest)."""
    exe = os.environ.get("PARLEY_EXE")
    if not exe:
        pytest.skip("PARLEY_EXE is not set (run through ctest)")
    return exe


def cli(exe: str, *args: str) -> subprocess.CompletedProcess:
    """Runs the command line; text output."""
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, check=False)


def longest_waits_of_another_thread(calls: dict) -> dict:
    """Runs each of `calls` (name -> function) while another Python thread ticks every 2 ms, and
    returns name -> (seconds the call took, the longest the ticking thread waited during it). A
    call that held the GIL keeps the other thread waiting for the whole call."""
    import threading
    import time

    import numpy as np

    ticks, spans = [], {}
    done = threading.Event()

    def tick():  # runs only when the GIL is free
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.002)

    t = threading.Thread(target=tick)
    t.start()
    try:
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            spans[name] = (start, time.perf_counter())
    finally:
        done.set()
        t.join()
    return {name: (end - start, float(np.diff([start, *[x for x in ticks if start <= x <= end], end]).max()))
            for name, (start, end) in spans.items()}
