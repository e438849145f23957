"""Page date lines removed by cleaning give an undated article its publication date."""

from __future__ import annotations

import pytest

from newsprism.ingest.dates import date_from_line, published_from_lines
from newsprism.pipeline import analyze


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 04, 2025", "2025-03-04"),
        ("POSTED: TUESDAY, MARCH 4, 2025, 2: 15 PM", "2025-03-04"),
        ("Last updated 03 / 05 / 2025 at 10: 00 AM EST", "2025-03-05"),
        ("First Published: April 9, 2024 7: 30 PM EDT", "2024-04-09"),
        ("Posted on Wed Apr 10, 2024 06: 10 AM PDT", "2024-04-10"),
        ("Updated 6: 20 p. m. ET", None),  # no year: the day cannot be known
        ("The bridge built in 1998 was closed on Monday after engineers found long cracks.", None),
    ],
)
def test_date_from_line(line: str, expected: str | None):
    assert date_from_line(line) == expected


def test_publication_preferred_over_update():
    lines = [
        ("metadata", "Updated: Friday, March 7, 2025"),
        ("metadata", "Published: Thursday, March 6, 2025"),
    ]
    assert published_from_lines(lines) == "2025-03-06"
    assert published_from_lines([("caption", "March 6, 2025")]) is None


def test_pipeline_dates_an_undated_article_from_its_date_line(make_article):
    text = (
        "Published March 6, 2025\n\n"
        "The ferry to Kellan Island was cancelled for a third day as storms battered the coast, "
        "the harbour office said."
    )
    report = analyze([make_article(text=text, id="ferry")])
    (article,) = report.articles
    assert article.published == "2025-03-06"
    assert "Published March 6, 2025" not in article.text
