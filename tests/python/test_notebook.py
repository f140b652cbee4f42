"""examples/quickstart.ipynb runs from top to bottom."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient


def test_quickstart_notebook_runs(repo, tmp_path) -> None:
    notebook = nbformat.read(repo / "examples" / "quickstart.ipynb", as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "report.html" in text and "leadership_coverage" in text
