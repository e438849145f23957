"""The store commands: ingest, run, stories, show, export, serve (thin adapters over newsroom,
store and web)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .. import newsroom
from ..errors import NewsprismError
from ..store import Store
from .common import check_date, cli, output_format, progress_bar, render, save

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
    published = check_date(published)
    err = Console(stderr=True)
    with _store(db) as store, progress_bar(err, enabled=not quiet and err.is_terminal) as update:
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
        progress_bar(err, enabled=not quiet and err.is_terminal) as update,
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
    fmt = output_format(output) if output else None
    with _store(db, must_exist=True) as store:
        found = store.story_ids_matching(story)
        if len(found) != 1:
            what = "no story" if not found else f"{len(found)} stories"
            raise click.ClickException(f"{what} matching {story!r}; see 'newsprism stories'")
        data = newsroom.report_dict(store, story_ids=found)
    if output is not None:
        save(output, render(data, fmt or "json"))
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
        save(output, text)


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

    from ..web.app import LOOPBACK_HOST_NAMES, check_bind, create_app, is_loopback

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
