"""View models: a story's contract dict and its articles -> what the HTML templates show.

Pure functions shared by the web app and the self-contained HTML report. They read the report
contract's field names (see DESIGN.md) and tolerate empty or missing sections, so each view lights
up as the stage that fills it lands. Nothing here escapes HTML: the templates autoescape.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

# Figure kinds charted first, in this order; other kinds follow alphabetically.
FIGURE_KIND_ORDER = ("killed", "injured", "missing", "evacuated", "displaced", "arrested")
# Claim stances that count as contesting a fact in the fact matrix (the reconcile stage may
# mark claims with one of these in a "stance" field).
CONTESTING_STANCES = frozenset({"contests", "contradicts", "denies", "disputes"})
# Geometry of the figures chart (SVG user units): label column, plot area, row height.
CHART_WIDTH = 760
CHART_LABEL_WIDTH = 300
CHART_RIGHT_MARGIN = 40
CHART_ROW_HEIGHT = 24
CHART_AXIS_HEIGHT = 34
# Headroom above the largest figure so its dot and label stay inside the plot.
CHART_HEADROOM = 1.08
# Entities shown on a story page; the JSON twin carries all of them.
TOP_ENTITIES = 24
# Characters of a group's outlet names shown as its column heading in the fact matrix.
GROUP_LABEL_CHARS = 40
SAFE_URL_SCHEMES = frozenset({"http", "https"})

Segment = tuple[str, str | None]  # text, and the mark class or None for plain text


def safe_url(url: object) -> str | None:
    """``url`` when it is an http(s) link, else None (no javascript:, data: or relative links)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_URL_SCHEMES else None


def source_label(meta: Mapping[str, Any] | None, article_id: str) -> str:
    """How an article is named in chips and tables: its outlet, else its id."""
    if meta and meta.get("source"):
        return str(meta["source"])
    return article_id


def span_of(item: Mapping[str, Any]) -> tuple[int, int] | None:
    """The item's ``[start, end)`` in its article, or its sentence's when it has none."""
    for start_key, end_key in (("start", "end"), ("sentence_start", "sentence_end")):
        start, end = item.get(start_key), item.get(end_key)
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            return start, end
    return None


def segments(text: str, spans: Sequence[tuple[int, int, str]]) -> list[Segment]:
    """Split ``text`` into plain and marked pieces; overlapping spans are merged (first class
    wins) and spans outside the text are clipped."""
    clipped = sorted(
        (max(0, s), min(len(text), e), label) for s, e, label in spans if min(len(text), e) > s
    )
    merged: list[tuple[int, int, str]] = []
    for start, end, label in clipped:
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, label))
    pieces: list[Segment] = []
    at = 0
    for start, end, label in merged:
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], label))
        at = end
    if at < len(text) or not pieces:
        pieces.append((text[at:], None))
    return pieces


