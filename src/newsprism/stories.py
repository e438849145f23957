"""Story assembly: groups of articles -> stories with title, time span, entities and reuse.

Reads articles, their annotations and the reuse pairs found among all articles; returns
:class:`Story` values. Until clustering exists every article belongs to one story; the assembly
of a story's title, span, entities, reuse pairs and independent source groups is the same
whatever does the grouping.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence

from .cluster import cluster_stories
from .extract.claims import extract_claims
from .extract.dates import extract_dates
from .extract.entities import Resolution, resolve_story
from .extract.figures import extract_figures
from .extract.parsing import SentenceParser
from .extract.quotes import extract_story_quotes
from .models import Annotation, Article, Entity, Story
from .reconcile import reconcile_story
from .reuse import ReusePair, source_groups

# Longest story title built from a first sentence when no article has a headline; longer
# titles wrap badly in terminal tables and HTML lists.
MAX_FALLBACK_TITLE_CHARS = 90


def build_stories(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    pairs: Sequence[ReusePair] = (),
) -> list[Story]:
    """Group ``articles`` into stories by clustering and assemble each of them."""
    if not articles:
        return []
    by_id = {article.id: article for article in articles}
    annotated_ids = {annotation.article_id for annotation in annotations}
    annotated = [article for article in articles if article.id in annotated_ids]
    groups = [
        (group.article_ids, group.central_id)
        for group in (cluster_stories(annotated, annotations) if annotated else [])
    ]
    clustered = {article_id for ids, _ in groups for article_id in ids}
    # an article without annotation (nothing to compare it on) is a story of its own
    groups += [((article.id,), article.id) for article in articles if article.id not in clustered]
    parser = SentenceParser()  # one per run: quotes, entities and claims share its parses
    stories = []
    for ids, central in groups:
        members = [by_id[article_id] for article_id in ids]
        stories.append(assemble_story(members, annotations, pairs, parser=parser, central=central))
        parser.clear()
    return stories


def assemble_story(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    pairs: Sequence[ReusePair] = (),
    *,
    parser: SentenceParser | None = None,
    central: str | None = None,
) -> Story:
    """Make one story of ``articles``: id, title, time span, reuse and source groups, and what
    extraction finds in it (entities with aliases, figures, quotes, framing labels, claims,
    dates), reconciled into facts with their status, the event record, framing, timeline, the
    cited brief and omissions.

    ``pairs`` and ``annotations`` may cover other stories too; only this story's are used.
    """
    ordered = sorted(articles, key=lambda article: (article.published or "~", article.id))
    article_ids = tuple(article.id for article in ordered)
    wanted = set(article_ids)
    by_id = {a.article_id: a for a in annotations if a.article_id in wanted}
    annotated = [article for article in ordered if article.id in by_id]
    own = [by_id[article.id] for article in annotated]
    dates = sorted(article.published for article in ordered if article.published)
    inside = [pair for pair in pairs if pair.a in wanted and pair.b in wanted]
    parser = parser if parser is not None else SentenceParser()
    figures = extract_figures(annotated, own, parser=parser)
    quoted = extract_story_quotes(ordered, own, parser=parser)
    resolution = resolve_story(ordered, own, parser=parser, quotes=quoted.quotes)
    claims = [
        claim
        for article in ordered
        if article.id in by_id
        for claim in extract_claims(
            article,
            by_id[article.id],
            quotes=quoted.quotes,
            resolution=resolution,
            figures=[figure for figure in figures if figure.start is not None],
        )
    ]
    story_dates = [mention for article in ordered for mention in extract_dates(article)]
    groups = source_groups(ordered, inside)
    reconciled = reconcile_story(
        articles=ordered,
        claims=claims,
        figures=figures,
        quotes=quoted.quotes,
        labels=quoted.labels,
        dates=story_dates,
        resolution=resolution,
        source_groups=groups,
        reuse_pairs=inside,
    )
    return Story(
        id=story_id(article_ids),
        title=story_title(ordered, central=central),
        article_ids=article_ids,
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
        entities=tuple(_with_stands_for(resolution)),
        reuse=tuple(pair.to_dict() for pair in inside),
        source_groups=tuple(group.to_dict() for group in groups),
        figures=tuple(figure.to_dict() for figure in figures),
        quotes=tuple(quote.to_dict() for quote in quoted.quotes),
        labels=tuple(label.to_dict() for label in quoted.labels),
        claims=tuple(claim.to_dict() for claim in claims),
        dates=tuple(mention.to_dict() for mention in story_dates),
        facts=tuple(fact.to_dict() for fact in reconciled.facts),
        framing=tuple(framing.to_dict() for framing in reconciled.framing),
        timeline=tuple(entry.to_dict() for entry in reconciled.timeline),
        event=reconciled.event.to_dict(),
        brief=tuple(sentence.to_dict() for sentence in reconciled.brief),
        omissions=tuple(omission.to_dict() for omission in reconciled.omissions),
    )


def _with_stands_for(resolution: Resolution) -> list[Entity]:
    """The resolved entities, capitals used for governments marked with what they stand for."""
    marks = {mark.entity_id: f"government of {mark.country}" for mark in resolution.stands_for}
    return [
        dataclasses.replace(entity, stands_for=marks[entity.id]) if entity.id in marks else entity
        for entity in resolution.entities
    ]


def story_id(article_ids: Sequence[str]) -> str:
    """A stable id derived from the member article ids (order does not matter)."""
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()
    return f"s{digest[:10]}"


def story_title(ordered: Sequence[Article], *, central: str | None = None) -> str | None:
    """The headline of the central article (the report most like the others) if it has one,
    else of the earliest article that has one, else a first line, shortened."""
    for article in ordered:
        if article.id == central and article.title:
            return article.title
    for article in ordered:
        if article.title:
            return article.title
    for article in ordered:
        first_line = article.text.strip().split("\n", 1)[0]
        if first_line:
            if len(first_line) <= MAX_FALLBACK_TITLE_CHARS:
                return first_line
            return first_line[:MAX_FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return None
