#!/usr/bin/python3
"""The Python module's speed against the C++ library's (issue #15, "Fast"); run by hand:

    /usr/bin/python3 bench/python_sweep_bench.py [--build build/release] [--draws 100000] [--repeats 5] [--threads 1]

1. A 100,000-draw compromise sweep of a generated 20 actors x 6 issues scenario in which every
   position, salience and capability is uncertain (260 inputs; bench/generate_scenario.hpp, the
   scenario of the C++ sweep benchmark), made by `Scenario.sweep` (no results database) and by
   the same sweep through the C++ library (bench/sweep_library_main.cpp, `parley_sweep_library`:
   SweepSetup, evaluate_draws into arrays, the summary). The two run alternately, one repetition
   each, from this script; the C++ executable times itself (its start and the reading of the
   scenario are not counted, as Scenario.load is not counted here). Reported: the median time of
   each and the median of the per-repetition ratios Python / C++, for the sweep alone (to the
   arrays) and with the summary (`Sweep.json`: quantiles, class probabilities, model error).
   Goal: ratio <= 1.05. Both must give the same summary (checked). The CPU time of the sweep
   (all threads, getrusage) is reported as well: on a shared machine it is far less noisy than
   the wall time.
2. `Scenario.from_dict` of a 1,000 actors x 20 issues dict (the generator's JSON, read by
   json.load): the median of several repetitions. Goal: under 50 ms.

Needs the build's targets parley_python, parley_sweep_library and parley_generate.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def arguments() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=str(ROOT / "build" / "release"), help="the CMake build directory")
    p.add_argument("--draws", type=int, default=100_000)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--threads", type=int, default=1, help="worker threads of both sweeps (>= 1; 1 measures the overhead best)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--dict-repeats", type=int, default=7)
    return p.parse_args()


def generate(build: pathlib.Path, actors: int, issues: int, path: pathlib.Path, uncertain: bool) -> None:
    cmd = [str(build / "bench" / "parley_generate"), str(actors), str(issues), str(path)] + (["--uncertain"] if uncertain else [])
    subprocess.run(cmd, check=True)


def cpp_repetition(build: pathlib.Path, scenario: pathlib.Path, a: argparse.Namespace) -> dict:
    cmd = [str(build / "bench" / "parley_sweep_library"), str(scenario), str(a.draws), str(a.seed), str(a.threads), "1"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process so far, all its threads together."""
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def python_repetition(parley, s, a: argparse.Namespace) -> dict:
    t0, c0 = time.perf_counter(), cpu_seconds()
    w = s.sweep("compromise", draws=a.draws, seed=a.seed, threads=a.threads)
    t1, c1 = time.perf_counter(), cpu_seconds()
    summary = w.json
    t2 = time.perf_counter()
    checksum = sum(i["mean"] for i in summary["issues"])
    assert w.draws.shape == (a.draws, len(s.issues))
    del w
    return {"sweep_s": t1 - t0, "sweep_cpu_s": c1 - c0, "summary_s": t2 - t1, "draws": a.draws, "checksum": checksum}


def sweep_benchmark(parley, build: pathlib.Path, tmp: pathlib.Path, a: argparse.Namespace) -> None:
    scenario = tmp / "generated-20x6.yaml"
    generate(build, 20, 6, scenario, uncertain=True)
    s = parley.Scenario.load(scenario)
    small = argparse.Namespace(**{**vars(a), "draws": 1000})
    cpp_repetition(build, scenario, small), python_repetition(parley, s, small)  # warm-up: caches, pages
    cpp, py = [], []
    for r in range(a.repeats):
        order = [("cpp", lambda: cpp_repetition(build, scenario, a)), ("py", lambda: python_repetition(parley, s, a))]
        for name, run in order if r % 2 == 0 else reversed(order):
            (cpp if name == "cpp" else py).append(run())
        c, p = cpp[-1], py[-1]
        if abs(c["checksum"] - p["checksum"]) > 1e-9 * max(1.0, abs(c["checksum"])):
            sys.exit(f"the two sweeps differ: checksums {c['checksum']!r} and {p['checksum']!r}")
        print(f"  repetition {r + 1}: C++ {c['sweep_s']:.3f} s ({c['sweep_cpu_s']:.3f} s CPU) + {c['summary_s']:.3f} s summary, "
              f"Python {p['sweep_s']:.3f} s ({p['sweep_cpu_s']:.3f} s CPU) + {p['summary_s']:.3f} s summary", flush=True)

    def report(what: str, key) -> None:
        ratios = [key(p) / key(c) for c, p in zip(cpp, py)]
        print(f"{what}: C++ median {statistics.median(map(key, cpp)):.3f} s, Python median {statistics.median(map(key, py)):.3f} s, "
              f"median ratio Python/C++ {statistics.median(ratios):.3f} (min {min(ratios):.3f}, max {max(ratios):.3f}; goal <= 1.05)")

    print(f"sweep of {a.draws} draws, 20 actors x 6 issues, {len(parley.Scenario.load(scenario).sweep('compromise', 1).input_names)} "
          f"uncertain inputs, compromise, {a.threads} thread(s), {a.repeats} repetitions:")
    report("  to the arrays", lambda x: x["sweep_s"])
    report("  to the arrays, CPU time", lambda x: x["sweep_cpu_s"])
    report("  with the summary", lambda x: x["sweep_s"] + x["summary_s"])


def from_dict_benchmark(parley, build: pathlib.Path, tmp: pathlib.Path, a: argparse.Namespace) -> None:
    path = tmp / "generated-1000x20.json"
    generate(build, 1000, 20, path, uncertain=False)
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    parley.Scenario.from_dict(d)  # warm-up
    times = []
    for _ in range(a.dict_repeats):
        t0 = time.perf_counter()
        s = parley.Scenario.from_dict(d)
        times.append(time.perf_counter() - t0)
    assert len(s.actors) == 1000 and len(s.issues) == 20
    print(f"Scenario.from_dict, 1000 actors x 20 issues: median {1000 * statistics.median(times):.1f} ms "
          f"(min {1000 * min(times):.1f}, max {1000 * max(times):.1f}; goal < 50 ms)")


def main() -> None:
    a = arguments()
    if a.threads < 1:
        sys.exit("--threads: a whole number from 1 (the C++ side takes no 0)")
    build = pathlib.Path(a.build).resolve()
    sys.path.insert(0, str(build / "python"))
    import parley

    print(f"parley {parley.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="parley-pybench-") as tmp:
        from_dict_benchmark(parley, build, pathlib.Path(tmp), a)
        sweep_benchmark(parley, build, pathlib.Path(tmp), a)


if __name__ == "__main__":
    main()
