"""Tune and report the figure extractor on GVA with a split by incident (gold_cluster).

Usage: .venv/bin/python scripts/tune_figures.py [FILE.jsonl] [--errors N] [--show ID] [--grid]
       .venv/bin/python scripts/tune_figures.py [FILE.jsonl] --speed 1000

Articles are split by a stable hash of ``gold_cluster`` (sha1, even = tune, odd = held out), so
no incident has articles on both sides. Rules and thresholds are tuned on the "tune" part only;
the "held" part is reported, never inspected. The stored count ranker is fit on both parts
(scripts/train_count_ranker.py TRAIN_PARTS), so the "held" line scores the hand rules on
unseen incidents but the ranker in sample: its honest held-out figure is
``train_count_ranker.py --held-cv``. Cleaned articles, annotations and parsed
sentences are cached under /tmp/newsprism-figures/ between runs (parsing is the slow step).

Prints per-part per-article exact match of killed, injured and both; ``--errors N`` shows the
first N mismatches of the tune part with the figures that led to them; ``--grid`` scores the
lead settings of :func:`~newsprism.extract.figures_counts.article_counts` on the tune part;
``--rules`` also scores the hand rules without the learned ranker; ``--speed N`` times
annotation + extraction of the first N articles (no parse cache) against the parser run over
their whole texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import pickle
import time
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsprism.annotate import annotate, load_pipeline
from newsprism.bench.figures import score_counts
from newsprism.bench.records import article_from_record
from newsprism.clean import clean_articles
from newsprism.extract import figures as figures_module
from newsprism.extract.figures import Figure
from newsprism.extract.figures_counts import article_counts
from newsprism.extract.parsing import SKIPPED_COMPONENTS
from newsprism.models import Annotation, Article

# NEWSPRISM_FIGURES_CACHE moves the caches, so that two working copies can tune side by side.
CACHE = Path(os.environ.get("NEWSPRISM_FIGURES_CACHE", "/tmp/newsprism-figures"))
DEFAULT_FILE = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "gva_dev.jsonl"
LOG = logging.getLogger("tune_figures")


def part_of(cluster: object) -> str:
    """ "tune" or "held": a stable split of incidents by the sha1 of their id."""
    digest = hashlib.sha1(str(cluster).encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "held"


def load(path: Path) -> tuple[list[dict[str, object]], list[Article], list[Annotation]]:
    """Records, cleaned articles and annotations of ``path``, cached."""
    key = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]
    cached = CACHE / f"annotated-{key}.pkl"
    if cached.exists():
        with cached.open("rb") as handle:
            loaded: tuple[list[dict[str, object]], list[Article], list[Annotation]]
            loaded = pickle.load(handle)  # our own cache file
            return loaded
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    articles = clean_articles([article_from_record(record) for record in records])
    annotations = annotate(articles)
    CACHE.mkdir(parents=True, exist_ok=True)
    with cached.open("wb") as handle:
        pickle.dump((records, articles, annotations), handle)
    return records, articles, annotations


class ParseCache:
    """Parsed sentences by text, kept in a DocBin under CACHE."""

    def __init__(self) -> None:
        self.nlp = load_pipeline(parser=True)
        self.path = CACHE / "parsed.spacy"
        self.docs: dict[str, Doc] = {}
        if self.path.exists():
            bin_ = DocBin().from_disk(self.path)
            self.docs = {doc.text: doc for doc in bin_.get_docs(self.nlp.vocab)}

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        missing = sorted({t for t in texts if t not in self.docs})
        if missing:
            LOG.info("parsing %d new sentences", len(missing))
            disable = [n for n in SKIPPED_COMPONENTS if n in self.nlp.pipe_names]
            for doc in self.nlp.pipe(missing, batch_size=128, disable=disable):
                self.docs[doc.text] = doc
            bin_ = DocBin(store_user_data=False)
            for doc in self.docs.values():
                bin_.add(doc)
            bin_.to_disk(self.path)
        return [self.docs[t].copy() for t in texts]


def cached_figures(
    articles: Sequence[Article], annotations: Sequence[Annotation], cache: ParseCache
) -> list[Figure]:
    """``extract_figures`` with parses from the cache (pronoun sources left unresolved)."""
    plan = figures_module.plan_sentences(articles, annotations)
    texts = [figures_module._sentence_text(articles[s.article], s) for s in plan]
    for sentence, doc in zip(plan, cache.parse(texts), strict=True):
        sentence.doc = doc
        figures_module.read_sentence(
            sentence, articles[sentence.article], annotations[sentence.article]
        )
    return figures_module._numbered(articles, plan)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--show", default="", help="article id to dump")
    parser.add_argument("--grid", action="store_true", help="try lead sizes on both parts")
    parser.add_argument("--rules", action="store_true", help="also score the rules alone")
    parser.add_argument("--speed", type=int, default=0, help="time N articles, then stop")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    records, articles, annotations = load(args.file)
    if args.speed:
        _speed(articles[: args.speed])
        return
    started = time.perf_counter()
    figures = cached_figures(articles, annotations, ParseCache())
    LOG.info("figures in %.1f s", time.perf_counter() - started)
    by_article: dict[str, list[Figure]] = {a.id: [] for a in articles}
    for figure in figures:
        by_article[figure.article_id].append(figure)
    if args.grid:
        _grid(records, articles, by_article)
    predicted = {a.id: article_counts(by_article[a.id], a) for a in articles}
    parts: dict[str, list[tuple[dict[str, object], dict[str, int | None]]]] = {}
    for record, article in zip(records, articles, strict=True):
        parts.setdefault(part_of(record.get("gold_cluster")), []).append(
            (record, predicted[article.id])
        )
    for name in ("tune", "held"):
        scores = score_counts(parts[name])
        LOG.info("%s: %s", name, json.dumps({k: round(v, 4) for k, v in scores.items()}))
    if args.rules:
        rules: dict[str, list[tuple[dict[str, object], dict[str, int | None]]]] = {}
        for record, article in zip(records, articles, strict=True):
            counts = article_counts(by_article[article.id], article, ranker=False)
            rules.setdefault(part_of(record.get("gold_cluster")), []).append((record, counts))
        for name in ("tune", "held"):
            scores = score_counts(rules[name])
            LOG.info(
                "%s rules only: %s", name, json.dumps({k: round(v, 4) for k, v in scores.items()})
            )
    _show_errors(args.errors, parts["tune"], articles, by_article)
    if args.show:
        article = next(a for a in articles if a.id == args.show)
        _dump(article, by_article[article.id])


def _speed(articles: Sequence[Article]) -> None:
    """Words/s of annotation + extraction, and of the parser run over the whole texts."""
    fast, parser = load_pipeline(), load_pipeline(parser=True)
    started = time.perf_counter()
    annotations = annotate(articles, nlp=fast)
    annotated = time.perf_counter()
    figures = figures_module.extract_figures(articles, annotations, nlp=parser)
    extracted = time.perf_counter()
    disable = [n for n in SKIPPED_COMPONENTS if n in parser.pipe_names]
    for _ in parser.pipe((a.text for a in articles), batch_size=64, disable=disable):
        pass
    parsed = time.perf_counter()
    words = sum(a.words for a in annotations)
    LOG.info(
        "%d articles, %d words, %d figures: annotate %.1f s, extract %.1f s "
        "(%.0f words/s together); parser over whole texts %.1f s",
        len(articles), words, len(figures), annotated - started, extracted - annotated,
        words / (extracted - started), parsed - extracted,
    )  # fmt: skip


def _grid(
    records: Sequence[dict[str, object]],
    articles: Sequence[Article],
    by_article: dict[str, list[Figure]],
) -> None:
    for later in ("all", "fallback", "updates", "none"):
        for lead in (None, 0, 100, 200, 300, 400, 600):
            rows: dict[str, list[tuple[dict[str, object], dict[str, int | None]]]] = {}
            for record, article in zip(records, articles, strict=True):
                counts = article_counts(
                    by_article[article.id], article, lead_chars=lead, later=later
                )
                rows.setdefault(part_of(record.get("gold_cluster")), []).append((record, counts))
            tune = score_counts(rows["tune"])
            LOG.info(
                "later=%s lead=%s tune %s",
                later, lead, json.dumps({k: round(v, 4) for k, v in tune.items()}),
            )  # fmt: skip


def _show_errors(
    count: int,
    rows: Sequence[tuple[dict[str, object], dict[str, int | None]]],
    articles: Sequence[Article],
    by_article: dict[str, list[Figure]],
) -> None:
    by_id = {a.id: a for a in articles}
    shown = 0
    for record, counts in rows:
        gold_k, gold_i = record.get("gold_num_killed"), record.get("gold_num_injured")
        if gold_k is None:
            continue
        got_k, got_i = counts["killed"] or 0, counts["injured"] or 0
        if (got_k, got_i) == (gold_k, gold_i) or shown >= count:
            continue
        shown += 1
        article = by_id[str(record["id"])]
        LOG.info("\n=== %s gold k=%s i=%s got k=%s i=%s", article.id, gold_k, gold_i, got_k, got_i)
        _dump(article, by_article[article.id])


def _dump(article: Article, figures: Sequence[Figure]) -> None:
    LOG.info("TITLE: %s", article.title)
    LOG.info("LEAD: %s", article.text[:400].replace("\n", " "))
    for f in figures:
        LOG.info(
            "  %s %s=%s %s %r | %s", "T" if f.in_title else f.start, f.kind, f.value,
            f.qualifier, f.counted, f.sentence[:140].replace("\n", " "),
        )  # fmt: skip


if __name__ == "__main__":
    main()
