"""How well an article fits a story: content cosine, shared people and places, distance in time.

Pure functions over NumPy arrays of candidate stories; the thresholds and weights that decide
joining, splitting and merging live here as named constants and travel as one
:class:`ClusterParams`. Tuned with ``scripts/tune_cluster.py`` on the ECB+ train split and on the
tuning half of GVA (gold clusters whose hash is even), never on ECB+ dev or the other GVA half.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# The vector spaces an article lives in: its content keys, the people it names (surnames), the
# places it names and the days, months and years it mentions. Content decides; the others add
# focused evidence.
SPACES = ("content", "persons", "places", "times")

# Every value below was chosen by coordinate descent (scripts/tune_cluster.py tune) on the mean
# of B-cubed F1 and ARI over ECB+ train and the GVA tuning half; grids are in that script. The
# follow-up margin was then set for the per-event figures bench (see FOLLOW_UP_MARGIN).

# An article joins the best story when its score reaches this; below it, it starts a story.
# Lower merges look-alike events (two warehouse fires in one town), higher splits one
# event whose reports differ in wording.
JOIN_THRESHOLD = 0.25
# Weight of the cosine between the people (surnames) an article names and those its story
# names: "who" identifies an event. Tuned over 0-0.45; the top of the grid won.
PERSON_WEIGHT = 0.45
# Score taken off when the article names people, the story names people, and none is shared.
# Within a week, 1.9% of such GVA (tuning half) pairs are one incident against 5.3% of all
# pairs; within an ECB+ train topic 15% against 50%. Yet tuning chose 0 over 0.025-0.1 once
# PERSON_WEIGHT rewards shared people: reports naming different officials of one event pay
# for any penalty. Kept as a knob.
PERSON_CONFLICT = 0.0
# The same for the places an article names (cities, streets, buildings, regions): 0.8% of GVA
# week pairs naming no common place are one incident (25% within an ECB+ topic).
PLACE_WEIGHT = 0.1
PLACE_CONFLICT = 0.1
# The same for the days, month-days, months and years an article mentions (its dates keys
# but clock hours), the time evidence of undated articles and of reports that look back. Within
# an ECB+ train topic, 31.5% of pairs mentioning times but no common one are one event against
# 90% of pairs sharing one; within a GVA (tuning half) week, 0.6% against 22%. Yet both stay
# off: a conflict of 0.15 (with SPLIT_THRESHOLD and MERGE_THRESHOLD 0.2) lifted ECB+ train
# B-cubed F1 0.933 -> 0.944 and the GVA tuning half 0.945 -> 0.947, but the whole ECB+ gain was
# one topic of 25 (two look-alike events years apart) while two others lost (reports citing
# background years: a record from 1978, a product from 2000), and ECB+ dev fell 0.924 -> 0.915.
# A weight for shared times (0.05, 0.1) merged same-week GVA incidents: every report of a
# week names the same days. Narrower time keys do not help either (ECB+ train topic by topic,
# conflict 0.1-0.2): keeping only day-precise dates (days and month-days, with or without a
# year inferred from the article's dominant year) still loses a correct topic (a follow-up
# months after the event mentions only its own day) and, within the lead or as the first date
# only, two more (the lead gives the report's day, not the event's); matching days within a
# 7-30 day window keeps those losses; only the dates of the sentence nearest the headline
# lose nothing, but change no ECB+ train story at all. Every variant with the look-alike gain
# also split a correct topic, so none was taken to dev. Kept as knobs; a zero pair costs
# nothing (no graph is built).
DATE_WEIGHT = 0.0
DATE_CONFLICT = 0.0
# Tried and not taken (scripts/tune_cluster_events.py; GVA tuning half events with killed and
# injured both exact 365 of 505, B-cubed F1 / ARI 0.944 / 0.862, ECB+ train 0.933 / 0.900):
# the stated ages ("a 34-year-old") as a fifth focus space with a conflict when an article and
# a story both state ages and share none. Ages anywhere in the text, conflict 0.3: 369 events
# but GVA 0.941 / 0.853 and ECB+ train 0.931 / 0.899 (ECB+ reports of one event give the ages
# of victims, suspects and relatives: 20% of same-event ECB+ train pairs stating ages share
# none, against 0.9% of GVA same-week pairs of different incidents that do). Ages of the
# headline and lead only: the same 369 but ECB+ train 0.931 / 0.897, the whole loss one topic
# (a victim's age in some reports, the suspect's in others). Waiving the conflict when the two
# share a person (cosine 0-0.5) kept ECB+ whole and lost the GVA gain (364-365): the look-alike
# incidents it separated share a police spokesperson or an official. Cutting a story at its
# longest quiet stretch (over 14-60 days) when the two parts' centroid cosine is below 0.2-0.8
# changed at most one story: look-alikes chained over months by a city's name are as alike
# across the cut as within each part.
# Extra score for a story with a report within SAME_EVENT_DAYS of the article's day. Tuned over
# 0, 0.05 and 0.1 only: 0.2 scored higher on the GVA tuning half, a sparse sample (1,085
# incidents in four years) where same-week look-alikes are rare, but merged the same-week
# look-alike fires of tests/test_cluster.py, the case a real feed is full of.
TIME_BONUS = 0.05
# Days from a story's nearest report that count as "the same days" for TIME_BONUS; 60% of
# same-incident GVA pairs (tuning half) are within 3 days, the rest are follow-ups.
SAME_EVENT_DAYS = 3
# Beyond SAME_EVENT_DAYS the score falls by this much per log-day of distance: a report a month
# after the story needs clearly more shared content than one the next day.
TIME_DECAY = 0.05
# A story with no report within this many days of the article is quiet...
WINDOW_DAYS = 14
# ... and an article joins a quiet story only with this much more score. Coordinate descent on
# B-cubed F1 and ARI chose 0 (GVA follow-ups, trials and sentencing, come months later), but
# the per-event bench scores each gold incident by the story holding most of its reports, so
# a story that swallows a look-alike incident's reports costs a wrong event while a follow-up
# left on its own costs nothing: precision matters more than recall there. With 0.1 after 14
# quiet days (scripts/tune_cluster_events.py, GVA tuning half and ECB+ train only): GVA half 0
# B-cubed P 0.973 -> 0.982, R 0.919 -> 0.906, F1 0.945 -> 0.942, ARI 0.865 -> 0.854; events
# with killed and injured both exact 353 -> 364 of 505 (12 right that were wrong, 1 the other
# way); ECB+ train unchanged (F1 0.933, ARI 0.900). 10 or 30 days scored the same, 7 days
# +9 events; a margin of 0.15-0.2 gained a few more events but lowered ECB+ train.
FOLLOW_UP_MARGIN = 0.1
# Refinement splits a story in two when the cosine between the two halves' centroids is below
# this: two events of one kind make two tight groups that share only their topic words.
SPLIT_THRESHOLD = 0.3
# Refinement also splits a story when the 2-means halves of its members' shared-neighbour
# similarities (each report's 5 nearest fellow members, copies of one text counted once; see
# newsprism.cluster.refine) overlap less than this. Two look-alike events (two fires in one
# town) have centroids as alike as the halves of one diffuse event, yet
# each report's nearest neighbours stay on its own event's side. As a bisection criterion on
# ECB+ train (each topic's two events joined, against each event alone) the neighbour halves
# separate the joined pairs with ROC AUC 0.97 against 0.88 for the content halves' cosine.
# Tuned on ECB+ train and the GVA tuning half: 0.3-0.4 lift ECB+ train B-cubed P / R / F1
# 0.925 / 0.942 / 0.933 -> 0.964 / 0.942 / 0.953 and ARI 0.900 -> 0.938 (two topics of
# look-alikes cut apart, none worse); 0.2 cuts one of the two (0.945); 0.5 also cuts correct
# events (F1 0.947). GVA half 0 unchanged (0.944 / 0.862): its stories are small. 0: off.
# Report parts, read once: ECB+ dev P / R / F1 0.912 / 0.937 / 0.924 -> 1.000 / 0.880 / 0.936,
# ARI 0.901 -> 0.913; GVA half 1 unchanged (0.947 / 0.859). GVA tuning-half events with killed
# and injured both exact unchanged (384 of 505).
# Tried first and not taken: a supervised pair model (logistic regression, or gradient-boosted
# trees) over pair features (content, title, names, numbers and words cosines, centred
# headline-and-lead embedding cosine, person / place / time cosines and conflicts, stated ages
# shared or conflicting, day gap). On ECB+ train pairs within a topic, grouped 5-fold CV by
# topic, ROC AUC 0.934 (trees 0.924) against 0.935 for the content cosine alone: the pair
# features hold nothing the content cosine lacks there (on GVA tuning-half pairs within a
# week, 0.992 against 0.958, but GVA is not where the errors are). Pairwise shared-neighbour
# overlap over the whole part (k 5-20) depends on the story sizes (ECB+ AUC 0.97 at k 10, 0.79
# at k 20; GVA 0.87 at k 10): only its use inside a story's own members was kept.
SHARED_SPLIT_THRESHOLD = 0.3
# ... and only when each half has at least this many articles (smaller parts are left to
# reassignment, which moves single articles).
MIN_SPLIT_PART = 2
# Refinement merges two stories whose centroid cosine plus the focus terms (people, places,
# mentioned times) reaches this, whose days are within SAME_EVENT_DAYS of each other (or
# undated; nearest reports, not spans)...
MERGE_THRESHOLD = 0.3
# ... and whose Ward merge cost (growth of the within-story sum of squares) is at most this:
# fragments join their event, two large groups stay apart unless nearly identical.
MERGE_COST = 1.5
# Refinement rounds (reassign every article, split, merge); stops early once nothing moves.
REFINE_ROUNDS = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterParams:
    """The knobs of clustering; defaults are the tuned module constants."""

    join_threshold: float = JOIN_THRESHOLD
    person_weight: float = PERSON_WEIGHT
    person_conflict: float = PERSON_CONFLICT
    place_weight: float = PLACE_WEIGHT
    place_conflict: float = PLACE_CONFLICT
    date_weight: float = DATE_WEIGHT
    date_conflict: float = DATE_CONFLICT
    time_bonus: float = TIME_BONUS
    same_event_days: float = SAME_EVENT_DAYS
    time_decay: float = TIME_DECAY
    window_days: float = WINDOW_DAYS
    follow_up_margin: float = FOLLOW_UP_MARGIN
    split_threshold: float = SPLIT_THRESHOLD
    shared_split_threshold: float = SHARED_SPLIT_THRESHOLD
    min_split_part: int = MIN_SPLIT_PART
    merge_threshold: float = MERGE_THRESHOLD
    merge_cost: float = MERGE_COST
    refine_rounds: int = REFINE_ROUNDS


DEFAULT_PARAMS = ClusterParams()


def time_terms(gaps: FloatArray, params: ClusterParams) -> FloatArray:
    """Score added for each day gap: a bonus near the story, a penalty far from it, 0 if NaN."""
    gap = np.nan_to_num(gaps, nan=0.0)  # unknown gaps get the bonus here, taken back below
    beyond = np.maximum(gap - params.same_event_days, 0.0)
    term = np.where(beyond > 0, -params.time_decay * np.log1p(beyond), params.time_bonus)
    if params.follow_up_margin:
        term -= np.where(gap > params.window_days, params.follow_up_margin, 0.0)
    term[np.isnan(gaps)] = 0.0
    return term


def focus_terms(params: ClusterParams) -> list[tuple[float, float]]:
    """(weight, conflict) of each focus space: every space of :data:`SPACES` but content."""
    return [
        (params.person_weight, params.person_conflict),
        (params.place_weight, params.place_conflict),
        (params.date_weight, params.date_conflict),
    ]


def focus_scores(
    dots: FloatArray, norm2_a: FloatArray, norm2_b: FloatArray, params: ClusterParams
) -> FloatArray:
    """The person, place and mentioned-time terms for pairs (article or story a, story b).

    Arrays are indexed ``[space, pair]`` over :data:`SPACES`; ``norm2`` are squared norms of
    each side's vector (an article's is 1, or 0 when it names nobody). Per focus space: its
    weight times the cosine, minus its conflict when both sides name some and share none.
    """
    total: FloatArray = np.zeros(dots.shape[1])
    for space, (weight, conflict) in enumerate(focus_terms(params), start=1):
        if not weight and not conflict:
            continue
        if not np.any(norm2_a[space] > 0):
            continue  # the article names nobody (or no place): no term
        both = (norm2_a[space] > 0) & (norm2_b[space] > 0)
        scale = np.sqrt(np.maximum(norm2_a[space] * norm2_b[space], 1e-12))
        cosine = np.where(both, dots[space] / scale, 0.0)
        total += weight * cosine
        if conflict:
            total -= conflict * (both & (dots[space] <= 0))
    return total


def fit_scores(
    dots: FloatArray, norm2: FloatArray, self_dots: FloatArray, params: ClusterParams
) -> FloatArray:
    """Scores of one article against candidate stories, before the time terms.

    ``dots[space, i]`` is the article's dot product with story i's sum in each of
    :data:`SPACES`, ``norm2[space, i]`` the sum's squared norm (so their ratio to its root is
    the cosine with the centroid); ``self_dots[space]`` the article's own squared norms (1, or 0
    when it has no vector in that space). Add :func:`time_terms` for the full score; they are
    at most ``params.time_bonus``.
    """
    content = dots[0] / np.sqrt(np.maximum(norm2[0], 1e-12))
    total: FloatArray = content + focus_scores(dots, self_dots[:, None], norm2, params)
    return total
