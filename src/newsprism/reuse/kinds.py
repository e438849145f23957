"""What kind of reuse an aligned pair is, which article is the likely origin, and headline changes.

Kinds, strongest first: duplicate (the same body), copy (one holds most of the other), rewrite
(sentence-by-sentence paraphrase, see ``rewrite``), partial (shared passages of some length that
are not just the same quotation carried by both).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..models import Article
from .records import OriginReason, ReuseKind
from .tokens import words

# Both sides at least this much inside shared passages: the same body, whatever furniture,
# headline or a sentence of edits differ. Tuned on the tuning split (verbatim reprints vs.
# trimmed copies).
DUPLICATE_MIN_CONTAINMENT = 0.9

# One side at least this much inside shared passages: it holds most of the other ("copy").
# Tuned on the tuning split (trimmed and extended copies vs. partial excerpts).
COPY_MIN_CONTAINMENT = 0.6

# Shared words outside quotation marks needed for partial reuse. Two independent reports often
# carry the same official statement in quotes, and the odd stock phrase; neither is reuse.
# Same-incident negatives of the tuning split share at most 16 such words with each other,
# bar one pair (37: victims' full names and a police description of a suspect).
PARTIAL_MIN_WORDS = 20

# Partial reuse that joins two articles into one source group: this many shared words outside
# quotes, or this share of either article. Below it an article borrowed a sentence or two but
# still reports on its own. Tuned on the tuning split (two-to-three-paragraph excerpts vs. the
# 37-word negative above); excerpts of two one-sentence paragraphs stay below it.
SUBSTANTIAL_PARTIAL_WORDS = 40
SUBSTANTIAL_PARTIAL_CONTAINMENT = 0.25

# The contained article is taken as the origin only when it is clearly more contained than the
# other; two near-duplicates tell nothing about direction.
ORIGIN_CONTAINMENT_MARGIN = 0.2


@dataclass(frozen=True, slots=True, kw_only=True)
class Overlap:
    """What the verbatim alignment of a pair found."""

    containment_a: float
    containment_b: float
    unquoted_words: int


def verbatim_kind(overlap: Overlap) -> ReuseKind | None:
    """Duplicate, copy or partial from the verbatim overlap alone; None when below all bars."""
    low = min(overlap.containment_a, overlap.containment_b)
    high = max(overlap.containment_a, overlap.containment_b)
    if low >= DUPLICATE_MIN_CONTAINMENT:
        return "duplicate"
    if high >= COPY_MIN_CONTAINMENT:
        return "copy"
    if overlap.unquoted_words >= PARTIAL_MIN_WORDS:
        return "partial"
    return None


def is_substantial(kind: ReuseKind, overlap: Overlap) -> bool:
    """Whether reuse of this kind and extent makes two articles one source."""
    if kind != "partial":
        return True
    high = max(overlap.containment_a, overlap.containment_b)
    return (
        overlap.unquoted_words >= SUBSTANTIAL_PARTIAL_WORDS
        or high >= SUBSTANTIAL_PARTIAL_CONTAINMENT
    )


def origin(
    a: Article, b: Article, overlap: Overlap, *, by_containment: bool = True
) -> tuple[str | None, OriginReason | None]:
    """The likely origin of the shared text and the rule that decided it.

    Rules in order: the earlier published article; else the one carrying a wire credit (when
    only one does, or when both do and one is the agency's own outlet); else the article
    contained in the other (verbatim reuse only: pass ``by_containment=False`` for a rewrite,
    where a condensed retelling is the better covered side); else None.
    """
    order = published_order(a.published, b.published)
    if order != 0:
        return (a.id if order < 0 else b.id), "earlier_published"
    if bool(a.wire) != bool(b.wire):
        return (a.id if a.wire else b.id), "wire_credit"
    if a.wire and a.wire == b.wire and is_agency_outlet(a) != is_agency_outlet(b):
        # both credit the agency, but one of them is the agency's own publication
        return (a.id if is_agency_outlet(a) else b.id), "wire_credit"
    margin = overlap.containment_a - overlap.containment_b
    if by_containment and abs(margin) >= ORIGIN_CONTAINMENT_MARGIN:
        return (a.id if margin > 0 else b.id), "contained"
    return None, None


def is_agency_outlet(article: Article) -> bool:
    """Whether the article's outlet is the wire agency it credits ("Lodestar News Agency" for
    "LNA", "Reuters" for "Reuters")."""
    if not article.wire or not article.source:
        return False
    wire = article.wire.casefold()
    source = article.source.casefold()
    initials = "".join(word[0] for word in source.split() if word[0].isalnum())
    return wire in (source, initials) or source.startswith(wire + " ")


def published_order(first: str | None, second: str | None) -> int:
    """-1 if ``first`` is earlier, 1 if later, 0 when unknown or not comparable.

    Two dates compare by day; a date and a date-time compare by day too; two date-times compare
    by instant (a time without zone is taken as UTC).
    """
    x, y = _parse_published(first), _parse_published(second)
    if x is None or y is None:
        return 0
    if isinstance(x, datetime) and isinstance(y, datetime):
        return (x > y) - (x < y)
    dx = x.date() if isinstance(x, datetime) else x
    dy = y.date() if isinstance(y, datetime) else y
    return (dx > dy) - (dx < dy)


def _parse_published(value: str | None) -> date | datetime | None:
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def headline_changed(a: Article, b: Article) -> bool:
    """Whether both articles have headlines and their words differ (case and punctuation aside)."""
    if not a.title or not b.title:
        return False
    return words(a.title) != words(b.title)
