"""The one place where the stages meet, in order: inputs in, a :class:`Report` out.

Stage order (each stage is a pure module; this file only wires them):

1. ingest    paths, URLs, feeds, WARC -> raw articles + problems      (ingest/)
2. clean     raw text -> cleaned text + removed furniture            (clean.py)
3. annotate  cleaned text -> sentences and entities                  (annotate.py)
4. reuse     cleaned texts -> copies, shared passages, rewrites      (reuse/)
5. stories   articles -> stories with entities and source groups     (stories.py)
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from os import PathLike

from . import annotate as annotate_stage
from . import clean as clean_stage
from . import stories as stories_stage
from .ingest import Fetcher, read_inputs
from .ingest.dates import published_from_lines
from .models import Annotation, Article, Problem, Removal, Report, Story
from .reuse import find_reuse
from .settings import DEFAULT_SETTINGS, Settings

LOG = logging.getLogger(__name__)

STAGES: tuple[str, ...] = ("ingest", "clean", "annotate", "reuse", "stories")

Input = str | PathLike[str] | Article
# progress(stage, done, total): called as work finishes; total is 0 when unknown.
Progress = Callable[[str, int, int], None]


def analyze(
    inputs: Iterable[Input],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    fetcher: Fetcher | None = None,
    source: str | None = None,
    published: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read ``inputs``, run every stage on them and return the report.

    ``inputs`` may mix file and folder paths, http(s) URLs and ready-made :class:`Article`
    objects. Inputs that cannot be read become :class:`Problem` entries in the report; they never
    stop the other inputs. ``source`` and ``published`` fill values the inputs do not give.
    """
    report_progress = progress or _no_progress
    given = list(inputs)
    ready = [item for item in given if isinstance(item, Article)]
    paths = [item for item in given if not isinstance(item, Article)]

    # 1. ingest: reads files/URLs; writes raw articles and problems.
    started = time.perf_counter()
    result = read_inputs(
        paths,
        settings=settings,
        fetcher=fetcher,
        source=source,
        published=published,
        progress=lambda done: report_progress("ingest", done, len(paths)),
    )
    articles, problems = _merge(ready, result.articles, result.problems)
    ingest_s = time.perf_counter() - started
    report = process(articles, settings=settings, progress=report_progress)
    return dataclasses.replace(
        report,
        problems=(*problems, *report.problems),
        stats={"ingest_s": ingest_s, **report.stats},
    )


def process(
    articles: Sequence[Article],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    progress: Progress | None = None,
) -> Report:
    """Run the stages after ingest on raw ``articles``: :func:`prepare`, then :func:`assemble`."""
    timings: dict[str, float] = {}
    cleaned, annotations = prepare(articles, settings=settings, progress=progress, timings=timings)
    stories = assemble(cleaned, annotations, timings=timings)
    timings["articles"] = float(len(cleaned))
    timings["words"] = float(sum(annotation.words for annotation in annotations))
    LOG.info("analyzed %d articles into %d stories", len(cleaned), len(stories))
    return Report(
        articles=tuple(cleaned),
        stories=tuple(stories),
        annotations=tuple(annotations),
        stats=timings,
    )


def prepare(
    articles: Sequence[Article],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
) -> tuple[list[Article], list[Annotation]]:
    """The per-article stages: each article's results depend on that article alone (and, for
    cleaning, on other articles of its outlet), so a store can keep them and skip them later."""
    report_progress = progress or _no_progress
    timings = {} if timings is None else timings

    # 2. clean: reads raw text; writes cleaned text and the removed furniture.
    started = time.perf_counter()
    cleaned = [
        _date_from_removed(_drop_furniture_title(article))
        for article in clean_stage.clean_articles(articles)
    ]
    report_progress("clean", len(cleaned), len(cleaned))
    timings["clean_s"] = time.perf_counter() - started

    # 3. annotate: reads cleaned text; writes sentences and entity mentions.
    started = time.perf_counter()
    annotations = annotate_stage.annotate(
        cleaned,
        settings=settings,
        progress=lambda done: report_progress("annotate", done, len(cleaned)),
    )
    timings["annotate_s"] = time.perf_counter() - started
    return cleaned, annotations


def assemble(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    *,
    timings: dict[str, float] | None = None,
) -> list[Story]:
    """The cross-article stages on prepared articles: reuse, grouping into stories, assembly."""
    timings = {} if timings is None else timings

    # 4. reuse: reads cleaned texts (all articles at once: a wire copy may sit in any story);
    #    writes reuse pairs with their shared passages.
    started = time.perf_counter()
    pairs = find_reuse(articles)
    timings["reuse_s"] = time.perf_counter() - started

    # 5. stories: reads articles, annotations and reuse pairs; writes stories with their
    #    entities, reuse and independent source groups.
    started = time.perf_counter()
    stories = stories_stage.build_stories(articles, annotations, pairs)
    timings["stories_s"] = time.perf_counter() - started
    return stories


def _no_progress(stage: str, done: int, total: int) -> None:
    """Progress sink used when the caller passes none."""


def _merge(
    ready: Sequence[Article], read: Sequence[Article], problems: Sequence[Problem]
) -> tuple[list[Article], tuple[Problem, ...]]:
    """Join ready-made and ingested articles, keeping the first of any repeated id."""
    seen: set[str] = set()
    merged: list[Article] = []
    extra: list[Problem] = []
    for article in [*ready, *read]:
        if article.id in seen:
            extra.append(
                Problem(
                    input=article.origin or article.id,
                    message=f"article id {article.id!r} given twice; the first one is kept",
                    level="warning",
                )
            )
            continue
        seen.add(article.id)
        merged.append(article)
    return merged, (*problems, *extra)


def _date_from_removed(article: Article) -> Article:
    """An undated article takes its date from a removed page date line ("Posted May 2, 2013")."""
    if article.published is not None:
        return article
    found = published_from_lines([(r.reason, r.text) for r in article.removed])
    return dataclasses.replace(article, published=found) if found else article


def _drop_furniture_title(article: Article) -> Article:
    """A headline taken from a text file's first line may itself be furniture ("READ MORE")."""
    if article.title is None:
        return article
    reason = clean_stage.classify_line(article.title)
    if reason is None:
        return article
    removal = Removal(text=article.title, reason=reason)
    return dataclasses.replace(article, title=None, removed=(removal, *article.removed))
