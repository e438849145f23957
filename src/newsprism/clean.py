"""Cleaning: page furniture out of an article's text, each removal kept with its reason.

Reads ``Article.text`` (raw body text: paragraphs separated by single or blank lines) and
writes the normalized text without furniture, appending a ``Removal(text, reason)`` to
``Article.removed`` for each line (or trailing run of sentences) taken out.

Three layers, most to least local:

1. ``classify_line``: one line on its own (captions with a credit, "READ MORE", share bars,
   copyright notices, sentences addressed to the reader about newsletters or accounts...).
2. ``clean_text``: position and neighbours (a short player widget near the start or end, an
   "About the writer" block at the end, a trailing "X is a reporter for Y" line, the headlines
   listed under a "Related stories" header, promo sentences trailing a news paragraph).
3. ``clean_articles``: lines repeated across several distinct articles of one outlet.

Precision comes first: a news sentence is never removed because of one word in it.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from .clean_rules import (
    classify,
    classify_sentence,
    is_dateline,
    is_sentence_shaped,
    is_wire_credit,
    split_sentences,
    words,
)
from .furniture import (
    ABOUT_AUTHOR,
    ADDRESS,
    IMPERATIVE,
    LIST_HEADER,
    LIST_HEADER_MAX_WORDS,
    REASON_BIO,
    REASON_PROMO,
    REASON_REPEATED,
)
from .models import Article, Removal

LOG = logging.getLogger(__name__)

# --- thresholds ----------------------------------------------------------------------------------

# Lines counted as the start or the end of the body, where widgets and bios sit. 3 covers a
# headline + player widget + standfirst at the top and a credit + bio + contact at the bottom
# in the seeds and gva_dev, without reaching into the story itself.
EDGE_LINES = 3
# An "About the writer" header counts only within this many lines of the end; a header higher up
# is probably a subhead of a story about a writer.
BIO_BLOCK_MAX_LINES = 6
# Headlines listed under a "Related stories" header: at most this many words each (a longer
# line is prose and ends the list). Tuned on gva_dev related-story lists.
LIST_ITEM_MAX_WORDS = 16
# A line repeated in at least this many distinct articles of one outlet is that outlet's
# boilerplate. 3 rather than 2: two articles of one outlet on one event often share a sentence.
MIN_OUTLET_REPEATS = 3
# Two articles of one outlet are versions of one text (an update, a re-post) when they share at
# least this many prose lines...
VERSION_MIN_SHARED_LINES = 2
# ... making up at least this share of the smaller article's prose lines. Boilerplate prose
# shared by every article of an outlet stays below it; updated versions of one story are far above.
VERSION_MIN_SHARE = 0.3
# A prose line found in more texts of one outlet than this is the outlet's boilerplate prose, not a
# sign that the texts are versions of one story (a story rarely has 20 versions in one outlet).
VERSION_LINE_MAX_TEXTS = 20
# A prose line, for telling versions apart, is sentence-shaped with at least this many words.
PROSE_MIN_WORDS = 8
# A repeated line must stand within this many lines of the start or end in at least half of the
# articles it occurs in, unless it addresses the reader: boilerplate sits around the story, while a
# recurring mid-story header ("In other shootings:") is the outlet's format, not furniture.
REPEATED_EDGE_LINES = 4
# A sentence-shaped repeated line with at least this many words is kept even when repeated, unless
# it addresses the reader: "No one was in custody." recurs in one outlet's crime briefs.
REPEATED_NEWS_MIN_WORDS = 4

# --- normalization -------------------------------------------------------------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_DOUBLE_QUOTES = re.compile(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02]|``")
_SINGLE_QUOTES = re.compile(r"[\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u02bc]")


def normalize_unicode(text: str) -> str:
    """Drop zero-width characters, soft hyphens and control characters; compose (NFC)."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text.translate(_ZERO_WIDTH))
    return unicodedata.normalize("NFC", text)


def normalize_quotation_marks(text: str) -> str:
    """Every double-quote variant to '"', curly single quotes and apostrophes to "'"."""
    text = _SINGLE_QUOTES.sub("'", text)
    return _DOUBLE_QUOTES.sub('"', text).replace("''", '"')


