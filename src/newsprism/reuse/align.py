"""Exact passage alignment between two articles by seed-and-extend over word shingles.

Seeds are shared word n-grams; seeds on one diagonal that touch are maximal exact matches; each
stretch of text is used once on each side (longest matches first); matches that follow each other
with small gaps on both sides are chained into one passage, so a lightly edited copy gives one
long passage rather than many short ones. Works on token positions; callers turn them into
character offsets with the tokens' spans.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .tokens import SHINGLE_WORDS, BoolArray, HashArray, IntArray

# A shingle that occurs more often than this in one article is list or boilerplate text
# ("police said the", table rows); seeding from it multiplies hits without finding passages.
MAX_SEED_REPEATS = 8

# Words of edits (inserted, dropped or changed) tolerated between two exact matches chained into
# one passage. Larger joins more of a lightly edited copy into one passage but may bridge two
# unrelated passages; tuned on the tuning split of scripts/make_reuse_devset.py.
MAX_GAP_WORDS = 12

# Share of a chained passage that must be exact matches (matched words / longer side). Keeps
# every passage "the same words, with small edits"; 0.7 admits an edit every three or four words.
MIN_PASSAGE_IDENTITY = 0.7

# Matched words a passage needs to be reported. Shorter shared runs are common phrases, names
# and titles ("the Armed Forces of the Russian Federation"); tuned on the tuning split and the
# same-incident negatives in it.
MIN_PASSAGE_WORDS = 10


@dataclass(frozen=True, slots=True)
class TokenPassage:
    """A passage in token positions: ``[a_start, a_end)`` in a, ``[b_start, b_end)`` in b."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int


def seed_hits(ha: HashArray, hb: HashArray) -> tuple[IntArray, IntArray]:
    """Positions ``(i, j)`` where shingle ``ha[i]`` equals ``hb[j]`` (too-common ones left out)."""
    if ha.shape[0] == 0 or hb.shape[0] == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    order = np.argsort(ha, kind="stable")
    sorted_a = ha[order]
    left = np.searchsorted(sorted_a, hb, side="left")
    right = np.searchsorted(sorted_a, hb, side="right")
    counts = right - left
    keep = (counts > 0) & (counts <= MAX_SEED_REPEATS)
    if not keep.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    kept_counts = counts[keep]
    j = np.repeat(np.nonzero(keep)[0], kept_counts).astype(np.int64)
    first = np.repeat(left[keep], kept_counts)
    group_start = np.repeat(np.cumsum(kept_counts) - kept_counts, kept_counts)
    i = order[first + np.arange(j.shape[0]) - group_start].astype(np.int64)
    return i, j


Match = tuple[int, int, int]


def exact_matches(ha: HashArray, hb: HashArray, n: int = SHINGLE_WORDS) -> list[Match]:
    """Maximal exact matches ``(i, j, length_in_words)`` found from shared shingles."""
    i, j = seed_hits(ha, hb)
    if i.shape[0] == 0:
        return []
    diag = i - j
    order = np.lexsort((i, diag))
    i, diag = i[order], diag[order]
    new_run = np.ones(i.shape[0], dtype=np.bool_)
    new_run[1:] = (diag[1:] != diag[:-1]) | (i[1:] != i[:-1] + 1)
    starts = np.nonzero(new_run)[0]
    lengths = np.diff(np.append(starts, i.shape[0])) + n - 1
    return [
        (int(i[s]), int(i[s] - diag[s]), int(length))
        for s, length in zip(starts, lengths, strict=True)
    ]


def one_to_one(matches: list[Match], len_a: int, len_b: int) -> list[Match]:
    """Keep each word on each side in at most one match, preferring long matches."""
    used_a = np.zeros(len_a, dtype=np.bool_)
    used_b = np.zeros(len_b, dtype=np.bool_)
    kept: list[Match] = []
    for i, j, length in sorted(matches, key=lambda m: (-m[2], m[0], m[1])):
        free = ~used_a[i : i + length] & ~used_b[j : j + length]
        offset, run = _longest_true_run(free)
        if run < SHINGLE_WORDS:
            continue
        i, j = i + offset, j + offset
        used_a[i : i + run] = True
        used_b[j : j + run] = True
        kept.append((i, j, run))
    kept.sort()
    return kept


