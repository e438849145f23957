"""Store-backed runs: ingest articles into a store, process new ones, read results back out.

``ingest_paths`` reads inputs with :func:`newsprism.pipeline.read_inputs` and stores the raw
articles in per-batch transactions (the same article twice is stored once). ``run`` prepares only
the articles that have no prepared result yet (:func:`newsprism.pipeline.prepare`), stores them,
then assembles stories over every prepared article (:func:`newsprism.pipeline.assemble`) and
replaces the stored stories. ``report_dict`` and ``export`` turn the store back into the JSON
report contract, Markdown or a CSV of event records.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from . import pipeline
from . import report as report_output
from .ingest import Fetcher, read_inputs
from .models import SCHEMA, Article, Entity, Problem, Report, Story
from .settings import DEFAULT_SETTINGS, Settings
from .store import Store

LOG = logging.getLogger(__name__)

# Raw articles stored per transaction: a killed ingest loses at most one batch, and 100 rows
# commit in a few milliseconds on SQLite, so per-commit overhead stays under a tenth of the time.
INGEST_BATCH = 100
# Articles prepared (cleaned, annotated) and stored per transaction: large enough for spaCy's
# batching and the per-outlet repeated-line check in cleaning, small enough that a killed run
# loses at most a minute of work on one core.
RUN_BATCH = 500

ExportFormat = Literal["json", "csv", "md"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "csv", "md")
# The event record as a CSV row, one per story; names follow ACLED's export where one exists
# (event_id_cnty, event_date, year, time_precision, event_type, location, source, notes,
# fatalities), then newsprism's own columns for the ranges and counts.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "location",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injuries",
    "injuries_low",
    "injuries_high",
    "source",
    "independent_sources",
    "articles",
    "contested_facts",
    "title",
    "notes",
    "first_report",
    "last_report",
)
# ACLED time_precision codes: 1 the day is known, 2 known to within a week.
PRECISION_DAY = 1
PRECISION_WEEK = 2
# Spreadsheet programs run cells starting with these as formulas; article text is untrusted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSummary:
    """What an ingest did: articles read, stored anew, replaced, already there; problems."""

    read: int
    added: int
    updated: int
    unchanged: int
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSummary:
    """What a run did: articles prepared now, articles prepared before, stories stored."""

    prepared: int
    already_prepared: int
    stories: int
    assembled: bool  # False when nothing was new and the stored stories were kept
    stats: dict[str, float] = field(default_factory=dict)


def ingest_paths(
    store: Store,
    inputs: Sequence[str | os.PathLike[str]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    fetcher: Fetcher | None = None,
    source: str | None = None,
    published: str | None = None,
    batch_size: int = INGEST_BATCH,
    progress: pipeline.Progress | None = None,
) -> IngestSummary:
    """Read ``inputs`` and store their raw articles, ``batch_size`` per transaction.

    Idempotent: an article already stored with the same id and text is left alone; one whose
    text changed is replaced and will be prepared again by :func:`run`. A killed ingest leaves
    whole batches only; running it again stores the rest.
    """
    report_progress = progress or _no_progress
    result = read_inputs(
        inputs,
        settings=settings,
        fetcher=fetcher,
        source=source,
        published=published,
        progress=lambda done: report_progress("ingest", done, len(inputs)),
    )
    articles = result.articles
    added = updated = unchanged = 0
    for start in range(0, len(articles), batch_size):
        batch = articles[start : start + batch_size]
        summary = store.put_articles(
            batch, progress=_offset_progress(report_progress, start, len(articles))
        )
        added += summary.added
        updated += summary.updated
        unchanged += summary.unchanged
    LOG.info("stored %d new, %d changed, %d known articles", added, updated, unchanged)
    return IngestSummary(
        read=len(articles),
        added=added,
        updated=updated,
        unchanged=unchanged,
        problems=result.problems,
    )


def run(
    store: Store,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    batch_size: int = RUN_BATCH,
    reassemble: bool = False,
    progress: pipeline.Progress | None = None,
) -> RunSummary:
    """Prepare the stored articles that lack prepared results, then rebuild the stories.

    Prepared results already stored are kept and never recomputed. Stories are assembled over
    every prepared article and replace the stored ones; when no article was new the stored
    stories are kept unless ``reassemble`` is set.

    Limitation: cleaning sees one batch at a time, so a line repeated across one outlet's
    articles is only recognised as furniture when enough of them are prepared together.
    """
    stats: dict[str, float] = {}
    pending = store.pending_ids()
    before = store.prepared_count()
    for start in range(0, len(pending), batch_size):
        raw = store.raw_articles(pending[start : start + batch_size])
        cleaned, annotations = pipeline.prepare(
            raw, settings=settings, progress=progress, timings=stats
        )
        store.put_prepared(cleaned, annotations)
    if not (pending or reassemble or (before and not store.story_count())):
        return RunSummary(
            prepared=0, already_prepared=before, stories=store.story_count(), assembled=False
        )
    started = time.perf_counter()
    prepared = store.prepared()
    stories = pipeline.assemble(
        [article for article, _ in prepared], [annotation for _, annotation in prepared]
    )
    store.replace_stories([report_output.story_to_dict(story) for story in stories])
    stats["assemble_s"] = time.perf_counter() - started
    LOG.info("prepared %d articles; %d stories", len(pending), len(stories))
    return RunSummary(
        prepared=len(pending),
        already_prepared=before,
        stories=len(stories),
        assembled=True,
        stats=stats,
    )


def report_dict(store: Store, *, story_ids: Sequence[str] | None = None) -> dict[str, Any]:
    """The JSON report contract built from the store (all stories, or only these)."""
    stories = store.all_stories()
    if story_ids is not None:
        wanted = set(story_ids)
        stories = [story for story in stories if story["id"] in wanted]
        article_ids = list(dict.fromkeys(i for s in stories for i in s.get("article_ids", [])))
        prepared = store.prepared(article_ids)
    else:
        prepared = store.prepared()
    return {
        "schema": SCHEMA,
        "articles": [report_output.article_to_dict(article) for article, _ in prepared],
        "stories": stories,
        "problems": [],
        "stats": {},
    }


def export(store: Store, fmt: ExportFormat) -> str:
    """Everything stored as the JSON report, Markdown, or a CSV of event records."""
    if fmt == "csv":
        return event_csv(store.all_stories(), store.article_meta)
    data = report_dict(store)
    if fmt == "md":
        return report_output.to_markdown(report_from_dict(data))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_from_dict(data: dict[str, Any]) -> Report:
    """A :class:`Report` rebuilt from its contract dict (for the Markdown writer)."""
    articles = tuple(
        Article(
            id=item["id"],
            text=item.get("text") or "",
            origin=item.get("origin") or "",
            source=item.get("source"),
            url=item.get("url"),
            title=item.get("title"),
            published=item.get("published"),
            byline=item.get("byline"),
            wire=item.get("wire"),
        )
        for item in data.get("articles", [])
    )
    return Report(articles=articles, stories=tuple(story_from_dict(s) for s in data["stories"]))


def story_from_dict(data: dict[str, Any]) -> Story:
    """A :class:`Story` rebuilt from its contract dict."""
    entities = tuple(
        Entity(
            id=str(item.get("id")),
            name=str(item.get("name")),
            type=str(item.get("type")),
            aliases=tuple(item.get("aliases") or ()),
            article_ids=tuple(item.get("article_ids") or ()),
            mentions=int(item.get("mentions") or 0),
        )
        for item in data.get("entities") or []
    )
    parts = ("reuse", "source_groups", "figures", "quotes", "facts", "framing", "timeline", "brief")
    return Story(
        id=data["id"],
        title=data.get("title"),
        article_ids=tuple(data.get("article_ids") or ()),
        start=data.get("start"),
        end=data.get("end"),
        entities=entities,
        event=data.get("event"),
        **{name: tuple(data.get(name) or ()) for name in parts},
    )


def event_csv(
    stories: Sequence[dict[str, Any]],
    meta: Callable[[list[str]], dict[str, dict[str, Any]]],
) -> str:
    """One CSV row per story with its event record (ACLED-like columns)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for story in stories:
        articles = meta(list(story.get("article_ids") or []))
        writer.writerow({k: _cell(v) for k, v in event_row(story, articles).items()})
    return out.getvalue()


