"""Amounts in running text: digits, number words, ranges, qualifiers and vague words."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsprism.extract.figures_victims import ordinal_value
from newsprism.extract.numbers import find_amounts, parse_number


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("27", 27),
        ("1,250", 1250),
        ("1.5 million", 1_500_000),
        ("3bn", 3_000_000_000),
        ("seven", 7),
        ("forty-two", 42),
        ("forty two", 42),
        ("three hundred and twelve", 312),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two dozen", 24),
        ("a million", 1_000_000),
        ("four thousand five hundred", 4500),
        ("no one", 0),
        ("none", 0),
    ],
)
def test_parse_number(phrase: str, value: int) -> None:
    assert parse_number(phrase) == value


@pytest.mark.parametrize("phrase", ["", "people", "27th", "9mm", "1.5", "twenty people"])
def test_parse_number_rejects(phrase: str) -> None:
    assert parse_number(phrase) is None


# text, phrase found, value, low, high, qualifier, vague
AMOUNT_ROWS = [
    ("At least 14 bodies were found.", "At least 14", 14, 14, None, "at least", False),
    ("More than 3,000 residents left.", "More than 3,000", 3000, 3000, None, "more than", False),
    ("The fire destroyed over 40 homes.", "over 40", 40, 40, None, "more than", False),
    ("Nearly 600 families were moved.", "Nearly 600", 600, None, 600, "nearly", False),
    ("Close to 90 boats sank.", "Close to 90", 90, None, 90, "close to", False),
    ("Up to 25 miners are trapped.", "Up to 25", 25, None, 25, "up to", False),
    ("Some 8,000 fans waited.", "Some 8,000", 8000, None, None, "about", False),
    ("An estimated 70 cows drowned.", "An estimated 70", 70, None, None, "about", False),
    ("Fewer than 10 guards remained.", "Fewer than 10", 10, None, 10, "less than", False),
    ("No more than 5 boats left.", "No more than 5", 5, None, 5, "at most", False),
    ("Between 12 and 18 climbers", "Between 12 and 18", 12, 12, 18, "between", False),
    ("About 40 to 60 sheep died.", "About 40 to 60", 40, 40, 60, "between", False),
    ("The 30-35 workers arrived.", "30-35", 30, 30, 35, "between", False),
    ("Two or three men fled.", "Two or three", 2, 2, 3, "between", False),
    ("Dozens of shops closed.", "Dozens", 12, 12, None, "at least", True),
    ("Hundreds were stranded.", "Hundreds", 100, 100, None, "at least", True),
    ("Tens of thousands marched.", "Tens of thousands", 10_000, 10_000, None, "at least", True),
    ("Several hikers got lost.", "Several", 10, 10, None, "at least", True),
    ("The count went from 9 to 13.", "13", 13, 13, 13, "exact", False),
    ("The toll rose from 17 to 21.", "21", 21, 21, 21, "exact", False),
    ("Some 40 or more cars burned.", "Some 40 or more", 40, None, None, "about", False),
    ("A 30-plus crowd gathered.", "30-plus", 30, 30, None, "more than", False),
    ("No injuries were reported.", "No", 0, 0, 0, "exact", False),
    ("Nobody was hurt.", "Nobody", 0, 0, 0, "exact", False),
]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "low", "high", "qualifier", "vague"), AMOUNT_ROWS
)
def test_find_amounts(
    text: str,
    phrase: str,
    value: int,
    low: int | None,
    high: int | None,
    qualifier: str,
    vague: bool,
) -> None:
    amounts = find_amounts(text)
    assert len(amounts) == 1, amounts
    amount = amounts[0]
    assert text[amount.start : amount.end] == phrase
    assert (amount.value, amount.low, amount.high) == (value, low, high)
    assert amount.qualifier == qualifier
    assert amount.vague is vague


@pytest.mark.parametrize(
    "text",
    [
        "The 34-year-old driver was fined.",
        "She was born in 1987.",
        "It happened at 6 p.m. on the quay.",
        "The meeting ends at 11:45.",
        "He was arrested on Jan. 14 in the harbour.",
        "Bail was set at $75,000.",
        "Turnout fell to 41%.",
        "Call 555-201-3344 with any tip.",
        "The shop at 1200 North Elm Street closed.",
        "They met the one who called.",
        "The 9mm pistol was recovered.",
        "He finished 11th in the race.",
        "Doe,27, was charged.",
        "The child, aged 3, was unhurt.",
        "A 2 year old was found safe.",
        "The mill never reopened after the 1987 shootings.",
    ],
)
def test_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_several_amounts_in_order() -> None:
    text = "Four were killed and 21 injured; some 300 fled."
    assert [a.value for a in find_amounts(text)] == [4, 21, 300]


def test_a_count_after_a_spaced_dash_is_read() -> None:
    # a station's name before a headline ("Channel 9 - Five hurt"), unlike "9/11" or a phone
    assert [a.value for a in find_amounts("KXYZ Channel 9 - Five hurt in bar fight")] == [9, 5]
    assert [a.value for a in find_amounts("Station 4 - 2 shot near depot")] == [4, 2]


@pytest.mark.parametrize(
    ("word", "value"), [("second", 2), ("8th", 8), ("twenty-first", 21), ("man", None)]
)
def test_ordinal_value(word: str, value: int | None) -> None:
    assert ordinal_value(word) == value


NUMBER_WORDS = ["one", "two", "five", "eleven", "twenty", "forty-four", "a dozen", "ninety"]
QUALIFIERS = ["", "at least ", "more than ", "nearly ", "about ", "up to ", "some "]


@settings(max_examples=200)
@given(
    before=st.text(alphabet="abcdefgh ,.;", max_size=30),
    qualifier=st.sampled_from(QUALIFIERS),
    number=st.one_of(
        st.integers(min_value=1, max_value=999).map(str),
        st.integers(min_value=1000, max_value=10**7).map(lambda n: f"{n:,}"),
        st.sampled_from(NUMBER_WORDS),
    ),
    after=st.sampled_from([" people", " boats", " were lost", ".", " homes burned"]),
)
def test_offsets_cut_the_amount_out(before: str, qualifier: str, number: str, after: str) -> None:
    # "age 1", "aged 4": a number after an age word is an age, not an amount
    assume(bool(qualifier) or re.search(r"\bage[ds]?[ ,.;]*$", before) is None)
    # "feb 1", "dec 12": a number right after a month name is a day of a date
    assume(bool(qualifier) or re.search(r"\b(?:feb|dec)[a-z]*[ ,.]*$", before) is None)
    prefix = f"{before} " if before else ""
    text = f"{prefix}{qualifier}{number}{after}"
    amounts = find_amounts(text)
    target = [a for a in amounts if a.start >= len(prefix)]
    assert len(target) == 1
    amount = target[0]
    assert 0 <= amount.start <= amount.number_start < amount.number_end <= amount.end <= len(text)
    assert text[amount.start : amount.end].lower() == f"{qualifier}{number}".strip().lower()
    assert amount.value == parse_number(number)
