"""The story table: which article row is in which story, and each story's running sums.

An article is a unit vector in each of a few spaces (:data:`SPACES`: its content, the people it
names, the places it names). A story's centroid is never stored as a vector during a run: an
article's dot product with a story's sum is the sum of its similarities to the story's members
(read from a sparse similarity graph), plus its dot product with the part of the sum carried
over from an earlier run (``old``). Each story keeps the squared norm of its sum in each space,
so the cosine with the centroid is ``dot / sqrt(norm2)``.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from .scoring import SPACES, ClusterParams, fit_scores, time_terms

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(slots=True)
class Neighbours:
    """One article row's similarities in one space: to session rows and to carried-over sums."""

    rows: IntArray
    values: FloatArray
    old_stories: IntArray
    old_values: FloatArray


@dataclass(slots=True)
class Fit:
    """A row's dot products with candidate stories: ``dots[space, i]`` for ``stories[i]``."""

    stories: IntArray
    dots: FloatArray

    def at(self, story: int) -> FloatArray:
        """The dot products with one story in every space (zeros if it is no candidate)."""
        index = int(np.searchsorted(self.stories, story))
        if index < len(self.stories) and self.stories[index] == story:
            return self.dots[:, index]
        return np.zeros(len(self.dots))


def csr_row(matrix: sp.csr_matrix, row: int) -> tuple[IntArray, FloatArray]:
    """Column indices and values of one CSR row."""
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    return matrix.indices[start:end].astype(np.int64), matrix.data[start:end]


def _grown(array: npt.NDArray[np.generic], size: int, fill: float) -> npt.NDArray[np.generic]:
    """``array`` with room for ``size`` entries along its last axis (doubling)."""
    if size <= array.shape[-1]:
        return array
    shape = (*array.shape[:-1], max(size, 2 * array.shape[-1], 16))
    bigger = np.full(shape, fill, dtype=array.dtype)
    bigger[..., : array.shape[-1]] = array
    return bigger


