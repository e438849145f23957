"""Downloading pages and feeds: a default HTTP fetcher, and telling a feed from an HTML page.

Every reader takes a ``Fetcher`` (url -> :class:`FetchedPage`), so tests pass a dict-backed fake
and never open a socket. :class:`HttpFetcher` is the real one, built on httpx.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import httpx

from ..errors import FetchError
from ..settings import MIB, Settings


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchedPage:
    """A downloaded body: the final URL after redirects, the bytes and the declared type."""

    url: str
    content: bytes
    content_type: str | None = None


Fetcher = Callable[[str], FetchedPage]
PageKind = Literal["feed", "html", "text", "unknown"]

# Bytes inspected to find the root element of a document: enough to pass an XML declaration, a
# doctype, comments and a stylesheet instruction.
SNIFF_BYTES = 2048
_ROOT_TAG = re.compile(rb"<(?![?!])\s*([A-Za-z][\w.:-]*)")
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf", b"rdf"})
_HTML_ROOTS = frozenset({b"html", b"head", b"body"})


class HttpFetcher:
    """Download URLs with httpx: one client, redirects followed, size-capped, clear errors.

    Use as a context manager, or call :meth:`close`. ``transport`` lets tests plug in
    ``httpx.MockTransport``.
    """

    def __init__(self, settings: Settings, *, transport: httpx.BaseTransport | None = None):
        self._settings = settings
        self._transport = transport
        self._client: httpx.Client | None = None

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client, if one was opened."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def __call__(self, url: str) -> FetchedPage:
        """Download ``url``.

        Raises:
            FetchError: the server could not be reached, answered with an error status, or sent
                more than ``settings.max_fetch_bytes``.
        """
        try:
            with self._open().stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
                content = self._read_capped(response)
                return FetchedPage(
                    url=str(response.url),
                    content=content,
                    content_type=response.headers.get("content-type"),
                )
        except httpx.TimeoutException as err:
            raise FetchError(f"timed out after {self._settings.fetch_timeout:g} s") from err
        except httpx.ConnectError as err:
            raise FetchError(f"could not connect: {err}") from err
        except httpx.TooManyRedirects as err:
            raise FetchError("too many redirects") from err
        except httpx.InvalidURL as err:
            raise FetchError(f"invalid URL: {err}") from err
        except httpx.HTTPError as err:
            raise FetchError(f"download failed: {err}") from err

    def _open(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self._settings.fetch_timeout,
                follow_redirects=True,
                headers={"User-Agent": self._settings.user_agent},
                transport=self._transport,
            )
        return self._client

    def _read_capped(self, response: httpx.Response) -> bytes:
        limit = self._settings.max_fetch_bytes
        over = FetchError(f"over the {_size(limit)} limit")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise over
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise over
            chunks.append(chunk)
        return b"".join(chunks)


def _size(limit: int) -> str:
    """A byte count for messages: "10 MB" for whole mebibytes, else bytes."""
    return f"{limit // MIB} MB" if limit % MIB == 0 else f"{limit} bytes"


def root_tag(content: bytes) -> bytes | None:
    """The lowercased name of the first element in ``content`` (XML/HTML), or None."""
    head = _COMMENT.sub(b"", content[:SNIFF_BYTES])
    match = _ROOT_TAG.search(head)
    return match[1].lower() if match else None


def page_kind(page: FetchedPage) -> PageKind:
    """Whether a downloaded body is a feed, an HTML page or plain text, by sniffing its root
    element first and its declared content type second."""
    root = root_tag(page.content)
    if root in _FEED_ROOTS:
        return "feed"
    if root in _HTML_ROOTS or page.content.lstrip()[:9].lower() == b"<!doctype":
        return "html"
    declared = (page.content_type or "").split(";")[0].strip().lower()
    if "html" in declared:
        return "html"
    if any(word in declared for word in ("rss", "atom", "xml")):
        return "feed"
    if declared == "text/plain":
        return "text"
    if not declared and root is not None:
        return "html"
    return "unknown"
