"""The public API matches __all__ and analyze() works on ready-made articles."""

from __future__ import annotations

import newsprism
from newsprism import Article, Report


def test_all_names_exist():
    for name in newsprism.__all__:
        assert hasattr(newsprism, name), name


def test_analyze_takes_articles():
    article = Article(
        id="bridge",
        text="The old bridge in Velmora closed on Monday after engineers found cracks.",
        source="Valley Times",
    )
    report = newsprism.analyze([article])
    assert isinstance(report, Report)
    assert [a.id for a in report.articles] == ["bridge"]
    assert report.stories[0].article_ids == ("bridge",)
    assert newsprism.to_dict(report)["articles"][0]["source"] == "Valley Times"
