"""Event scores: per-event exact match of killed and injured after reconciliation.

:func:`newsprism.bench.figures.run_figures_bench` uses these: articles grouped into stories
(:mod:`newsprism.cluster`, or the gold incidents), each story's figures reconciled into its
event record (:mod:`newsprism.reconcile`), and each gold incident scored by the story holding
most of its articles: its ``best`` killed and injured against the gold (an unstated count is 0).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

from ..extract.dates import extract_dates
from ..extract.figures import Figure
from ..models import Annotation, Article
from ..reconcile import event_counts
from ..reuse import find_reuse, source_groups

Grouping = Literal["cluster", "gold"]


def story_groups(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    records: Sequence[Mapping[str, object]],
    *,
    grouping: Grouping = "cluster",
) -> tuple[list[tuple[str, ...]], str]:
    """Stories as tuples of article ids, and which grouping made them."""
    if grouping == "cluster":
        from ..cluster import cluster_articles

        return cluster_articles(articles, annotations), "cluster"
    by_gold: dict[str, list[str]] = {}
    for record, article in zip(records, articles, strict=True):
        by_gold.setdefault(str(record.get("gold_cluster", article.id)), []).append(article.id)
    return [tuple(ids) for ids in by_gold.values()], "gold"


def score_events(
    records: Sequence[Mapping[str, object]],
    articles: Sequence[Article],
    figures: Sequence[Figure],
    groups: Sequence[Sequence[str]],
) -> dict[str, object]:
    """Reconcile each story and score every gold incident by its majority story."""
    by_id = {article.id: article for article in articles}
    story_of: dict[str, int] = {}
    for index, ids in enumerate(groups):
        for article_id in ids:
            story_of[article_id] = index
    figures_of: dict[int, list[Figure]] = {}
    for figure in figures:
        figures_of.setdefault(story_of.get(figure.article_id, -1), []).append(figure)
    pairs = find_reuse(articles)
    counts: dict[int, dict[str, int | None]] = {}
    for index, ids in enumerate(groups):
        members = sorted((by_id[i] for i in ids), key=lambda a: (a.published or "~", a.id))
        wanted = set(ids)
        inside = [pair for pair in pairs if pair.a in wanted and pair.b in wanted]
        counts[index] = event_counts(
            articles=members,
            figures=figures_of.get(index, []),
            source_groups=source_groups(members, inside),
            dates=[mention for article in members for mention in extract_dates(article)],
        )
    incidents: dict[str, list[Mapping[str, object]]] = {}
    for record in records:
        if isinstance(record.get("gold_num_killed"), int) and isinstance(
            record.get("gold_num_injured"), int
        ):
            incidents.setdefault(str(record.get("gold_cluster")), []).append(record)
    killed = injured = both = 0
    for incident in incidents.values():
        votes = Counter(story_of[str(r["id"])] for r in incident if str(r["id"]) in story_of)
        story = votes.most_common(1)[0][0] if votes else -1
        predicted = counts.get(story, {})
        killed_ok = (predicted.get("killed") or 0) == incident[0]["gold_num_killed"]
        injured_ok = (predicted.get("injured") or 0) == incident[0]["gold_num_injured"]
        killed += killed_ok
        injured += injured_ok
        both += killed_ok and injured_ok
    total = max(len(incidents), 1)
    return {
        "event_killed_exact": killed / total,
        "event_injured_exact": injured / total,
        "event_both_exact": both / total,
        "events": float(len(incidents)),
        "stories": float(len(groups)),
    }
