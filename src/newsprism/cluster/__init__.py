"""Story clustering: articles (with annotations) -> groups of article ids, one group per event.

Every report on one event goes together; two events of one kind (two shootings in one city in
one week) stay apart. Articles are compared on rarity-weighted content keys (words, headline
words, named people, places and organisations, numbers, dates mentioned), on the people and
the places they name, and on their publication days. The algorithm is incremental
(:class:`Clusterer`: each article joins the best story or starts one; a story's pull fades with
the days since its nearest report, so only strong evidence lets a later follow-up join), with
an optional batch refinement (reassign, split, merge). Articles without a date cluster on
content alone.

Limitations: English keys only (stopwords, number words, month names); the headline and the first
20,000 characters of each article are read; sentence embeddings are not used (their similarity
ranked same-topic pairs of different events above same-event pairs too often, see
scripts/tune_cluster.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Annotation, Article
from .features import ArticleFeatures, extract_features
from .incremental import Clusterer
from .scoring import DEFAULT_PARAMS, ClusterParams

__all__ = [
    "DEFAULT_PARAMS",
    "ArticleFeatures",
    "ClusterParams",
    "Clusterer",
    "StoryGroup",
    "cluster_articles",
    "cluster_stories",
    "extract_features",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryGroup:
    """One story found by clustering: its key, its articles, and its most central article."""

    key: str
    article_ids: tuple[str, ...]
    central_id: str


def cluster_stories(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    *,
    params: ClusterParams = DEFAULT_PARAMS,
    refine: bool = True,
) -> list[StoryGroup]:
    """Group ``articles`` into stories, each with its most central article.

    Articles are placed in publication order (undated ones last), then refined unless
    ``refine`` is False. Groups list their articles in publication order (then input order)
    and come in the order of their first article. The central article's headline is the best
    story title: it is the report most like all the others.
    """
    by_id = {annotation.article_id: annotation for annotation in annotations}
    missing = [article.id for article in articles if article.id not in by_id]
    if missing:
        raise ValueError(f"no annotation for article {missing[0]!r}")
    clusterer = Clusterer(params=params)
    clusterer.add_many(articles, [by_id[article.id] for article in articles])
    if refine:
        clusterer.refine()
    keys = clusterer.assignments()
    central = clusterer.central()
    return [
        StoryGroup(key=keys[ids[0]], article_ids=ids, central_id=central[keys[ids[0]]])
        for ids in clusterer.groups()
    ]


def cluster_articles(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    *,
    params: ClusterParams = DEFAULT_PARAMS,
    refine: bool = True,
) -> list[tuple[str, ...]]:
    """Group ``articles`` into stories: tuples of article ids (see :func:`cluster_stories`)."""
    return [
        group.article_ids
        for group in cluster_stories(articles, annotations, params=params, refine=refine)
    ]
