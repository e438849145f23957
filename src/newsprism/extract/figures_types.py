"""The :class:`Figure` value: a number in an article, what it counts and who states it.

Produced by :func:`newsprism.extract.figures.extract_figures` (which re-exports it); kept apart
so that the modules that read figures (counts, reconciliation) need not import the parser.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Article
from .url_headline import address_headline


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number in an article, what it counts and who states it.

    ``[start, end)`` covers the number phrase with its qualifier ("at least 27") in
    ``article.text`` (in ``article.title`` when ``in_title``; in the headline of the article's
    address, :func:`~newsprism.extract.url_headline.url_headline`, when ``in_url`` too: see
    :func:`figure_source`). ``value`` is the amount to use
    (a range's low end, the ACLED value of a vague word); ``low``/``high`` are the bounds the
    phrase implies. ``attributed_to`` is the person or body named as the source; None means
    the outlet itself. ``implicit`` marks victims written without a number ("a man");
    ``part`` marks a figure that counts part of a group counted just before it in the same
    sentence ("three victims, one male and two females").
    """

    id: str
    article_id: str
    start: int
    end: int
    kind: str
    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"
    vague: bool = False
    implicit: bool = False
    part: bool = False
    counted: str | None = None
    place: str | None = None
    time: str | None = None
    attributed_to: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    in_title: bool = False
    in_url: bool = False

    def to_dict(self) -> dict[str, object]:
        """The report contract's figure entry, plus extras."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "kind": self.kind,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "counted": self.counted,
            "attributed_to": self.attributed_to,
            "sentence": self.sentence,
            "start": None if self.in_title else self.start,
            "end": None if self.in_title else self.end,
            "vague": self.vague,
            "implicit": self.implicit,
            "part": self.part,
            "place": self.place,
            "time": self.time,
            "sentence_start": None if self.in_title else self.sentence_start,
            "sentence_end": None if self.in_title else self.sentence_end,
            "in_title": self.in_title,
            "in_url": self.in_url,
            "title_start": self.start if self.in_title and not self.in_url else None,
            "title_end": self.end if self.in_title and not self.in_url else None,
        }


def figure_source(figure: Figure, article: Article) -> str:
    """The text ``figure``'s offsets point into (see :func:`offsets_text`)."""
    return offsets_text(article, in_title=figure.in_title, in_url=figure.in_url)


def offsets_text(article: Article, *, in_title: bool, in_url: bool) -> str:
    """The article's text, its title, or the headline of its address: what the offsets of a
    sentence or figure with these flags point into."""
    if in_url:
        return address_headline(article.url, article.title) or ""
    return (article.title or "") if in_title else article.text
