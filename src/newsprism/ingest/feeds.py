"""RSS/Atom feeds -> the articles their entries link to.

Each entry's link is fetched and read as an HTML page; the entry's title, date and author fill
what the page does not give. When the page cannot be read, a full-text entry stands in for it.
"""

from __future__ import annotations

from dataclasses import dataclass

import feedparser

from ..errors import InputError, ParseError
from .dates import to_iso_date
from .drafts import Batch, Draft
from .fetch import Fetcher, page_kind
from .html import extract_page, fragment_text, page_to_draft

# An entry's own text stands in for its page only when it is a full article, not a teaser:
# feed summaries run one to three sentences (20-60 words), full-text entries several hundred.
# Tuned on hand-written test feeds.
MIN_ENTRY_WORDS = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedEntry:
    """One item of a feed: its link, metadata and any text it carries itself."""

    link: str | None
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    text: str = ""


def parse_feed(content: bytes) -> list[FeedEntry]:
    """The entries of an RSS or Atom document.

    Raises:
        ParseError: ``content`` is not a feed, or a feed with no entries.
    """
    parsed = feedparser.parse(content)
    if not parsed.get("version") and not parsed.entries:
        raise ParseError("not an RSS or Atom feed")
    if not parsed.entries:
        raise ParseError("the feed has no entries")
    return [_entry(raw) for raw in parsed.entries]


def _entry(raw: feedparser.FeedParserDict) -> FeedEntry:
    bodies = [part.get("value", "") for part in raw.get("content", [])]
    text = max((fragment_text(body) for body in bodies), key=len, default="")
    summary = fragment_text(raw.get("summary", "") or "")
    date = raw.get("published_parsed") or raw.get("updated_parsed")
    return FeedEntry(
        link=(raw.get("link") or "").strip() or None,
        title=" ".join((raw.get("title") or "").split()) or None,
        published=to_iso_date(date) if date else to_iso_date(raw.get("published")),
        byline=(raw.get("author") or "").strip() or None,
        text=text if len(text) >= len(summary) else summary,
    )


def read_feed(content: bytes, *, name: str, fetcher: Fetcher) -> Batch:
    """Read every entry of the feed in ``content`` (from input ``name``) as an article.

    Raises:
        ParseError: ``content`` is not a feed.
    """
    batch = Batch()
    for number, entry in enumerate(parse_feed(content), start=1):
        label = entry.link or f"{name}[entry {number}]"
        try:
            draft = _read_entry_page(entry, fetcher=fetcher)
        except InputError as err:
            if len(entry.text.split()) >= MIN_ENTRY_WORDS:
                batch.warning(label, f"could not read the page ({err}); used the feed's own text")
                draft = Draft(text=entry.text, origin=label, url=entry.link)
            else:
                batch.error(label, f"could not read the page ({err}) and the feed has no full text")
                continue
        batch.drafts.append(
            draft.fill(title=entry.title, published=entry.published, byline=entry.byline)
        )
    return batch


def _read_entry_page(entry: FeedEntry, *, fetcher: Fetcher) -> Draft:
    """Fetch and extract the page an entry links to."""
    if entry.link is None:
        raise InputError("the entry has no link")
    page = fetcher(entry.link)
    if page_kind(page) != "html":
        raise ParseError("the link is not an HTML page")
    return page_to_draft(extract_page(page.content, url=page.url), origin=entry.link)
