"""Shared pieces of the command line: the command groups, output formats and file writing."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import newsroom, pipeline
from .. import report as report_output
from ..errors import NewsprismError

OUTPUT_FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


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


@cli.group()
def bench() -> None:
    """Measure quality and speed; each task prints one JSON object on its last line."""


def echo_metrics(measure: Callable[[], Mapping[str, object]]) -> None:
    """Run a bench and print its metrics as one JSON object on the last line."""
    try:
        metrics = measure()
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error
    click.echo(json.dumps(metrics, sort_keys=True))


def output_format(output: str | None) -> str:
    if output is None or output == "-":
        return "json"
    suffix = Path(output).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        known = ", ".join(sorted(OUTPUT_FORMATS))
        raise click.BadParameter(f"{output}: unknown report format (use {known})", param_hint="-o")
    return OUTPUT_FORMATS[suffix]


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO 8601 date such as 2026-03-10", param_hint="--published"
        ) from None


def render(data: dict[str, object], fmt: str) -> str:
    if fmt == "html":
        from ..htmlreport import render as render_html

        return render_html(data)
    if fmt == "md":
        return report_output.to_markdown(newsroom.report_from_dict(data))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(output: str, text: str) -> None:
    """Write ``text`` to ``output`` atomically (a temporary file renamed into place)."""
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as error:
        raise click.ClickException(f"{output}: cannot write ({error.strerror})") from None


@contextmanager
def progress_bar(console: Console, *, enabled: bool) -> Iterator[pipeline.Progress]:
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
