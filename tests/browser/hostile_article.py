"""A hostile article: markup, event handlers and javascript: links in text and metadata."""

from __future__ import annotations

from typing import Any

from newsprism.models import Annotation, Article
from newsprism.store import Store

HOSTILE_ID = "hostile-1"
HOSTILE_TEXT = (
    "Officials said <script>window.__pwned = 1</script> nothing happened.\n\n"
    'Look <img src=x onerror="window.__pwned = 2"> at '
    '<a href="javascript:window.__pwned = 3">this link</a> and '
    '<svg onload="window.__pwned = 4"></svg> javascript:window.__pwned=5'
)


def add_hostile(store: Store) -> None:
    """Store the hostile article and a story citing it next to the stories already there."""
    article = Article(
        id=HOSTILE_ID,
        text=HOSTILE_TEXT,
        origin="test",
        source='<img src=x onerror="window.__pwned = 6">',
        url="javascript:window.__pwned = 7",
        title="<script>window.__pwned = 8</script>Hostile headline",
        published="2026-06-01",
    )
    store.put_articles([article])
    store.put_prepared(
        [article], [Annotation(article_id=HOSTILE_ID, sentences=(), entities=(), words=9)]
    )
    story: dict[str, Any] = {
        "id": "shostile",
        "title": "<script>window.__pwned = 9</script>Hostile story",
        "article_ids": [HOSTILE_ID],
        "start": "2026-06-01",
        "end": "2026-06-01",
        "brief": [
            {
                "text": '<b onmouseover="window.__pwned = 10">Hover</b>',
                "status": "single-source",
                "independent_sources": 1,
                "citations": [HOSTILE_ID],
                "claims": [{"article_id": HOSTILE_ID, "start": 0, "end": 20}],
            }
        ],
    }
    store.replace_stories([*store.all_stories(), story])
