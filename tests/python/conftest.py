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
