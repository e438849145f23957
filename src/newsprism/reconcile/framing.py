"""Framing: the words each article uses for the story's main action and its main actors.

Reads the story's articles, scare-quoted labels (:class:`~newsprism.extract.quotes.Label`),
claims and entity resolution; returns :class:`~.records.Framing` values. The main action's
terms are general news nouns for what happened ("offensive", "military operation", "attack",
"collapse", "flash flood"), plus every scare-quoted label with the noun it qualifies ("anti-
terrorist" operation). Loaded words ("massacre", "regime") are listed only where the article
uses them in its own voice: inside quotation marks or an attributed sentence they are the
speaker's. Actors are the story's most widely named entities, with the names each article
gives them (aliases learned from the text: "Tarnholt" and "Tarn Crossing").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..extract.quote_marks import find_quoted_spans
from .context import StoryContext
from .records import Framing, Term

if TYPE_CHECKING:
    from ..extract.entities import Resolution
    from ..extract.quotes import Label, Quote

# General nouns and phrases news uses for a violent event or a disaster (not a seed's words).
ACTION_TERMS = re.compile(
    r"\b(?:(?:military|ground|air|full[- ]scale|large[- ]scale|counter[- ]?terror(?:ism)?|"
    r"anti[- ]?terror(?:ist)?|police)\s+)?"
    r"(?:offensives?|operations?|assaults?|attacks?|invasion|incursions?|campaign|"
    r"air ?strikes?|strikes|bombardment|shelling|escalation|flare-up|hostilities|war|"
    r"collapse|failure|breach|burst|dam burst|flash flood|mudslide|landslide|shooting|"
    r"rampage|disaster|catastrophe|tragedy|clashes)\b",
    re.IGNORECASE,
)
# Words that judge rather than describe; listed when the article uses them in its own voice.
LOADED_TERMS = re.compile(
    r"\b(?:massacres?|genocide|ethnic cleansing|terrorists?|regime|aggression|aggressors?|"
    r"atrocit(?:y|ies)|slaughter(?:ed)?|butcher(?:ed|y)?|brutal(?:ity)?|barbaric|thugs|"
    r"puppet|invaders?|occupiers?|man-made catastrophe|so-called)\b",
    re.IGNORECASE,
)
# A plain action word (not scare-quoted) is listed only when at least this many articles of
# the story use it: one article's "collapse of the Soviet Union" is not a name for the event.
MIN_TERM_ARTICLES = 2
# Actors listed: the story's entities named by the most articles. More turns framing into an
# index of names. Set by reading examples/.
MAX_ACTORS = 3
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Words after a label that may be the noun it qualifies ("anti-terrorist" operation).
_HEAD = re.compile(r"^[\"'\u201d\u2019]?\s*([a-z][a-z-]+)")
MAIN_ACTION = "the main action"
OTHER_LABELS = "other scare-quoted terms"


def build_framing(
    context: StoryContext,
    *,
    labels: Sequence[Label] = (),
    quotes: Sequence[Quote] = (),
    resolution: Resolution | None = None,
) -> tuple[Framing, ...]:
    """The main action's terms per article, then each main actor's names per article."""
    action = [label for label in labels if _is_action_label(label, context)]
    other = [label for label in labels if label not in action]
    framings = [
        Framing(referent=MAIN_ACTION, terms=tuple(_action_terms(context, action, quotes))),
        Framing(referent=OTHER_LABELS, terms=tuple(_label_terms(other))),
    ]
    if resolution is not None:
        framings.extend(_actors(context, resolution))
    return tuple(framing for framing in framings if framing.terms)


def _action_terms(
    context: StoryContext, labels: Sequence[Label], quotes: Sequence[Quote]
) -> list[Term]:
    terms: list[Term] = []
    usage: dict[str, int] = {}
    for article_id in context.order:
        article = context.articles[article_id]
        words = {
            m.group(0).lower()
            for m in ACTION_TERMS.finditer(f"{article.title or ''}\n{article.text}")
        }
        for word in words:
            usage[word] = usage.get(word, 0) + 1
    for article_id in context.order:
        article = context.articles[article_id]
        text = article.text
        quoted = [(q.start, q.end) for q in quotes if q.article_id == article_id and q.direct]
        quoted += [(span.start, span.end) for span in find_quoted_spans(text)]
        seen: set[str] = set()
        for label in labels:
            if label.article_id != article_id:
                continue
            head = _HEAD.match(text[label.end : label.end + 24].lstrip("\"'\u201d\u2019"))
            term = label.text + (
                f" {head.group(1)}" if head and ACTION_TERMS.fullmatch(head.group(1)) else ""
            )
            terms.append(
                Term(
                    article_id=article_id,
                    term=term,
                    scare_quoted=True,
                    attributed_to=label.attributed_to,
                    start=label.start,
                    end=label.end,
                )
            )
            seen.add(term.lower())
        sources = [(article.title or "", True), (text, False)]
        for source, in_title in sources:
            for match in ACTION_TERMS.finditer(source):
                inside = not in_title and any(s <= match.start() < e for s, e in quoted)
                word = match.group(0).lower()
                if inside or word in seen or any(word in s for s in seen):
                    continue
                if usage.get(word, 0) < MIN_TERM_ARTICLES:
                    continue
                seen.add(word)
                terms.append(
                    Term(
                        article_id=article_id,
                        term=word,
                        start=None if in_title else match.start(),
                        end=None if in_title else match.end(),
                    )
                )
            for match in LOADED_TERMS.finditer(source):
                if in_title or _attributed(context, article_id, match.start(), quoted):
                    continue
                if source[max(0, match.start() - 1) : match.start()] == "-":
                    continue  # "anti-terrorist": part of a compound
                word = match.group(0).lower()
                if word in seen:
                    continue
                seen.add(word)
                terms.append(
                    Term(
                        article_id=article_id,
                        term=word,
                        loaded=True,
                        start=match.start(),
                        end=match.end(),
                    )
                )
    return terms


def _is_action_label(label: Label, context: StoryContext) -> bool:
    """A label naming the action: an action word itself, or one qualifying an action noun."""
    if ACTION_TERMS.search(label.text) or re.search(r"terror", label.text, re.IGNORECASE):
        return True
    article = context.articles.get(label.article_id)
    after = article.text[label.end : label.end + 24] if article else ""
    head = _HEAD.match(after.lstrip("\"'\u201d\u2019"))
    return bool(head and ACTION_TERMS.fullmatch(head.group(1)))


def _label_terms(labels: Sequence[Label]) -> list[Term]:
    return [
        Term(
            article_id=label.article_id,
            term=label.text,
            scare_quoted=True,
            attributed_to=label.attributed_to,
            start=label.start,
            end=label.end,
        )
        for label in labels
    ]


def _attributed(
    context: StoryContext, article_id: str, start: int, quoted: Sequence[tuple[int, int]]
) -> bool:
    """Inside a direct quote, or in a sentence attributed to someone."""
    if any(s <= start < e for s, e in quoted):
        return True
    claim = context.claim_at(article_id, start, start + 1)
    return claim is not None and claim.attributed_to is not None


def _actors(context: StoryContext, resolution: Resolution) -> list[Framing]:
    spread = sorted(
        (e for e in resolution.entities if e.type in ACTOR_TYPES and len(e.article_ids) >= 2),
        key=lambda e: (-len(e.article_ids), -e.mentions, e.id),
    )[:MAX_ACTORS]
    framings = []
    for entity in spread:
        names: dict[tuple[str, str], Term] = {}
        for (article_id, start, end), entity_id in sorted(resolution.mention_ids.items()):
            if entity_id != entity.id or article_id not in context.articles:
                continue
            name = " ".join(context.articles[article_id].text[start:end].split())
            if name and (article_id, name.lower()) not in names:
                names[(article_id, name.lower())] = Term(
                    article_id=article_id, term=name, start=start, end=end
                )
        order = {article_id: n for n, article_id in enumerate(context.order)}
        terms = sorted(names.values(), key=lambda t: (order.get(t.article_id, 0), t.start or 0))
        framings.append(Framing(referent=entity.name, terms=tuple(terms)))
    return framings
