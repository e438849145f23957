"""Issue 3: the reuse bench (pairwise scores, speed report) and the development-set builder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.bench.reuse import (
    pairwise_scores,
    run_reuse_bench,
    run_reuse_speed,
    synthetic_articles,
)

REPO = Path(__file__).resolve().parent.parent


def test_pairwise_scores():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    predicted = {"a": 1, "b": 1, "c": 2, "d": 2}
    scores = pairwise_scores(predicted, gold)
    # gold pairs ab ac bc; predicted pairs ab cd; one right
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == pytest.approx(1 / 3)
    assert scores["f1"] == pytest.approx(0.4)


def test_pairwise_scores_without_pairs():
    assert pairwise_scores({"a": 1}, {"a": "a"}) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_run_reuse_bench_on_synthetic_records():
    articles = synthetic_articles(60)
    texts = {a.id: a.text for a in articles}
    # gold: an article derived from another shares its text, so it shares its group
    group = {}
    for article in articles:
        for earlier, text in texts.items():
            if earlier >= article.id:
                break
            paragraphs = article.text.split("\n\n")
            if sum(p in text for p in paragraphs) >= 2:
                group[article.id] = group.get(earlier, earlier)
                break
    records = [
        {"id": a.id, "text": a.text, "source": a.source, "gold_reuse_group": group.get(a.id, a.id)}
        for a in articles
    ]
    scores = run_reuse_bench(records)
    assert set(scores) == {"precision", "recall", "f1", "docs", "docs_per_s"}
    assert scores["f1"] == pytest.approx(1.0)
    assert scores["docs"] == 60
    assert scores["docs_per_s"] > 0


def test_synthetic_articles_are_deterministic_and_long():
    first, second = synthetic_articles(30), synthetic_articles(30)
    assert first == second
    lengths = [len(a.text.split()) for a in first]
    assert 500 <= sum(lengths) / len(lengths) <= 700


def test_run_reuse_speed_reports_time_and_memory():
    result = run_reuse_speed(40)
    assert set(result) == {
        "docs",
        "reuse_s",
        "reuse_cpu_s",
        "docs_per_s",
        "peak_rss_mb",
        "reuse_pairs",
    }
    assert result["docs"] == 40
    assert result["peak_rss_mb"] > 10


@pytest.mark.slow
def test_devset_pairwise_f1(tmp_path):
    """Acceptance: pairwise F1 >= 0.97 on the tuning and the held-out development sets."""
    data = REPO.parent / "shared" / "data"
    if not (data / "gva_dev.jsonl").is_file():
        pytest.skip("../shared/data is not present")
    script = REPO / "scripts" / "make_reuse_devset.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True)
    for split in ("tune", "heldout"):
        lines = (tmp_path / f"reuse_{split}.jsonl").read_text(encoding="utf-8").splitlines()
        scores = run_reuse_bench(json.loads(line) for line in lines)
        assert scores["f1"] >= 0.97, (split, scores)
