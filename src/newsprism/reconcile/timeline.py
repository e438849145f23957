"""Timeline: the story's dated happenings, with date precision, first report and source count.

Reads the story's date mentions (:func:`newsprism.extract.dates.extract_dates`, resolved
against publication dates), its claims and facts; returns :class:`~.records.TimelineEntry`
values in date order. Mentions left relative (an undated article's "on Tuesday") are not
placed. One entry per date and precision: its text is the sentence, among those naming that
date, of the fact the most independent groups carry (then the earliest report).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..extract.claims import Claim
from .context import StoryContext
from .records import Fact, TimelineEntry

PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def build_timeline(facts: Sequence[Fact], context: StoryContext) -> tuple[TimelineEntry, ...]:
    """Dated entries of the story, earliest first."""
    support = {
        ref.claim_id: fact.independent_sources
        for fact in facts
        for ref in fact.claims
        if ref.claim_id is not None
    }
    found: dict[tuple[str, str], list[tuple[str, Claim]]] = {}
    for article_id in context.order:
        for mention in context.dates.get(article_id, ()):
            if mention.date is None:
                continue
            claim = context.claim_at(article_id, mention.start, mention.end)
            if claim is None:
                continue
            found.setdefault((mention.date, mention.precision), []).append((article_id, claim))
    entries = []
    for (date, precision), sightings in found.items():
        article_ids = tuple(dict.fromkeys(article_id for article_id, _ in sightings))
        first = min(
            article_ids,
            key=lambda a: (context.published(a).day or "~", context.published(a).clock or "~"),
        )
        claim = max(
            (claim for _, claim in sightings),
            key=lambda c: (support.get(c.id, 1), -context.order.index(c.article_id), -c.start),
        )
        entries.append(
            TimelineEntry(
                date=date,
                precision=precision,
                text=" ".join(claim.text.split()),
                article_ids=article_ids,
                first_report=first,
                independent_sources=len(context.groups(article_ids)),
                article_id=claim.article_id,
                start=claim.start,
                end=claim.end,
            )
        )
    entries.sort(key=lambda e: (e.date, PRECISION_ORDER.get(e.precision, 9)))
    return tuple(entries)
