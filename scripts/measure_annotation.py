"""Measure annotation speed (words/s) and peak memory on development articles.

Each configuration runs in a fresh Python process so its peak RSS is its own:

    .venv/bin/python scripts/measure_annotation.py                  # 1,000 articles, n_process 1, 2
    .venv/bin/python scripts/measure_annotation.py --runs 2 --long  # twice, plus one 2 MB article

Reads ../shared/data/gva_dev.jsonl (records with "id" and "text") at run time; prints one JSON
object per configuration and a summary table.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from newsprism.annotate import annotate, load_pipeline
from newsprism.models import Article
from newsprism.settings import Settings

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "gva_dev.jsonl"
LONG_ARTICLE_CHARS = 2_000_000


def _read_articles(path: Path, docs: int) -> list[Article]:
    articles: list[Article] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if len(articles) >= docs:
                break
            record = json.loads(line)
            if record.get("text"):
                articles.append(Article(id=str(record["id"]), text=record["text"], origin="bench"))
    return articles


def _peak_rss_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # ru_maxrss is in KiB on Linux


def _cpu_s() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def worker(path: Path, docs: int, n_process: int, long: bool) -> dict[str, object]:
    """Annotate in this process and return the figures."""
    articles = _read_articles(path, docs)
    if long:
        text = "\n\n".join(a.text for a in articles)
        while len(text) < LONG_ARTICLE_CHARS:
            text += "\n\n" + text
        articles = [Article(id="long", text=text[:LONG_ARTICLE_CHARS], origin="bench")]
    started = time.perf_counter()
    load_pipeline()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    cpu_started = _cpu_s()
    annotations = annotate(articles, settings=Settings(n_process=n_process))
    seconds = time.perf_counter() - started
    cpu_s = _cpu_s() - cpu_started
    words = sum(a.words for a in annotations)
    return {
        "config": "long" if long else f"n_process={n_process}",
        "docs": len(articles),
        "chars": sum(len(a.text) for a in articles),
        "words": words,
        "load_s": round(load_s, 2),
        "annotate_s": round(seconds, 2),
        "words_per_s": round(words / seconds, 1),
        "docs_per_s": round(len(articles) / seconds, 2),
        # CPU seconds of this process and its finished workers: other jobs on the machine slow
        # the wall clock but not this, so words per CPU second compares runs fairly.
        "cpu_s": round(cpu_s, 2),
        "words_per_cpu_s": round(words / cpu_s, 1) if cpu_s else 0.0,
        "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF),
        "peak_rss_child_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1, help="repeat every configuration")
    parser.add_argument("--long", action="store_true", help="also time one 2 MB article")
    parser.add_argument("--worker", type=int, metavar="N_PROCESS", help=argparse.SUPPRESS)
    parser.add_argument("--worker-long", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        print(json.dumps(worker(args.data, args.docs, args.worker, args.worker_long)))
        return
    if not args.data.is_file():
        sys.exit(f"{args.data} not found")
    configs: list[list[str]] = [["--worker", "1"], ["--worker", "2"]]
    if args.long:
        configs.append(["--worker", "1", "--worker-long"])
    results = []
    for run in range(1, args.runs + 1):
        for config in configs:
            command = [sys.executable, __file__, "--data", str(args.data), "--docs", str(args.docs)]
            done = subprocess.run(command + config, check=True, capture_output=True, text=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            result["run"] = run
            results.append(result)
            print(json.dumps(result), flush=True)
    print(f"\n{'run':>3} {'config':<12} {'docs':>5} {'words':>8} {'s':>7} {'words/s':>8} "
          f"{'cpu s':>7} {'w/cpu s':>8} {'rss MB':>7} {'child MB':>8}")  # fmt: skip
    for r in results:
        print(
            f"{r['run']:>3} {r['config']:<12} {r['docs']:>5} {r['words']:>8} "
            f"{r['annotate_s']:>7} {r['words_per_s']:>8} {r['cpu_s']:>7} "
            f"{r['words_per_cpu_s']:>8} {r['peak_rss_mb']:>7} "
            f"{r['peak_rss_child_mb']:>8}"
        )


if __name__ == "__main__":
    main()
