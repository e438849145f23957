"""Ingest: files, folders, URLs, RSS/Atom feeds and WARC archives -> raw articles and problems.

``read_inputs`` reads each input with the reader for its kind (``files``, ``records``, ``html``,
``urls``, ``feeds``, ``warc``), then gives every article an id (``ids``), its outlet and any
credited wire agency (``sources``). Articles keep their raw body text; cleaning comes later.
A bad input never stops the others: it becomes a :class:`~newsprism.models.Problem`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..models import Article, Problem
from ..settings import DEFAULT_SETTINGS, Settings
from .dates import to_iso_date
from .drafts import Batch, Draft
from .fetch import FetchedPage, Fetcher, HttpFetcher
from .files import read_path
from .ids import deduplicate, derive_id
from .sources import choose_source, find_wire_credit
from .urls import has_scheme, is_url, read_url

__all__ = [
    "FetchedPage",
    "Fetcher",
    "HttpFetcher",
    "IngestResult",
    "find_wire_credit",
    "read_inputs",
]

LOG = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestResult:
    """Articles read, in input order, and the problems met on the way."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def read_inputs(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    fetcher: Fetcher | None = None,
    source: str | None = None,
    published: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Read files, folders, http(s) URLs and feeds into raw articles.

    Args:
        inputs: paths (files or folders, read recursively) and http(s) URLs of pages or feeds.
        settings: size limits, fetch timeout and user agent.
        fetcher: downloads a URL; defaults to an httpx client built from ``settings``.
        source: the outlet for inputs that name none of their own. An input's own evidence wins:
            a record field or sidecar, the HTML site name, the URL's domain; ``source`` comes
            next, before a wire agency credited in the text.
        published: the date for inputs that give none (a record field, sidecar, page or feed
            date wins).
        progress: called with the number of inputs finished so far (a folder is one input).

    Returns:
        The articles (each once, with unique ids) and one problem per bad input, record or
        repeat: level "error" when the input was skipped, "warning" when it was kept. A repeat
        is the same id with the same text, or the same text again unless it comes from another
        URL or outlet (syndicated copy is kept for the reuse stage).

    Raises:
        InputError: ``published`` is not a recognisable date. Bad inputs never raise.
    """
    if isinstance(inputs, (str, os.PathLike)):  # one path given bare, not a list of characters
        inputs = [inputs]
    default_published = to_iso_date(published) if published else None
    if published and default_published is None:
        raise InputError(f"published: {published!r} is not a recognisable date")
    own_fetcher = HttpFetcher(settings)  # opens a connection only when first called
    batch = Batch()
    try:
        for done, item in enumerate(inputs, start=1):
            batch.extend(_read_one(item, settings=settings, fetcher=fetcher or own_fetcher))
            if progress is not None:
                progress(done)
    finally:
        own_fetcher.close()
    articles = [
        _to_article(draft, source=source, published=default_published) for draft in batch.drafts
    ]
    unique, repeats = deduplicate(articles)
    problems = (*batch.problems, *repeats)
    for problem in problems:
        LOG.debug("%s", problem)
    LOG.info(
        "read %d articles from %d inputs (%d problems)", len(unique), len(inputs), len(problems)
    )
    return IngestResult(articles=tuple(unique), problems=problems)


def _read_one(item: str | os.PathLike[str], *, settings: Settings, fetcher: Fetcher) -> Batch:
    """Read one input; a failure becomes an error problem naming it."""
    name = os.fspath(item)
    try:
        if isinstance(item, str) and is_url(item):
            return read_url(item.strip(), fetcher=fetcher)
        if isinstance(item, str) and has_scheme(item):
            raise InputError("unsupported URL scheme (only http and https are read)")
        return read_path(Path(item), settings=settings, fetcher=fetcher)
    except InputError as err:
        batch = Batch()
        batch.error(name, str(err))
        return batch


def _to_article(draft: Draft, *, source: str | None, published: str | None) -> Article:
    """The article for a draft: its id, outlet, credited wire agency and default date."""
    wire = find_wire_credit(draft.text)
    return Article(
        id=derive_id(given=draft.id, url=draft.url, text=draft.text),
        text=draft.text,
        origin=draft.origin,
        source=choose_source(
            given=draft.source, site_name=draft.site_name, url=draft.url, default=source, wire=wire
        ),
        url=draft.url,
        title=draft.title,
        published=draft.published or published,
        byline=draft.byline,
        wire=wire,
        removed=draft.removed,
    )
