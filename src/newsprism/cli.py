"""Command-line interface: thin click commands over the library.

Every command calls one library function, prints its result and turns a NewsprismError into a
one-line message with a non-zero exit. Problems with single inputs are printed one per line on
stderr; the run goes on with the other inputs.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import pipeline
from . import report as report_output
from .bench.records import read_jsonl
from .errors import NewsprismError
from .models import Report

# Below this many inputs a run finishes in a few seconds; a progress bar would only flicker.
PROGRESS_MIN_INPUTS = 20
OUTPUT_FORMATS = {".json": "json", ".md": "md", ".markdown": "md"}


@click.group()
@click.version_option(package_name="newsprism")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
def cli(verbose: int) -> None:
    """newsprism: make sense of many news reports on the same events.

    Reads articles from files, folders, URLs, feeds and WARC archives, removes page furniture,
    finds the people, places and organisations they name, groups them into stories and writes
    a report (JSON, Markdown) with everything found.
    """
    # the tokenizers library warns on stderr when spaCy forks workers after embedding
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the report here: .json or .md by extension; '-' writes JSON to stdout.",
)
@click.option("--source", help="Outlet name for inputs that do not say which outlet they are from.")
@click.option(
    "--published",
    help="Publication date (ISO 8601, e.g. 2026-03-10) for inputs that carry none.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print no summary table, only problems.")
def analyze(
    paths: tuple[str, ...],
    output: str | None,
    source: str | None,
    published: str | None,
    quiet: bool,
) -> None:
    """Analyze articles in PATHS (files, folders, URLs) and write one report.

    Example:

    \b
        newsprism analyze articles/ https://example.org/feed.xml -o report.json
    """
    fmt = _output_format(output)
    published = _check_date(published)
    err = Console(stderr=True)
    try:
        with _progress(err, enabled=len(paths) >= PROGRESS_MIN_INPUTS and not quiet) as update:
            result = pipeline.analyze(paths, source=source, published=published, progress=update)
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error
    for problem in result.problems:
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    if not result.articles:
        raise click.ClickException("no article could be read from the given inputs")
    if output is not None:
        _write(result, output, fmt)
    if not quiet and output != "-":
        _print_summary(result)
    if output not in (None, "-"):
        click.echo(f"Report written to {output}")


@cli.group()
def bench() -> None:
    """Measure quality and speed; each task prints one JSON object on its last line."""


@bench.command("speed")
@click.argument(
    "file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--docs", default=1000, show_default=True, help="Number of articles to process.")
def bench_speed(file: Path | None, docs: int) -> None:
    """Articles/s and words/s per stage, and peak memory, on DOCS articles.

    FILE is a JSONL file of article records; without it, synthetic articles are made.
    """
    from .bench.speed import run_speed_bench

    _echo_metrics(lambda: run_speed_bench(docs=docs, path=file))


@bench.command("reuse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def bench_reuse(file: Path) -> None:
    """Pairwise precision, recall and F1 of reuse detection against gold_reuse_group.

    FILE is a JSONL file of article records with a gold_reuse_group field.
    """
    from .bench.reuse import run_reuse_bench

    _echo_metrics(lambda: run_reuse_bench(read_jsonl(file)))


@bench.command("reuse-speed")
@click.option("--docs", type=int, multiple=True, help="Article counts (default 2500 5000 10000).")
def bench_reuse_speed(docs: tuple[int, ...]) -> None:
    """Reuse time and peak memory per article count, each in a fresh process, and the
    growth exponent of time."""
    from .bench.reuse import SCALING_SIZES, run_reuse_scaling

    _echo_metrics(lambda: run_reuse_scaling(docs or SCALING_SIZES))


def _echo_metrics(measure: Callable[[], dict[str, float]]) -> None:
    """Run a bench and print its metrics as one JSON object on the last line."""
    try:
        metrics = measure()
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error
    click.echo(json.dumps(metrics, sort_keys=True))


def _output_format(output: str | None) -> str:
    if output is None or output == "-":
        return "json"
    suffix = Path(output).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        known = ", ".join(sorted(OUTPUT_FORMATS))
        raise click.BadParameter(f"{output}: unknown report format (use {known})", param_hint="-o")
    return OUTPUT_FORMATS[suffix]


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO 8601 date such as 2026-03-10", param_hint="--published"
        ) from None


def _write(result: Report, output: str, fmt: str) -> None:
    text = report_output.to_markdown(result) if fmt == "md" else report_output.to_json(result)
    if output == "-":
        sys.stdout.write(text)
        return
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as error:
        raise click.ClickException(
            f"{output}: cannot write the report ({error.strerror})"
        ) from None


@contextmanager
def _progress(console: Console, *, enabled: bool) -> Iterator[pipeline.Progress]:
    """A rich progress bar per stage, fed by the pipeline's progress callback."""
    if not enabled:
        yield lambda stage, done, total: None
        return
    columns = (
        TextColumn("{task.description:>9}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, object] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total or None)
            bar.update(tasks[stage], completed=done)  # type: ignore[arg-type]

        yield update


def _print_summary(result: Report) -> None:
    console = Console()
    by_id = {article.id: article for article in result.articles}
    stats = result.stats
    words = int(stats.get("words", 0))
    console.print(
        f"[bold]{len(result.articles)}[/] articles, {words:,} words, "
        f"[bold]{len(result.stories)}[/] stories, {len(result.problems)} input problems"
    )
    for story in result.stories:
        table = Table(title=story.title or story.id, title_justify="left", show_lines=False)
        for column in ("article", "source", "published", "words", "removed"):
            table.add_column(column, overflow="fold")
        words_by_id = {a.article_id: a.words for a in result.annotations}
        for article_id in story.article_ids:
            article = by_id[article_id]
            source = article.source or "?"
            if article.wire and article.wire != article.source:
                source += f" (wire {article.wire})"
            table.add_row(
                article_id,
                source,
                (article.published or "")[:10],
                str(words_by_id.get(article_id, 0)),
                str(len(article.removed)),
            )
        console.print(table)
        names = ", ".join(entity.name for entity in story.entities[:8])
        if names:
            console.print(f"Most named: {names}", markup=False, highlight=False)