def event_row(story: dict[str, Any], articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The event record of one story as a flat row keyed by :data:`EVENT_COLUMNS`."""
    event = story.get("event") or {}
    killed = event.get("killed") or {}
    injured = event.get("injured") or {}
    date = event.get("date") or None
    precision = PRECISION_DAY if date else PRECISION_WEEK
    date = (date or story.get("start") or "")[:10] or None
    outlets = sorted({str(a["source"]) for a in articles.values() if a.get("source")})
    groups = story.get("source_groups") or []
    facts = story.get("facts") or []
    return {
        "event_id_cnty": story["id"],
        "event_date": date,
        "year": date[:4] if date else None,
        "time_precision": precision if date else None,
        "event_type": event.get("type"),
        "location": event.get("location"),
        "fatalities": killed.get("best"),
        "fatalities_low": killed.get("low"),
        "fatalities_high": killed.get("high"),
        "injuries": injured.get("best"),
        "injuries_low": injured.get("low"),
        "injuries_high": injured.get("high"),
        "source": "; ".join(outlets),
        "independent_sources": len(groups) if groups else None,
        "articles": len(story.get("article_ids") or []),
        "contested_facts": sum(1 for f in facts if f.get("status") == "contested"),
        "title": story.get("title"),
        "notes": " ".join(str(entry.get("text", "")) for entry in story.get("brief") or []),
        "first_report": story.get("start"),
        "last_report": story.get("end"),
    }


def _cell(value: object) -> object:
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _offset_progress(progress: pipeline.Progress, offset: int, total: int) -> Callable[[int], None]:
    """Report a batch's progress as progress through all ``total`` articles being stored."""

    def report(done: int) -> None:
        progress("store", offset + done, total)

    return report


def _no_progress(stage: str, done: int, total: int) -> None:
    """Progress sink used when the caller passes none."""
