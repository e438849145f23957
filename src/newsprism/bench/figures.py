"""Figures bench: per-article exact match of the killed and injured counts, and speed.

``run_figures_bench(path)`` reads article records (``{"id", "text", "title", "date", "source",
...}`` with gold ``gold_num_killed`` and ``gold_num_injured``, grouped by ``gold_cluster``),
cleans, annotates and extracts figures, and compares each article's own counts
(:func:`~newsprism.extract.figures_counts.article_counts`) with the gold. A count the article
does not state is scored as 0 (the gold codes an unstated count as 0); records without gold
counts are left out of the scores. The per-event scores (``event_*``) come with reconciliation.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from .. import pipeline
from ..extract.figures import Figure, extract_figures
from ..extract.figures_counts import article_counts
from .events import Grouping, score_events, story_groups
from .records import article_from_record, read_jsonl


def run_figures_bench(path: Path, *, grouping: Grouping = "cluster") -> dict[str, object]:
    """Per article ``killed_exact``, ``injured_exact``, ``both_exact``, ``docs``, ``docs_per_s``,
    ``words_per_s``; per gold incident after reconciliation ``event_killed_exact``,
    ``event_injured_exact``, ``event_both_exact``, with ``event_grouping`` saying whether the
    stories came from clustering or from the gold incidents.

    Raises:
        InputError: the file cannot be read or a line is not a JSON object.
    """
    records = list(read_jsonl(path))
    started = time.perf_counter()
    articles, annotations = pipeline.prepare([article_from_record(r) for r in records])
    figures = extract_figures(articles, annotations)
    elapsed = time.perf_counter() - started
    by_article: dict[str, list[Figure]] = {article.id: [] for article in articles}
    for figure in figures:
        by_article[figure.article_id].append(figure)
    rows = [
        (record, article_counts(by_article[article.id], article))
        for record, article in zip(records, articles, strict=True)
    ]
    scores = score_counts(rows)
    scores["docs_per_s"] = len(articles) / elapsed if elapsed > 0 else 0.0
    scores["words_per_s"] = sum(a.words for a in annotations) / elapsed if elapsed > 0 else 0.0
    groups, used = story_groups(articles, annotations, records, grouping=grouping)
    result: dict[str, object] = dict(scores)
    result.update(score_events(records, articles, figures, groups))
    result["event_grouping"] = used
    return result


def score_counts(
    rows: Iterable[tuple[Mapping[str, object], Mapping[str, int | None]]],
) -> dict[str, float]:
    """Exact-match rates of killed, injured and both over records with gold counts."""
    scored = killed = injured = both = 0
    for record, counts in rows:
        gold_killed = record.get("gold_num_killed")
        gold_injured = record.get("gold_num_injured")
        if not isinstance(gold_killed, int) or not isinstance(gold_injured, int):
            continue
        scored += 1
        killed_ok = (counts.get("killed") or 0) == gold_killed
        injured_ok = (counts.get("injured") or 0) == gold_injured
        killed += killed_ok
        injured += injured_ok
        both += killed_ok and injured_ok
    total = max(scored, 1)
    return {
        "killed_exact": killed / total,
        "injured_exact": injured / total,
        "both_exact": both / total,
        "docs": float(scored),
    }