class StoryTable:
    """Stories (index -> key, counts, sums' norms, days) and the row -> story map."""

    def __init__(self) -> None:
        spaces = len(SPACES)
        self.keys: list[str] = []
        self.members: list[set[int]] = []
        self.count: FloatArray = np.zeros(0)
        self.norm2: FloatArray = np.zeros((spaces, 0))
        # Publication days of each story's articles, sorted (with repeats), including the days
        # carried over from an earlier run.
        self.days: list[list[float]] = []
        # The article count carried over from an earlier run.
        self.old_count: FloatArray = np.zeros(0)
        self.story_of: IntArray = np.zeros(0, dtype=np.int64)
        self.day: FloatArray = np.zeros(0)
        self.self_dot: FloatArray = np.zeros((spaces, 0))
        self.rows = 0

    @property
    def size(self) -> int:
        """Number of story slots (some may be empty after moves)."""
        return len(self.keys)

    def add_rows(self, days: Sequence[float]) -> None:
        """Register new, unplaced article rows (their self dots are set by the caller)."""
        n = self.rows + len(days)
        self.story_of = _grown(self.story_of, n, -1)  # type: ignore[assignment]
        self.day = _grown(self.day, n, np.nan)  # type: ignore[assignment]
        self.self_dot = _grown(self.self_dot, n, 0.0)  # type: ignore[assignment]
        self.day[self.rows : n] = days
        self.self_dot[:, self.rows : n] = 0.0
        self.story_of[self.rows : n] = -1
        self.rows = n

    def new_story(
        self,
        key: str,
        *,
        old_count: float = 0.0,
        norm2: Sequence[float] | None = None,
        old_days: Sequence[float] = (),
    ) -> int:
        """Open a story slot (empty, or holding a carried-over sum) and return its index."""
        index = len(self.keys)
        self.count = _grown(self.count, index + 1, 0.0)  # type: ignore[assignment]
        self.old_count = _grown(self.old_count, index + 1, 0.0)  # type: ignore[assignment]
        self.norm2 = _grown(self.norm2, index + 1, 0.0)  # type: ignore[assignment]
        self.keys.append(key)
        self.members.append(set())
        self.count[index] = self.old_count[index] = old_count
        self.norm2[:, index] = norm2 if norm2 is not None else 0.0
        self.days.append(sorted(old_days))
        return index

    def fit(self, neighbours: Sequence[Neighbours]) -> Fit:
        """A row's dot products with every story sharing content with it.

        ``neighbours`` has one entry per space; a story that shares only people or places and
        no content key is no candidate (it could not reach the join threshold).
        """
        size = self.size
        content = self._bincount(neighbours[0], size)
        candidates = np.flatnonzero(content).astype(np.int64)
        dots = np.zeros((len(neighbours), len(candidates)))
        dots[0] = content[candidates]
        for index, space in enumerate(neighbours[1:], start=1):
            if len(space.rows) or len(space.old_stories):  # an empty space (no weight) stays 0
                dots[index] = self._bincount(space, size)[candidates]
        return Fit(candidates, dots)

    def _bincount(self, neighbours: Neighbours, size: int) -> FloatArray:
        stories = self.story_of[neighbours.rows]
        placed = stories >= 0
        sums: FloatArray = np.bincount(
            stories[placed], neighbours.values[placed], minlength=size
        ).astype(np.float64, copy=False)
        if len(neighbours.old_stories):
            sums += np.bincount(neighbours.old_stories, neighbours.old_values, minlength=size)
        return sums

    def best(self, row: int, fit: Fit, params: ClusterParams) -> tuple[int, FloatArray]:
        """The best-fitting story for an unplaced row (-1 if none reaches the threshold).

        Returns the story index and the row's dot products with it in every space.
        """
        live = self.count[fit.stories] > 0
        candidates = fit.stories[live]
        if not len(candidates):
            return -1, np.zeros(len(SPACES))
        dots = fit.dots[:, live]
        scores = fit_scores(dots, self.norm2[:, candidates], self.self_dot[:, row], params)
        # Time terms add at most the bonus: look up days only for stories that could still win.
        hopeful = np.flatnonzero(scores + max(params.time_bonus, 0.0) >= params.join_threshold)
        if not len(hopeful):
            return -1, np.zeros(len(SPACES))
        scores = scores[hopeful] + time_terms(self.gaps(self.day[row], candidates[hopeful]), params)
        pick = int(np.argmax(scores))
        if scores[pick] < params.join_threshold:
            return -1, np.zeros(len(SPACES))
        return int(candidates[hopeful[pick]]), dots[:, hopeful[pick]]

    def attach(self, row: int, story: int, dots: FloatArray) -> None:
        """Put an unplaced row into ``story``; ``dots``: its dot products with the story's sums."""
        self.norm2[:, story] += 2.0 * dots + self.self_dot[:, row]
        self.count[story] += 1
        self.members[story].add(row)
        self.story_of[row] = story
        day = float(self.day[row])
        if not np.isnan(day):
            insort(self.days[story], day)

    def detach(self, row: int, fit: Fit) -> int:
        """Take a placed row out of its story; returns the story.

        ``fit`` must have been computed while the row was placed; it is updated in place to
        the row's dot products with the stories as they are without it.
        """
        story = int(self.story_of[row])
        index = int(np.searchsorted(fit.stories, story))
        dots = np.zeros(len(SPACES))
        if index < len(fit.stories) and fit.stories[index] == story:
            fit.dots[:, index] -= self.self_dot[:, row]
            dots = fit.dots[:, index]
        self.norm2[:, story] = np.maximum(
            self.norm2[:, story] - 2.0 * dots - self.self_dot[:, row], 0.0
        )
        self.count[story] -= 1
        self.members[story].discard(row)
        self.story_of[row] = -1
        day = float(self.day[row])
        if not np.isnan(day):
            self.days[story].remove(day)
        return story

    def gaps(self, day: float, stories: IntArray) -> FloatArray:
        """Days from ``day`` to the nearest report of each story; NaN where either is undated."""
        gaps = np.full(len(stories), np.nan)
        if np.isnan(day):
            return gaps
        for at, story in enumerate(stories.tolist()):
            days = self.days[story]
            if days:
                index = bisect_left(days, day)
                near = days[max(index - 1, 0) : index + 1]
                gaps[at] = min(abs(other - day) for other in near)
        return gaps

    def span(self, story: int) -> tuple[float, float]:
        """First and last publication day of a story (NaN, NaN when undated)."""
        days = self.days[story]
        return (days[0], days[-1]) if days else (np.nan, np.nan)

    def placed_stories(self) -> IntArray:
        """Indices of stories holding at least one article."""
        return np.nonzero(self.count[: self.size] > 0)[0].astype(np.int64)
