"""Measure cleaning on a JSONL file of raw articles (default ../shared/data/gva_dev.jsonl).

Reports how many lines cleaning removes (total, per reason, per article), prints a seeded random
sample of removals with their reasons to read and judge by hand, and optionally a sample of the
lines kept at the start and end of articles, where missed furniture would sit.

    .venv/bin/python scripts/measure_cleaning.py --sample 50 --seed 7 --edges 40
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from collections import Counter
from pathlib import Path

from newsprism.clean import clean_articles, normalize
from newsprism.models import Article

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva_dev.jsonl"


def read_articles(path: Path) -> list[Article]:
    """Articles from a JSONL file with ``id``, ``text`` and ``source`` fields."""
    articles = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            record = json.loads(line)
            articles.append(
                Article(
                    id=str(record.get("id", number)),
                    text=record.get("text") or "",
                    origin=str(path),
                    source=record.get("source"),
                )
            )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=50, help="removals to print")
    parser.add_argument("--seed", type=int, default=7, help="seed for the samples")
    parser.add_argument("--edges", type=int, default=0, help="kept edge lines to print")
    parser.add_argument("--reason", help="sample only removals with this reason")
    parser.add_argument("--width", type=int, default=220, help="characters shown per line")
    args = parser.parse_args()

    articles = read_articles(args.file)
    cleaned = clean_articles(articles)
    lines_in = sum(sum(1 for line in normalize(a.text).split("\n") if line) for a in articles)
    removals = [(article.id, removal) for article in cleaned for removal in article.removed]
    per_article = [len(article.removed) for article in cleaned]
    reasons = Counter(removal.reason for _, removal in removals)

    print(f"articles: {len(articles)}  non-empty lines: {lines_in}")
    share = len(removals) / lines_in if lines_in else 0.0
    print(f"removals: {len(removals)} ({share:.1%} of lines)")
    touched = sum(1 for count in per_article if count)
    print(
        f"per article: mean {statistics.mean(per_article):.2f}, "
        f"median {statistics.median(per_article):g}, max {max(per_article)}, "
        f"articles with any removal {touched} ({touched / len(articles):.1%})"
    )
    print("per reason:")
    for reason, count in reasons.most_common():
        print(f"  {count:6d}  {reason}")

    rng = random.Random(args.seed)
    pool = [item for item in removals if args.reason in (None, item[1].reason)]
    print(f"\n--- {min(args.sample, len(pool))} sampled removals (seed {args.seed}) ---")
    for number, (article_id, removal) in enumerate(
        rng.sample(pool, min(args.sample, len(pool))), 1
    ):
        print(f"{number:3d}. [{removal.reason}] {removal.text[: args.width]!r}  ({article_id})")

    if args.edges:
        edges = []
        for article in cleaned:
            lines = [line for line in article.text.split("\n") if line]
            edges += [("start", line) for line in lines[:2]]
            edges += [("end", line) for line in lines[-2:]]
        print(f"\n--- {args.edges} kept lines at article starts and ends ---")
        for where, line in rng.sample(edges, min(args.edges, len(edges))):
            print(f"  {where:5s} {line[: args.width]!r}")


if __name__ == "__main__":
    main()
