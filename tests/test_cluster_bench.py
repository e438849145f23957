"""Cluster bench: B-cubed and ARI metrics, record selection, and a small end-to-end run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.bench.cluster import (
    adjusted_rand,
    b_cubed,
    gold_label,
    hash_half,
    run_cluster_bench,
    score_groups,
    select,
)


def test_b_cubed_perfect_and_all_in_one():
    gold = ["a", "a", "b", "b"]
    assert b_cubed(["x", "x", "y", "y"], gold) == (1.0, 1.0, 1.0)
    precision, recall, f1 = b_cubed(["x", "x", "x", "x"], gold)
    assert (precision, recall) == (0.5, 1.0)
    assert f1 == pytest.approx(2 / 3)


def test_b_cubed_worked_example():
    # gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    predicted = ["p", "p", "q", "q", "q"]
    gold = ["a", "a", "a", "b", "b"]
    precision, recall, _ = b_cubed(predicted, gold)
    assert precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_b_cubed_singletons_and_empty():
    assert b_cubed([1, 2, 3], ["a", "a", "a"])[:2] == (1.0, pytest.approx(1 / 3))
    assert b_cubed([], []) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="same length"):
        b_cubed([1], [])


def test_adjusted_rand():
    assert adjusted_rand(["x", "x", "y"], [1, 1, 2]) == 1.0
    assert adjusted_rand(["x"], [1]) == 1.0
    assert adjusted_rand(["x", "x", "x", "x"], [1, 1, 2, 2]) == 0.0


labelings = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=30)


@given(labelings)
def test_b_cubed_bounds_and_symmetry(pairs: list[tuple[int, int]]):
    predicted, gold = [p for p, _ in pairs], [g for _, g in pairs]
    precision, recall, f1 = b_cubed(predicted, gold)
    assert 0 < precision <= 1
    assert 0 < recall <= 1
    assert 0 < f1 <= 1
    swapped = b_cubed(gold, predicted)
    assert swapped[0] == pytest.approx(recall)
    assert swapped[1] == pytest.approx(precision)


def test_score_groups_counts_missing_articles_as_alone():
    scores = score_groups([("a", "b")], {"a": "g1", "b": "g1", "c": "g2"})
    assert scores["b3_f1"] == 1.0
    assert scores["clusters"] == 2.0
    assert scores["gold_clusters"] == 2.0
    assert scores["docs"] == 3.0


def test_select_by_split_field_and_by_hash():
    records = [
        {"id": str(n), "gold_cluster": f"g{n % 7}", "split": "dev" if n % 2 else "train"}
        for n in range(40)
    ]
    assert len(select(records, None)) == 40
    assert {r["split"] for r in select(records, "dev")} == {"dev"}
    halves = select(records, "hash0"), select(records, "hash1")
    assert len(halves[0]) + len(halves[1]) == 40
    for number, half in enumerate(halves):
        assert all(hash_half(gold_label(r)) == number for r in half)
    assert gold_label({"id": 5}) == "id:5"


def test_run_cluster_bench_end_to_end(tmp_path: Path):
    def record(n: int, gold: str, text: str, date: str) -> dict[str, object]:
        return {
            "id": f"r{n}",
            "text": text,
            "title": text.split(".")[0],
            "date": date,
            "source": f"outlet{n}.example",
            "url": None,
            "gold_cluster": gold,
        }

    flood = (
        "Floodwater closed the Maren Bridge in Vellport on Sunday. Engineer Cato Brill said "
        "the river rose two metres. The Vellport council opened a shelter."
    )
    flood2 = (
        "The Maren Bridge in Vellport stayed shut on Sunday after the river rose two metres, "
        "engineer Cato Brill said. A shelter opened at the Vellport council hall."
    )
    match = (
        "Kestrel Rovers beat Alder Town 3-1 in the cup final on Saturday. Striker Jonas "
        "Weller scored twice for Kestrel Rovers."
    )
    match2 = (
        "Jonas Weller scored two goals as Kestrel Rovers won the cup final against Alder "
        "Town on Saturday, 3-1."
    )
    records = [
        record(1, "flood", flood, "2031-06-01"),
        record(2, "flood", flood2, "2031-06-01"),
        record(3, "cup", match, "2031-06-01"),
        record(4, "cup", match2, "2031-06-02"),
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    scores = run_cluster_bench(path)
    assert set(scores) >= {
        "b3_precision",
        "b3_recall",
        "b3_f1",
        "ari",
        "clusters",
        "docs",
        "docs_per_s",
        "prepare_s",
    }
    assert scores["docs"] == 4.0
    assert scores["b3_f1"] == 1.0
    assert scores["ari"] == 1.0
    assert scores["clusters"] == 2.0
