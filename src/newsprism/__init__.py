"""newsprism: make sense of many news reports on the same events.

``newsprism.analyze(paths_or_articles)`` reads articles, cleans them, groups them into stories
and returns a :class:`Report` (the JSON contract ``newsprism.report/1``).
"""

from __future__ import annotations

import logging

from .errors import NewsprismError
from .models import Article, Report, Story
from .settings import Settings

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Article", "NewsprismError", "Report", "Settings", "Story"]
