"""The title's number of wounded stands against the ranker's choice (TITLE_INJURED_WINS)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.extract import figures_counts
from newsprism.extract.figures_counts import article_counts
from newsprism.extract.figures_ranker import RANKED_KINDS, Ranker
from newsprism.extract.figures_types import Figure
from newsprism.models import Article

# A ranker that always takes the largest candidate, as the learned one may when a body sentence
# counts more people than the title.
LARGEST = Ranker(
    weights={kind: {"log_value": 1.0} for kind in RANKED_KINDS},
    intercepts=dict.fromkeys(RANKED_KINDS, 0.0),
)


def _figure(
    source: str, phrase: str, kind: str, value: int, *, in_title: bool, implicit: bool = False
) -> Figure:
    start = source.index(phrase)
    return Figure(
        id=f"{'t' if in_title else 'b'}{start}",
        article_id="a1",
        start=start,
        end=start + len(phrase),
        kind=kind,
        value=value,
        implicit=implicit,
        counted=phrase.split()[-1],
        sentence=source,
        sentence_start=0,
        sentence_end=len(source),
        in_title=in_title,
    )


# title, its figures (phrase, kind, value, implicit), body sentence, its figure, injured
TITLE_ROWS = [
    # a number of wounded in the title
    (
        "4 wounded in parking garage shooting",
        [("4", "injured", 4, False)],
        "Seven people were taken to the clinic after the fight that followed.",
        ("Seven people", "injured", 7),
        4,
    ),
    # people shot less the dead, in the title
    (
        "5 shot, 2 killed at bus depot",
        [("5", "shot", 5, False), ("2", "killed", 2, False)],
        "Six passengers were hurt as the crowd ran for the exits.",
        ("Six passengers", "injured", 6),
        3,
    ),
    # people shot in the title less the dead the body counts
    (
        "6 shot outside the arena",
        [("6", "shot", 6, False)],
        "Two died later at the hospital, police said.",
        ("Two", "killed", 2),
        4,
    ),
    # people shot and nobody dead
    (
        "3 teens shot near the boat ramp",
        [("3 teens", "shot", 3, False)],
        "Five swimmers were injured on the ramp, rangers said.",
        ("Five swimmers", "injured", 5),
        3,
    ),
    # a person named without a number is read less reliably: the ranker decides
    (
        "Cyclist shot near the boat ramp",
        [("Cyclist", "shot", 1, True)],
        "Two cyclists were wounded on the ramp, rangers said.",
        ("Two cyclists", "injured", 2),
        2,
    ),
]


@pytest.mark.parametrize(("title", "in_title", "text", "in_text", "injured"), TITLE_ROWS)
def test_title_wounded_stand(
    monkeypatch: pytest.MonkeyPatch,
    title: str,
    in_title: list[tuple[str, str, int, bool]],
    text: str,
    in_text: tuple[str, str, int],
    injured: int,
) -> None:
    monkeypatch.setattr(figures_counts, "load_ranker", lambda: LARGEST)
    figures = [
        _figure(title, phrase, kind, value, in_title=True, implicit=implicit)
        for phrase, kind, value, implicit in in_title
    ]
    figures.append(_figure(text, *in_text, in_title=False))
    article = Article(id="a1", text=text, origin="test", title=title)
    assert article_counts(figures, article, ranker=True)["injured"] == injured


def test_title_wounded_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figures_counts, "load_ranker", lambda: LARGEST)
    monkeypatch.setattr(figures_counts, "TITLE_INJURED_WINS", False)
    title, in_title, text, in_text, _ = TITLE_ROWS[0]
    figures = [_figure(title, p, k, v, in_title=True, implicit=i) for p, k, v, i in in_title]
    figures.append(_figure(text, *in_text, in_title=False))
    article = Article(id="a1", text=text, origin="test", title=title)
    assert article_counts(figures, article, ranker=True)["injured"] == 11  # 4 + 7, the largest


def test_the_address_headline_is_read_in_the_title_s_place() -> None:
    url = "https://news.example/metro/4-shot-1-killed-at-depot-8812001"
    title = "Man killed at depot named"
    headline = "4 shot, 1 killed at depot"
    article = Article(id="a1", text="Trains ran late.", origin="test", title=title, url=url)
    named = _figure(title, "Man", "killed", 1, in_title=True, implicit=True)
    shot = replace(_figure(headline, "4", "shot", 4, in_title=True), in_url=True)
    figures, read = figures_counts.with_url_headline([named, shot], article)
    assert list(figures) == [shot]
    assert read.title == headline
    assert figures_counts.with_url_headline([named], article) == ([named], article)
