"""The headline an article's address carries."""

from __future__ import annotations

import pytest

from newsprism.extract.url_headline import url_headline

# address, the headline read from it (None: no slug worth reading)
ROWS = [
    # ids, dates and the file ending left out; a comma between two counts
    (
        "https://news.example/2021/06/04/3-dead-2-hurt-in-river-bridge-shooting-4471902.html",
        "3 dead, 2 hurt in river bridge shooting",
    ),
    (
        "https://tv.example/story/44120931/two-shot-one-killed-outside-corner-store",
        "two shot, one killed outside corner store",
    ),
    # a short id after the slug's last word is left out; a count after a casualty verb is not
    (
        "https://tv.example/local/grocer-recalls-night-of-the-bakery-shooting-612/",
        "grocer recalls night of the bakery shooting",
    ),
    (
        "https://tv.example/local/stray-round-from-range-wounds-2",
        "stray round from range wounds 2",
    ),
    # a number after the casualty word with no count before it is its object
    (
        "http://paper.example/teen-who-shot-4-at-party-is-charged",
        "teen who shot 4 at party is charged",
    ),
    (
        "http://paper.example/2-dead-3-hurt-1-missing-after-blast",
        "2 dead, 3 hurt, 1 missing after blast",
    ),
    (
        "http://paper.example/three-people-injured-one-killed-at-club",
        "three people injured, one killed at club",
    ),
    # an age the slug turned into breaks gets its hyphens back
    (
        "http://paper.example/local/4-year-old-finds-gun-shoots-sibling",
        "4-year-old finds gun shoots sibling",
    ),
    # an age after a person gets its commas; a group of police is no person with an age
    (
        "http://paper.example/metro/girl-9-wounded-by-stray-bullet",
        "girl, 9, wounded by stray bullet",
    ),
    ("http://paper.example/metro/police-2-shot-at-rail-depot", "police 2 shot at rail depot"),
    # a number before its own noun is a count, not an age
    ("http://paper.example/man-2-teens-wounded-at-bus-stop", "man 2 teens wounded at bus stop"),
    # a road's number is no count of people
    (
        "http://paper.example/news/driver-shot-on-i-95-near-exit-ramp",
        "driver shot on near exit ramp",
    ),
    # underscores and percent-encoding; the query is not the path
    (
        "http://paper.example/a/five_hurt_in%20warehouse_fire?ref=home",
        "five hurt in warehouse fire",
    ),
    # the segment with the most words wins over the section names
    (
        "https://tv.example/news/crime-and-courts/teen-held-after-two-wounded-at-mall/",
        "teen held after two wounded at mall",
    ),
    # too few words: a section, a name
    ("https://tv.example/news/local-news/", None),
    ("https://tv.example/", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("url", "headline"), ROWS)
def test_url_headline(url: str | None, headline: str | None) -> None:
    assert url_headline(url) == headline
