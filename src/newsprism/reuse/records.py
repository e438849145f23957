"""Values the reuse stage returns: shared passages, reuse pairs and independent source groups.

Each has ``to_dict()`` giving the keys of the report contract (``newsprism.report/1``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ReuseKind = Literal["duplicate", "copy", "partial", "rewrite"]
OriginReason = Literal["earlier_published", "wire_credit", "contained"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Passage:
    """Text found in both articles: ``[a_start, a_end)`` in a, ``[b_start, b_end)`` in b.

    Offsets are character offsets into the cleaned texts and always fall on word boundaries. For
    verbatim kinds the two stretches hold the same words (small edits allowed inside); for a
    rewrite each passage is one sentence of a and its paraphrase in b.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def to_dict(self) -> dict[str, int]:
        """The report's passage object."""
        return {
            "a_start": self.a_start,
            "a_end": self.a_end,
            "b_start": self.b_start,
            "b_end": self.b_end,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ReusePair:
    """Two articles of which one reuses text of the other (or both reuse one text).

    ``containment_a`` is the share of a's words that lie in passages found in b, and
    ``containment_b`` the same for b. ``origin`` is the id of the article the text most likely
    came from, or None when nothing tells; ``origin_reason`` says which rule decided it.
    ``substantial`` is False for partial reuse too small to make the two articles one source.
    """

    a: str
    b: str
    kind: ReuseKind
    containment_a: float
    containment_b: float
    origin: str | None
    origin_reason: OriginReason | None
    headline_changed: bool
    passages: tuple[Passage, ...]
    substantial: bool = True

    def to_dict(self) -> dict[str, object]:
        """The report's reuse object (contract keys plus origin_reason and headline_changed)."""
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "containment_a": round(self.containment_a, 4),
            "containment_b": round(self.containment_b, 4),
            "origin": self.origin,
            "origin_reason": self.origin_reason,
            "headline_changed": self.headline_changed,
            "passages": [passage.to_dict() for passage in self.passages],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceGroup:
    """Articles that count as one independent source (shared text or the same outlet)."""

    id: str
    article_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """The report's source group object."""
        return {"id": self.id, "article_ids": list(self.article_ids)}
