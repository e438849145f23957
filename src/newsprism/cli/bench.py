"""``newsprism bench``: quality and speed measurements, one JSON object on the last line."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from ..bench.records import read_jsonl
from .common import bench, echo_metrics


@bench.command("speed")
@click.argument(
    "file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--docs", default=1000, show_default=True, help="Number of articles to process.")
def bench_speed(file: Path | None, docs: int) -> None:
    """Articles/s and words/s per stage, and peak memory, on DOCS articles.

    FILE is a JSONL file of article records; without it, synthetic articles are made.
    """
    from ..bench.speed import run_speed_bench

    echo_metrics(lambda: run_speed_bench(docs=docs, path=file))


@bench.command("cluster")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--split",
    help="Score only these records, clustered on their own: a value of the records' 'split' "
    "field (train, dev), or hash0/hash1 for the halves of the gold clusters.",
)
def bench_cluster(file: Path, split: str | None) -> None:
    """B-cubed precision/recall/F1 and ARI of the stories against gold_cluster, clusters and
    articles/s (clustering alone; cleaning and annotation are timed apart)."""
    from ..bench.cluster import run_cluster_bench

    echo_metrics(lambda: run_cluster_bench(file, split=split))


@bench.command("figures")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--grouping",
    type=click.Choice(["cluster", "gold"]),
    default="cluster",
    show_default=True,
    help="Stories for the per-event scores: from clustering, or the gold incidents.",
)
def bench_figures(file: Path, grouping: Literal["cluster", "gold"]) -> None:
    """Exact match of killed and injured counts against gold_num_killed and gold_num_injured:
    per article, and per gold incident after reconciliation of its story."""
    from ..bench.figures import run_figures_bench

    echo_metrics(lambda: run_figures_bench(file, grouping=grouping))


@bench.command("reuse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def bench_reuse(file: Path) -> None:
    """Pairwise precision, recall and F1 of reuse detection against gold_reuse_group.

    FILE is a JSONL file of article records with a gold_reuse_group field.
    """
    from ..bench.reuse import run_reuse_bench

    echo_metrics(lambda: run_reuse_bench(read_jsonl(file)))


@bench.command("reuse-speed")
@click.option("--docs", type=int, multiple=True, help="Article counts (default 2500 5000 10000).")
def bench_reuse_speed(docs: tuple[int, ...]) -> None:
    """Reuse time and peak memory per article count, each in a fresh process, and the
    growth exponent of time."""
    from ..bench.reuse import SCALING_SIZES, run_reuse_scaling

    echo_metrics(lambda: run_reuse_scaling(docs or SCALING_SIZES))


@bench.command("web")
@click.option("--docs", default=10_000, show_default=True, help="Articles to store.")
@click.option("--story-size", default=10, show_default=True, help="Articles per story.")
@click.option("--requests", default=200, show_default=True, help="Story pages to request.")
def bench_web(docs: int, story_size: int, requests: int) -> None:
    """Story page time (median, p95 in ms) with DOCS fictional articles stored."""
    from ..bench.web import run_web_bench

    echo_metrics(lambda: run_web_bench(articles=docs, story_size=story_size, requests=requests))
