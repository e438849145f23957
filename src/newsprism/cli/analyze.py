"""``newsprism analyze``: one shot from inputs to a report file and a terminal summary."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.table import Table

from .. import pipeline
from .. import report as report_output
from ..errors import NewsprismError
from ..models import Report
from .common import check_date, cli, output_format, progress_bar, render, save

# Below this many inputs a run finishes in a few seconds; a progress bar would only flicker.
PROGRESS_MIN_INPUTS = 20


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
    fmt = output_format(output)
    published = check_date(published)
    err = Console(stderr=True)
    try:
        with progress_bar(err, enabled=len(paths) >= PROGRESS_MIN_INPUTS and not quiet) as update:
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


def _write(result: Report, output: str, fmt: str) -> None:
    """Write the report in ``fmt`` to ``output`` (a path, or '-' for stdout)."""
    if fmt == "md":
        text = report_output.to_markdown(result)
    else:
        text = render(report_output.to_dict(result), fmt)
    if output == "-":
        sys.stdout.write(text)
        return
    save(output, text)


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
