"""HTML pages -> article body text and metadata (title, site name, byline, canonical URL, date).

Wraps trafilatura for the main text (comments left out, paragraphs one per line) and htmldate
for the publication date.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import htmldate
import trafilatura
from trafilatura.settings import Document

from ..errors import ParseError
from ..models import Removal
from .dates import to_iso_date
from .drafts import Draft
from .html_blocks import dropped_blocks

LOG = logging.getLogger(__name__)

# Pages whose main text has fewer words are shells (a JavaScript notice, a cookie wall, an error
# page), not articles; real news briefs run to 40 words or more. Tuned on hand-made test pages.
MIN_PAGE_TEXT_WORDS = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """What an HTML page gives: its body text and whatever metadata it carries."""

    text: str
    title: str | None = None
    site_name: str | None = None
    byline: str | None = None
    url: str | None = None
    published: str | None = None
    removed: tuple[Removal, ...] = ()


def extract_page(html: str | bytes, *, url: str | None = None) -> Page:
    """Extract the article in ``html``; ``url`` is where it came from, if known.

    The date is htmldate's conservative search (``extensive_search=False``, original rather than
    updated date), with trafilatura's own date as the fallback.

    Raises:
        ParseError: the page holds no article text.
    """
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False
        )
    except (ValueError, TypeError, RecursionError) as err:  # raised on unreadable markup
        raise ParseError(f"could not parse the HTML: {err}") from err
    if not isinstance(document, Document):
        raise ParseError("no article text found")
    text = (document.text or "").strip()
    if len(text.split()) < MIN_PAGE_TEXT_WORDS:
        raise ParseError("no article text found")
    title = _clean(document.title)
    text = _drop_leading_title(text, title)
    return Page(
        text=text,
        title=title,
        site_name=_clean(document.sitename),
        byline=_clean(document.author),
        url=_absolute_url(document.url, base=url),
        published=_find_date(html, url=url) or to_iso_date(document.date),
        removed=dropped_blocks(html, text=text, title=title),
    )


def _find_date(html: str | bytes, *, url: str | None) -> str | None:
    """The page's publication date by htmldate's fast search, as an ISO date."""
    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True, url=url)
    except (ValueError, TypeError) as err:
        LOG.debug("htmldate failed on %s: %s", url, err)
        return None
    return to_iso_date(found) if isinstance(found, str) else None


def _clean(value: str | None) -> str | None:
    """Collapse whitespace; empty values become None."""
    if not value:
        return None
    return " ".join(value.split()) or None


def _drop_leading_title(text: str, title: str | None) -> str:
    """Remove the headline when trafilatura repeats it as the first line of the body."""
    if not title:
        return text
    first, newline, rest = text.partition("\n")
    if newline and " ".join(first.split()).casefold() == title.casefold():
        return rest.strip()
    return text


def _absolute_url(found: str | None, *, base: str | None) -> str | None:
    """The canonical URL the page declares, made absolute against ``base``; else ``base``."""
    if found and base:
        found = urljoin(base, found)
    if found and urlsplit(found).scheme in ("http", "https"):
        return found
    return base


# Elements after which a fragment's text breaks to a new line.
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
)
_SKIPPED_TAGS = frozenset({"script", "style"})


class _FragmentText(HTMLParser):
    """Collects the text of an HTML fragment, breaking lines at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(self._skipping - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one block per line."""
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def page_to_draft(page: Page, *, origin: str, id: str | None = None) -> Draft:
    """A draft article from an extracted page."""
    return Draft(
        text=page.text,
        origin=origin,
        id=id,
        title=page.title,
        url=page.url,
        site_name=page.site_name,
        published=page.published,
        byline=page.byline,
        removed=page.removed,
    )
