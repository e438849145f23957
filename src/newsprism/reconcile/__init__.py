"""Reconcile: what a story's articles say, put together into facts, an event record, framing,
a timeline, a brief and omissions.

``reconcile_story(...)`` takes one story's articles and what extraction found in them (claims,
figures, quotes, scare-quoted labels, dates, entity resolution) with its independent source
groups, and returns a :class:`Reconciliation` whose fields fill the report's story fields
(``facts``, ``event``, ``framing``, ``timeline``, ``brief``, plus ``omissions``).

Modules by technique: ``figures`` (figures -> quantity facts, updates vs contradictions),
``event`` (the event record, ACLED's conservative rule), ``align`` (claims -> aligned groups),
``status`` (aligned claims -> facts with status), ``framing``, ``timeline``, ``omissions``,
``brief``; ``context`` holds the lookups they share and ``records`` the values they return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..extract.claims import Claim
from ..extract.dates import TimeMention
from ..models import Article
from .align import align_claims
from .brief import build_brief
from .context import StoryContext, story_context
from .event import ACLED_RULE, event_record
from .figures import FigureFact, reconcile_figures
from .framing import build_framing
from .omissions import find_omissions
from .records import (
    BriefSentence,
    ClaimRef,
    Count,
    EventRecord,
    Fact,
    Framing,
    Omission,
    Position,
    Term,
    TimelineEntry,
)
from .status import claim_facts, with_importance
from .timeline import build_timeline

if TYPE_CHECKING:
    from ..extract.entities import Resolution
    from ..extract.figures import Figure
    from ..extract.quotes import Label, Quote

__all__ = [
    "ACLED_RULE",
    "BriefSentence",
    "ClaimRef",
    "Count",
    "EventRecord",
    "Fact",
    "Framing",
    "Omission",
    "Position",
    "Reconciliation",
    "StoryContext",
    "Term",
    "TimelineEntry",
    "event_counts",
    "reconcile_story",
    "story_context",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Reconciliation:
    """Everything reconciliation finds about one story."""

    facts: tuple[Fact, ...] = ()
    event: EventRecord = field(default_factory=EventRecord)
    framing: tuple[Framing, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    brief: tuple[BriefSentence, ...] = ()
    omissions: tuple[Omission, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The story fields of the report contract: facts, event, framing, timeline, brief,
        omissions (each a list of dicts, the event a dict)."""
        return {
            "facts": [fact.to_dict() for fact in self.facts],
            "event": self.event.to_dict(),
            "framing": [framing.to_dict() for framing in self.framing],
            "timeline": [entry.to_dict() for entry in self.timeline],
            "brief": [sentence.to_dict() for sentence in self.brief],
            "omissions": [omission.to_dict() for omission in self.omissions],
        }


def reconcile_story(
    *,
    articles: Sequence[Article],
    claims: Sequence[Claim] = (),
    figures: Sequence[Figure] = (),
    quotes: Sequence[Quote] = (),
    labels: Sequence[Label] = (),
    dates: Sequence[TimeMention] = (),
    resolution: Resolution | None = None,
    source_groups: Sequence[object] = (),
    reuse_pairs: Sequence[object] = (),
) -> Reconciliation:
    """Reconcile one story (see the module docstring).

    ``articles`` are the story's cleaned articles in story order; ``source_groups`` are
    :class:`~newsprism.reuse.SourceGroup` values or their dicts (an article in no group is its
    own). ``reuse_pairs`` are accepted for callers that have them; the groups already carry
    what reconciliation needs from them.
    """
    del reuse_pairs  # the source groups are built from them
    context = story_context(
        articles,
        source_groups,
        claims=claims,
        dates=dates,
        entity_of=resolution.entity_for if resolution is not None else None,
    )
    figure_facts = reconcile_figures(figures, context)
    counted = {report.figure.id for fact in figure_facts for report in fact.reports}
    free = [claim for claim in context.claims if not counted.intersection(claim.figure_ids)]
    kinds = {figure.id: figure.kind for figure in figures}
    groups = align_claims(free, figure_kinds=kinds)
    facts = [with_importance(fact.fact, context) for fact in figure_facts]
    facts.extend(claim_facts(groups, context))
    event = event_record(figures, figure_facts, context, resolution=resolution)
    return Reconciliation(
        facts=tuple(facts),
        event=event,
        framing=build_framing(context, labels=labels, quotes=quotes, resolution=resolution),
        timeline=build_timeline(facts, context),
        brief=build_brief(facts),
        omissions=find_omissions(facts, context),
    )


def event_counts(
    *,
    articles: Sequence[Article],
    figures: Sequence[Figure],
    source_groups: Sequence[object],
    dates: Sequence[TimeMention] = (),
) -> dict[str, int | None]:
    """The event record's best killed and injured counts of one story (figures only)."""
    context = story_context(articles, source_groups, dates=dates)
    facts: list[FigureFact] = reconcile_figures(figures, context)
    record = event_record(figures, facts, context)
    return {"killed": record.killed.best, "injured": record.injured.best}
