"""The headline an article's address carries."""

from __future__ import annotations

import pytest

from newsprism.extract.url_headline import mended_title, url_headline

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


CUT_URL = "https://tv.example/story/5512/baker-kills-wife-and-nephew-in-hill-farm-murder-suicide"
# title, address, the title mended from the address (None: left as it is)
MENDED_ROWS = [
    # the site cut the title's last word: the slug goes on from there, the site's name goes
    (
        "Baker kills wife and nephew in Hill Farm murder-suic - WXYZ.example | News",
        CUT_URL,
        "Baker kills wife and nephew in Hill Farm murder-suicide",
    ),
    (
        "Baker kills wife and nephew in Hill Farm murder-suic",
        CUT_URL,
        "Baker kills wife and nephew in Hill Farm murder-suicide",
    ),
    # a whole title, a plural of its last word, another headline of the story: left as they are
    ("Baker kills wife and nephew in Hill Farm murder-suicide", CUT_URL, None),
    (
        "Baker kills wife and nephew in Hill Farm shooting",
        "https://tv.example/baker-kills-wife-and-nephew-in-hill-farm-shootings",
        None,
    ),
    ("Neighbours mourn nephew killed at farm - WXYZ", CUT_URL, None),
    # too few words before the cut to know it is the same headline
    ("Man sh - WXYZ", "https://tv.example/man-shoots-his-neighbour-over-fence-row", None),
    ("Baker kills wife", None, None),
]


@pytest.mark.parametrize(("title", "url", "mended"), MENDED_ROWS)
def test_mended_title(title: str, url: str | None, mended: str | None) -> None:
    assert mended_title(url, title) == mended
