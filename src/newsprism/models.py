"""Domain values shared by every stage: articles, spans, annotations, problems and the report.

All are frozen dataclasses with immutable containers. Extracted things point back into their
article with ``article_id`` plus ``[start, end)`` character offsets into the cleaned ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA = "newsprism.report/1"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of one article's cleaned text: characters [start, end)."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """A piece of page furniture taken out of an article, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article.

    Ingest fills ``text`` with the raw body text; cleaning replaces it with the cleaned text and
    records what it took out in ``removed``. ``origin`` is the file path or URL it was read from.
    ``wire`` is a news agency credited in the text ("Reuters", "AP") when it differs from
    ``source``, the outlet that published it.
    """

    id: str
    text: str
    origin: str = ""
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    byline: str | None = None
    wire: str | None = None
    removed: tuple[Removal, ...] = ()


ProblemLevel = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """Something wrong with one input: an error (input skipped) or a warning (input kept)."""

    input: str
    message: str
    level: ProblemLevel = "error"

    def __str__(self) -> str:
        return f"{self.level}: {self.input}: {self.message}"


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityMention:
    """A named entity found in an article: its span, spaCy label and surface text."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Annotation:
    """Sentences and entities of one article's cleaned text."""

    article_id: str
    sentences: tuple[tuple[int, int], ...]
    entities: tuple[EntityMention, ...]
    words: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One real-world thing named in a story, with the articles that name it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    mentions: int = 0
    stands_for: str | None = None  # a capital used for a government: "government of X"


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """Articles about one event, with everything found about them.

    Fields that later stages fill (reuse, figures, quotes, facts...) stay empty until those
    stages exist; the report still carries them so its shape never changes.
    """

    id: str
    title: str | None
    article_ids: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    entities: tuple[Entity, ...] = ()
    reuse: tuple[dict[str, object], ...] = ()
    source_groups: tuple[dict[str, object], ...] = ()
    figures: tuple[dict[str, object], ...] = ()
    quotes: tuple[dict[str, object], ...] = ()
    facts: tuple[dict[str, object], ...] = ()
    framing: tuple[dict[str, object], ...] = ()
    timeline: tuple[dict[str, object], ...] = ()
    event: dict[str, object] | None = None
    brief: tuple[dict[str, object], ...] = ()
    # Beyond the contract: the extraction behind facts and framing, per article.
    claims: tuple[dict[str, object], ...] = ()
    dates: tuple[dict[str, object], ...] = ()
    labels: tuple[dict[str, object], ...] = ()
    omissions: tuple[dict[str, object], ...] = ()  # facts most source groups carry, per article


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The result of analysing a set of articles (schema ``newsprism.report/1``)."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    annotations: tuple[Annotation, ...] = ()
    problems: tuple[Problem, ...] = ()
    stats: dict[str, float] = field(default_factory=dict)
