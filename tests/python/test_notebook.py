"""docs/examples/flagship.ipynb runs end to end in a fresh kernel (Debian's ipykernel, nbclient)
against the module of this build, shows its views and plots, and is committed without outputs."""

import os
import pathlib

import nbformat

import parley
from conftest import ROOT

NOTEBOOK = ROOT / "docs" / "examples" / "flagship.ipynb"


def test_the_committed_notebook_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_the_notebook_runs_end_to_end(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel imports this build's module, keeps IPython's and Jupyter's files in tmp_path, and
    # uses its own inline backend for the plots.
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env.update(PYTHONPATH=str(pathlib.Path(parley.__file__).parent.parent), IPYTHONDIR=str(tmp_path / "ipython"),
               MPLCONFIGDIR=str(tmp_path / "mpl"), PYTHONDONTWRITEBYTECODE="1")
    client = NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute(env=env)  # raises CellExecutionError, with the cell and its traceback, when a cell fails

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("compromise forecast" in h and "<svg" in h for h in html)  # Forecast._repr_html_
    assert any("compromise sweep: 400 draws, seed 7" in h for h in html)  # Sweep._repr_html_
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # forecast.plot(), sweep.plot()
    shape = next(c for c in nb.cells if c.cell_type == "code" and "w.draws.shape" in c.source)
    issues = len(parley.Scenario.load(ROOT / "scenarios" / "us-russia.yaml").issues)
    assert shape.outputs[0]["data"]["text/plain"] == f"((400, {issues}), False)"
    stored = next(c for c in nb.cells if "load(stored.run)" in c.source)
    assert stored.outputs[0]["data"]["text/plain"] == "True"
