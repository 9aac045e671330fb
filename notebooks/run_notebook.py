#!/usr/bin/env python3
"""Executes a notebook top to bottom (as CI does); exits non-zero if any cell fails."""
import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient


def main() -> int:
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    if len(sys.argv) != 2:
        print("usage: run_notebook.py NOTEBOOK.ipynb", file=sys.stderr)
        return 2
    path = pathlib.Path(sys.argv[1]).resolve()
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    print(f"{path.name}: all {len(notebook.cells)} cells ran")
    return 0


if __name__ == "__main__":
    sys.exit(main())
