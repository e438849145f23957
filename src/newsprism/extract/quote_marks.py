"""Quotation marks paired into quoted stretches of cleaned text.

Takes an article's cleaned text (double quotes already folded to ``"``, curly single quotes and
apostrophes to ``'``) and returns :class:`QuotedSpan` values: the quoted words as ``[start, end)``
offsets, without the marks. Marks are paired by position and context: an opening mark follows a
space, a line start or an opening bracket and precedes a word; a closing mark follows a word or
punctuation and precedes a space, punctuation or the line end.

A quotation may run over several paragraphs: by the news convention the paragraph that is
continued has no closing mark and the next one opens with ``"``; such a quotation is one span
with one part per paragraph. Single quotation marks are paired only outside double quotes and
only within one paragraph, since the same character is also the apostrophe.

Limitations: a quotation whose closing mark is missing ends at its paragraph end; quotes nested
inside quotes are not reported separately.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Characters after which a mark may open a quotation (besides whitespace and the line start).
OPENING_CONTEXT = "([{-\u2013\u2014/:"
# Characters a closing mark may be followed by (besides whitespace and the line end).
CLOSING_FOLLOWERS = ".,;:!?)]}-\u2013\u2014'\u2026"
# Longest single-quoted stretch accepted, in characters: single quotes are rare in cleaned text
# and the apostrophe makes long pairings unsafe; 300 admits a two-sentence quotation.
SINGLE_QUOTE_MAX_CHARS = 300
# Characters stripped from the ends of the quoted words: the comma and colon that close a
# quotation before its attribution belong to the sentence, not to the speaker.
TRIM_CHARS = " \t\n,;:"

_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True, kw_only=True)
class QuotedSpan:
    """The words between a pair of quotation marks: ``[start, end)`` in the text.

    ``parts`` are the stretches inside each paragraph (one part unless the quotation continues
    over paragraphs); ``open_at`` and ``close_at`` are the mark positions (``close_at`` is None
    when the closing mark is missing). ``mark`` is the quotation mark character.
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    open_at: int
    close_at: int | None
    mark: str


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All double- and single-quoted stretches of ``text``, in order of position."""
    spans = list(_double_quoted(text))
    taken = [
        (span.open_at, span.close_at if span.close_at is not None else span.end) for span in spans
    ]
    for span in _single_quoted(text):
        if not any(low <= span.open_at <= high for low, high in taken):
            spans.append(span)
    return sorted(spans, key=lambda span: span.start)


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return (before.isspace() or before in OPENING_CONTEXT or before == '"') and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return not before.isspace() and (after.isspace() or after in CLOSING_FOLLOWERS)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of every non-empty line."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def _double_quoted(text: str) -> Iterator[QuotedSpan]:
    lines = list(_lines(text))
    open_at: int | None = None
    parts: list[tuple[int, int]] = []
    for index, (line_start, line_end) in enumerate(lines):
        segment_start = line_start
        if open_at is not None:
            # Continued from the previous paragraph: this line opened with a mark.
            segment_start = line_start + 1
        for i in range(line_start, line_end):
            if text[i] != '"' or (open_at is not None and i == line_start):
                continue
            if open_at is None:
                if _can_open(text, i):
                    open_at, segment_start, parts = i, i + 1, []
                continue
            if _can_close(text, i) or not _can_open(text, i):
                parts.append((segment_start, i))
                span = _make_span(text, parts, open_at, i, '"')
                if span is not None:
                    yield span
                open_at = None
            else:
                # An opening mark while a quotation is open: the earlier one never closed.
                open_at, segment_start, parts = i, i + 1, []
        if open_at is None:
            continue
        parts.append((segment_start, line_end))
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and text.startswith('"', following[0]):
            continue  # the quotation goes on in the next paragraph
        span = _make_span(text, parts, open_at, None, '"')
        if span is not None:
            yield span
        open_at = None


def _single_quoted(text: str) -> Iterator[QuotedSpan]:
    for line_start, line_end in _lines(text):
        i = line_start
        while i < line_end:
            if text[i] == "'" and _can_open(text, i) and _WORD.match(text, i + 1):
                close = _single_close(text, i, min(line_end, i + SINGLE_QUOTE_MAX_CHARS))
                if close is not None:
                    span = _make_span(text, [(i + 1, close)], i, close, "'")
                    if span is not None:
                        yield span
                    i = close + 1
                    continue
            i += 1


def _single_close(text: str, open_at: int, limit: int) -> int | None:
    """The closing single mark for the one at ``open_at``, or None (an apostrophe)."""
    for j in range(open_at + 2, limit):
        if text[j] == '"':
            return None
        if text[j] != "'" or not _can_close(text, j):
            continue
        after = text[j + 1] if j + 1 < len(text) else "\n"
        # "the residents' homes": a plural possessive, not a closing mark.
        if text[j - 1] in "sS" and after == " ":
            continue
        return j
    return None


def _make_span(
    text: str, parts: list[tuple[int, int]], open_at: int, close_at: int | None, mark: str
) -> QuotedSpan | None:
    trimmed = [_trim(text, start, end) for start, end in parts]
    kept = [(start, end) for start, end in trimmed if start < end]
    if not kept:
        return None
    return QuotedSpan(
        start=kept[0][0],
        end=kept[-1][1],
        parts=tuple(kept),
        open_at=open_at,
        close_at=close_at,
        mark=mark,
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end
