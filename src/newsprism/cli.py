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
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import newsroom, pipeline
from . import report as report_output
from .bench.records import read_jsonl
from .errors import NewsprismError
from .models import Report
from .store import Store

# Below this many inputs a run finishes in a few seconds; a progress bar would only flicker.
PROGRESS_MIN_INPUTS = 20
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


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the report here: .json, .md or .html by extension; '-' writes JSON to stdout.",
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
    """Write the report in ``fmt`` to ``output`` (a path, or '-' for stdout)."""
    if fmt == "md":
        text = report_output.to_markdown(result)
    else:
        text = _render(report_output.to_dict(result), fmt)
    if output == "-":
        sys.stdout.write(text)
        return
    _save(output, text)


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


# -- store commands (issue 7): thin adapters over newsroom, store and web ----------------------

DB_OPTION = click.option(
    "--db",
    default="newsprism.db",
    show_default=True,
    help="The store: a SQLite file, or a postgresql://user@host/name URL.",
)


@contextmanager
def _store(db: str, *, must_exist: bool = False) -> Iterator[Store]:
    """Open the store; any NewsprismError inside becomes a one-line CLI error."""
    try:
        with Store.open(db, must_exist=must_exist) as store:
            yield store
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--source", help="Outlet name for inputs that do not say which outlet they are from.")
@click.option("--published", help="Publication date (ISO 8601) for inputs that carry none.")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def ingest(
    paths: tuple[str, ...], db: str, source: str | None, published: str | None, quiet: bool
) -> None:
    """Store the articles in PATHS (files, folders, URLs); the same article is stored once.

    Example:

    \b
        newsprism ingest examples/articles --db news.db
    """
    published = _check_date(published)
    err = Console(stderr=True)
    with _store(db) as store, _progress(err, enabled=not quiet and err.is_terminal) as update:
        summary = newsroom.ingest_paths(
            store, paths, source=source, published=published, progress=update
        )
    for problem in summary.problems:
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    if not quiet:
        click.echo(
            f"{summary.added} articles added, {summary.updated} changed, "
            f"{summary.unchanged} already stored ({db})"
        )


@cli.command("run")
@DB_OPTION
@click.option("--reassemble", is_flag=True, help="Rebuild the stories even if nothing is new.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
def run_command(db: str, reassemble: bool, quiet: bool) -> None:
    """Process the stored articles that are new and update the stories.

    Example:

    \b
        newsprism run --db news.db
    """
    err = Console(stderr=True)
    with (
        _store(db, must_exist=True) as store,
        _progress(err, enabled=not quiet and err.is_terminal) as update,
    ):
        summary = newsroom.run(store, reassemble=reassemble, progress=update)
    if not quiet:
        kept = "" if summary.assembled else " (nothing new: stories kept)"
        click.echo(
            f"{summary.prepared} articles processed, {summary.already_prepared} done before; "
            f"{summary.stories} stories{kept}"
        )


@cli.command("stories")
@DB_OPTION
@click.option("--limit", default=50, show_default=True, help="Show at most this many stories.")
def stories_command(db: str, limit: int) -> None:
    """List the stored stories, latest first."""
    with _store(db, must_exist=True) as store:
        rows = store.stories(limit=limit)
        total = store.story_count()
    table = Table(title=f"{total} stories", title_justify="left")
    table.add_column("story", no_wrap=True)
    for column in ("title", "span", "articles", "sources", "outlets", "contested"):
        table.add_column(column, overflow="fold")
    for row in rows:
        span = " to ".join(dict.fromkeys(d[:10] for d in (row.start, row.end) if d))
        groups = "-" if row.source_group_count is None else str(row.source_group_count)
        table.add_row(
            row.id,
            row.title or "",
            span,
            str(row.article_count),
            groups,
            str(len(row.outlets)),
            str(row.contested_count),
        )
    Console().print(table)


@cli.command()
@click.argument("story")
@DB_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the story here: .html (self-contained), .json or .md by extension.",
)
def show(story: str, db: str, output: str | None) -> None:
    """Show one STORY (its id, or the start of it), or write it to a file."""
    fmt = _output_format(output) if output else None
    with _store(db, must_exist=True) as store:
        found = store.story_ids_matching(story)
        if len(found) != 1:
            what = "no story" if not found else f"{len(found)} stories"
            raise click.ClickException(f"{what} matching {story!r}; see 'newsprism stories'")
        data = newsroom.report_dict(store, story_ids=found)
    if output is not None:
        _save(output, _render(data, fmt or "json"))
        click.echo(f"Story written to {output}")
        return
    _print_story(data)


