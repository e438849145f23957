"""Clustering settings scored by the event bench (tuning aid): event_both per GVA half.

Usage: .venv/bin/python scripts/tune_cluster_events.py BENCH.pkl [NAME=VALUE ...] [--held-out]

BENCH.pkl comes from scripts/cache_event_bench.py (gva_dev.jsonl: records, prepared articles,
annotations, figures). Each setting (ClusterParams fields, ``;``-separated for several in one
run, e.g. ``join_threshold=0.3;merge_threshold=0.4``; an empty one is the defaults) re-clusters
the whole file as ``newsprism bench figures`` does, reconciles every story and scores each gold
incident by its majority story, reported by incident half (newsprism.bench.cluster.hash_half):
half 0 tunes, half 1 is held out and printed only with --held-out. Clustering B-cubed/ARI are
printed per part as scripts/tune_cluster.py measures them (each part clustered on its own):
GVA half 0 and ECB+ train, plus GVA half 1 and ECB+ dev with --held-out.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsprism.bench.cluster import gold_label, hash_half, score_groups
from newsprism.cluster import Clusterer, ClusterParams, extract_features
from newsprism.cluster.features import ArticleFeatures
from newsprism.extract.dates import extract_dates
from newsprism.extract.figures import Figure
from newsprism.models import Article
from newsprism.reconcile import event_counts
from newsprism.reuse import ReusePair, find_reuse, source_groups

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tune_cluster import load_set, part_of

CLUSTER_CACHE = Path("/tmp/newsprism-cluster-cache")


class EventScorer:
    """Per-incident exact match of killed and injured; story reconciliations are memoised."""

    def __init__(
        self,
        records: Sequence[Mapping[str, Any]],
        articles: Sequence[Article],
        figures: Sequence[Figure],
    ) -> None:
        self.by_id = {article.id: article for article in articles}
        # Figures keep their input order within a story, as score_events keeps them.
        self.figures_of: dict[str, list[tuple[int, Figure]]] = {}
        for position, figure in enumerate(figures):
            self.figures_of.setdefault(figure.article_id, []).append((position, figure))
        self.pairs: list[ReusePair] = list(find_reuse(articles))
        self.dates = {article.id: list(extract_dates(article)) for article in articles}
        self.memo: dict[frozenset[str], dict[str, int | None]] = {}
        self.incidents: dict[str, list[Mapping[str, Any]]] = {}
        for record in records:
            if isinstance(record.get("gold_num_killed"), int) and isinstance(
                record.get("gold_num_injured"), int
            ):
                self.incidents.setdefault(str(record.get("gold_cluster")), []).append(record)

    def story_counts(self, ids: Sequence[str]) -> dict[str, int | None]:
        key = frozenset(ids)
        if key not in self.memo:
            members = sorted((self.by_id[i] for i in ids), key=lambda a: (a.published or "~", a.id))
            inside = [pair for pair in self.pairs if pair.a in key and pair.b in key]
            figures = [f for _, f in sorted(p for i in ids for p in self.figures_of.get(i, []))]
            self.memo[key] = event_counts(
                articles=members,
                figures=figures,
                source_groups=source_groups(members, inside),
                dates=[mention for article in members for mention in self.dates[article.id]],
            )
        return self.memo[key]

    def score(self, groups: Sequence[Sequence[str]]) -> dict[str, Any]:
        story_of = {i: n for n, ids in enumerate(groups) for i in ids}
        both = [0, 0]
        total = [0, 0]
        for label, incident in self.incidents.items():
            votes = Counter(story_of[str(r["id"])] for r in incident if str(r["id"]) in story_of)
            predicted = self.story_counts(groups[votes.most_common(1)[0][0]]) if votes else {}
            ok = (predicted.get("killed") or 0) == incident[0]["gold_num_killed"] and (
                predicted.get("injured") or 0
            ) == incident[0]["gold_num_injured"]
            half = hash_half(label)
            total[half] += 1
            both[half] += ok
        return {"both": both, "total": total}


def cluster(features: Sequence[ArticleFeatures], params: ClusterParams) -> list[tuple[str, ...]]:
    clusterer = Clusterer(params=params)
    clusterer.add_features(features)
    clusterer.refine()
    return clusterer.groups()


def short(scores: Mapping[str, float]) -> str:
    return "P {b3_precision:.3f} R {b3_recall:.3f} F1 {b3_f1:.3f} ARI {ari:.3f}".format(**scores)


def parse(setting: str) -> ClusterParams:
    fields = {f.name: f.type for f in dataclasses.fields(ClusterParams)}
    values: dict[str, Any] = {}
    for item in filter(None, setting.split(";")):
        name, value = item.split("=")
        values[name] = int(value) if fields[name] in ("int", int) else float(value)
    return ClusterParams(**values)


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--held-out"]
    held_out = "--held-out" in sys.argv
    bench: dict[str, Any] = pickle.loads(Path(args[0]).read_bytes())
    settings = args[1:] or [""]
    records, articles = bench["records"], bench["articles"]
    features = [extract_features(a, n) for a, n in zip(articles, bench["annotations"], strict=True)]
    scorer = EventScorer(records, articles, bench["figures"])
    ecb = load_set("ecb", CLUSTER_CACHE)
    gva = list(zip(features, records, strict=True))
    parts = {"gva_h0": part_of(gva, "hash0"), "ecb_train": part_of(ecb, "train")}
    if held_out:
        parts |= {"gva_h1": part_of(gva, "hash1"), "ecb_dev": part_of(ecb, "dev")}
    gva_gold = {f.article_id: gold_label(r) for f, r in gva}
    for setting in settings:
        params = parse(setting)
        started = time.perf_counter()
        groups = cluster(features, params)
        events = scorer.score(groups)
        line: dict[str, Any] = {
            "setting": setting or "defaults",
            "event_both_h0": f"{events['both'][0]}/{events['total'][0]}",
        }
        if held_out:
            line["event_both_h1"] = f"{events['both'][1]}/{events['total'][1]}"
            line["event_both_all"] = round(sum(events["both"]) / sum(events["total"]), 4)
        whole = score_groups(groups, {i: g for i, g in gva_gold.items() if hash_half(g) == 0})
        line["gva_whole_h0"] = short(whole)
        for name, (part_features, gold) in parts.items():
            line[name] = short(score_groups(cluster(part_features, params), gold))
        line["seconds"] = round(time.perf_counter() - started, 1)
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
