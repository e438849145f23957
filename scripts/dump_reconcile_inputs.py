"""Dump the reconcile stage's inputs for a folder of articles (tuning aid, not part of the package).

Usage: .venv/bin/python scripts/dump_reconcile_inputs.py PATH OUT.pkl
Runs ingest, clean, annotate, reuse, story assembly (one story per cluster when clustering
exists, else one story) and figure extraction, and pickles what reconcile_story needs.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from newsprism import pipeline
from newsprism.extract.claims import extract_claims
from newsprism.extract.dates import extract_dates
from newsprism.extract.entities import resolve_story
from newsprism.extract.figures import extract_figures
from newsprism.extract.parsing import SentenceParser
from newsprism.extract.quotes import extract_story_quotes
from newsprism.ingest import read_inputs
from newsprism.reuse import find_reuse, source_groups


def main() -> None:
    path, out = Path(sys.argv[1]), Path(sys.argv[2])
    result = read_inputs([path])
    articles, annotations = pipeline.prepare(result.articles)
    pairs = find_reuse(articles)
    figures = extract_figures(articles, annotations)
    try:
        from newsprism.cluster import cluster_articles

        groups = cluster_articles(articles, annotations)
    except ImportError:
        groups = [tuple(a.id for a in articles)]
    by_id = {a.id: a for a in articles}
    ann = {a.article_id: a for a in annotations}
    stories = []
    parser = SentenceParser()
    for ids in groups:
        ordered = sorted((by_id[i] for i in ids), key=lambda a: (a.published or "~", a.id))
        own = [ann[a.id] for a in ordered]
        wanted = set(ids)
        inside = [p for p in pairs if p.a in wanted and p.b in wanted]
        quoted = extract_story_quotes(ordered, own, parser=parser)
        resolution = resolve_story(ordered, own, parser=parser, quotes=quoted.quotes)
        figs = [f for f in figures if f.article_id in wanted]
        claims = [
            c
            for a in ordered
            for c in extract_claims(
                a, ann[a.id], quotes=quoted.quotes, resolution=resolution, figures=figs
            )
        ]
        stories.append(
            dict(
                articles=ordered,
                claims=claims,
                figures=figs,
                quotes=quoted.quotes,
                labels=quoted.labels,
                dates=[m for a in ordered for m in extract_dates(a)],
                resolution=resolution,
                source_groups=source_groups(ordered, inside),
                reuse_pairs=inside,
            )
        )
    with out.open("wb") as handle:
        pickle.dump(stories, handle)


if __name__ == "__main__":
    main()
