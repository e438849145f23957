"""Speed bench: articles/s and words/s per pipeline stage, and peak memory.

Reads N articles from a JSONL file of records (``{"id", "text", "title", ...}``), or makes N
synthetic articles from a fixed sentence bank when no file is given, then times each stage on
them. Returns one flat dict of numbers (``docs_per_s``, ``words_per_s``, ``peak_rss_mb`` and
``<stage>_s`` / ``<stage>_docs_per_s`` per stage).
"""

from __future__ import annotations

import json
import random
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..models import Article
from .records import read_jsonl

T = TypeVar("T")

# Fixed seed so synthetic runs are comparable across commits.
SYNTHETIC_SEED = 7
# Words per synthetic article: close to the average news article in the development data
# (about 300 words in GVA, 600 in wire stories); 450 sits between them.
SYNTHETIC_WORDS = 450

_SUBJECTS = (
    "The regional governor",
    "Officials in Port Halden",
    "A spokeswoman for the harbour authority",
    "Rescue crews from three provinces",
    "The interior ministry",
    "Witnesses near the river crossing",
    "Doctors at the central hospital",
    "The Meridian Press Agency",
)
_VERBS = (
    "said on Tuesday that",
    "told reporters late on Wednesday that",
    "confirmed in a statement that",
    "warned residents that",
    "reported that",
)
_CLAUSES = (
    "at least 14 people had died after the embankment gave way",
    "more than 3,000 residents were moved to schools and sports halls",
    "the search for 12 missing fishermen would continue through the night",
    "water levels on the Velna river had started to fall",
    "roads into the valley remained closed to all but emergency vehicles",
    "the death toll could rise as teams reached outlying villages",
    "power had been restored to most of the northern districts",
    "an inquiry into the collapse would report within two months",
)


def synthetic_articles(count: int) -> list[Article]:
    """``count`` deterministic articles of about SYNTHETIC_WORDS words each."""
    rng = random.Random(SYNTHETIC_SEED)
    articles = []
    for number in range(count):
        sentences: list[str] = []
        words = 0
        while words < SYNTHETIC_WORDS:
            sentence = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_CLAUSES)}."
            sentences.append(sentence)
            words += len(sentence.split())
        articles.append(
            Article(
                id=f"synthetic-{number}",
                text="\n\n".join(
                    " ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)
                ),
                source=f"outlet-{number % 40}.example",
                title=f"Flood report {number}",
            )
        )
    return articles


def _timed(stage: str, results: dict[str, float], work: Callable[[], T]) -> T:
    started = time.perf_counter()
    value = work()
    results[f"{stage}_s"] = round(time.perf_counter() - started, 3)
    return value


def run_speed_bench(*, docs: int = 1000, path: Path | None = None) -> dict[str, float]:
    """Time ingest, clean and annotate on ``docs`` articles; return the figures."""
    from .. import annotate, clean
    from ..ingest import read_inputs

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        bundle = Path(folder) / "bench.jsonl"
        if path is not None:
            records = list(read_jsonl(path, limit=docs))
        else:
            records = [
                {"id": a.id, "text": a.text, "title": a.title, "source": a.source}
                for a in synthetic_articles(docs)
            ]
        with bundle.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        read = _timed("ingest", results, lambda: read_inputs([bundle]))
    articles = list(read.articles)
    cleaned = _timed("clean", results, lambda: clean.clean_articles(articles))
    annotate.load_pipeline()  # model loading is start-up cost, not per-article work
    annotations = _timed("annotate", results, lambda: annotate.annotate(cleaned))
    words = sum(a.words for a in annotations)
    total = sum(results[f"{stage}_s"] for stage in ("ingest", "clean", "annotate"))
    n = len(articles)
    for stage in ("ingest", "clean", "annotate"):
        seconds = results[f"{stage}_s"]
        results[f"{stage}_docs_per_s"] = round(n / seconds, 1) if seconds else 0.0
    results["annotate_words_per_s"] = round(words / results["annotate_s"], 1)
    results.update(
        docs=float(n),
        words=float(words),
        total_s=round(total, 3),
        docs_per_s=round(n / total, 1) if total else 0.0,
        words_per_s=round(words / total, 1) if total else 0.0,
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
    return results
