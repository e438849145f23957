"""Story assembly: ids, titles, time spans and entity merging."""

from __future__ import annotations

from newsprism.models import Annotation, EntityMention
from newsprism.stories import build_stories, collect_entities, entity_key, story_id


def mention(text: str, label: str = "PERSON") -> EntityMention:
    return EntityMention(start=0, end=len(text), label=label, text=text)


def test_story_id_ignores_order():
    assert story_id(["b", "a", "c"]) == story_id(["c", "b", "a"])
    assert story_id(["a", "b"]) != story_id(["a", "c"])


def test_entity_key_folds_articles_and_possessives():
    assert entity_key("the Harbour Authority's") == entity_key("Harbour Authority")
    assert entity_key("  Mira   Castell ") == "mira castell"


def test_collect_entities_merges_across_articles():
    annotations = [
        Annotation(
            article_id="a",
            sentences=(),
            entities=(mention("Mira Castell"), mention("Velno", "GPE"), mention("2026", "DATE")),
            words=10,
        ),
        Annotation(
            article_id="b",
            sentences=(),
            entities=(mention("Mira Castell's"), mention("the Mira  Castell")),
            words=10,
        ),
    ]
    entities = collect_entities(annotations)
    assert [(e.name, e.type, e.article_ids, e.mentions) for e in entities] == [
        ("Mira Castell", "PERSON", ("a", "b"), 3),
        ("Velno", "GPE", ("a",), 1),
    ]
    assert [e.id for e in entities] == ["e1", "e2"]


def test_build_stories_title_and_span(make_article):
    late = make_article(id="late", title="Second day", published="2026-03-11")
    early = make_article(id="early", title="First report", published="2026-03-10")
    undated = make_article(id="undated", title=None)
    (story,) = build_stories([late, undated, early], [])
    assert story.title == "First report"
    assert story.article_ids == ("early", "late", "undated")
    assert (story.start, story.end) == ("2026-03-10", "2026-03-11")


def test_title_falls_back_to_first_line(make_article):
    long_line = "Rescuers searched the flooded valley " * 5
    (story,) = build_stories([make_article(text=long_line.strip(), title=None)], [])
    assert story.title is not None
    assert story.title.endswith("…")
    assert len(story.title) <= 91


def test_no_articles_no_story():
    assert build_stories([], []) == []
