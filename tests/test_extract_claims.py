"""Claims: news sentences with their attribution, entities and figures (issue 5, item 4)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsprism.annotate import annotate
from newsprism.clean import normalize
from newsprism.extract.claims import Claim, extract_claims, is_news_sentence
from newsprism.extract.entities import resolve_story
from newsprism.extract.parsing import SentenceParser
from newsprism.extract.quotes import extract_quotes
from newsprism.models import Article

TEXT = (
    "Floods cut the main road into Brenn on Monday.\n\n"
    "At least 14 people were killed, the Velmar Interior Ministry said.\n\n"
    "Three bridges were destroyed, according to the Brenn Transport Agency.\n\n"
    '"We have never seen water like this," said Mayor Ilona Brandvik.\n\n'
    'Brandvik urged residents to "stay away from the river" until Friday.\n\n'
    "Rescue teams from Korvik joined the search.\n\n"
    "Photo gallery\n\n"
    "Ilona Brandvik said about 2,000 people had left their homes."
)


@dataclass(frozen=True)
class FakeFigure:
    id: str
    article_id: str
    start: int
    end: int


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    article = Article(id="c", text=normalize(TEXT), origin="test")
    annotation = annotate([article])[0]
    parser = SentenceParser()
    quotes = extract_quotes(article, annotation, parser=parser).quotes
    resolution = resolve_story([article], [annotation], parser=parser, quotes=quotes)
    start = article.text.index("14")
    other = article.text.index("2,000")
    figures = [
        FakeFigure("f1", "c", start, start + 2),
        FakeFigure("f2", "c", other, other + 5),
        FakeFigure("f3", "other", start, start + 2),
    ]
    return extract_claims(
        article, annotation, quotes=quotes, resolution=resolution, figures=figures
    )


# (opening words of the sentence, who asserts it)
ATTRIBUTION_TABLE = [
    ("Floods cut the main road", None),
    ("At least 14 people", "Velmar Interior Ministry"),
    ("Three bridges were destroyed", "Brenn Transport Agency"),
    ("We have never seen water", "Ilona Brandvik"),
    ("Brandvik urged residents", "Ilona Brandvik"),
    ("Rescue teams from Korvik", None),
    ("Ilona Brandvik said about 2,000", "Ilona Brandvik"),
]


@pytest.mark.parametrize(("opening", "attributed_to"), ATTRIBUTION_TABLE)
def test_claim_attribution(claims: list[Claim], opening: str, attributed_to: str | None):
    found = [claim for claim in claims if claim.text.lstrip('"').startswith(opening)]
    assert len(found) == 1, [claim.text for claim in claims]
    assert found[0].attributed_to == attributed_to


def test_one_claim_per_news_sentence(claims: list[Claim]):
    assert len(claims) == len(ATTRIBUTION_TABLE)  # "Photo gallery" is not a claim
    assert [claim.id for claim in claims] == [f"c:c{n}" for n in range(1, len(claims) + 1)]
    for claim in claims:
        assert TEXT.replace("\u201c", '"')[claim.start : claim.end] == claim.text


def test_claim_entities_and_figures(claims: list[Claim]):
    killed = next(claim for claim in claims if "14 people" in claim.text)
    assert killed.figure_ids == ("f1",)
    assert "Velmar Interior Ministry" in killed.entities
    assert killed.entity_ids
    left = next(claim for claim in claims if "2,000" in claim.text)
    assert left.figure_ids == ("f2",)
    assert left.to_dict()["figure_ids"] == ["f2"]


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("Officials said the road was closed.", True),
        ("Photo gallery", False),
        ("Ilona Brandvik, Teo Varga", False),
        ("Related Stories And More", False),
    ],
)
def test_is_news_sentence(text: str, news: bool):
    assert is_news_sentence(text) is news
