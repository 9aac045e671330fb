#!/usr/bin/env python3
"""Executes a notebook top to bottom (as CI does); exits non-zero if any cell fails. With
--html OUT.html, also saves the executed notebook, figures included, as one HTML page."""
import argparse
import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient


def main() -> int:
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebook", type=pathlib.Path)
    parser.add_argument("--html", type=pathlib.Path, help="save the executed notebook here")
    args = parser.parse_args()
    path = args.notebook.resolve()
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    print(f"{path.name}: all {len(notebook.cells)} cells ran")
    if args.html:
        from nbconvert import HTMLExporter

        body, _ = HTMLExporter().from_notebook_node(notebook)
        args.html.parent.mkdir(parents=True, exist_ok=True)
        args.html.write_text(body, encoding="utf-8")
        figures = sum(1 for cell in notebook.cells if cell.cell_type == "code"
                      for out in cell.get("outputs", []) if "image/png" in out.get("data", {}))
        print(f"wrote {args.html} ({figures} figure(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
