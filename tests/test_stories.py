"""Story assembly: ids, titles, time spans, and the extraction a story carries."""

from __future__ import annotations

from newsprism.models import Annotation, EntityMention
from newsprism.stories import assemble_story, build_stories, story_id


def test_story_id_ignores_order():
    assert story_id(["b", "a", "c"]) == story_id(["c", "b", "a"])
    assert story_id(["a", "b"]) != story_id(["a", "c"])


def test_build_stories_title_and_span(make_article):
    late = make_article(id="late", title="Second day", published="2026-03-11")
    early = make_article(id="early", title="First report", published="2026-03-10")
    undated = make_article(id="undated", title=None)
    story = assemble_story([late, undated, early], [])
    assert story.title == "First report"
    assert story.article_ids == ("early", "late", "undated")
    assert (story.start, story.end) == ("2026-03-10", "2026-03-11")


def test_central_article_gives_the_title(make_article):
    first = make_article(id="first", title="Early headline", published="2026-03-10")
    central = make_article(id="central", title="Most typical headline", published="2026-03-11")
    assert assemble_story([first, central], [], central="central").title == "Most typical headline"


def test_unannotated_articles_are_stories_of_their_own(make_article):
    stories = build_stories([make_article(id="x"), make_article(id="y")], [])
    assert sorted(story.article_ids for story in stories) == [("x",), ("y",)]


def test_title_falls_back_to_first_line(make_article):
    long_line = "Rescuers searched the flooded valley " * 5
    story = assemble_story([make_article(text=long_line.strip(), title=None)], [])
    assert story.title is not None
    assert story.title.endswith("…")
    assert len(story.title) <= 91


def test_no_articles_no_story():
    assert build_stories([], []) == []


def test_story_carries_extraction(make_article):
    text = (
        "Harbour master Ines Roko said the ferry would sail on Friday.\n"
        '"We expect delays until the weekend," Roko said.'
    )
    article = make_article(id="ferry", text=text, published="2026-03-11")
    start = text.index("Ines Roko")
    person = EntityMention(start=start, end=start + 9, label="PERSON", text="Ines Roko")
    second = text.index("Roko said.")
    surname = EntityMention(start=second, end=second + 4, label="PERSON", text="Roko")
    first_end = text.index("\n")
    annotation = Annotation(
        article_id="ferry",
        sentences=((0, first_end), (first_end + 1, len(text))),
        entities=(person, surname),
        words=20,
    )
    (story,) = build_stories([article], [annotation])
    (entity,) = [e for e in story.entities if e.type == "PERSON"]
    assert entity.name == "Ines Roko"
    assert entity.mentions == 2
    (reported, direct) = sorted(story.quotes, key=lambda quote: quote["direct"])
    assert (reported["direct"], direct["direct"]) == (False, True)
    for quote in (reported, direct):
        assert quote["speaker"] == "Ines Roko"
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert [d["date"] for d in story.dates] == ["2026-03-13"]
    assert len(story.claims) == 2
