"""The store: round trips, idempotent puts, stories and their parts, errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsprism.models import Annotation, Article, EntityMention, Removal
from newsprism.store import Store, StoreError, database_url, text_hash


def _article(article_id: str, text: str = "Water rose in the valley.", **fields: object) -> Article:
    fields.setdefault("origin", f"{article_id}.txt")
    fields.setdefault("source", "The Example Times")
    return Article(id=article_id, text=text, **fields)  # type: ignore[arg-type]


def _story(story_id: str, article_ids: list[str], **fields: object) -> dict[str, object]:
    story: dict[str, object] = {
        "id": story_id,
        "title": f"Story {story_id}",
        "article_ids": article_ids,
        "start": "2026-01-02",
        "end": "2026-01-03",
        "reuse": [],
        "source_groups": [],
        "facts": [],
        "figures": [],
        "quotes": [],
    }
    story.update(fields)
    return story


@pytest.fixture
def store() -> Store:
    with Store.open(":memory:") as opened:
        yield opened


def test_database_url_forms() -> None:
    assert database_url(":memory:") == "sqlite://"
    assert database_url("x/news.db") == "sqlite:///x/news.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"


def test_put_articles_is_idempotent_by_id_and_text(store: Store) -> None:
    first = store.put_articles([_article("a"), _article("b")])
    again = store.put_articles([_article("a"), _article("b")])
    changed = store.put_articles([_article("a", "Water fell again.")])
    assert (first.added, first.unchanged) == (2, 0)
    assert (again.added, again.unchanged) == (0, 2)
    assert (changed.updated, changed.added) == (1, 0)
    assert store.article_count() == 2
    assert store.raw_articles(["a"])[0].text == "Water fell again."


def test_raw_round_trip_keeps_metadata_and_removals(store: Store) -> None:
    article = _article(
        "r1",
        url="https://news.example/r1",
        title="Flood",
        published="2026-03-10",
        byline="A. Writer",
        wire="LNA",
        removed=(Removal(text="Advertisement", reason="advert"),),
    )
    store.put_articles([article])
    assert store.raw_articles(["r1"]) == [article]


def test_prepared_round_trip_and_pending(store: Store) -> None:
    store.put_articles([_article("a"), _article("b")])
    assert store.pending_ids() == ["a", "b"]
    cleaned = _article("a", removed=(Removal(text="Share this", reason="share"),))
    annotation = Annotation(
        article_id="a",
        sentences=((0, 25),),
        entities=(EntityMention(start=0, end=5, label="ORG", text="Water"),),
        words=5,
    )
    store.put_prepared([cleaned], [annotation])
    assert store.pending_ids() == ["b"]
    assert store.prepared(["a"]) == [(cleaned, annotation)]
    assert store.article("a") == cleaned
    assert store.article("b") == _article("b")  # raw when not prepared
    assert store.article("zzz") is None
    store.put_articles([_article("a", "A new text.")])  # a changed text is prepared again
    assert store.pending_ids() == ["a", "b"]


def test_stories_list_detail_and_parts(store: Store) -> None:
    store.put_articles([_article("a"), _article("b", source="Other Post")])
    facts = [{"id": "f1", "status": "contested", "claims": []}, {"id": "f2", "status": "x"}]
    story = _story(
        "s1",
        ["a", "b"],
        source_groups=[{"id": "g1", "article_ids": ["a", "b"]}],
        facts=facts,
        reuse=[{"a": "a", "b": "b", "kind": "copy", "origin": "a", "passages": []}],
    )
    store.replace_stories([story, _story("s2", ["b"], end=None)])
    rows = store.stories()
    assert [row.id for row in rows] == ["s1", "s2"]
    assert rows[0].outlets == ("Other Post", "The Example Times")
    assert (rows[0].source_group_count, rows[0].contested_count) == (1, 1)
    assert rows[1].source_group_count is None
    assert store.story("s1") == story
    assert store.story("nope") is None
    assert store.stories_of_article("b") == [("s1", "Story s1"), ("s2", "Story s2")]
    assert store.contested_facts() == [("s1", facts[0])]
    assert store.story_ids_matching("s") == ["s1", "s2"]
    assert store.story_ids_matching("s1") == ["s1"]
    assert store.story_ids_matching("%") == []
    store.replace_stories([_story("s3", ["a"])])
    assert [row.id for row in store.stories()] == ["s3"]
    assert store.stories_of_article("b") == []


def test_state_hook(store: Store) -> None:
    assert store.get_state("cluster") is None
    store.set_state("cluster", {"centroids": [[1, 2]]})
    store.set_state("cluster", {"centroids": [[3]]})
    assert store.get_state("cluster") == {"centroids": [[3]]}


def test_file_store_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        store.put_articles([_article("a")])
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store.open(path) as store:
        assert store.article_count() == 1


def test_sql_injection_is_just_data(store: Store) -> None:
    evil = "x'); DROP TABLE articles; --"
    store.put_articles([_article(evil, text=evil)])
    assert store.raw_articles([evil])[0].text == evil
    assert store.story_ids_matching(evil) == []


def test_must_exist_and_garbage_files(tmp_path: Path) -> None:
    with (
        pytest.raises(StoreError, match="no such database"),
        Store.open(tmp_path / "none.db", must_exist=True),
    ):
        pass
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open"), Store.open(garbage):
        pass


def test_text_hash_is_stable() -> None:
    assert text_hash("abc") == text_hash("abc") != text_hash("abd")