def _longest_true_run(mask: BoolArray) -> tuple[int, int]:
    """Offset and length of the longest stretch of True values."""
    if mask.all():
        return 0, int(mask.shape[0])
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    if edges.shape[0] == 0:
        return 0, 0
    run_starts, run_ends = edges[0::2], edges[1::2]
    best = int(np.argmax(run_ends - run_starts))
    return int(run_starts[best]), int(run_ends[best] - run_starts[best])


def chain(matches: list[Match]) -> list[TokenPassage]:
    """Join matches that follow each other on both sides with small gaps into passages.

    A match may extend any of the last few passages, so a short coincidental match in between
    does not cut a long passage in two (the short one is swallowed). Passages never overlap on
    either side.
    """
    passages: list[TokenPassage] = []
    for i, j, length in matches:
        for k in range(len(passages) - 1, max(-1, len(passages) - 1 - _CHAIN_LOOKBACK), -1):
            extended = _extend(passages[k], i, j, length)
            if extended is None or any(p.matched >= MIN_PASSAGE_WORDS for p in passages[k + 1 :]):
                continue
            if any(_overlap_b(p, extended) for p in passages[:k]):
                continue
            del passages[k + 1 :]
            passages[k] = extended
            break
        else:
            passages.append(TokenPassage(i, i + length, j, j + length, length))
    return passages


def _overlap_b(first: TokenPassage, second: TokenPassage) -> bool:
    return first.b_start < second.b_end and second.b_start < first.b_end


# How many recent passages a match may extend (see chain); small, as matches come in a's order.
_CHAIN_LOOKBACK = 4


def _extend(current: TokenPassage, i: int, j: int, length: int) -> TokenPassage | None:
    gap_a, gap_b = i - current.a_end, j - current.b_end
    if not (0 <= gap_a <= MAX_GAP_WORDS and 0 <= gap_b <= MAX_GAP_WORDS):
        return None
    merged_a = i + length - current.a_start
    merged_b = j + length - current.b_start
    if (current.matched + length) / max(merged_a, merged_b) < MIN_PASSAGE_IDENTITY:
        return None
    return TokenPassage(
        current.a_start, i + length, current.b_start, j + length, current.matched + length
    )


def align(ha: HashArray, hb: HashArray, len_a: int, len_b: int) -> list[TokenPassage]:
    """Passages shared by two token sequences given their shingle hashes, in a's order.

    Passages with fewer than ``MIN_PASSAGE_WORDS`` matched words are dropped. Each word of either
    side lies in at most one passage.
    """
    matches = one_to_one(exact_matches(ha, hb), len_a, len_b)
    return _disjoint([p for p in chain(matches) if p.matched >= MIN_PASSAGE_WORDS])


def _disjoint(passages: list[TokenPassage]) -> list[TokenPassage]:
    """Drop passages that overlap a longer one on either side (a match inside another's gap)."""
    kept: list[TokenPassage] = []
    for p in sorted(passages, key=lambda p: (-p.matched, p.a_start)):
        if not any(_overlap_b(p, q) or (p.a_start < q.a_end and q.a_start < p.a_end) for q in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.a_start)


def covered(passages: list[TokenPassage], length: int, *, side: str) -> BoolArray:
    """Mask of the tokens of one side (``"a"`` or ``"b"``) that lie inside a passage."""
    mask = np.zeros(length, dtype=np.bool_)
    for p in passages:
        if side == "a":
            mask[p.a_start : p.a_end] = True
        else:
            mask[p.b_start : p.b_end] = True
    return mask
