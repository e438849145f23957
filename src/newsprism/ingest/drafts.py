"""The intermediate form every reader produces: an article as read, before ids and sources.

Readers (files, records, HTML, feeds, WARC) return :class:`Draft` values and per-item
:class:`~newsprism.models.Problem` values in a :class:`Batch`; ``read_inputs`` turns drafts into
articles (ids, duplicates, source and wire detection) in one place.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, cast

from ..models import Problem, Removal

# The metadata fields a draft shares with a sidecar or a JSON record.
META_FIELDS: tuple[str, ...] = ("title", "url", "source", "published", "byline")


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """An article as read from one input.

    ``id`` is an id the input gives (a file's name, a record's "id"); None means it is derived
    from the URL or the text. ``source`` is an outlet the input states outright; ``site_name``
    is the HTML page's own name for its site, a weaker hint.
    """

    text: str
    origin: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    site_name: str | None = None
    published: str | None = None
    byline: str | None = None
    removed: tuple[Removal, ...] = ()  # what the reader already took out (HTML page chrome)

    def fill(self, **values: str | None) -> Draft:
        """A copy where each given non-empty value fills a field that is still empty."""
        missing = {
            name: value for name, value in values.items() if value and not getattr(self, name)
        }
        return dataclasses.replace(self, **cast(dict[str, Any], missing)) if missing else self

    def override(self, **values: str | None) -> Draft:
        """A copy where each given non-empty value replaces the field's value."""
        given = {name: value for name, value in values.items() if value}
        return dataclasses.replace(self, **cast(dict[str, Any], given)) if given else self


@dataclass(slots=True)
class Batch:
    """What reading one input gave: drafts and problems, in input order."""

    drafts: list[Draft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def extend(self, other: Batch) -> None:
        """Append another batch's drafts and problems."""
        self.drafts.extend(other.drafts)
        self.problems.extend(other.problems)

    def error(self, name: str, message: str) -> None:
        """Record that input ``name`` was skipped."""
        self.problems.append(Problem(input=name, message=one_line(message), level="error"))

    def warning(self, name: str, message: str) -> None:
        """Record that input ``name`` was kept despite ``message``."""
        self.problems.append(Problem(input=name, message=one_line(message), level="warning"))


def one_line(message: str) -> str:
    """``message`` on one line, whitespace collapsed (error texts from libraries may wrap)."""
    return " ".join(message.split())
