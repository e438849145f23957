"""Relative and absolute dates resolved against publication dates (issue 5, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean import clean_articles
from newsprism.extract.dates import TimeMention, extract_dates, publication_date
from newsprism.ingest import read_inputs
from newsprism.models import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

# Wednesday 11 March 2026: the week runs from Monday 9 March to Sunday 15 March.
WEDNESDAY = "2026-03-11T10:00:00Z"


def dates_in(text: str, published: str | None = WEDNESDAY) -> list[TimeMention]:
    return extract_dates(Article(id="t", text=text, origin="test", published=published))


# (sentence, expression as found, date, precision, relative)
DATE_TABLE = [
    ("The bridge collapsed on Tuesday.", "on Tuesday", "2026-03-10", "day", True),
    ("The count was finished on Wednesday.", "on Wednesday", "2026-03-11", "day", True),
    ("Crews worked late on Monday night.", "late on Monday night", "2026-03-09", "day", True),
    ("The storm broke in the early hours of Sunday.", "the early hours of Sunday",
     "2026-03-08", "day", True),
    ("Rain fell on Thursday, police said.", "on Thursday", "2026-03-05", "day", True),
    ("The minister is expected to visit on Thursday.", "on Thursday", "2026-03-12", "day",
     True),
    ("A vigil will be held on Sunday evening.", "on Sunday evening", "2026-03-15", "day", True),
    ("The office said more rain is possible on Saturday.", "on Saturday", "2026-03-14", "day",
     True),
    ("They met last Wednesday to sign it.", "last Wednesday", "2026-03-04", "day", True),
    ("The road reopened yesterday.", "yesterday", "2026-03-10", "day", True),
    ("Ferries resumed this morning.", "this morning", "2026-03-11", "day", True),
    ("Talks resume tomorrow.", "tomorrow", "2026-03-12", "day", True),
    ("The rain last week was the heaviest in years.", "last week", "2026-03-02", "week", True),
    ("It was built three years ago.", "three years ago", "2023", "year", True),
    ("The school closed two weeks ago.", "two weeks ago", "2026-02-23", "week", True),
    ("It opened 10 days ago.", "10 days ago", "2026-03-01", "day", True),
    ("Prices rose last month.", "last month", "2026-02", "month", True),
    ("The blockade began in December.", "in December", "2025-12", "month", True),
    ("The port was expanded in 2020.", "2020", "2020", "year", False),
    ("Since 1998 the town has grown.", "1998", "1998", "year", False),
    ("After the 2019 election the plan stalled.", "2019", "2019", "year", False),
    ("The ceasefire was signed on September 19.", "September 19", "2025-09-19", "day", True),
    ("It happened on 19 September 2023.", "19 September 2023", "2023-09-19", "day", False),
    ("It happened on September 19th, 2023.", "September 19th, 2023", "2023-09-19", "day",
     False),
    ("A report published in January 2023 said so.", "January 2023", "2023-01", "month", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "found", "date", "precision", "relative"), DATE_TABLE)
def test_date_patterns(text: str, found: str, date: str, precision: str, relative: bool):
    mentions = dates_in(text)
    assert [(m.text, m.date, m.precision, m.relative) for m in mentions] == [
        (found, date, precision, relative)
    ]
    mention = mentions[0]
    assert text[mention.start : mention.end] == mention.text


def test_publication_weekday_is_that_day():
    # Tuesday 10 March 2026
    [mention] = dates_in("Officials spoke on Tuesday.", "2026-03-10")
    assert mention.date == "2026-03-10"


def test_without_a_publication_date_relative_dates_stay_relative():
    mentions = dates_in("It began on Tuesday, three years ago, and ended in 2020.", None)
    assert [(m.text, m.date, m.relative) for m in mentions] == [
        ("on Tuesday", None, True),
        ("three years ago", None, True),
        ("2020", "2020", False),
    ]


def test_year_range_gives_both_years():
    assert [m.date for m in dates_in("The first war (1988-1994) was long.")] == ["1988", "1994"]


def test_numbers_are_not_years():
    assert dates_in("About 2000 people and 1500 troops were moved; 2,000 more left.") == []


def test_publication_date_formats():
    assert str(publication_date("2026-03-10T09:40:00Z")) == "2026-03-10"
    assert str(publication_date("2026-03-10")) == "2026-03-10"
    assert str(publication_date("10 March 2026")) == "2026-03-10"
    assert publication_date(None) is None


@settings(max_examples=100, deadline=None)
@given(
    before=st.text(alphabet="abc ,.", max_size=20),
    day=st.sampled_from(["Monday", "Tuesday", "Friday", "Sunday"]),
    published=st.dates().map(lambda d: d.isoformat()),
)
def test_weekday_offsets_and_range(before: str, day: str, published: str):
    text = f"{before} on {day} it rained."
    [mention] = dates_in(text, published)
    assert text[mention.start : mention.end] == mention.text
    assert mention.date is not None
    assert publication_date(mention.date).strftime("%A") == day  # type: ignore[union-attr]


# --- examples/README.md gold (fictional) -------------------------------------------------------

# (article id, expression, resolved date or None) from examples/README.md.
EXAMPLE_DATES = [
    ("a-wire-lna-original", "before dawn on Tuesday", "2026-03-10"),
    ("a-wire-lna-original", "on Monday", "2026-03-09"),
    ("a-wire-lna-original", "later on Tuesday", "2026-03-10"),
    ("a-wire-lna-original", "two years ago", "2024"),
    ("a-wire-reprint-northern-ledger", "on Tuesday evening", "2026-03-10"),
    ("a-orrin-observer-original-report", "early on Tuesday", "2026-03-10"),
    ("a-orrin-observer-original-report", "on Monday", "2026-03-09"),
    ("a-dailypulse-rewrite", "the early hours of Tuesday", "2026-03-10"),
    ("a-dailypulse-rewrite", "on Monday", "2026-03-09"),
    ("a-rci-radio-report", "on Tuesday evening", "2026-03-10"),
    ("a-rci-radio-report", "on Tuesday afternoon", "2026-03-10"),
    ("a-rci-radio-report", "on Wednesday", "2026-03-11"),
    ("a-hessel-independent-day-two", "on Wednesday", "2026-03-11"),
    ("a-hessel-independent-day-two", "early on Tuesday", "2026-03-10"),
    ("a-hessel-independent-day-two", "late on Tuesday", "2026-03-10"),
    ("a-hessel-independent-day-two", "on Tuesday morning", "2026-03-10"),
    ("a-hessel-independent-day-two", "two years ago", "2024"),
    ("a-hessel-independent-day-two", "last week", "2026-03-02"),
    ("a-hessel-independent-day-two", "starting on Thursday", "2026-03-12"),
    ("b-aldmoor-herald-flash-flood", "late on Wednesday", "2026-03-11"),
    ("b-aldmoor-herald-flash-flood", "before dawn on Thursday", "2026-03-12"),
    ("b-aldmoor-herald-flash-flood", "on Wednesday morning", "2026-03-11"),
    ("b-carvonia-broadcasting-mirefold", "on Thursday", "2026-03-12"),
    ("b-carvonia-broadcasting-mirefold", "late on Wednesday", "2026-03-11"),
    ("b-carvonia-broadcasting-mirefold", "on Tuesday", "2026-03-10"),
    ("b-carvonia-broadcasting-mirefold", "on Saturday", "2026-03-14"),
    ("b-hillcountry-gazette-undated", "late on Wednesday", None),
    ("b-hillcountry-gazette-undated", "on Wednesday night", None),
    ("b-hillcountry-gazette-undated", "on Thursday afternoon", None),
    ("b-southern-dispatch-toll-rises", "on Friday", "2026-03-13"),
    ("b-southern-dispatch-toll-rises", "on Friday morning", "2026-03-13"),
    ("b-southern-dispatch-toll-rises", "on Thursday", "2026-03-12"),
    ("b-southern-dispatch-toll-rises", "on Saturday", "2026-03-14"),
    ("b-southern-dispatch-toll-rises", "late on Wednesday", "2026-03-11"),
    ("b-southern-dispatch-toll-rises", "on Sunday evening", "2026-03-15"),
]


@pytest.fixture(scope="module")
def example_dates() -> dict[str, list[TimeMention]]:
    articles = clean_articles(read_inputs([EXAMPLES]).articles)
    return {article.id: extract_dates(article) for article in articles}


def test_examples_gold_dates(example_dates: dict[str, list[TimeMention]]):
    wrong = []
    for article_id, expression, date in EXAMPLE_DATES:
        found = [m for m in example_dates[article_id] if m.text == expression]
        if not found or any(m.date != date for m in found):
            wrong.append((article_id, expression, [m.date for m in found]))
    assert wrong == []


def test_examples_caption_dates_are_gone(example_dates: dict[str, list[TimeMention]]):
    # captions ("... on Thursday morning. Photo: ...") are removed before dates are read
    assert not any(
        m.text == "on Thursday morning" for m in example_dates["b-aldmoor-herald-flash-flood"]
    )
