"""newsprism: make sense of many news reports on the same events.

``newsprism.analyze(paths_or_articles)`` reads articles, cleans them, finds their sentences and
entities, groups them into stories and returns a :class:`Report`; ``newsprism.to_json(report)``
gives the JSON contract ``newsprism.report/1``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from os import PathLike
from typing import TYPE_CHECKING, Any

from .errors import NewsprismError
from .models import Article, Report, Story
from .report import to_dict, to_json, to_markdown
from .settings import Settings

if TYPE_CHECKING:
    from .pipeline import Input

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "NewsprismError",
    "Report",
    "Settings",
    "Story",
    "analyze",
    "to_dict",
    "to_json",
    "to_markdown",
]


def analyze(inputs: Iterable[Input] | str | PathLike[str], **options: Any) -> Report:
    """Analyze files, folders, URLs or :class:`Article` objects and return the report.

    A single path or URL may be given on its own. Keyword options are those of
    :func:`newsprism.pipeline.analyze` (``settings``, ``fetcher``, ``source``, ``published``,
    ``progress``).
    """
    from .pipeline import analyze as run  # imported here: it loads spaCy, which takes a second

    if isinstance(inputs, str | PathLike):
        inputs = [inputs]
    return run(inputs, **options)
