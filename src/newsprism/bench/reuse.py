"""Reuse bench: pairwise precision/recall/F1 of "these two share text by copying", and speed.

``run_reuse_bench`` reads article records (``{"id", "text", "title", "date", "source", ...}``
with gold ``gold_reuse_group``: articles derived from one text share it; a record without it is
its own group). Predicted groups are the connected components of the reuse pairs that make two
articles one source (outlets are ignored: the gold is about text, not about outlets).

``run_reuse_speed`` times ``find_reuse`` (embeddings included) on synthetic articles of about
600 words built at run time; ``run_reuse_scaling`` runs it for several sizes, each in a fresh
process so that peak memory is per size, and fits the growth exponent of time.
"""

from __future__ import annotations

import math
import multiprocessing
import random
import resource
import time
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..models import Article
from ..reuse import find_reuse, reuse_components
from ..reuse.tokens import STOPWORDS
from .records import article_from_record

# Fixed seed so synthetic runs are comparable across commits.
SPEED_SEED = 5
# Words per synthetic article: the target size for the speed budget.
SPEED_WORDS = 600
# Articles per synthetic story: stories make content-word (rewrite) candidates, as real
# collections about a few events do.
STORY_SIZE = 20
# Share of synthetic articles derived from another article of their story (copies, trimmed
# copies, excerpts), so the alignment stage has real work.
DERIVED_SHARE = 0.2
SCALING_SIZES = (2500, 5000, 10000)


