"""Omissions: facts most independent sources carry that an article leaves out.

Reads a story's facts and context; returns :class:`~.records.Omission` values, one per
article that leaves out at least one such fact, in story order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .context import StoryContext
from .records import Fact, Omission

# Share of the story's independent source groups that must carry a fact before leaving it out
# is an omission. Lower flags every corroborated detail; higher only what all but one carry.
# With 4 groups, 0.5 means 2 groups. Set by reading examples/ (the trimmed wire reprint leaves
# out the town's population, which two of four groups carry).
OMISSION_SHARE = 0.5
# Never fewer groups than this: a fact one group carries is not "what most sources say".
OMISSION_MIN_GROUPS = 2


def find_omissions(facts: Sequence[Fact], context: StoryContext) -> tuple[Omission, ...]:
    """Per article, the ids of widely carried facts it does not state."""
    groups = set(context.group_of.get(a, a) for a in context.order)
    needed = max(OMISSION_MIN_GROUPS, math.ceil(OMISSION_SHARE * len(groups)))
    wide = [f for f in facts if f.independent_sources >= needed]
    found = []
    for article_id in context.order:
        missing = tuple(f.id for f in wide if article_id not in f.article_ids)
        if missing:
            found.append(Omission(article_id=article_id, fact_ids=missing))
    return tuple(found)
