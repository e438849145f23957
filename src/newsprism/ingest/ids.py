"""Article ids and repeated inputs: stable ids for articles, one article per repeated text.

A file's id is its name without extension; a record's is its "id" field, else a hash of its URL,
else of its text; a page fetched from a URL or a feed entry gets a hash of its canonical URL.
The same article read twice is kept once (the same text from two different pages or outlets is
two publications and stays), and a clash of ids between different texts is resolved
with a short suffix derived from the text, so ids do not depend on reading order or location.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..models import Article, Problem

# Hex digits in a hashed id: 16 (64 bits) makes a collision among a million articles about 1 in
# 30 million while keeping ids short enough to read in a report.
HASH_ID_LENGTH = 16
# Hex digits in the suffix that separates two different articles with the same id: 6 digits give
# 16 million values, plenty for the few clashes a batch has.
CLASH_SUFFIX_LENGTH = 6
# Query parameters that track a click rather than name a page; dropped from canonical URLs.
TRACKING_PARAMS: tuple[str, ...] = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")
# Metadata a later copy of a repeated article may fill in for the copy that is kept.
_FILLABLE: tuple[str, ...] = ("url", "title", "source", "published", "byline", "wire")


def stable_hash(text: str, *, length: int = HASH_ID_LENGTH) -> str:
    """The first ``length`` hex digits of the SHA-1 of ``text``."""
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:length]


def canonical_url(url: str) -> str:
    """``url`` without what does not change the page: scheme, ``www.``, port 80/443, fragment,
    tracking parameters and a trailing slash; the host lowercased."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith(TRACKING_PARAMS)
        ]
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, query, ""))


def text_key(text: str) -> str:
    """A key equal for texts that differ only in whitespace."""
    return " ".join(text.split())


def derive_id(*, given: str | None, url: str | None, text: str) -> str:
    """The id of an article: the one given, else a hash of its canonical URL, else of its text."""
    if given:
        return given
    if url:
        return stable_hash(canonical_url(url))
    return stable_hash(text_key(text))


def deduplicate(articles: Sequence[Article]) -> tuple[list[Article], list[Problem]]:
    """Keep each article once and make ids unique, in reading order.

    A repeat (same id and text, or the same text under another id) is dropped with a warning, and
    the kept copy takes any metadata only the repeat has. The same text published apart (other
    URLs or other outlets: syndicated wire copy) is not a repeat; finding it is the reuse stage's
    job, and each publication counts there. Another text under an id already taken
    keeps its place with the id suffixed by a hash of its text, and a warning.
    """
    kept: list[Article] = []
    by_text: dict[str, int] = {}
    by_id: dict[str, int] = {}
    problems: list[Problem] = []
    for article in articles:
        key = text_key(article.text)
        seen = by_text.get(key)
        if seen is not None and (
            kept[seen].id == article.id or not _published_apart(kept[seen], article)
        ):
            first = kept[seen]
            kept[seen] = _fill_from(first, article)
            what = "the same article as" if first.id == article.id else "the same text as"
            problems.append(_warning(article, f"{what} {first.id} ({first.origin}); kept once"))
            continue
        if article.id in by_id:
            new_id = _unused_id(article, by_id)
            first = kept[by_id[article.id]]
            problems.append(
                _warning(article, f"id {article.id} is taken by {first.origin}; renamed {new_id}")
            )
            article = dataclasses.replace(article, id=new_id)
        by_text[key] = by_id[article.id] = len(kept)
        kept.append(article)
    return kept, problems


def _published_apart(first: Article, other: Article) -> bool:
    """True when two articles name different pages or different outlets."""
    if first.url and other.url and canonical_url(first.url) != canonical_url(other.url):
        return True
    return bool(first.source and other.source and first.source != other.source)


def _unused_id(article: Article, taken: dict[str, int]) -> str:
    """``article``'s id with a suffix from its text, made unique among ``taken``."""
    base = f"{article.id}-{stable_hash(text_key(article.text), length=CLASH_SUFFIX_LENGTH)}"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _fill_from(first: Article, repeat: Article) -> Article:
    """``first`` with empty metadata filled from ``repeat``."""
    missing = {
        name: getattr(repeat, name)
        for name in _FILLABLE
        if getattr(repeat, name) and not getattr(first, name)
    }
    return dataclasses.replace(first, **missing) if missing else first


def _warning(article: Article, message: str) -> Problem:
    return Problem(input=article.origin or article.id, message=message, level="warning")