def run_reuse_bench(records: Iterable[dict[str, object]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 against ``gold_reuse_group``, and articles/s."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for record in records:
        article = article_from_record(record)
        articles.append(article)
        gold[article.id] = str(record.get("gold_reuse_group") or article.id)
    start = time.perf_counter()
    pairs = find_reuse(articles)
    groups = reuse_components([a.id for a in articles], pairs)
    elapsed = time.perf_counter() - start
    predicted = {article_id: n for n, group in enumerate(groups) for article_id in group}
    scores = pairwise_scores(predicted, gold)
    scores["docs"] = float(len(articles))
    scores["docs_per_s"] = len(articles) / elapsed if elapsed > 0 else 0.0
    return scores


def pairwise_scores(predicted: Mapping[str, Hashable], gold: Mapping[str, str]) -> dict[str, float]:
    """Precision, recall and F1 over unordered article pairs put in one group."""
    both = Counter((predicted[k], gold[k]) for k in gold)
    pred_sizes = Counter(predicted[k] for k in gold)
    gold_sizes = Counter(gold.values())
    true_pairs = sum(_pairs(n) for n in both.values())
    pred_pairs = sum(_pairs(n) for n in pred_sizes.values())
    gold_pairs = sum(_pairs(n) for n in gold_sizes.values())
    precision = true_pairs / pred_pairs if pred_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def run_reuse_speed(n_docs: int) -> dict[str, float]:
    """Time ``find_reuse`` on ``n_docs`` synthetic articles; peak RSS of this process in MB.

    ``reuse_s`` is wall-clock time; ``reuse_cpu_s`` the CPU time of this process (all threads),
    which other work on the machine does not inflate.

    Peak RSS is the process's lifetime peak: run each size in a fresh process (as
    ``run_reuse_scaling`` does) to measure one size alone.
    """
    articles = synthetic_articles(n_docs)
    cpu_start = time.process_time()
    start = time.perf_counter()
    pairs = find_reuse(articles)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "docs": float(n_docs),
        "reuse_s": elapsed,
        "reuse_cpu_s": cpu,
        "docs_per_s": n_docs / elapsed if elapsed > 0 else 0.0,
        "peak_rss_mb": peak_kb / 1024,
        "reuse_pairs": float(len(pairs)),
    }


def run_reuse_scaling(sizes: Sequence[int] = SCALING_SIZES) -> dict[str, float]:
    """``run_reuse_speed`` for each size in a fresh process, and the growth exponent of time.

    The exponent is the least-squares slope of log(time) on log(articles): 1 is linear.
    ``growth_exponent`` uses wall-clock time, ``growth_exponent_cpu`` CPU time, which other
    work on a shared machine does not disturb.
    """
    context = multiprocessing.get_context("spawn")
    results: dict[str, float] = {}
    wall: list[tuple[float, float]] = []
    cpu: list[tuple[float, float]] = []
    for size in sizes:
        with context.Pool(1) as pool:
            measured = pool.apply(run_reuse_speed, (size,))
        results[f"reuse_s_{size}"] = measured["reuse_s"]
        results[f"reuse_cpu_s_{size}"] = measured["reuse_cpu_s"]
        results[f"peak_rss_mb_{size}"] = measured["peak_rss_mb"]
        wall.append((math.log(size), math.log(max(measured["reuse_s"], 1e-9))))
        cpu.append((math.log(size), math.log(max(measured["reuse_cpu_s"], 1e-9))))
    results["growth_exponent"] = _slope(wall)
    results["growth_exponent_cpu"] = _slope(cpu)
    return results


def _slope(points: list[tuple[float, float]]) -> float:
    if len(points) < 2:
        return float("nan")
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return num / den


def synthetic_articles(count: int, *, seed: int = SPEED_SEED) -> list[Article]:
    """``count`` articles of about ``SPEED_WORDS`` words in stories of ``STORY_SIZE``.

    Words are English function words mixed with made-up content words drawn with Zipf
    frequencies (so common words are shared across stories, as in news) and words of the
    article's story; a share of articles copy, trim or excerpt an earlier article of their story.
    """
    rng = np.random.default_rng(seed)
    vocabulary = np.array(
        _pseudo_vocabulary(random.Random(seed), SYNTHETIC_VOCABULARY), dtype=object
    )
    weights = np.cumsum(1.0 / (np.arange(vocabulary.shape[0]) + 10))
    function_words = np.array(sorted(STOPWORDS), dtype=object)
    articles: list[Article] = []
    words = _Words(vocabulary, weights, function_words, function_words)
    for n in range(count):
        story = n // STORY_SIZE
        first_of_story = story * STORY_SIZE
        if n == first_of_story:
            names = [w.capitalize() for w in _pseudo_vocabulary(random.Random(f"s{story}"), 30)]
            words = _Words(vocabulary, weights, function_words, np.array(names, dtype=object))
        if n > first_of_story and rng.random() < DERIVED_SHARE:
            text = _derive(articles[int(rng.integers(first_of_story, n))].text, rng)
        else:
            text = _fresh_text(rng, words)
        articles.append(
            Article(id=f"s{n:05d}", text=text, origin="synthetic", source=f"outlet{n % 97}")
        )
    return articles


# Made-up content words in the synthetic vocabulary (news articles of a year use tens of
# thousands of distinct content words).
SYNTHETIC_VOCABULARY = 30000
_SYLLABLES = (
    "ka", "lo", "mi", "ren", "tas", "vo", "dul", "ne", "sar", "pi",
    "gor", "el", "tri", "um", "bes", "da", "fon", "qui", "ra", "zel",
)  # fmt: skip
# Shares of function words and of story words among a synthetic article's words.
FUNCTION_SHARE = 0.45
STORY_SHARE = 0.07


def _pseudo_vocabulary(rng: random.Random, size: int) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


@dataclass(frozen=True, slots=True)
class _Words:
    vocabulary: npt.NDArray[np.object_]
    weights: npt.NDArray[np.float64]
    function_words: npt.NDArray[np.object_]
    story_words: npt.NDArray[np.object_]


def _fresh_text(rng: np.random.Generator, words: _Words) -> str:
    lengths = rng.integers(12, 27, size=SPEED_WORDS // 12 + 1)
    lengths = lengths[: int(np.searchsorted(np.cumsum(lengths), SPEED_WORDS)) + 1]
    total = int(lengths.sum())
    roll = rng.random(total)
    content = np.searchsorted(words.weights, rng.random(total) * words.weights[-1])
    tokens = np.where(
        roll < FUNCTION_SHARE,
        words.function_words[rng.integers(0, words.function_words.shape[0], total)],
        np.where(
            roll < FUNCTION_SHARE + STORY_SHARE,
            words.story_words[rng.integers(0, words.story_words.shape[0], total)],
            words.vocabulary[np.minimum(content, words.vocabulary.shape[0] - 1)],
        ),
    ).tolist()
    sentences = []
    offset = 0
    for length in lengths.tolist():
        sentences.append(" ".join(tokens[offset : offset + length]).capitalize() + ".")
        offset += length
    paragraphs = []
    while sentences:
        size = int(rng.integers(2, 5))
        paragraphs.append(" ".join(sentences[:size]))
        del sentences[:size]
    return "\n\n".join(paragraphs)


def _derive(text: str, rng: np.random.Generator) -> str:
    paragraphs = text.split("\n\n")
    choice = rng.random()
    if choice < 0.4:  # copy with a new first paragraph
        return "\n\n".join(["Reporting by our correspondent.", *paragraphs])
    if choice < 0.7:  # trimmed copy
        return "\n\n".join(paragraphs[: max(2, len(paragraphs) * 2 // 3)])
    start = int(rng.integers(0, max(1, len(paragraphs) - 3)))  # excerpt inside new text
    return "\n\n".join([*paragraphs[start : start + 3], "More details were not released."])
