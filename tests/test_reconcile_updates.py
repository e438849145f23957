"""Updates against contradictions, place scope and one name per voice, on invented stories."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_reconcile import _article, _facts, _figure, _groups

from newsprism.reconcile.context import story_context
from newsprism.reconcile.event import event_record
from newsprism.reconcile.figures import reconcile_figures


def _record(articles, figures):
    """The event record of ``figures`` with each article a source group of its own."""
    groups = _groups(*((article.id,) for article in articles))
    facts, context = _facts(articles, figures, groups)
    return event_record(figures, facts, context)


def test_a_count_rising_over_successive_reports_is_an_update():
    first = _article(
        "first",
        "At least 15 people were hurt when the grandstand gave way, the governor said.",
        source="Wire",
        published="2026-06-02T08:00:00+00:00",
    )
    # a reprint of the wire dated by day only: no earlier than the clocked original
    reprint = _article(
        "reprint",
        "At least 15 people were hurt when the grandstand gave way, the governor said.",
        source="Evening Post",
        published="2026-06-02",
    )
    second = _article(
        "second",
        "The health board said 22 people were being treated in hospital.",
        source="Valley Times",
        published="2026-06-02T13:30:00+00:00",
    )
    third = _article(
        "third",
        "The health board said 31 people had been admitted to hospitals since the collapse.",
        source="Radio North",
        published="2026-06-02T20:15:00+00:00",
    )
    figures = [
        _figure(
            first, "At least 15", "injured", 15, qualifier="at least", attributed_to="the governor"
        ),
        _figure(
            reprint,
            "At least 15",
            "injured",
            15,
            qualifier="at least",
            attributed_to="the governor",
        ),
        _figure(second, "22", "injured", 22, attributed_to="The health board"),
        _figure(third, "31", "injured", 31, attributed_to="The health board"),
    ]
    articles = [reprint, first, second, third]
    (fact,), context = _facts(
        articles, figures, _groups(("first", "reprint"), ("second",), ("third",))
    )
    assert fact.fact.status == "corroborated"
    assert set(fact.fact.updates) == {"first:f0", "reprint:f0", "second:f0"}
    assert "earlier counts: at least 15, 22" in fact.fact.statement
    record = event_record(figures, [fact], context)
    assert (record.injured.best, record.injured.low, record.injured.high) == (31, 15, 31)


def test_concurrent_incompatible_counts_stay_contested():
    published = "2026-06-02T10:00:00+00:00"
    a = _article(
        "a", "Officials said 14 people died in the blast.", source="Herald", published=published
    )
    b = _article(
        "b",
        "At least 19 people died in the blast, the opposition said.",
        source="Courier",
        published=published,
    )
    c = _article(
        "c",
        "A medical charity said close to 60 people died in the blast.",
        source="Post",
        published=published,
    )
    figures = [
        _figure(a, "14", "killed", 14, attributed_to="Officials"),
        _figure(
            b, "At least 19", "killed", 19, qualifier="at least", attributed_to="the opposition"
        ),
        _figure(
            c,
            "close to 60",
            "killed",
            60,
            qualifier="close to",
            attributed_to="A medical charity",
            bounds=(None, 60),
        ),
    ]
    facts, context = _facts([a, b, c], figures, _groups(("a",), ("b",), ("c",)))
    (fact,) = facts
    assert fact.fact.status == "contested"
    assert [p.voice for p in fact.fact.positions] == [
        "Officials",
        "the opposition",
        "A medical charity",
    ]
    record = event_record(figures, facts, context)
    assert (record.killed.best, record.killed.low, record.killed.high) == (14, 14, 60)
    assert record.disputes


# A later, higher count is an update, not a contest, and the event record follows it: from a
# day later, or on the same day when the report says the count climbed.
UPDATES = [
    (
        ("Eight people were killed in the landslide.", "2026-06-02", "Eight", 8),
        ("The death toll climbed to 11 on Thursday, police said.", "2026-06-03", "11", 11),
        "killed",
        "police",
    ),
    (
        ("Four people were injured in the crash.", "2026-06-02", "Four", 4),
        (
            "The number of injured climbed to seven, the fire service said.",
            "2026-06-02",
            "seven",
            7,
        ),
        "injured",
        "the fire service",
    ),
]


@pytest.mark.parametrize(("first", "later", "kind", "source"), UPDATES)
def test_a_later_higher_count_updates_and_the_event_follows_it(
    first: tuple[str, str, str, int],
    later: tuple[str, str, str, int],
    kind: str,
    source: str,
):
    a = _article("a", first[0], source="Herald", published=first[1])
    b = _article("b", later[0], source="Courier", published=later[1])
    figures = [
        _figure(a, first[2], kind, first[3]),
        _figure(b, later[2], kind, later[3], attributed_to=source),
    ]
    facts, context = _facts([a, b], figures, _groups(("a",), ("b",)))
    assert facts[0].fact.status != "contested"
    assert getattr(event_record(figures, facts, context), kind).best == later[3]


def test_counts_told_weeks_later_are_not_the_event_count():
    a = _article(
        "a", "Two people were killed in the shooting.", source="Herald", published="2026-06-02"
    )
    b = _article(
        "b",
        "Two people died in the shooting, police said.",
        source="Courier",
        published="2026-06-03",
    )
    later = _article(
        "later",
        "Five people were killed in shootings in the city this year, police said.",
        source="Post",
        published="2026-08-20",
    )
    figures = [
        _figure(a, "Two", "killed", 2),
        _figure(b, "Two", "killed", 2, attributed_to="police"),
        _figure(later, "Five", "killed", 5, attributed_to="police"),
    ]
    assert _record([a, b, later], figures).killed.best == 2


def test_counts_for_different_places_are_a_difference_of_scope():
    village = _article(
        "village",
        "Nine people were killed by the storm in Varrow, police said.",
        source="Herald",
    )
    region = _article(
        "region",
        "Forty people were killed by the storm in Dunmere, volunteers said.",
        source="Courier",
    )
    figures = [
        replace(_figure(village, "Nine", "killed", 9, attributed_to="police"), place="Varrow"),
        replace(
            _figure(region, "Forty", "killed", 40, attributed_to="volunteers"),
            place="Dunmere",
        ),
    ]
    (fact,), _ = _facts([village, region], figures, _groups(("village",), ("region",)))
    assert fact.fact.status != "contested"
    assert "nine in Varrow" in fact.fact.statement
    assert "forty in Dunmere" in fact.fact.statement


def test_the_place_of_a_source_is_not_the_place_of_its_count():
    a = _article(
        "a", "Police said nine people were killed by the storm in Varrow.", source="Herald"
    )
    b = _article(
        "b", "Volunteers in Dunmere said 40 people were killed by the storm.", source="Courier"
    )
    figures = [
        replace(_figure(a, "nine", "killed", 9, attributed_to="police"), place="Varrow"),
        replace(_figure(b, "40", "killed", 40, attributed_to="Volunteers"), place="Dunmere"),
    ]
    (fact,), _ = _facts([a, b], figures, _groups(("a",), ("b",)))
    assert fact.fact.status == "contested"


def test_one_voice_named_two_ways_is_listed_once():
    a = _article(
        "a", "Mayor Ilka Tenn said nearly 300 residents left their homes.", source="Herald"
    )
    b = _article("b", "Nearly 300 residents left their homes, Ilka Tenn said.", source="Courier")
    figures = [
        _figure(
            a,
            "nearly 300",
            "evacuated",
            300,
            qualifier="nearly",
            attributed_to="Mayor Ilka Tenn",
            bounds=(None, 300),
        ),
        _figure(
            b,
            "Nearly 300",
            "evacuated",
            300,
            qualifier="nearly",
            attributed_to="Ilka Tenn",
            bounds=(None, 300),
        ),
    ]
    names = {"mayor ilka tenn": "e1", "ilka tenn": "e1"}
    context = story_context(
        [a, b], _groups(("a",), ("b",)), entity_of=lambda name: names.get(name.lower())
    )
    (fact,) = reconcile_figures(figures, context)
    assert fact.fact.primary_sources == ("Mayor Ilka Tenn",)
    assert "Ilka Tenn and" not in fact.fact.statement
    assert "(according to Mayor Ilka Tenn)" in fact.fact.statement


def test_a_short_name_of_a_longer_one_is_one_voice_without_resolution():
    a = _article("a", "The harbour police said three people were missing.", source="Herald")
    b = _article("b", "Police said three people were missing.", source="Courier")
    figures = [
        _figure(a, "three", "missing", 3, attributed_to="The harbour police"),
        _figure(b, "three", "missing", 3, attributed_to="Police"),
    ]
    (fact,), _ = _facts([a, b], figures, _groups(("a",), ("b",)))
    assert fact.fact.statement == "Missing: three (according to The harbour police)."


def test_killed_and_injured_come_from_the_same_days_of_a_story():
    # a story that also took a report of another incident three weeks later: its wounded are
    # not the wounded of the event whose dead the first reports give
    a = _article(
        "a",
        "One man was killed in the shooting on Elm Row.",
        source="Herald",
        published="2026-06-02",
    )
    b = _article(
        "b",
        "One man died in the Elm Row shooting, police said.",
        source="Courier",
        published="2026-06-03",
    )
    later = _article(
        "later",
        "Two people were wounded in a shooting outside a bakery.",
        source="Post",
        published="2026-06-24",
    )
    figures = [
        _figure(a, "One man", "killed", 1),
        _figure(b, "One man", "killed", 1, attributed_to="police"),
        _figure(later, "Two people", "injured", 2),
    ]
    record = _record([a, b, later], figures)
    assert record.killed.best == 1
    assert record.injured.best is None


def test_a_named_victim_in_grave_condition_who_later_died_is_not_also_wounded():
    first = _article(
        "first",
        "A girl hit by a stray bullet was in grave condition on Friday, police said.",
        source="Herald",
        published="2026-06-05",
    )
    later = _article(
        "later",
        "The girl hit by a stray bullet died in hospital on Saturday, police said.",
        source="Courier",
        published="2026-06-06",
    )
    figures = [
        replace(_figure(first, "A girl", "injured", 1, attributed_to="police"), implicit=True),
        replace(_figure(later, "The girl", "killed", 1, attributed_to="police"), implicit=True),
    ]
    record = _record([first, later], figures)
    assert record.killed.best == 1
    assert record.injured.best is None


def test_a_victim_who_died_after_an_early_report_leaves_its_wounded():
    first = _article(
        "first",
        "Three people were shot on Mill Road. One man died at the scene, police said.",
        source="Herald",
        published="2026-06-05",
    )
    later = _article(
        "later",
        "A second victim of the Mill Road shooting has died, bringing the dead to two, "
        "police said.",
        source="Courier",
        published="2026-06-06",
    )
    figures = [
        _figure(first, "Three people", "shot", 3),
        _figure(first, "One man", "killed", 1, number=1, attributed_to="police"),
        _figure(later, "two", "killed", 2, attributed_to="police"),
    ]
    record = _record([first, later], figures)
    assert record.killed.best == 2
    assert record.injured.best == 1


def test_a_story_of_one_report_takes_that_reports_own_count():
    # the first number is not the article's count: a later sentence brings the toll to three
    only = _article(
        "only",
        "Two men died at the scene on Quarry Lane. A third victim died later in hospital, "
        "bringing the number of dead to three, police said.",
        source="Herald",
        published="2026-06-05",
    )
    figures = [
        _figure(only, "Two men", "killed", 2),
        _figure(only, "three", "killed", 3, number=1, attributed_to="police"),
    ]
    assert _record([only], figures).killed.best == 3


def test_an_articles_own_unnumbered_victim_beats_a_toll_it_recalls():
    a = _article(
        "a",
        "A man was killed in a shooting on Mill Road on Friday, police said. Last year, three "
        "people were killed on the same street.",
        source="Herald",
        published="2026-06-06",
    )
    b = _article(
        "b",
        "Police are looking for a gunman after a shooting on Mill Road on Friday.",
        source="Courier",
        published="2026-06-06",
    )
    figures = [
        replace(_figure(a, "A man", "killed", 1, attributed_to="police"), implicit=True),
        _figure(a, "three people", "killed", 3, number=1),
    ]
    assert _record([a, b], figures).killed.best == 1
