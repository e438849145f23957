"""Claims: each news sentence of an article as a statement with who asserts it.

Reads an article, its annotation, the article's quotes (:mod:`.quotes`), optionally the story's
entity resolution (:mod:`.entities`) and figures; returns one :class:`Claim` per news sentence
(``[start, end)`` into ``article.text``). ``attributed_to`` is the speaker of the quote or
reported speech that covers most of the sentence ("X said ...", "according to X", a direct
quote), else None: the outlet itself asserts it.

Limitations: one attribution per sentence (the one covering most of it); a sentence is
"news" when it has enough words and some lowercase prose, so short headings and lists of
names are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..models import Annotation, Article
from .entities import ENTITY_LABELS as NAMED_LABELS
from .entities import Resolution
from .names import display_name
from .quotes import Quote

# Fewer words than this is a heading, a dateline or a fragment, not a statement.
MIN_CLAIM_WORDS = 4
# A quote must cover at least this share of a sentence's characters to attribute the
# sentence to its speaker; below it, the quote is a phrase inside the outlet's own sentence.
MIN_ATTRIBUTION_SHARE = 0.3


class Spanned(Protocol):
    """Anything extracted with an id and a span in one article (figures, for example)."""

    @property
    def id(self) -> str: ...

    @property
    def article_id(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One news sentence as a statement, with its attribution, entities and figures."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    attributed_to: str | None = None
    cue: str | None = None
    quote_id: str | None = None
    entity_ids: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    figure_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """As the report's ``facts[].claims[]`` entry, with the extra fields."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "attributed_to": self.attributed_to,
            "cue": self.cue,
            "quote_id": self.quote_id,
            "entity_ids": list(self.entity_ids),
            "entities": list(self.entities),
            "figure_ids": list(self.figure_ids),
        }


def extract_claims(
    article: Article,
    annotation: Annotation,
    *,
    quotes: Sequence[Quote] = (),
    resolution: Resolution | None = None,
    figures: Sequence[Spanned] = (),
) -> list[Claim]:
    """One claim per news sentence of ``article``, in order."""
    own_quotes = [quote for quote in quotes if quote.article_id == article.id]
    own_figures = [figure for figure in figures if figure.article_id == article.id]
    claims: list[Claim] = []
    for start, end in annotation.sentences:
        text = article.text[start:end]
        if not is_news_sentence(text):
            continue
        quote = _covering_quote(own_quotes, start, end)
        mentions = [
            m
            for m in annotation.entities
            if start <= m.start and m.end <= end and m.label in NAMED_LABELS
        ]
        entity_ids: list[str] = []
        if resolution is not None:
            for mention in mentions:
                entity_id = resolution.mention_ids.get((article.id, mention.start, mention.end))
                if entity_id is not None and entity_id not in entity_ids:
                    entity_ids.append(entity_id)
        claims.append(
            Claim(
                id=f"{article.id}:c{len(claims) + 1}",
                article_id=article.id,
                start=start,
                end=end,
                text=text,
                attributed_to=quote.speaker if quote is not None else None,
                cue=quote.cue if quote is not None else None,
                quote_id=quote.id if quote is not None else None,
                entity_ids=tuple(entity_ids),
                entities=tuple(dict.fromkeys(display_name(m.text) for m in mentions)),
                figure_ids=tuple(f.id for f in own_figures if start <= f.start and f.end <= end),
            )
        )
    return claims


def is_news_sentence(text: str) -> bool:
    """Enough words, and prose rather than a heading or a list of names."""
    words = text.split()
    return len(words) >= MIN_CLAIM_WORDS and any(word[:1].islower() for word in words)


def _covering_quote(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The attributed quote covering most of ``[start, end)``, if it covers enough of it."""
    best: Quote | None = None
    best_overlap = 0
    for quote in quotes:
        if quote.speaker is None:
            continue
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    if best is None:
        return None
    if not best.direct and best_overlap < MIN_ATTRIBUTION_SHARE * (end - start):
        return None  # a partial direct quote attributes its sentence whatever its length
    return best
