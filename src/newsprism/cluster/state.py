"""The clusterer's memory between runs, as plain JSON.

``dump`` writes, per story: its key, article count, day span and distinct publication days
(ISO dates), representative headline, and the strongest keys of its content, person
and place centroids with their weights (sums of unit vectors, so a story of many articles has large
weights); plus the document frequencies of keys seen in at least two articles. ``load`` reads
that back into a story table whose stories carry these sums as their "old" part. Nothing about
single articles is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..errors import StoreError
from .table import IntArray, StoryTable
from .vectors import Lexicon

SCHEMA = "newsprism.cluster-state/1"
# Keys kept per story centroid: the top 64 carry most of a centroid's weight (rare names, places,
# numbers), so an article that belongs still finds its story; more would grow the state linearly
# for little gain.
STATE_TERMS = 64
# Surnames and places kept per story: a story rarely has more than a dozen of either worth
# matching on.
STATE_FOCUS = 16
# The stored vector of each space (content, persons, places, times) and how many keys it keeps.
FIELDS = (
    ("terms", STATE_TERMS),
    ("persons", STATE_FOCUS),
    ("places", STATE_FOCUS),
    ("times", STATE_FOCUS),
)
# Fields added after the schema was first written: a state without them loads them empty.
LATER_FIELDS = frozenset({"times"})
# Distinct publication days kept per story (the first and the latest ones): the time terms look
# for the nearest report, and old days of a long story rarely matter.
STATE_DAYS = 32
# Digits kept in stored weights: enough for cosines to three decimals.
WEIGHT_DIGITS = 5


@dataclass(frozen=True, slots=True)
class Loaded:
    """What ``load`` returns besides the story table it fills."""

    next_key: int
    sums: tuple[sp.csr_matrix, ...]  # per space: one row per story
    story_index: IntArray
    titles: dict[int, str | None]


def dump(
    *,
    table: StoryTable,
    sums: Sequence[sp.csr_matrix],
    lexicon: Lexicon,
    titles: Mapping[int, str | None],
    next_key: int,
) -> dict[str, Any]:
    """The state of a story table and its sums; see the module docstring."""
    names = [""] * len(lexicon)
    for key, column in lexicon.columns.items():
        names[column] = key
    stories = []
    for story in table.placed_stories().tolist():
        stories.append(
            {
                "key": table.keys[story],
                "count": int(table.count[story]),
                "first": _iso(table.span(story)[0]),
                "last": _iso(table.span(story)[1]),
                "days": [_iso(day) for day in _recent(sorted(set(table.days[story])))],
                "title": titles.get(story),
                **{
                    field: _top(matrix, story, names, limit)
                    for (field, limit), matrix in zip(FIELDS, sums, strict=True)
                },
            }
        )
    return {
        "schema": SCHEMA,
        "next_key": next_key,
        "frequencies": lexicon.to_state(),
        "stories": stories,
    }


def load(state: Mapping[str, Any], table: StoryTable, lexicon: Lexicon) -> Loaded:
    """Fill ``table`` and ``lexicon`` (an empty one) from ``state``.

    Raises:
        StoreError: the state is not a clusterer state of this schema.
    """
    if state.get("schema") != SCHEMA:
        raise StoreError(f"clusterer state has schema {state.get('schema')!r}, not {SCHEMA!r}")
    try:
        lexicon.load_state(state["frequencies"])
        next_key = int(state["next_key"])
        rows: list[list[dict[int, float]]] = [[] for _ in FIELDS]
        titles = {}
        for entry in state["stories"]:
            vectors = [
                {str(k): float(v) for k, v in _field(entry, field).items()} for field, _ in FIELDS
            ]
            story = table.new_story(
                str(entry["key"]),
                old_count=float(entry["count"]),
                norm2=[sum(v * v for v in vector.values()) for vector in vectors],
                old_days=[_ordinal(day) for day in entry.get("days", [])],
            )
            titles[story] = entry.get("title")
            for space, vector in enumerate(vectors):
                rows[space].append({_column(lexicon, k): v for k, v in vector.items()})
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise StoreError(
            f"clusterer state is malformed ({err!r}); rebuild it with a new run"
        ) from err
    columns = max(len(lexicon), 1)
    return Loaded(
        next_key=next_key,
        sums=tuple(_matrix(space_rows, columns) for space_rows in rows),
        story_index=np.arange(len(titles), dtype=np.int64),
        titles=titles,
    )


def _field(entry: Mapping[str, Any], field: str) -> Mapping[str, Any]:
    """One stored vector of a story; a later field missing from an older state is empty."""
    if field in LATER_FIELDS and field not in entry:
        return {}
    vector: Mapping[str, Any] = entry[field]
    return vector


def _column(lexicon: Lexicon, key: str) -> int:
    lexicon.bag({key: (1.0, 1)})
    return lexicon.columns[key]


def _top(matrix: sp.csr_matrix, row: int, names: list[str], limit: int) -> dict[str, float]:
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    columns, values = matrix.indices[start:end], matrix.data[start:end]
    order = np.lexsort((columns, -values))[:limit]
    return {
        names[int(columns[i])]: round(float(values[i]), WEIGHT_DIGITS)
        for i in order
        if values[i] > 0
    }


def _matrix(rows: list[dict[int, float]], columns: int) -> sp.csr_matrix:
    indptr, indices, data = [0], [], []
    for row in rows:
        for column in sorted(row):
            indices.append(column)
            data.append(row[column])
        indptr.append(len(indices))
    return sp.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(rows), columns),
    )


def _recent(days: list[float]) -> list[float]:
    """The first day and the latest STATE_DAYS - 1 days."""
    if len(days) <= STATE_DAYS:
        return days
    return [days[0], *days[-(STATE_DAYS - 1) :]]


def _iso(day: float) -> str | None:
    return None if np.isnan(day) else date.fromordinal(int(day)).isoformat()


def _ordinal(value: object) -> float:
    if value is None:
        return float("nan")
    return float(date.fromisoformat(str(value)).toordinal())
