"""Story assembly: groups of articles -> stories with title, time span, entities and reuse.

Reads articles, their annotations and the reuse pairs found among all articles; returns
:class:`Story` values. Until clustering exists every article belongs to one story; the assembly
of a story's title, span, entities, reuse pairs and independent source groups is the same
whatever does the grouping.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .models import Annotation, Article, Entity, Story
from .reuse import ReusePair, source_groups

# spaCy labels that name things a reader tracks across articles. Numbers, dates and amounts are
# left to the figure and date extractors.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
# Longest story title built from a first sentence when no article has a headline; longer
# titles wrap badly in terminal tables and HTML lists.
MAX_FALLBACK_TITLE_CHARS = 90

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def build_stories(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    pairs: Sequence[ReusePair] = (),
) -> list[Story]:
    """Group ``articles`` into stories (for now: one story holding all of them)."""
    if not articles:
        return []
    return [assemble_story(articles, annotations, pairs)]


def assemble_story(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    pairs: Sequence[ReusePair] = (),
) -> Story:
    """Make one story of ``articles``: id, title, time span, entities, reuse, source groups.

    ``pairs`` may hold reuse pairs of other stories too; only pairs inside this story count.
    """
    ordered = sorted(articles, key=lambda article: (article.published or "~", article.id))
    article_ids = tuple(article.id for article in ordered)
    wanted = set(article_ids)
    dates = sorted(article.published for article in ordered if article.published)
    inside = [pair for pair in pairs if pair.a in wanted and pair.b in wanted]
    return Story(
        id=story_id(article_ids),
        title=story_title(ordered),
        article_ids=article_ids,
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
        entities=tuple(collect_entities([a for a in annotations if a.article_id in wanted])),
        reuse=tuple(pair.to_dict() for pair in inside),
        source_groups=tuple(group.to_dict() for group in source_groups(ordered, inside)),
    )


def story_id(article_ids: Sequence[str]) -> str:
    """A stable id derived from the member article ids (order does not matter)."""
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()
    return f"s{digest[:10]}"


def story_title(ordered: Sequence[Article]) -> str | None:
    """The headline of the earliest article that has one, else its first sentence, shortened."""
    for article in ordered:
        if article.title:
            return article.title
    for article in ordered:
        first_line = article.text.strip().split("\n", 1)[0]
        if first_line:
            if len(first_line) <= MAX_FALLBACK_TITLE_CHARS:
                return first_line
            return first_line[:MAX_FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return None


def entity_key(text: str) -> str:
    """Fold a mention to the form used to merge mentions of one entity."""
    return display_name(text).casefold()


def display_name(text: str) -> str:
    """A mention as an entity name: no possessive, no leading article, single spaces."""
    return " ".join(_LEADING_ARTICLE.sub("", _POSSESSIVE.sub("", text.strip())).split())


def collect_entities(annotations: Sequence[Annotation]) -> list[Entity]:
    """Merge entity mentions with the same folded name and type across articles."""
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for annotation in annotations:
        for mention in annotation.entities:
            if mention.label not in ENTITY_LABELS:
                continue
            key = (mention.label, entity_key(mention.text))
            if not key[1]:
                continue
            surfaces[key][display_name(mention.text)] += 1
            articles[key].add(annotation.article_id)
    ranked = sorted(surfaces, key=lambda key: (-surfaces[key].total(), key[1], key[0]))
    entities = []
    for number, key in enumerate(ranked, start=1):
        forms = surfaces[key].most_common()
        entities.append(
            Entity(
                id=f"e{number}",
                name=forms[0][0],
                type=key[0],
                aliases=tuple(sorted(form for form, _ in forms[1:])),
                article_ids=tuple(sorted(articles[key])),
                mentions=surfaces[key].total(),
            )
        )
    return entities
