"""http(s) URLs -> draft articles: an HTML page, a plain-text page, or every entry of a feed.

What a URL holds is decided from its content (root element first, declared type second), not
from how the URL looks.
"""

from __future__ import annotations

import re

from ..errors import InputError, ParseError
from .drafts import Batch, Draft
from .feeds import read_feed
from .fetch import Fetcher, page_kind
from .html import extract_page, page_to_draft
from .plaintext import decode_text, read_plain_text

_URL = re.compile(r"^https?://", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def is_url(value: str) -> bool:
    """True for an http(s) URL."""
    return bool(_URL.match(value.strip()))


def has_scheme(value: str) -> bool:
    """True for anything written as ``scheme://...`` (a URL rather than a path)."""
    return bool(_SCHEME.match(value.strip()))


def read_url(url: str, *, fetcher: Fetcher) -> Batch:
    """Fetch ``url`` and read it as a feed, an HTML page or a plain-text page.

    Raises:
        InputError: the download failed (FetchError), or the body is empty, of an unsupported
            type or holds no article text (ParseError).
    """
    page = fetcher(url)
    if not page.content.strip():
        raise ParseError("empty response")
    kind = page_kind(page)
    if kind == "feed":
        return read_feed(page.content, name=url, fetcher=fetcher)
    if kind == "html":
        return Batch(drafts=[page_to_draft(extract_page(page.content, url=page.url), origin=url)])
    if kind == "text":
        decoded = decode_text(page.content)
        title, text = read_plain_text(decoded.text)
        return Batch(drafts=[Draft(text=text, origin=url, url=page.url, title=title)])
    raise InputError(f"unsupported content type {page.content_type or '(none)'!r}")