def story_header(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """Counts shown under a story's title."""
    ids = list(story.get("article_ids") or [])
    outlets = sorted({str(a["source"]) for a in articles.values() if a.get("source")})
    groups = story.get("source_groups") or []
    facts = story.get("facts") or []
    return {
        "articles": len(ids),
        "independent_sources": len(groups) if groups else None,
        "outlets": outlets,
        "contested": sum(1 for fact in facts if fact.get("status") == "contested"),
        "facts": len(facts),
        "start": story.get("start"),
        "end": story.get("end"),
    }


def story_view(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """Everything a story page shows, section by section (empty sections stay empty)."""
    ordered = [articles[i] for i in story.get("article_ids") or [] if i in articles]
    return {
        "story": story,
        "header": story_header(story, articles),
        "articles": ordered,
        "brief": brief_entries(story, articles),
        "matrix": fact_matrix(story, articles),
        "charts": figure_charts(story, articles),
        "quotes": quotes_by_speaker(story, articles),
        "reuse": reuse_rows(story, articles),
        "framing": framing_rows(story, articles),
        "timeline": timeline_rows(story, articles),
        "event": event_record(story, articles),
        "entities": list(story.get("entities") or [])[:TOP_ENTITIES],
        "entity_count": len(story.get("entities") or []),
    }


def chip(
    article_id: str, articles: Mapping[str, Mapping[str, Any]], span: tuple[int, int] | None
) -> dict[str, Any]:
    """A citation chip: the article it opens, its label, and the span to highlight if any."""
    return {
        "article_id": article_id,
        "label": source_label(articles.get(article_id), article_id),
        "start": span[0] if span else None,
        "end": span[1] if span else None,
    }


def one_per_article(chips: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first chip of each article: a headline and its lead citing one article are one
    source to the reader, not two."""
    seen: set[str] = set()
    kept = []
    for found in chips:
        if found["article_id"] not in seen:
            seen.add(found["article_id"])
            kept.append(found)
    return kept


def brief_entries(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Brief sentences with one chip per cited article, pointing at the cited claim's span
    when the entry names its fact(s) or claims."""
    facts = {str(f.get("id")): f for f in story.get("facts") or []}
    entries = []
    for entry in story.get("brief") or []:
        claims = list(entry.get("claims") or [])
        fact_ids = entry.get("fact_ids") or [entry.get("fact_id") or entry.get("fact")]
        for fact_id in fact_ids:
            if fact_id is not None and str(fact_id) in facts:
                claims.extend(facts[str(fact_id)].get("claims") or [])
        spans: dict[str, tuple[int, int]] = {}
        for claim in claims:
            found = span_of(claim)
            if found and claim.get("article_id") is not None:
                spans.setdefault(str(claim["article_id"]), found)
        chips = []
        for cited in entry.get("citations") or []:
            if isinstance(cited, Mapping):  # a citation given with its own span
                article_id = str(cited.get("article_id"))
                chips.append(chip(article_id, articles, span_of(cited) or spans.get(article_id)))
            else:
                chips.append(chip(str(cited), articles, spans.get(str(cited))))
        entries.append({**entry, "chips": chips})
    return entries


def _groups(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    groups = list(story.get("source_groups") or [])
    if not groups:  # before reuse has grouped them, each article stands alone
        groups = [{"id": i, "article_ids": [i]} for i in story.get("article_ids") or []]
    labelled = []
    for group in groups:
        members = [str(i) for i in group.get("article_ids") or []]
        names = list(dict.fromkeys(source_label(articles.get(i), i) for i in members))
        label = names[0] if names else str(group.get("id"))
        if len(names) > 1:
            label = f"{label} +{len(names) - 1}"
        labelled.append(
            {
                "id": str(group.get("id")),
                "article_ids": members,
                "label": label[:GROUP_LABEL_CHARS],
                "names": names,
            }
        )
    return labelled


def fact_matrix(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """Facts (rows) by independent source group (columns): asserts, contests or silent."""
    groups = _groups(story, articles)
    group_of = {i: g["id"] for g in groups for i in g["article_ids"]}
    rows = []
    for fact in story.get("facts") or []:
        cells: dict[str, dict[str, Any]] = {
            g["id"]: {"stance": "silent", "chips": []} for g in groups
        }
        for claim in fact.get("claims") or []:
            article_id = str(claim.get("article_id"))
            group = group_of.get(article_id)
            if group is None:
                continue
            cell = cells[group]
            contests = str(claim.get("stance", "")).lower() in CONTESTING_STANCES
            if contests:
                cell["stance"] = "contests"
            elif cell["stance"] == "silent":
                cell["stance"] = "asserts"
            cell["chips"].append(chip(article_id, articles, span_of(claim)))
        for cell in cells.values():
            cell["chips"] = one_per_article(cell["chips"])
        rows.append({"fact": fact, "cells": [cells[g["id"]] for g in groups]})
    return {"groups": groups, "rows": rows}


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def figure_charts(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """One SVG chart per figure kind: each figure by source, the range, the conservative one."""
    by_kind: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for figure in story.get("figures") or []:
        if _number(figure.get("value")) is not None or _number(figure.get("low")) is not None:
            by_kind[str(figure.get("kind") or "other")].append(figure)
    order = {kind: n for n, kind in enumerate(FIGURE_KIND_ORDER)}
    event = story.get("event") or {}
    charts = []
    for kind in sorted(by_kind, key=lambda k: (order.get(k, len(order)), k)):
        record = event.get(kind) if isinstance(event.get(kind), Mapping) else None
        charts.append(_chart(kind, by_kind[kind], articles, record))
    return charts


@dataclass(frozen=True, slots=True)
class _Point:
    figure: Mapping[str, Any]
    value: float | None
    low: float
    high: float


def _chart(
    kind: str,
    figures: Sequence[Mapping[str, Any]],
    articles: Mapping[str, Mapping[str, Any]],
    record: Mapping[str, Any] | None,
) -> dict[str, Any]:
    points = []
    for figure in figures:
        value = _number(figure.get("value"))
        low = _number(figure.get("low"))
        high = _number(figure.get("high"))
        low = low if low is not None else value
        high = high if high is not None else value
        if low is None or high is None:
            continue
        points.append(_Point(figure=figure, value=value, low=low, high=high))
    points.sort(key=lambda p: (p.low, p.high))
    lowest = min(p.low for p in points)
    highest = max(p.high for p in points)
    best = _number(record.get("best")) if record else None
    conservative = best if best is not None else lowest
    top = max(highest, conservative, 1.0) * CHART_HEADROOM
    plot = CHART_WIDTH - CHART_LABEL_WIDTH - CHART_RIGHT_MARGIN

    def x(value: float) -> float:
        return round(CHART_LABEL_WIDTH + plot * value / top, 1)

    rows = []
    for n, point in enumerate(points):
        figure = point.figure
        article_id = str(figure.get("article_id"))
        who = figure.get("attributed_to")
        label = source_label(articles.get(article_id), article_id)
        rows.append(
            {
                "y": CHART_ROW_HEIGHT * n + CHART_ROW_HEIGHT // 2,
                "x": x(point.value if point.value is not None else point.low),
                "x_low": x(point.low),
                "x_high": x(point.high),
                "label": label,
                "who": str(who) if who else None,
                "qualifier": figure.get("qualifier"),
                "text": _figure_text(point),
                "chip": chip(article_id, articles, span_of(figure)),
            }
        )
    height = CHART_ROW_HEIGHT * len(rows)
    return {
        "kind": kind,
        "rows": rows,
        "width": CHART_WIDTH,
        "height": height + CHART_AXIS_HEIGHT,
        "plot_height": height,
        "label_width": CHART_LABEL_WIDTH,
        "x0": x(0),
        "x_end": x(top / CHART_HEADROOM),
        "top_label": _fmt(top / CHART_HEADROOM),
        "range": {
            "low": _fmt(lowest),
            "high": _fmt(highest),
            "x_low": x(lowest),
            "x_high": x(highest),
        },
        "conservative": {
            "value": _fmt(conservative),
            "x": x(conservative),
            "from_event": best is not None,
        },
    }


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _figure_text(point: _Point) -> str:
    if point.value is None or point.low != point.high:
        number = f"{_fmt(point.low)} to {_fmt(point.high)}"
    else:
        number = _fmt(point.value)
    qualifier = point.figure.get("qualifier")
    return f"{qualifier} {number}" if qualifier else number


def quotes_by_speaker(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Quotes grouped by speaker, speakers with most quotes first; unattributed last."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in story.get("quotes") or []:
        speaker = str(quote.get("speaker") or "")
        article_id = str(quote.get("article_id"))
        grouped[speaker].append({**quote, "chip": chip(article_id, articles, span_of(quote))})
    ranked = sorted(grouped, key=lambda s: (s == "", -len(grouped[s]), s.casefold()))
    return [{"speaker": s or None, "quotes": grouped[s]} for s in ranked]


def reuse_rows(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Reuse pairs with their outlets and shares, for the reuse table."""
    rows = []
    for n, pair in enumerate(story.get("reuse") or []):
        a, b = str(pair.get("a")), str(pair.get("b"))
        origin = pair.get("origin")
        rows.append(
            {
                "n": n,
                "pair": pair,
                "a": a,
                "b": b,
                "a_label": source_label(articles.get(a), a),
                "b_label": source_label(articles.get(b), b),
                "origin_label": (
                    source_label(articles.get(str(origin)), str(origin)) if origin else None
                ),
                "containment_a": _percent(pair.get("containment_a")),
                "containment_b": _percent(pair.get("containment_b")),
                "passages": len(pair.get("passages") or []),
            }
        )
    return rows


def _percent(value: object) -> str:
    number = _number(value)
    return "" if number is None else f"{number * 100:.0f}%"


def reuse_view(
    pair: Mapping[str, Any], article_a: Mapping[str, Any], article_b: Mapping[str, Any]
) -> dict[str, Any]:
    """Two articles side by side, their shared passages marked in both."""
    passages = list(pair.get("passages") or [])
    a_spans = [(int(p["a_start"]), int(p["a_end"]), "shared") for p in passages]
    b_spans = [(int(p["b_start"]), int(p["b_end"]), "shared") for p in passages]
    return {
        "pair": pair,
        "a": {
            "article": article_a,
            "segments": segments(str(article_a.get("text") or ""), a_spans),
        },
        "b": {
            "article": article_b,
            "segments": segments(str(article_b.get("text") or ""), b_spans),
        },
        "containment_a": _percent(pair.get("containment_a")),
        "containment_b": _percent(pair.get("containment_b")),
    }


def article_view(
    article: Mapping[str, Any], *, start: int | None, end: int | None
) -> dict[str, Any]:
    """An article's text, with ``[start, end)`` marked when both are given and valid."""
    text = str(article.get("text") or "")
    spans = []
    if start is not None and end is not None and 0 <= start < end <= len(text):
        spans.append((start, end, "cited"))
    return {
        "article": article,
        "segments": segments(text, spans),
        "highlighted": bool(spans),
        "url": safe_url(article.get("url")),
    }


def framing_rows(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """For each referent, the terms used for it and the outlets using each."""
    rows = []
    for entry in story.get("framing") or []:
        terms: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
        for term in entry.get("terms") or []:
            key = (str(term.get("term") or ""), bool(term.get("scare_quoted")))
            article_id = str(term.get("article_id"))
            terms[key].append(chip(article_id, articles, span_of(term)))
        rows.append(
            {
                "referent": entry.get("referent"),
                "terms": [
                    {"term": term, "scare_quoted": quoted, "chips": chips}
                    for (term, quoted), chips in sorted(terms.items(), key=lambda kv: -len(kv[1]))
                ],
            }
        )
    return rows


def timeline_rows(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Timeline entries in date order, each with chips for its articles."""
    entries = sorted(story.get("timeline") or [], key=lambda e: str(e.get("date") or "~"))
    return [
        {**entry, "chips": [chip(str(i), articles, None) for i in entry.get("article_ids") or []]}
        for entry in entries
    ]


def event_record(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any] | None:
    """The event record with the figures behind each count; None while it is all empty."""
    event = story.get("event") or {}
    figures = {str(f.get("id")): f for f in story.get("figures") or []}
    counts = []
    for kind in ("killed", "injured"):
        found = event.get(kind)
        record: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
        sources: dict[str, dict[str, Any]] = {}
        values: dict[str, list[str]] = {}
        for figure_id in record.get("figure_ids") or []:
            figure = figures.get(str(figure_id))
            if figure is not None:
                article_id = str(figure.get("article_id"))
                sources.setdefault(article_id, chip(article_id, articles, span_of(figure)))
                value = figure.get("value")
                if value is not None and str(value) not in values.setdefault(article_id, []):
                    values[article_id].append(str(value))
        for article_id, found in sources.items():  # "Outlet: 19, 12", the counts it states
            if values.get(article_id):
                found["label"] = f"{found['label']}: {', '.join(values[article_id])}"
        counts.append(
            {
                "kind": kind,
                "best": record.get("best"),
                "low": record.get("low"),
                "high": record.get("high"),
                "chips": list(sources.values()),
            }
        )
    filled = any(event.get(k) for k in ("type", "date", "location")) or any(
        c["best"] is not None or c["low"] is not None for c in counts
    )
    if not filled:
        return None
    return {
        "type": event.get("type"),
        "date": event.get("date"),
        "location": event.get("location"),
        "counts": counts,
    }
