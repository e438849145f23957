"""The incremental clusterer: articles arrive, each joins the best story or starts one.

:class:`Clusterer` keeps the stories of one run (and any carried over from an earlier run through
:meth:`Clusterer.to_state` / :meth:`Clusterer.from_state`). ``add_many`` places a batch in
publication order (undated articles last, on content alone); ``refine`` then revisits every
article of the run. The state is small: per story its key, size, days, representative headline
and the strongest keys of its centroids, plus the document frequencies of keys.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from ..models import Annotation, Article
from . import state as state_io
from .features import ArticleFeatures, extract_features
from .refine import (
    Graphs,
    affected_rows,
    merge,
    place,
    prune,
    publication_order,
    reassign,
    split,
)
from .scoring import DEFAULT_PARAMS, SPACES, ClusterParams, focus_terms
from .table import StoryTable
from .vectors import MIN_DF, Bag, Lexicon, content_keys, focus_keys, weigh, widen

LOG = logging.getLogger(__name__)

# While articles arrive, all earlier rows of the run are weighed again with the current document
# frequencies whenever the article count has grown by this factor since the last time: early
# articles, weighed when every word was rare, get fair weights, and the total work stays
# O(n log n) even when articles come one at a time.
REWEIGH_GROWTH = 2.0
# Refinement stops once a round moves at most this share of the run's articles: later rounds
# move a handful each (10,000 replicated dev articles: 605, 116, 17, 9 moves) and leave the
# scores on the tuning parts unchanged.
REFINE_SETTLED_SHARE = 0.005


def _row_norms(matrix: sp.csr_matrix) -> npt.NDArray[np.float64]:
    """Squared L2 norm of each row (1 for a weighed row, 0 for an empty one)."""
    return np.asarray(matrix.multiply(matrix).sum(axis=1), dtype=np.float64).ravel()


def _empty() -> sp.csr_matrix:
    return sp.csr_matrix((0, 1))


class Clusterer:
    """Groups articles into stories, one batch at a time; see the module docstring."""

    def __init__(self, *, params: ClusterParams = DEFAULT_PARAMS) -> None:
        self.params = params
        self._lexicon = Lexicon()
        self._table = StoryTable()
        self._next_key = 1
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._headlines: list[str] = []
        # Per space (content, persons, places): each row's keys, and the weighed rows.
        self._bags: list[list[Bag]] = [[] for _ in SPACES]
        self._vectors: list[sp.csr_matrix] = [_empty() for _ in SPACES]
        # Carried-over story sums per space: one row per story from an earlier run.
        self._old: list[sp.csr_matrix] = [_empty() for _ in SPACES]
        self._old_story = np.zeros(0, dtype=np.int64)
        self._old_titles: dict[int, str | None] = {}
        # Per space: (first row, row count, graph to session rows, graph to carried-over sums).
        self._graph_cache: list[tuple[int, int, sp.csr_matrix, sp.csr_matrix] | None] = [
            None for _ in SPACES
        ]
        # (document count, min_df) when the session rows were last all weighed together.
        self._weighed = (0, 0)

    # --- adding ----------------------------------------------------------------------------

    def add(self, article: Article, annotation: Annotation) -> str:
        """Place one article; returns the key of its story. Prefer :meth:`add_many` for batches."""
        return self.add_many([article], [annotation])[0]

    def add_many(self, articles: Sequence[Article], annotations: Sequence[Annotation]) -> list[str]:
        """Place a batch of articles in publication order; returns story keys in input order."""
        if len(articles) != len(annotations):
            raise ValueError("articles and annotations must have the same length")
        for article, annotation in zip(articles, annotations, strict=True):
            if article.id != annotation.article_id:
                raise ValueError(
                    f"annotation for {annotation.article_id!r} given for {article.id!r}"
                )
        features = [extract_features(a, n) for a, n in zip(articles, annotations, strict=True)]
        return self.add_features(features)

    def add_features(self, features: Sequence[ArticleFeatures]) -> list[str]:
        """Like :meth:`add_many`, from features already extracted."""
        known = set(self._row_of)
        for item in features:
            if item.article_id in known:
                raise ValueError(f"article {item.article_id!r} was already added")
            known.add(item.article_id)
        if not features:
            return []
        start = self._table.rows
        bags = self._append(features)
        columns = max(len(self._lexicon), 1)
        for space in range(1, len(SPACES)):  # focus spaces do not depend on frequencies
            self._stack(space, weigh(bags[space], self._lexicon, rarity=False), start, columns)
        if self._lexicon.docs >= REWEIGH_GROWTH * self._weighed[0]:
            self._reweigh(min_df=1)
        else:  # earlier rows keep their weights; only the new rows are weighed
            self._stack(0, weigh(bags[0], self._lexicon, min_df=1), start, columns)
        graphs = self._graphs(start)
        for local in publication_order(self._table.day[start : self._table.rows]).tolist():
            place(self._table, start + local, graphs, self.params, self._new_key)
        return [self._key_of(start + local) for local in range(len(features))]

    def _append(self, features: Sequence[ArticleFeatures]) -> list[list[Bag]]:
        """Register the rows of a batch; returns their bags per space."""
        content = [self._lexicon.bag(content_keys(item)) for item in features]
        for bag in content:  # the whole batch counts before any of it is weighed
            self._lexicon.observe(bag)
        focus = [[self._lexicon.bag(keys) for keys in focus_keys(item)] for item in features]
        bags = [content, *([row[space] for row in focus] for space in range(len(SPACES) - 1))]
        days = [float(item.day) if item.day is not None else math.nan for item in features]
        self._table.add_rows(days)
        for item in features:
            self._row_of[item.article_id] = len(self._ids)
            self._ids.append(item.article_id)
            self._headlines.append(item.headline)
        for space, new in enumerate(bags):
            self._bags[space].extend(new)
        return bags

    def _stack(self, space: int, rows: sp.csr_matrix, start: int, columns: int) -> None:
        """Append weighed rows (session rows ``start`` on) to one space's vectors."""
        self._vectors[space] = sp.vstack([widen(self._vectors[space], columns), rows], "csr")
        self._table.self_dot[space, start : self._table.rows] = _row_norms(rows)
        self._graph_cache[space] = None

    def _reweigh(self, *, min_df: int) -> None:
        """Weigh every session row's content with the current frequencies; norms follow."""
        self._vectors[0] = weigh(self._bags[0], self._lexicon, min_df=min_df)
        self._table.self_dot[0, : self._table.rows] = _row_norms(self._vectors[0])
        self._weighed = (self._lexicon.docs, min_df)
        self._graph_cache[0] = None
        self._recompute_norms()

    def _graphs(self, start: int) -> Graphs:
        """Similarities of session rows from ``start`` on to all session rows and old sums.

        Each space's graph is cached until its vectors change. The times space keeps only the
        pairs that also share content (only stories sharing content are candidates, see
        :meth:`StoryTable.fit`): a year many reports mention would otherwise link thousands of
        articles. A focus space the parameters give no weight is left empty.
        """
        columns = max(len(self._lexicon), 1)
        active = [True, *(any(terms) for terms in focus_terms(self.params))]
        masked = SPACES.index("times")
        content_changed = False
        for space, (vectors, carried) in enumerate(zip(self._vectors, self._old, strict=True)):
            cached = self._graph_cache[space]
            fresh = cached is not None and cached[:2] == (start, self._table.rows)
            if fresh and not (content_changed and space == masked):  # a new content graph
                continue  # means a new mask
            content_changed |= space == 0
            vectors = widen(vectors, columns)
            block = vectors[start:]
            if active[space]:
                session = prune(block @ vectors.T)
                old = prune(block @ widen(carried, columns).T)
                content = self._graph_cache[0]  # space 0, filled first
                if space == masked and content is not None:
                    session = sp.csr_matrix(session.multiply(content[2] > 0))
                    old = sp.csr_matrix(old.multiply(content[3] > 0))
            else:
                session = sp.csr_matrix((block.shape[0], vectors.shape[0]))
                old = sp.csr_matrix((block.shape[0], carried.shape[0]))
            self._graph_cache[space] = (start, self._table.rows, session, old)
        parts = [cached for cached in self._graph_cache if cached is not None]
        return Graphs(
            start,
            tuple(part[2] for part in parts),
            tuple(part[3] for part in parts),
            self._old_story,
        )

    def _new_key(self) -> str:
        key = f"c{self._next_key}"
        self._next_key += 1
        return key

    def _key_of(self, row: int) -> str:
        return self._table.keys[int(self._table.story_of[row])]

    # --- refining --------------------------------------------------------------------------

    def refine(self) -> dict[str, str]:
        """Revisit every article of this run (reassign, split, merge); returns id -> story key.

        Content vectors are first weighed again with the final document frequencies, so every
        article of the run is weighed alike whatever batches it came in.
        """
        if not self._ids:
            return {}
        if self._weighed != (self._lexicon.docs, MIN_DF):
            self._reweigh(min_df=MIN_DF)
        graphs = self._graphs(0)
        table, rows = self._table, None
        kept: set[frozenset[int]] = set()  # member sets split() found whole
        for number in range(self.params.refine_rounds):
            before = table.story_of[: table.rows].copy()
            moved = reassign(table, graphs, self.params, self._new_key, rows)
            moved += split(table, graphs, graphs.content, self.params, self._new_key, kept)
            moved += merge(table, self._story_sums(), graphs, self.params)
            LOG.debug("refine round %d: %d moves", number + 1, moved)
            if moved <= REFINE_SETTLED_SHARE * table.rows:
                break
            rows = affected_rows(table, graphs, before)
        return self.assignments()

    def _story_sums(self, content: sp.csr_matrix | None = None) -> list[sp.csr_matrix]:
        """Each story's sum in every space as a row (row index = story index).

        ``content`` replaces the session rows' content vectors (weighed another way).
        """
        table, columns = self._table, max(len(self._lexicon), 1)
        placed = np.nonzero(table.story_of[: table.rows] >= 0)[0]
        membership = sp.csr_matrix(
            (np.ones(len(placed)), (table.story_of[placed], placed)),
            shape=(table.size, table.rows),
        )
        old_rows = np.arange(len(self._old_story))
        carried = sp.csr_matrix(
            (np.ones(len(old_rows)), (self._old_story, old_rows)),
            shape=(table.size, len(old_rows)),
        )
        vectors = list(self._vectors)
        if content is not None:
            vectors[0] = content
        return [
            sp.csr_matrix(membership @ widen(rows, columns) + carried @ widen(old, columns))
            for rows, old in zip(vectors, self._old, strict=True)
        ]

    def _recompute_norms(self) -> None:
        size = self._table.size
        for space, sums in enumerate(self._story_sums()):
            self._table.norm2[space, :size] = _row_norms(sums)

    # --- reading out -----------------------------------------------------------------------

    def assignments(self) -> dict[str, str]:
        """Story key of every article added in this run."""
        return {article_id: self._key_of(row) for row, article_id in enumerate(self._ids)}

    def groups(self) -> list[tuple[str, ...]]:
        """Article ids of this run grouped by story, in publication order (then input order);
        groups come in the order of their first article."""
        by_story: dict[int, list[int]] = {}
        for row in publication_order(self._table.day[: self._table.rows]).tolist():
            by_story.setdefault(int(self._table.story_of[row]), []).append(row)
        return [tuple(self._ids[row] for row in rows) for rows in by_story.values()]

    def central(self) -> dict[str, str]:
        """Story key -> id of the run's article closest to its story's content centroid."""
        sums = self._story_sums()[0]
        table = self._table
        stories = table.story_of[: table.rows]
        rows = widen(self._vectors[0], sums.shape[1])
        closeness = np.asarray(rows.multiply(sums[stories]).sum(axis=1)).ravel()
        best: dict[int, int] = {}
        for row in publication_order(table.day[: table.rows]).tolist():
            story = int(stories[row])
            if story not in best or closeness[row] > closeness[best[story]] + 1e-12:
                best[story] = row
        return {table.keys[story]: self._ids[row] for story, row in best.items()}

    def headline(self, key: str) -> str | None:
        """The headline of the story's most central article of this run, else the stored one.

        Computes the centroids afresh: call it once per story, not once per article.
        """
        central = self.central()
        if key in central:
            return self._headlines[self._row_of[central[key]]] or None
        return self._old_titles.get(self._table.keys.index(key))

    # --- state -----------------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """The clusterer's memory as a JSON-serializable dict (see :mod:`.state`).

        Keys seen in one article so far are kept (weighed with ``min_df`` 1): a later report of
        the same story may bring the second mention.
        """
        sums = self._story_sums(weigh(self._bags[0], self._lexicon, min_df=1))
        central = self.central()
        titles = {
            index: (
                self._headlines[self._row_of[central[key]]]
                if key in central
                else self._old_titles.get(index)
            )
            for index, key in enumerate(self._table.keys)
        }
        return state_io.dump(
            table=self._table,
            sums=sums,
            lexicon=self._lexicon,
            titles=titles,
            next_key=self._next_key,
        )

    @classmethod
    def from_state(
        cls, state: Mapping[str, Any], *, params: ClusterParams = DEFAULT_PARAMS
    ) -> Clusterer:
        """A clusterer that continues from ``state``; new articles may join its stories."""
        clusterer = cls(params=params)
        loaded = state_io.load(state, clusterer._table, clusterer._lexicon)
        clusterer._next_key = loaded.next_key
        clusterer._old = list(loaded.sums)
        clusterer._old_story = loaded.story_index
        clusterer._old_titles = loaded.titles
        return clusterer
