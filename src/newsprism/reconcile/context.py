"""What every reconcile technique looks up about a story: its articles, their independent
source groups, publication times, claims by sentence and figure, and date mentions.

Built once per story by :func:`story_context`; read-only afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..extract.claims import Claim
from ..extract.dates import TimeMention
from ..models import Article

_YEAR = re.compile(r"^(\d{4})")


@dataclass(frozen=True, slots=True)
class When:
    """A report time: the day (ISO) and, when known, the time of day ("HH:MM")."""

    day: str | None
    clock: str | None = None

    def before(self, other: When) -> bool:
        """Strictly earlier: an earlier day, or the same day with both clocks known and earlier."""
        if self.day is None or other.day is None:
            return False
        if self.day != other.day:
            return self.day < other.day
        return self.clock is not None and other.clock is not None and self.clock < other.clock


def when_of(published: str | None) -> When:
    """The report time of an ISO 8601 date or date-time (``When(None)`` when absent)."""
    if not published or not re.match(r"^\d{4}-\d{2}-\d{2}", published):
        return When(None)
    clock = published[11:16] if len(published) >= 16 and published[10] in "T " else None
    return When(published[:10], clock)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryContext:
    """Lookups over one story's articles, groups, claims and dates."""

    articles: Mapping[str, Article]
    order: tuple[str, ...]
    group_of: Mapping[str, str]
    claims: tuple[Claim, ...] = ()
    dates: Mapping[str, tuple[TimeMention, ...]] = field(default_factory=dict)
    year: int | None = None
    entity_of: Callable[[str], str | None] | None = None

    def name_key(self, name: str) -> str:
        """One key per named voice or place: the resolved entity when the story's entity
        resolution knows the name ("Tobias Renk" and "Mayor Tobias Renk" are one), else the
        folded name."""
        if self.entity_of is not None:
            found = self.entity_of(name)
            if found is not None:
                return found
        folded = " ".join(name.lower().replace("\u2019", "'").split())
        return folded.removeprefix("the ")

    def published(self, article_id: str) -> When:
        """The article's publication time."""
        article = self.articles.get(article_id)
        return when_of(article.published if article is not None else None)

    def group(self, article_id: str) -> str:
        """The independent source group of an article (the article itself when ungrouped)."""
        return self.group_of.get(article_id, article_id)

    def groups(self, article_ids: Iterable[str]) -> set[str]:
        """The distinct independent source groups of some articles."""
        return {self.group(article_id) for article_id in article_ids}

    def claim_at(self, article_id: str, start: int, end: int) -> Claim | None:
        """The claim whose sentence covers ``[start, end)`` of the article, if any."""
        for claim in self.claims:
            if claim.article_id == article_id and claim.start <= start and end <= claim.end:
                return claim
        return None

    def relative_position(self, article_id: str, start: int) -> float:
        """Where an offset lies in its article, 0 (top) to 1 (end)."""
        article = self.articles.get(article_id)
        if article is None or not article.text:
            return 1.0
        return min(1.0, max(0.0, start / len(article.text)))

    def dates_in(self, article_id: str, start: int, end: int) -> list[TimeMention]:
        """Date mentions inside ``[start, end)`` of the article."""
        return [m for m in self.dates.get(article_id, ()) if start <= m.start and m.end <= end]


def story_context(
    articles: Sequence[Article],
    source_groups: Sequence[Mapping[str, object]] | Sequence[object],
    *,
    claims: Sequence[Claim] = (),
    dates: Sequence[TimeMention] = (),
    entity_of: Callable[[str], str | None] | None = None,
) -> StoryContext:
    """Build the lookups; ``source_groups`` are SourceGroup values or their dicts;
    ``entity_of`` maps a name to its entity id (the story's entity resolution), if known."""
    group_of: dict[str, str] = {}
    for group in source_groups:
        if isinstance(group, Mapping):
            group_id = str(group.get("id"))
            members = group.get("article_ids") or ()
        else:
            group_id = str(getattr(group, "id", ""))
            members = getattr(group, "article_ids", ())
        for article_id in members if isinstance(members, list | tuple) else ():
            group_of[str(article_id)] = group_id
    by_article: dict[str, list[TimeMention]] = {}
    for mention in dates:
        by_article.setdefault(mention.article_id, []).append(mention)
    years = [
        int(match.group(1))
        for article in articles
        if article.published and (match := _YEAR.match(article.published))
    ]
    return StoryContext(
        articles={article.id: article for article in articles},
        order=tuple(article.id for article in articles),
        group_of=group_of,
        claims=tuple(claims),
        dates={key: tuple(value) for key, value in by_article.items()},
        year=max(years) if years else None,
        entity_of=entity_of,
    )