@cli.command()
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(newsroom.EXPORT_FORMATS),
    default="json",
    show_default=True,
    help="json: the report contract; csv: one event record per story; md: Markdown.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
def export(db: str, fmt: newsroom.ExportFormat, output: str | None) -> None:
    """Export everything stored as JSON, Markdown, or a CSV of event records."""
    with _store(db, must_exist=True) as store:
        text = newsroom.export(store, fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        _save(output, text)


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--token",
    envvar="NEWSPRISM_TOKEN",
    help="Secret every request must carry; required off loopback (env NEWSPRISM_TOKEN).",
)
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the web app and JSON API over the store (read-only).

    Example:

    \b
        newsprism serve --db news.db     # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from .web.app import LOOPBACK_HOST_NAMES, check_bind, create_app, is_loopback

    try:
        check_bind(host, token)
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error
    with _store(db, must_exist=True) as store:
        trusted = LOOPBACK_HOST_NAMES if is_loopback(host) else None
        app = create_app(store, token=token, trusted_hosts=trusted)
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"Serving {db} at http://{shown}:{port}/ (Ctrl+C stops)")
        if token:
            click.echo(
                "Every request must carry the token: open the page once with ?token=..., "
                "or send 'Authorization: Bearer ...'."
            )
        uvicorn.run(app, host=host, port=port, log_level="warning")


@bench.command("web")
@click.option("--docs", default=10_000, show_default=True, help="Articles to store.")
@click.option("--story-size", default=10, show_default=True, help="Articles per story.")
@click.option("--requests", default=200, show_default=True, help="Story pages to request.")
def bench_web(docs: int, story_size: int, requests: int) -> None:
    """Story page time (median, p95 in ms) with DOCS fictional articles stored."""
    from .bench.web import run_web_bench

    _echo_metrics(lambda: run_web_bench(articles=docs, story_size=story_size, requests=requests))


def _render(data: dict[str, object], fmt: str) -> str:
    if fmt == "html":
        from .htmlreport import render as render_html

        return render_html(data)
    if fmt == "md":
        return report_output.to_markdown(newsroom.report_from_dict(data))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _save(output: str, text: str) -> None:
    """Write ``text`` to ``output`` atomically (a temporary file renamed into place)."""
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as error:
        raise click.ClickException(f"{output}: cannot write ({error.strerror})") from None


def _print_story(data: dict[str, Any]) -> None:
    console = Console()
    story = data["stories"][0]
    articles = {a["id"]: a for a in data["articles"]}
    console.print(f"[bold]{escape(story.get('title') or story['id'])}[/]  ({story['id']})")
    groups = len(story.get("source_groups") or [])
    console.print(
        f"{len(story['article_ids'])} articles, {groups or '-'} independent sources, "
        f"{sum(1 for f in story.get('facts') or [] if f.get('status') == 'contested')} contested"
    )
    for entry in story.get("brief") or []:
        console.print(f"- {entry.get('text')} [{entry.get('status')}]", markup=False)
    for article_id in story["article_ids"]:
        article = articles.get(article_id, {})
        console.print(
            f"  {article_id}  {article.get('source') or '?'}  {article.get('title') or ''}",
            markup=False,
            highlight=False,
        )
