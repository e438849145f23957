"""The event's type, date and place, read from the leads of a story's articles.

Type is voted from a small lexicon of event words in titles and leads; date is the day most
independent groups name in their leads; location the place most groups name there, places
after a locative word ("in", "at", "near") weighing double.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .context import StoryContext

if TYPE_CHECKING:
    from ..extract.entities import Resolution

# Sentences per article read as its lead for the event's date and place: the lead states
# when and where; later paragraphs bring background dates and other places. Set by reading
# examples/ (the event's day is in the first two sentences of every article there).
LEAD_SENTENCES = 3
# Event types and the words that signal them (general news vocabulary), most specific first.
EVENT_TYPES = (
    (
        "shooting",
        re.compile(r"\b(?:shot|shooting|shootings|gunman|gunmen|gunfire|opened fire)\b", re.I),
    ),
    ("explosion", re.compile(r"\b(?:explosions?|blasts?|bomb(?:ing)?s?|landmines?|ied)\b", re.I)),
    (
        "flood",
        re.compile(
            r"\b(?:floods?|flooding|flash flood|dam (?:failure|burst|collapse)|mudslide|"
            r"landslide)\b",
            re.I,
        ),
    ),
    ("earthquake", re.compile(r"\b(?:earthquakes?|quake|tremors?)\b", re.I)),
    ("fire", re.compile(r"\b(?:wildfires?|blaze|fire swept|house fire)\b", re.I)),
    ("storm", re.compile(r"\b(?:hurricane|typhoon|cyclone|tornado|storm)\b", re.I)),
    ("crash", re.compile(r"\b(?:crash(?:ed|es)?|collision|derail(?:ed|ment))\b", re.I)),
    (
        "protest",
        re.compile(r"\b(?:protests?|protesters|demonstrat(?:ion|ors)|rall(?:y|ies))\b", re.I),
    ),
    (
        "armed conflict",
        re.compile(
            r"\b(?:offensive|military operation|shelling|airstrikes?|clashes|fighting|invasion|"
            r"assault|battle|war)\b",
            re.I,
        ),
    ),
)
LOCATIVE = re.compile(r"\b(?:in|at|near|on|into|against|across|outside)\s+(?:the\s+)?$", re.I)
# Weight of a place mention by type: a town or country (GPE) names an event's location better
# than a feature in it (a dam, a street). Set by reading examples/.
PLACE_TYPES = {"GPE": 1.0, "LOC": 0.8, "FAC": 0.6}


def event_type(context: StoryContext) -> str | None:
    """The event type most articles' titles and leads point to."""
    votes: Counter[str] = Counter()
    for article_id in context.order:
        article = context.articles[article_id]
        text = f"{article.title or ''}\n{_lead_text(context, article_id)}"
        for name, pattern in EVENT_TYPES:
            if pattern.search(text):
                votes[name] += 1
                break
    return votes.most_common(1)[0][0] if votes else None


def event_date(context: StoryContext) -> str | None:
    """The day most independent groups name in their leads (ties: the earliest)."""
    groups_by_day: dict[str, set[str]] = {}
    for article_id in context.order:
        lead = _lead_span(context, article_id)
        for mention in context.dates_in(article_id, *lead):
            if mention.date and mention.precision == "day":
                groups_by_day.setdefault(mention.date, set()).add(context.group(article_id))
    if not groups_by_day:
        return None
    return min(groups_by_day, key=lambda day: (-len(groups_by_day[day]), day))


def event_location(context: StoryContext, resolution: Resolution | None) -> str | None:
    """The place most groups name in their leads, places after "in", "at" or "near" first."""
    if resolution is None:
        return None
    names = {entity.id: entity for entity in resolution.entities}
    scores: dict[str, float] = {}
    for (article_id, start, _end), entity_id in resolution.mention_ids.items():
        entity = names.get(entity_id)
        if entity is None or entity.type not in PLACE_TYPES or entity.stands_for:
            continue
        lead_start, lead_end = _lead_span(context, article_id)
        if not lead_start <= start < lead_end:
            continue
        article = context.articles.get(article_id)
        before = article.text[max(0, start - 12) : start] if article else ""
        weight = PLACE_TYPES[entity.type]
        scores[entity_id] = scores.get(entity_id, 0.0) + weight * (
            2.0 if LOCATIVE.search(before) else 1.0
        )
    if not scores:
        return None
    return names[max(scores, key=lambda key: (scores[key], key))].name


def _lead_span(context: StoryContext, article_id: str) -> tuple[int, int]:
    claims = [claim for claim in context.claims if claim.article_id == article_id]
    if not claims:
        return 0, 0
    lead = claims[:LEAD_SENTENCES]
    return lead[0].start, lead[-1].end


def _lead_text(context: StoryContext, article_id: str) -> str:
    start, end = _lead_span(context, article_id)
    return context.articles[article_id].text[start:end]
