"""Dump the reconcile stage's inputs for a folder of articles (tuning aid, not part of the package).

Usage: .venv/bin/python scripts/dump_reconcile_inputs.py PATH OUT.pkl
Runs the pipeline as ``newsprism analyze`` does (ingest, clean, annotate, reuse, clustering,
story assembly) and pickles, for each story, the keyword arguments story assembly passes to
:func:`~newsprism.reconcile.reconcile_story`, so reconciliation variants can be replayed on
exactly what the report is built from.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

from newsprism import pipeline
from newsprism import stories as stories_stage
from newsprism.ingest import read_inputs
from newsprism.reconcile import Reconciliation, reconcile_story


def main() -> None:
    path, out = Path(sys.argv[1]), Path(sys.argv[2])
    captured: list[dict[str, Any]] = []

    def capture(**kwargs: Any) -> Reconciliation:
        captured.append(kwargs)
        return reconcile_story(**kwargs)

    setattr(stories_stage, "reconcile_story", capture)  # noqa: B010 (patched for this run)
    result = read_inputs([path])
    articles, annotations = pipeline.prepare(result.articles)
    pipeline.assemble(articles, annotations, timings={})
    with out.open("wb") as handle:
        pickle.dump(captured, handle)


if __name__ == "__main__":
    main()
