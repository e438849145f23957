"""Values the reconcile stage returns: facts with their claims, the event record, framing terms,
timeline entries, brief sentences and omissions.

Each has ``to_dict()`` giving the keys of the report contract (``newsprism.report/1``) plus
extras (``stance``, ``rule``, ``disputes``, ``fact_id``...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["corroborated", "single-source", "contested"]
Stance = Literal["asserts", "contests"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRef:
    """One article's statement of a fact: ``[start, end)`` of its sentence in the article.

    ``attributed_to`` is the primary source named in the article (None: the outlet itself);
    ``stance`` is "contests" when the statement gives an incompatible figure or denies the fact.
    """

    article_id: str
    start: int
    end: int
    attributed_to: str | None
    stance: Stance = "asserts"
    claim_id: str | None = None
    figure_id: str | None = None
    group: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, object]:
        """The contract's ``facts[].claims[]`` entry plus extras."""
        return {
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "attributed_to": self.attributed_to,
            "stance": self.stance,
            "claim_id": self.claim_id,
            "figure_id": self.figure_id,
            "group": self.group,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Position:
    """One side of a contested fact: what a voice says and who carries it."""

    voice: str
    value: str
    article_ids: tuple[str, ...]
    figure_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """As a plain dict."""
        return {
            "voice": self.voice,
            "value": self.value,
            "article_ids": list(self.article_ids),
            "figure_ids": list(self.figure_ids),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """Claims of one story that state the same thing, with the status their sources give it.

    ``independent_sources`` counts independent source groups; ``primary_sources`` are the
    bodies or people the claims are attributed to (three outlets quoting one ministry
    corroborate that the ministry said it: ``corroborates`` is then "attribution").
    ``kind`` is the figure kind for figure facts ("killed"...), None for other statements.
    ``updates`` lists the figures in the order a count rose over time.
    """

    id: str
    statement: str
    status: Status
    independent_sources: int
    claims: tuple[ClaimRef, ...]
    figure_ids: tuple[str, ...] = ()
    kind: str | None = None
    scope: str | None = None
    primary_sources: tuple[str, ...] = ()
    corroborates: Literal["content", "attribution"] = "content"
    positions: tuple[Position, ...] = ()
    updates: tuple[str, ...] = ()
    importance: float = 0.0

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The articles that carry the fact, in first-claim order."""
        return tuple(dict.fromkeys(claim.article_id for claim in self.claims))

    def to_dict(self) -> dict[str, object]:
        """The contract's ``facts[]`` entry plus extras."""
        return {
            "id": self.id,
            "statement": self.statement,
            "status": self.status,
            "independent_sources": self.independent_sources,
            "figure_ids": list(self.figure_ids),
            "claims": [claim.to_dict() for claim in self.claims],
            "kind": self.kind,
            "scope": self.scope,
            "primary_sources": list(self.primary_sources),
            "corroborates": self.corroborates,
            "positions": [position.to_dict() for position in self.positions],
            "updates": list(self.updates),
            "importance": round(self.importance, 3),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    """A reconciled count of the event record: best, low, high and the figures behind them."""

    best: int | None = None
    low: int | None = None
    high: int | None = None
    figure_ids: tuple[str, ...] = ()
    best_figure_ids: tuple[str, ...] = ()
    disputes: tuple[Position, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The contract's ``event.killed`` / ``event.injured`` object plus extras."""
        return {
            "best": self.best,
            "low": self.low,
            "high": self.high,
            "figure_ids": list(self.figure_ids),
            "best_figure_ids": list(self.best_figure_ids),
            "disputes": [position.to_dict() for position in self.disputes],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRecord:
    """When, where, what and how many: the story as one coded event (ACLED style)."""

    type: str | None = None
    date: str | None = None
    location: str | None = None
    killed: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    rule: str = ""
    disputes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The contract's ``event`` object plus ``rule`` and ``disputes``."""
        return {
            "type": self.type,
            "date": self.date,
            "location": self.location,
            "killed": self.killed.to_dict(),
            "injured": self.injured.to_dict(),
            "rule": self.rule,
            "disputes": list(self.disputes),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """A word or phrase an article uses for the story's referent."""

    article_id: str
    term: str
    scare_quoted: bool = False
    attributed_to: str | None = None
    loaded: bool = False
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, object]:
        """The contract's ``framing[].terms[]`` entry plus extras."""
        return {
            "article_id": self.article_id,
            "term": self.term,
            "scare_quoted": self.scare_quoted,
            "attributed_to": self.attributed_to,
            "loaded": self.loaded,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Framing:
    """The terms each article uses for one referent (the main action, an actor)."""

    referent: str
    terms: tuple[Term, ...]

    def to_dict(self) -> dict[str, object]:
        """The contract's ``framing[]`` entry."""
        return {"referent": self.referent, "terms": [term.to_dict() for term in self.terms]}


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """A dated happening of the story, with who reported it first and how many sources did."""

    date: str
    precision: str
    text: str
    article_ids: tuple[str, ...]
    first_report: str | None = None
    independent_sources: int = 0
    article_id: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, object]:
        """The contract's ``timeline[]`` entry plus extras."""
        return {
            "date": self.date,
            "precision": self.precision,
            "text": self.text,
            "article_ids": list(self.article_ids),
            "first_report": self.first_report,
            "independent_sources": self.independent_sources,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefSentence:
    """One sentence of the brief with its evidence: status, source count and citations."""

    text: str
    status: Status
    independent_sources: int
    citations: tuple[str, ...]
    fact_id: str

    def to_dict(self) -> dict[str, object]:
        """The contract's ``brief[]`` entry plus ``fact_id``."""
        return {
            "text": self.text,
            "status": self.status,
            "independent_sources": self.independent_sources,
            "citations": list(self.citations),
            "fact_id": self.fact_id,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Omission:
    """Facts that most independent sources carry and one article leaves out."""

    article_id: str
    fact_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """As the story's ``omissions[]`` entry."""
        return {"article_id": self.article_id, "fact_ids": list(self.fact_ids)}