def normalize_whitespace(text: str) -> str:
    """Odd spaces to spaces, runs collapsed, lines trimmed, at most one blank line in a row."""
    text = _ODD_SPACES.sub(" ", text)
    lines = [re.sub(r" {2,}", " ", line).strip(" ") for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n")


NORMALIZERS: tuple[Callable[[str], str], ...] = (
    normalize_unicode,
    normalize_quotation_marks,
    normalize_whitespace,
)


def normalize(text: str) -> str:
    """Apply every normalizer in NORMALIZERS, in order. Idempotent."""
    for step in NORMALIZERS:
        text = step(text)
    return text


# --- one article ---------------------------------------------------------------------------------


def classify_line(line: str) -> str | None:
    """The reason if this line on its own is page furniture, else None.

    Position-free; ``clean_text`` adds the rules that depend on where a line stands.
    """
    return classify(normalize(line))


def clean_text(text: str) -> tuple[str, tuple[Removal, ...]]:
    """Normalize ``text`` and take the page furniture out of it.

    Returns the cleaned text and the removals, in text order.
    """
    lines = normalize(text).split("\n")
    filled = [index for index, line in enumerate(lines) if line]
    reasons: dict[int, str] = {}
    for rank, index in enumerate(filled):
        head, tail = rank < EDGE_LINES, rank >= len(filled) - EDGE_LINES
        reason = classify(lines[index], edge=head or tail, tail=tail)
        if reason is not None:
            reasons[index] = reason
    _mark_bio_block(lines, filled, reasons)
    _mark_listed_headlines(lines, filled, reasons)
    removals: list[Removal] = []
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index in reasons:
            removals.append(Removal(text=line, reason=reasons[index]))
            continue
        line, tail_removal = _trim_furniture_tail(line)
        if tail_removal is not None:
            removals.append(tail_removal)
        kept.append(line)
    return normalize("\n".join(kept)), tuple(removals)


def _mark_bio_block(lines: list[str], filled: list[int], reasons: dict[int, str]) -> None:
    """An "About the writer" header near the end takes every line after it."""
    for rank in range(max(0, len(filled) - BIO_BLOCK_MAX_LINES), len(filled)):
        if ABOUT_AUTHOR.match(lines[filled[rank]]):
            for index in filled[rank:]:
                reasons[index] = REASON_BIO
            return


def _mark_listed_headlines(lines: list[str], filled: list[int], reasons: dict[int, str]) -> None:
    """Headlines listed under a promo header ("Related stories:") go with the header."""
    rank = 0
    while rank < len(filled):
        index = filled[rank]
        rank += 1
        header = lines[index]
        if reasons.get(index) != REASON_PROMO or not LIST_HEADER.match(header):
            continue
        if len(words(header)) > LIST_HEADER_MAX_WORDS:
            continue
        while rank < len(filled) and _is_listed_headline(lines[filled[rank]]):
            reasons.setdefault(filled[rank], REASON_PROMO)
            rank += 1


def _is_listed_headline(line: str) -> bool:
    return (
        not is_sentence_shaped(line)
        and 0 < len(words(line)) <= LIST_ITEM_MAX_WORDS
        and re.match(r"^[\"'(\[+\u00d7]?\s*[A-Z0-9]", line) is not None
        and not is_dateline(line)
        and not line.endswith(":")
    )


def _trim_furniture_tail(line: str) -> tuple[str, Removal | None]:
    """Cut promo sentences that trail a news paragraph ("... police said. Click here to ...")."""
    sentences = split_sentences(line)
    if len(sentences) < 2:
        return line, None
    cut = len(sentences)
    while cut > 1 and classify_sentence(sentences[cut - 1]) is not None:
        cut -= 1
    if cut == len(sentences):
        return line, None
    tail = sentences[cut:]
    reason = classify_sentence(tail[0])
    if reason is None:  # pragma: no cover - the loop above only stops on furniture
        return line, None
    start = line.rfind(tail[0])
    return line[:start].rstrip(), Removal(text=line[start:].strip(), reason=reason)


def clean_article(article: Article) -> Article:
    """The article with furniture taken out of ``text``; earlier removals are kept."""
    text, removals = clean_text(article.text)
    if removals:
        LOG.debug("article %s: %d furniture removals", article.id, len(removals))
    return replace(article, text=text, removed=article.removed + removals)


# --- many articles -------------------------------------------------------------------------------


def clean_articles(articles: Sequence[Article]) -> list[Article]:
    """Clean each article, then drop lines repeated across distinct articles of one outlet.

    A line repeated across *different* outlets is wire copy, never boilerplate, so lines are
    only compared within one ``source``; articles without a source are only cleaned one by one.
    """
    cleaned = [clean_article(article) for article in articles]
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for position, article in enumerate(cleaned):
        key = _outlet_key(article.source)
        if key:
            by_outlet[key].append(position)
    for positions in by_outlet.values():
        if len(positions) < MIN_OUTLET_REPEATS:
            continue
        boilerplate = outlet_boilerplate([cleaned[position].text for position in positions])
        if not boilerplate:
            continue
        for position in positions:
            cleaned[position] = _drop_lines(cleaned[position], boilerplate)
    return cleaned


def _outlet_key(source: str | None) -> str:
    """ "https://www.Example.com:80/x" and "example.com" are one outlet."""
    if not source:
        return ""
    key = re.sub(r"^[a-z]+://", "", source.strip().lower())
    key = key.split("/")[0].split(":")[0]
    return key.removeprefix("www.")


def outlet_boilerplate(texts: Sequence[str]) -> frozenset[str]:
    """Lines that recur in at least MIN_OUTLET_REPEATS distinct texts of one outlet.

    Texts that are versions of one another (an update, a re-post) count once, and a repeated
    line that reads as a news sentence ("No one was in custody.") is kept unless it addresses
    the reader.
    """
    filled = [[line for line in text.split("\n") if line] for text in texts]
    line_sets = [frozenset(lines) for lines in filled]
    groups = _version_groups(line_sets)
    support: dict[str, set[int]] = defaultdict(set)
    at_edge: Counter[str] = Counter()
    for lines, group in zip(filled, groups, strict=True):
        edge = set(lines[:REPEATED_EDGE_LINES] + lines[-REPEATED_EDGE_LINES:])
        for line in set(lines):
            support[line].add(group)
            at_edge[line] += line in edge
    boilerplate = set()
    for line, found_in in support.items():
        if len(found_in) < MIN_OUTLET_REPEATS or not _may_be_boilerplate(line):
            continue
        occurrences = sum(line in line_set for line_set in line_sets)
        if _addresses_reader(line) or 2 * at_edge[line] >= occurrences:
            boilerplate.add(line)
    return frozenset(boilerplate)


def _version_groups(line_sets: Sequence[frozenset[str]]) -> list[int]:
    """A group id per text: texts sharing much of their prose are versions of one text.

    Only prose lines found in at most VERSION_LINE_MAX_TEXTS texts are compared, through an
    inverted index, so an outlet with thousands of articles costs no more than its pairs of
    versions.
    """
    prose = [frozenset(line for line in lines if _is_prose(line)) for lines in line_sets]
    holders: dict[str, list[int]] = defaultdict(list)
    for position, lines in enumerate(prose):
        for line in lines:
            holders[line].append(position)
    shared: Counter[tuple[int, int]] = Counter()
    for positions in holders.values():
        if 1 < len(positions) <= VERSION_LINE_MAX_TEXTS:
            for index, first in enumerate(positions):
                for second in positions[index + 1 :]:
                    shared[first, second] += 1
    parent = list(range(len(line_sets)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for (first, second), count in shared.items():
        smaller = min(len(prose[first]), len(prose[second]))
        if count >= VERSION_MIN_SHARED_LINES and count >= VERSION_MIN_SHARE * smaller:
            parent[find(second)] = find(first)
    return [find(item) for item in range(len(line_sets))]


def _is_prose(line: str) -> bool:
    return is_sentence_shaped(line) and len(words(line)) >= PROSE_MIN_WORDS


def _may_be_boilerplate(line: str) -> bool:
    if is_dateline(line) or is_wire_credit(line):
        return False
    news_like = is_sentence_shaped(line) and len(words(line)) >= REPEATED_NEWS_MIN_WORDS
    return not news_like or _addresses_reader(line)


def _addresses_reader(line: str) -> bool:
    return bool(ADDRESS.search(line) or IMPERATIVE.match(line))


def _drop_lines(article: Article, boilerplate: frozenset[str]) -> Article:
    kept: list[str] = []
    removals: list[Removal] = []
    for line in article.text.split("\n"):
        if line in boilerplate:
            removals.append(Removal(text=line, reason=REASON_REPEATED))
        else:
            kept.append(line)
    if not removals:
        return article
    return replace(
        article, text=normalize("\n".join(kept)), removed=article.removed + tuple(removals)
    )
