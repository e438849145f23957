"""Capitals standing for their governments: "Oslo said", "Moscow had been given notice".

Reads a story's articles, annotations and the entity ids of folded names; returns
:class:`StandsFor` values for each capital that is the grammatical subject of a verb at least
once. Capitals come from the curated place list (kind "capital" with its country) and from the
text itself ("X, the capital of Y", "Y's capital, X"). The entity keeps its place type: the
same name is a city in "fighting in Oslo" and a government in "Oslo said".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..models import Annotation, Article
from ..places import places_by_name
from .aliases import find_capitals
from .names import entity_key
from .parsing import SentenceIndex, SentenceParser


@dataclass(frozen=True, slots=True, kw_only=True)
class StandsFor:
    """A capital used for its country's government ("Oslo said"), with its evidence count."""

    entity_id: str
    country: str
    country_entity_id: str | None
    mentions: int

    def to_dict(self) -> dict[str, object]:
        """As a plain dict."""
        return {
            "entity_id": self.entity_id,
            "stands_for": f"government of {self.country}",
            "country": self.country,
            "country_entity_id": self.country_entity_id,
            "mentions": self.mentions,
        }


def capitals_standing_for(
    articles: Sequence[Article],
    by_id: Mapping[str, Annotation],
    key_ids: Mapping[str, str],
    parser: SentenceParser | None,
) -> list[StandsFor]:
    """Capitals used as the subject of a verb, with the country they stand for."""
    countries: dict[str, str] = {}
    for name, places in places_by_name().items():
        for place in places:
            if place.kind == "capital" and place.country:
                countries.setdefault(entity_key(name), place.country)
    for article in articles:
        if article.id in by_id:
            for link in find_capitals(article, by_id[article.id]):
                countries.setdefault(entity_key(link.capital.text), link.country.text)
    counts: Counter[str] = Counter()
    country_of: dict[str, str] = {}
    for article in articles:
        annotation = by_id.get(article.id)
        if annotation is None:
            continue
        for key, country in _subject_capitals(article, annotation, countries, parser):
            if key in key_ids:
                counts[key_ids[key]] += 1
                country_of[key_ids[key]] = country
    return [
        StandsFor(
            entity_id=entity_id,
            country=country_of[entity_id],
            country_entity_id=key_ids.get(entity_key(country_of[entity_id])),
            mentions=count,
        )
        for entity_id, count in sorted(counts.items(), key=lambda item: int(item[0][1:]))
    ]


def _subject_capitals(
    article: Article,
    annotation: Annotation,
    countries: Mapping[str, str],
    parser: SentenceParser | None,
) -> list[tuple[str, str]]:
    """``(key, country)`` for each capital mention that is the subject of a verb."""
    index = SentenceIndex(annotation)
    targets = [m for m in annotation.entities if entity_key(m.text) in countries]
    if not targets:
        return []
    sentences = sorted({index.sentences[index.index_at(m.start)] for m in targets})
    parser = parser if parser is not None else SentenceParser()
    docs = parser.parse(article, sentences)
    found = []
    for mention in targets:
        bounds = index.sentences[index.index_at(mention.start)]
        doc = docs[bounds]
        span = doc.char_span(
            mention.start - bounds[0], mention.end - bounds[0], alignment_mode="expand"
        )
        if span is None:
            continue
        root = span.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        if subject:
            key = entity_key(mention.text)
            found.append((key, countries[key]))
    return found
