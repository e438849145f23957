"""Citation chips on the story page: one per article, and the counts each article states."""

from __future__ import annotations

from typing import Any

from newsprism.web.views import event_record, fact_matrix

ARTICLES: dict[str, dict[str, Any]] = {
    "north": {"id": "north", "source": "North Star"},
    "south": {"id": "south", "source": "South Wind"},
}


def figure(figure_id: str, article_id: str, value: int, start: int) -> dict[str, Any]:
    return {
        "id": figure_id,
        "article_id": article_id,
        "kind": "killed",
        "value": value,
        "start": start,
        "end": start + 2,
    }


def test_event_record_has_one_chip_per_article_with_its_counts() -> None:
    story = {
        "figures": [
            figure("n1", "north", 12, 0),
            figure("n2", "north", 12, 40),
            figure("n3", "north", 15, 90),
            figure("s1", "south", 15, 10),
        ],
        "event": {
            "killed": {"best": 15, "low": 12, "high": 15, "figure_ids": ["n1", "n2", "n3", "s1"]}
        },
    }
    record = event_record(story, ARTICLES)
    assert record is not None
    killed = record["counts"][0]
    assert [c["label"] for c in killed["chips"]] == ["North Star: 12, 15", "South Wind: 15"]
    assert killed["chips"][0]["start"] == 0


def test_fact_cells_cite_each_article_once() -> None:
    claim = {"article_id": "north", "stance": "asserts", "start": 0, "end": 5}
    story = {
        "article_ids": ["north", "south"],
        "facts": [{"id": "f1", "claims": [claim, {**claim, "start": 30, "end": 41}]}],
    }
    matrix = fact_matrix(story, ARTICLES)
    north = matrix["rows"][0]["cells"][0]
    assert north["stance"] == "asserts"
    assert [(c["article_id"], c["start"]) for c in north["chips"]] == [("north", 0)]
