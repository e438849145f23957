"""Cache the per-article stages of the event bench (tuning aid): records -> pickle.

Usage: .venv/bin/python scripts/cache_event_bench.py DATA.jsonl OUT.pkl
Prepares articles as ``newsprism bench figures`` does (the pipeline's own cleaning and
annotation), then pickles records, cleaned articles, annotations, figures and (when
newsprism.cluster exists) the predicted story groups, so reconciliation variants can be scored
in seconds on the same inputs the bench scores.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

from newsprism import pipeline
from newsprism.bench.records import article_from_record, read_jsonl
from newsprism.extract.figures import extract_figures


def main() -> None:
    path, out = Path(sys.argv[1]), Path(sys.argv[2])
    records = list(read_jsonl(path))
    started = time.perf_counter()
    articles, annotations = pipeline.prepare([article_from_record(r) for r in records])
    figures = extract_figures(articles, annotations)
    groups = None
    try:
        from newsprism.cluster import cluster_articles

        groups = cluster_articles(articles, annotations)
    except ImportError:
        pass
    elapsed = time.perf_counter() - started
    with out.open("wb") as handle:
        pickle.dump(
            {
                "records": records,
                "articles": articles,
                "annotations": annotations,
                "figures": figures,
                "groups": groups,
                "seconds": elapsed,
            },
            handle,
        )


if __name__ == "__main__":
    main()
