"""Batch refinement of a story table: reassign articles, split two-event stories, merge halves.

Works on the articles of the current run (their similarity graph), with stories carried over
from earlier runs as fixed anchors. Each round:

1. reassign: every article in publication order leaves its story and joins the best one (or a
   new one), as if it arrived last; this undoes early choices made before the story was known;
2. split: a story whose articles fall into two groups with dissimilar centroids is cut in two
   (two events of one kind, chained together by an article that fits both);
3. merge: two stories with similar centroids and overlapping days become one.

Rounds stop when one moves almost nothing; after the first, only articles whose story or a
neighbour's story changed are revisited. Splitting is spherical 2-means on the members' similarities
(Dhillon & Modha 2001, "Concept decompositions for large sparse text data"), and failing that on
their shared nearest neighbours (Jarvis & Patrick 1973, "Clustering using a similarity measure
based on shared near neighbors"; Ertoz, Steinbach & Kumar 2003).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from .scoring import ClusterParams, focus_scores
from .table import IntArray, Neighbours, StoryTable, csr_row

LOG = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]

# Similarities below this are dropped from the article graphs: they come from one shared
# middling word and never decide a story, and dropping them keeps the graph of 10,000 articles
# small (10,000 replicated dev articles: 3.9 million pairs at 0.02). Tuned over 0.02-0.08 on the
# tuning parts: 0.04 to 0.06 scored best (objective 0.9214 against 0.9194 at 0.02).
GRAPH_MIN_SIMILARITY = 0.05
# Iterations of 2-means when bisecting a story; it settles in two or three on news articles.
BISECT_ITERATIONS = 10
# Nearest neighbours (within the story, besides the report itself) whose overlap makes the
# shared-neighbour similarity of the second split test (see SHARED_SPLIT_THRESHOLD in
# .scoring). Fewer follow the local noise: 3 split correct ECB+ train events (B-cubed F1 0.930
# against 0.953 at 4-7), 4 one more than 5-7 once copies are grouped (0.950).
SHARED_NEIGHBOURS = 5
# Reports of one story this alike are copies of one text (a wire story reprinted by many
# outlets): the shared-neighbour test sees them as one report. Without it, each report's
# nearest neighbours are its own copies, and a story of syndicated copies falls apart along
# them: 10,000 replicated articles (scripts/tune_cluster.py speed, ten copies of each undated
# ECB+ article) gave 1,795-1,991 stories against 1,507; grouped at 0.8, 1,530. 0.7-0.9 scored
# alike on ECB+ train.
COPY_SIMILARITY = 0.8


@dataclass(frozen=True, slots=True)
class Graphs:
    """Similarities of a block of rows (starting at ``offset``) to every session row.

    Per space (content, persons, places): ``session[space]`` is block rows x session rows and
    ``old[space]`` block rows x carried-over story sums, whose story indices are ``old_story``.
    """

    offset: int
    session: tuple[sp.csr_matrix, ...]
    old: tuple[sp.csr_matrix, ...]
    old_story: IntArray

    @property
    def content(self) -> sp.csr_matrix:
        """The content similarities."""
        return self.session[0]

    def neighbours(self, row: int) -> list[Neighbours]:
        """The neighbours of session row ``row`` in every space."""
        local = row - self.offset
        found = []
        for session, old in zip(self.session, self.old, strict=True):
            rows, values = csr_row(session, local)
            stories, old_values = csr_row(old, local)
            found.append(Neighbours(rows, values, self.old_story[stories], old_values))
        return found


def prune(matrix: sp.spmatrix) -> sp.csr_matrix:
    """A similarity matrix as CSR without entries under GRAPH_MIN_SIMILARITY."""
    graph = sp.csr_matrix(matrix)
    graph.data[graph.data < GRAPH_MIN_SIMILARITY] = 0.0
    graph.eliminate_zeros()
    return graph


def publication_order(days: FloatArray) -> IntArray:
    """Row order by day (stable), undated rows last."""
    undated = np.isnan(days)
    return np.lexsort((np.arange(len(days)), np.where(undated, 0.0, days), undated)).astype(
        np.int64
    )


def place(
    table: StoryTable, row: int, graphs: Graphs, params: ClusterParams, new_key: Callable[[], str]
) -> int:
    """Put an unplaced row into its best story, or a new one; returns the story index."""
    story, dots = table.best(row, table.fit(graphs.neighbours(row)), params)
    if story < 0:
        story = table.new_story(new_key())
    table.attach(row, story, dots)
    return story


def move(table: StoryTable, row: int, target: int, graphs: Graphs) -> None:
    """Move a placed row into story ``target``."""
    fit = table.fit(graphs.neighbours(row))
    table.detach(row, fit)
    table.attach(row, target, fit.at(target))


def reassign(
    table: StoryTable,
    graphs: Graphs,
    params: ClusterParams,
    new_key: Callable[[], str],
    rows: IntArray | None = None,
) -> int:
    """Re-place session rows (all, or ``rows``) in publication order; returns how many moved.

    A row that fits no story goes back to its own story when it was alone there, so keys do
    not churn.
    """
    moved = 0
    for row in publication_order(table.day[: table.rows]).tolist():
        if rows is not None and not rows[row]:
            continue
        fit = table.fit(graphs.neighbours(row))
        before = table.detach(row, fit)
        story, dots = table.best(row, fit, params)
        if story < 0:
            alone = table.count[before] == 0 and table.old_count[before] == 0
            story = before if alone else table.new_story(new_key())
        table.attach(row, story, dots)
        moved += story != before
    return moved


def affected_rows(table: StoryTable, graphs: Graphs, before: IntArray) -> IntArray:
    """Rows whose story, or a content neighbour's story, changed since ``before`` (story_of).

    Only their best story can have changed; the next reassignment looks at them alone.
    """
    now = table.story_of[: table.rows]
    changed = now != before
    touched = np.zeros(table.size + 1, dtype=bool)
    touched[now[changed]] = True
    touched[before[changed][before[changed] >= 0]] = True
    in_touched = touched[now].astype(np.float64)
    near = graphs.content @ in_touched > 0
    return np.asarray(near | (in_touched > 0))


def bisect(similarity: FloatArray) -> npt.NDArray[np.bool_] | None:
    """Spherical 2-means on a members' similarity matrix: a mask of the second part, or None.

    Seeds are the member least like the rest and the member least like that one.
    """
    seed_a = int(np.argmin(similarity.sum(axis=1)))
    seed_b = int(np.argmin(similarity[seed_a]))
    if seed_a == seed_b:
        return None
    part = similarity[:, seed_b] > similarity[:, seed_a]
    for _ in range(BISECT_ITERATIONS):
        if part.all() or not part.any():
            return None
        to_a = similarity[:, ~part].sum(axis=1)
        to_b = similarity[:, part].sum(axis=1)
        norm_a = np.sqrt(max(float(to_a[~part].sum()), 1e-12))
        norm_b = np.sqrt(max(float(to_b[part].sum()), 1e-12))
        updated = to_b / norm_b > to_a / norm_a
        if (updated == part).all():
            break
        part = updated
    return part if part.any() and not part.all() else None


def halves_cosine(similarity: FloatArray, part: npt.NDArray[np.bool_]) -> float:
    """Cosine between the centroids of the two parts."""
    within_a = float(similarity[np.ix_(~part, ~part)].sum())
    within_b = float(similarity[np.ix_(part, part)].sum())
    across = float(similarity[np.ix_(~part, part)].sum())
    return across / float(np.sqrt(max(within_a * within_b, 1e-12)))


def split(
    table: StoryTable,
    graphs: Graphs,
    full: sp.csr_matrix,
    params: ClusterParams,
    new_key: Callable[[], str],
    kept: set[frozenset[int]] | None = None,
) -> int:
    """Cut stories whose two halves are dissimilar; returns how many rows moved.

    ``kept`` remembers the member sets found whole (the graph ``full`` being the same), so a
    story no round has changed is not tested again; it is updated in place.
    """
    moved = 0
    kept = set() if kept is None else kept
    for story in table.placed_stories().tolist():
        if table.old_count[story] > 0 or len(table.members[story]) < 2 * params.min_split_part:
            continue
        whole = frozenset(table.members[story])
        if whole in kept:
            continue
        members = np.array(sorted(whole), dtype=np.int64)
        part = split_part(full[members][:, members].toarray(), params)
        if part is None:
            kept.add(whole)
            continue
        if part[0]:  # the part holding the earliest row keeps the story's key
            part = ~part
        target = table.new_story(new_key())
        for row in members[part].tolist():
            move(table, row, target, graphs)
        moved += int(part.sum())
    return moved


def split_part(similarity: FloatArray, params: ClusterParams) -> npt.NDArray[np.bool_] | None:
    """The members to cut off a story (a mask over ``similarity``'s rows), or None.

    First test: the 2-means halves of the content similarities have centroids less alike than
    ``params.split_threshold``. Second: the halves of the shared-neighbour similarities (see
    :func:`shared_neighbours`, copies of one text counted once) overlap less than
    ``params.shared_split_threshold``: two look-alike events whose centroids are as alike as
    the halves of one diffuse event still keep each report's nearest neighbours on its side.
    """
    part = bisect(similarity)
    if (
        part is not None
        and _big_enough(part, params)
        and halves_cosine(similarity, part) < params.split_threshold
    ):
        return part
    if params.shared_split_threshold <= 0:
        return None
    count, copies = connected_components(
        sp.csr_matrix(similarity >= COPY_SIMILARITY), directed=False
    )
    if count < 2 * params.min_split_part:
        return None
    firsts = np.unique(copies, return_index=True)[1]
    shared = shared_neighbours(similarity[np.ix_(firsts, firsts)], SHARED_NEIGHBOURS)
    part = bisect(shared)
    if part is None or not _big_enough(part, params):
        return None
    if halves_cosine(shared, part) >= params.shared_split_threshold:
        return None
    return np.asarray(part[copies])


def _big_enough(part: npt.NDArray[np.bool_], params: ClusterParams) -> bool:
    """Whether both sides of a bisection hold at least ``params.min_split_part`` rows."""
    return min(int(part.sum()), int((~part).sum())) >= params.min_split_part


def shared_neighbours(similarity: FloatArray, k: int) -> FloatArray:
    """Jaccard overlap of the rows' neighbourhoods: each row and its ``k`` most similar rows
    (those with a positive similarity)."""
    n = len(similarity)
    near = similarity.copy()
    np.fill_diagonal(near, np.inf)
    take = min(k + 1, n)
    top = np.argpartition(-near, take - 1, axis=1)[:, :take].ravel()
    rows = np.repeat(np.arange(n), take)
    linked = np.zeros((n, n))
    linked[rows, top] = near[rows, top] > 0
    overlap = linked @ linked.T
    sizes = linked.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - overlap
    return np.asarray(overlap / np.maximum(union, 1.0), dtype=np.float64)


def merge(
    table: StoryTable, sums: Sequence[sp.csr_matrix], graphs: Graphs, params: ClusterParams
) -> int:
    """Merge story pairs that are close by Ward's criterion; returns how many rows moved.

    ``sums`` holds each story's sum per space as a row (story index = row). Merging stories of
    sizes a and b with content mean vectors m_a, m_b costs ``a * b / (a + b) * |m_a - m_b|^2``
    (the growth of the within-story sum of squares); pairs below ``params.merge_cost`` merge,
    cheapest first, when their centroids' cosine plus the person and place terms also reaches
    ``params.merge_threshold`` and their days are close. Two large stories need very close
    centroids to merge, a small fragment joins its event easily. Each story takes part in at
    most one merge per call.
    """
    products = sp.triu(sums[0] @ sums[0].T, k=1).tocoo()
    a_rows, b_rows = products.row, products.col
    if not len(a_rows):
        return 0
    count = np.maximum(table.count[: table.size], 1e-12)
    norm2 = table.norm2[:, : table.size]
    dots = np.stack([products.data] + [_pair_dots(s, a_rows, b_rows) for s in sums[1:]])
    content2 = np.maximum(norm2[0], 1e-12)
    scores = products.data / np.sqrt(content2[a_rows] * content2[b_rows])
    scores = scores + focus_scores(dots, norm2[:, a_rows], norm2[:, b_rows], params)
    n_a, n_b = count[a_rows], count[b_rows]
    spread = content2[a_rows] / n_a**2 + content2[b_rows] / n_b**2 - 2 * dots[0] / (n_a * n_b)
    costs = n_a * n_b / (n_a + n_b) * spread
    touched: set[int] = set()
    moved = 0
    for at in np.argsort(costs, kind="stable").tolist():
        if costs[at] > params.merge_cost:
            break
        a, b = int(a_rows[at]), int(b_rows[at])
        if scores[at] < params.merge_threshold or a in touched or b in touched:
            continue
        if not _close_in_time(table, a, b, params):
            continue
        if table.old_count[b] > 0:
            a, b = b, a
        if table.old_count[b] > 0 or table.count[a] == 0 or table.count[b] == 0:
            continue
        for row in sorted(table.members[b]):
            move(table, row, a, graphs)
            moved += 1
        touched.update((a, b))
    return moved


def _pair_dots(sums: sp.csr_matrix, a_rows: IntArray, b_rows: IntArray) -> FloatArray:
    """Dot products of rows ``a_rows[i]`` and ``b_rows[i]`` of ``sums``, pair by pair."""
    if not sums.nnz:
        return np.zeros(len(a_rows))
    return np.asarray(sums[a_rows].multiply(sums[b_rows]).sum(axis=1), dtype=np.float64).ravel()


def _close_in_time(table: StoryTable, a: int, b: int, params: ClusterParams) -> bool:
    """Whether some report of ``a`` and some report of ``b`` are within
    ``params.same_event_days`` of each other (or either story is undated).

    Nearest reports, not spans: a story with a follow-up months after its event spans every
    look-alike incident in between. Spans (overlapping or within SAME_EVENT_DAYS) merged such
    incidents into it; nearest reports (scripts/tune_cluster_events.py, GVA tuning half) lifted
    B-cubed F1 / ARI 0.942 / 0.854 -> 0.944 / 0.862 and events with killed and injured both
    exact 364 -> 365 of 505; ECB+ train unchanged (0.933 / 0.900).
    """
    if not table.days[a] or not table.days[b]:
        return True
    if len(table.days[a]) > len(table.days[b]):
        a, b = b, a
    other = np.array([b], dtype=np.int64)
    nearest = min(float(table.gaps(day, other)[0]) for day in table.days[a])
    return bool(nearest <= params.same_event_days)
