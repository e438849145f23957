"""Web bench: how fast the story page is served with many articles stored.

``fill_store`` writes fictional articles and fully populated stories (brief, facts, figures,
quotes, reuse, framing, timeline, event record: every section the pages show, with offsets into
the generated texts) straight into a store, so the pages can be measured and tested before every
stage has landed. ``run_web_bench`` fills a temporary SQLite store and times story pages served
in-process by the real app.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from ..models import Annotation, Article
from ..store import Store

# The acceptance figure: 10,000 articles stored; 10 per story gives 1,000 stories, about the
# story size the example set and the development data show.
BENCH_ARTICLES = 10_000
BENCH_STORY_SIZE = 10
# Story pages requested; 200 keeps the median stable to about a millisecond in a few seconds.
BENCH_REQUESTS = 200
# Fixed seed: the same stories are requested on every run.
BENCH_SEED = 7
# Articles written per transaction while filling the store.
FILL_BATCH = 1000

TOWNS = ("Varrow", "Keldmouth", "Ostrany", "Brisket Hill", "Lanmere", "Sothby Cross", "Dunhallow")
OUTLETS = (
    "The Varrow Post",
    "Northshore Wire",
    "Keld Valley Times",
    "Radio Ostrany",
    "The Lanmere Courier",
    "Coastline Daily",
    "Harbour Evening News",
)
EVENTS = ("warehouse fire", "bridge collapse", "ferry accident", "gas explosion", "storm")
SPEAKERS = (
    ("Maren Holt", "mayor"),
    ("Teodor Vask", "fire chief"),
    ("Ilse Brann", "police spokeswoman"),
)


def story_texts(number: int, size: int) -> tuple[str, list[tuple[str, str, str]]]:
    """The event name and, per article, (outlet, title, text) of fictional story ``number``."""
    town = TOWNS[number % len(TOWNS)]
    event = EVENTS[number % len(EVENTS)]
    speaker, role = SPEAKERS[number % len(SPEAKERS)]
    base = 3 + number % 9
    items: list[tuple[str, str, str]] = []
    for k in range(size):
        if k % 3 == 1:  # a reprint of the previous article (wire copy)
            _, title, text = items[-1]
            items.append((OUTLETS[k % len(OUTLETS)], title, text))
            continue
        killed = base + (4 if k % 3 == 2 else 0)
        text = (
            f"A {event} in {town} killed {killed} people on Tuesday, the regional authorities "
            f"said.\n\nAt least {base * 3} people were injured and about {base * 40} residents "
            f"were evacuated from nearby streets.\n\n\u201cWe have never seen anything like this "
            f"in {town},\u201d said {speaker}, the {role}.\n\nEmergency crews worked through the "
            f"night. Officials said the cause of the {event} was not yet known."
        )
        title = f"{event.capitalize()} in {town} kills {killed}"
        items.append((OUTLETS[k % len(OUTLETS)], title, text))
    return event, items


def synthetic_story(
    number: int, size: int = BENCH_STORY_SIZE
) -> tuple[list[Article], dict[str, Any]]:
    """Fictional articles of one story and its fully populated contract dict."""
    event, items = story_texts(number, size)
    day = f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}"
    articles = [
        Article(
            id=f"n{number:05d}-{k:02d}",
            text=text,
            origin="bench",
            source=outlet,
            url=f"https://news.example/{number}/{k}",
            title=title,
            published=f"{day}T{8 + k % 12:02d}:00:00+00:00",
        )
        for k, (outlet, title, text) in enumerate(items)
    ]
    return articles, _story_dict(number, event, articles)


def _sentence(text: str, needle: str) -> tuple[int, int]:
    start = text.find(needle)
    end = text.find("\n", start)
    return start, end if end != -1 else len(text)


def _story_dict(number: int, event: str, articles: list[Article]) -> dict[str, Any]:
    ids = [a.id for a in articles]
    groups = [ids[k : k + 2] if k % 3 == 0 else [ids[k]] for k in range(len(ids)) if k % 3 != 1]
    figures: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    claims_killed: list[dict[str, Any]] = []
    claims_evac: list[dict[str, Any]] = []
    for a in articles:
        value = int(a.text.split(" killed ", 1)[1].split(" ", 1)[0])
        start = a.text.find(f" killed {value} ") + 8
        figures.append(
            {
                "id": f"fig-{a.id}",
                "article_id": a.id,
                "kind": "killed",
                "value": value,
                "low": None,
                "high": None,
                "qualifier": None,
                "counted": "people",
                "attributed_to": "regional authorities",
                "start": start,
                "end": start + len(str(value)),
            }
        )
        s, e = _sentence(a.text, "\u201c")
        quotes.append(
            {
                "id": f"q-{a.id}",
                "article_id": a.id,
                "speaker": a.text[
                    a.text.find("said ", s) + 5 : a.text.find(",", a.text.find("said ", s))
                ],
                "text": a.text[s + 1 : a.text.find("\u201d", s) - 1],
                "direct": True,
                "start": s,
                "end": e,
            }
        )
        s, e = _sentence(a.text, "A ")
        stance = "contests" if value != figures[0]["value"] else "asserts"
        claims_killed.append({"article_id": a.id, "start": s, "end": e, "stance": stance})
        s, e = _sentence(a.text, "At least")
        claims_evac.append({"article_id": a.id, "start": s, "end": e})
    values: list[int] = sorted({int(f["value"]) for f in figures})
    contested = len(values) > 1
    facts = [
        {
            "id": "f1",
            "statement": f"The {event} killed {values[0]} people",
            "status": "contested" if contested else "corroborated",
            "independent_sources": len(groups),
            "figure_ids": [f["id"] for f in figures],
            "claims": claims_killed,
        },
        {
            "id": "f2",
            "statement": "Residents of nearby streets were evacuated",
            "status": "corroborated",
            "independent_sources": len(groups),
            "figure_ids": [],
            "claims": claims_evac,
        },
    ]
    first = articles[0]
    return {
        "id": f"s{number:05d}",
        "title": first.title,
        "article_ids": ids,
        "start": first.published,
        "end": articles[-1].published,
        "reuse": [
            {
                "a": ids[k - 1],
                "b": ids[k],
                "kind": "copy",
                "containment_a": 1.0,
                "containment_b": 1.0,
                "origin": ids[k - 1],
                "passages": [
                    {"a_start": 0, "a_end": len(first.text), "b_start": 0, "b_end": len(first.text)}
                ],
            }
            for k in range(1, len(ids), 3)
        ],
        "source_groups": [{"id": f"g{n}", "article_ids": g} for n, g in enumerate(groups)],
        "entities": [],
        "figures": figures,
        "quotes": quotes,
        "facts": facts,
        "framing": [
            {
                "referent": f"the {event}",
                "terms": [
                    {
                        "article_id": a.id,
                        "term": "disaster" if k % 2 else "tragedy",
                        "scare_quoted": False,
                    }
                    for k, a in enumerate(articles[:4])
                ],
            }
        ],
        "timeline": [
            {
                "date": first.published[:10] if first.published else None,
                "precision": "day",
                "text": f"The {event} happens; first casualty figures",
                "article_ids": ids[:2],
            },
        ],
        "event": {
            "type": event,
            "date": first.published[:10] if first.published else None,
            "location": TOWNS[number % len(TOWNS)],
            "killed": {
                "best": values[0],
                "low": values[0],
                "high": values[-1],
                "figure_ids": [f["id"] for f in figures],
            },
            "injured": {"best": None, "low": None, "high": None, "figure_ids": []},
        },
        "brief": [
            {
                "text": f"A {event} killed at least {values[0]} people"
                + (f"; one source reports {values[-1]}." if contested else "."),
                "status": "contested" if contested else "corroborated",
                "independent_sources": len(groups),
                "citations": ids[:3],
                "fact_id": "f1",
            },
            {
                "text": "Residents of nearby streets were evacuated.",
                "status": "corroborated",
                "independent_sources": len(groups),
                "citations": ids[:2],
                "fact_id": "f2",
            },
            {
                "text": "The cause is not yet known.",
                "status": "single-source",
                "independent_sources": 1,
                "citations": ids[:1],
            },
        ],
    }


def fill_store(
    store: Store, *, articles: int = BENCH_ARTICLES, story_size: int = BENCH_STORY_SIZE
) -> list[str]:
    """Write ``articles`` fictional articles in stories of ``story_size``; returns story ids."""
    stories: list[dict[str, Any]] = []
    pending: list[Article] = []
    for number in range(-(-articles // story_size)):
        size = min(story_size, articles - number * story_size)
        story_articles, story = synthetic_story(number, size)
        pending.extend(story_articles)
        stories.append(story)
        if len(pending) >= FILL_BATCH:
            _put(store, pending)
            pending = []
    _put(store, pending)
    store.replace_stories(stories)
    return [story["id"] for story in stories]


def _put(store: Store, articles: list[Article]) -> None:
    if not articles:
        return
    store.put_articles(articles)
    store.put_prepared(
        articles,
        [
            Annotation(
                article_id=a.id,
                sentences=((0, len(a.text)),),
                entities=(),
                words=len(a.text.split()),
            )
            for a in articles
        ],
    )


def run_web_bench(
    *,
    articles: int = BENCH_ARTICLES,
    story_size: int = BENCH_STORY_SIZE,
    requests: int = BENCH_REQUESTS,
) -> dict[str, float]:
    """Median and 95th-percentile time of story pages (and the story list) in milliseconds."""
    from fastapi.testclient import TestClient

    from ..web.app import create_app

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        started = time.perf_counter()
        story_ids = fill_store(store, articles=articles, story_size=story_size)
        fill_s = time.perf_counter() - started
        client = TestClient(create_app(store), base_url="http://127.0.0.1")
        chosen = random.Random(BENCH_SEED).choices(story_ids, k=requests)
        client.get(f"/stories/{chosen[0]}")  # warm templates and connections
        story_ms = [_timed(client, f"/stories/{sid}") for sid in chosen]
        list_ms = [_timed(client, "/stories") for _ in range(max(1, requests // 10))]
        article_ms = [
            _timed(client, f"/articles/{sid.replace('s', 'n', 1)}-00") for sid in chosen[:20]
        ]
    return {
        "articles": float(articles),
        "stories": float(len(story_ids)),
        "fill_s": round(fill_s, 2),
        "story_page_median_ms": round(statistics.median(story_ms), 2),
        "story_page_p95_ms": round(statistics.quantiles(story_ms, n=20)[-1], 2),
        "story_list_median_ms": round(statistics.median(list_ms), 2),
        "article_page_median_ms": round(statistics.median(article_ms), 2),
    }


def _timed(client: Any, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {response.status_code}")
    return elapsed
