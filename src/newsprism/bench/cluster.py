"""Cluster bench: B-cubed precision/recall/F1 and ARI of stories against ``gold_cluster``.

``run_cluster_bench(path)`` reads article records (``{"id", "text", "title", "date", "source",
"url", ..., "gold_cluster"}``), cleans and annotates them as the pipeline does, clusters them
with :func:`newsprism.cluster.cluster_articles`, and scores the groups. A record without
``gold_cluster`` is its own gold cluster.

``split`` keeps only some records *before* clustering (so the other records cannot attract or
split them): a value of the records' ``split`` field ("train", "dev"), or ``"hash0"`` /
``"hash1"`` for the two halves of the gold clusters by a hash of their id (for data sets without
a split field: tune on one half, report the other). ``docs_per_s`` times clustering alone
(features, placement, refinement), after cleaning and annotation; ``prepare_s`` is the time of
cleaning and annotation, reported apart.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sklearn.metrics import adjusted_rand_score

from .. import pipeline
from ..cluster import DEFAULT_PARAMS, ClusterParams, cluster_articles
from ..models import Annotation, Article
from .records import article_from_record, read_jsonl

HASH_SPLITS = ("hash0", "hash1")


def run_cluster_bench(
    path: Path, *, split: str | None = None, params: ClusterParams = DEFAULT_PARAMS
) -> dict[str, float]:
    """Keys ``b3_precision``, ``b3_recall``, ``b3_f1``, ``ari``, ``clusters``, ``gold_clusters``,
    ``docs``, ``docs_per_s`` (clustering only), ``cluster_s`` and ``prepare_s``.

    Raises:
        InputError: the file cannot be read or a line is not a JSON object.
    """
    records = select(read_jsonl(path), split)
    started = time.perf_counter()
    articles, annotations = prepare(records)
    prepared = time.perf_counter()
    groups = cluster_articles(articles, annotations, params=params)
    elapsed = time.perf_counter() - prepared
    gold = {a.id: gold_label(record) for a, record in zip(articles, records, strict=True)}
    scores = score_groups(groups, gold)
    scores["docs_per_s"] = len(articles) / elapsed if elapsed > 0 else 0.0
    scores["cluster_s"] = elapsed
    scores["prepare_s"] = prepared - started
    return scores


def select(records: Iterable[dict[str, Any]], split: str | None) -> list[dict[str, Any]]:
    """The records of one split (see the module docstring); all of them when ``split`` is None."""
    if split is None:
        return list(records)
    if split in HASH_SPLITS:
        return [r for r in records if f"hash{hash_half(gold_label(r))}" == split]
    return [r for r in records if r.get("split") == split]


def hash_half(label: str) -> int:
    """0 or 1: which half of a data set the gold cluster ``label`` falls in (stable, seedless)."""
    return int(hashlib.sha1(label.encode("utf-8")).hexdigest(), 16) % 2


def gold_label(record: Mapping[str, Any]) -> str:
    """The record's gold cluster, or its id when it has none."""
    label = record.get("gold_cluster")
    return str(label) if label not in (None, "") else f"id:{record.get('id')}"


def prepare(records: Sequence[Mapping[str, Any]]) -> tuple[list[Article], list[Annotation]]:
    """Articles from records, cleaned and annotated by the pipeline's own per-article stages."""
    return pipeline.prepare([article_from_record(record) for record in records])


def score_groups(groups: Sequence[Sequence[str]], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """B-cubed and ARI of predicted ``groups`` against ``gold`` (article id -> gold label).

    Articles missing from ``groups`` count as singletons.
    """
    predicted: dict[str, Hashable] = {}
    for number, group in enumerate(groups):
        for article_id in group:
            predicted[article_id] = number
    ids = list(gold)
    pred = [predicted.get(article_id, f"alone:{article_id}") for article_id in ids]
    true = [gold[article_id] for article_id in ids]
    precision, recall, f1 = b_cubed(pred, true)
    return {
        "b3_precision": precision,
        "b3_recall": recall,
        "b3_f1": f1,
        "ari": adjusted_rand(pred, true),
        "clusters": float(len(set(pred))),
        "gold_clusters": float(len(set(true))),
        "docs": float(len(ids)),
    }


def b_cubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of two labelings of the same items.

    Per item, precision is the share of its predicted cluster that shares its gold cluster, and
    recall the share of its gold cluster that shares its predicted cluster; both are averaged
    over items. Reference: Bagga & Baldwin, "Algorithms for scoring coreference chains" (1998).
    Empty input scores 1.0 (nothing to get wrong).
    """
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold labelings must have the same length")
    if not gold:
        return 1.0, 1.0, 1.0
    both = Counter(zip(predicted, gold, strict=True))
    pred_sizes, gold_sizes = Counter(predicted), Counter(gold)
    precision = sum(n * n / pred_sizes[p] for (p, _), n in both.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (_, g), n in both.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions, ~0 for chance."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold labelings must have the same length")
    if len(gold) < 2:
        return 1.0
    codes: dict[Hashable, int] = {}
    pred = [codes.setdefault(("p", label), len(codes)) for label in predicted]
    true = [codes.setdefault(("g", label), len(codes)) for label in gold]
    return float(adjusted_rand_score(true, pred))
