"""Entities merged within a story, aliases learned from the text, capitals (issue 5, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import pipeline
from newsprism.annotate import annotate
from newsprism.clean import normalize
from newsprism.extract.aliases import find_aliases, find_capitals
from newsprism.extract.entities import Resolution, resolve_entities, resolve_story
from newsprism.extract.parsing import SentenceParser
from newsprism.extract.quotes import extract_story_quotes
from newsprism.models import Annotation, Article, Entity

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
SEEDS = REPO.parent / "shared" / "seeds"


def make(text: str, article_id: str = "t") -> tuple[Article, Annotation]:
    article = Article(id=article_id, text=normalize(text), origin="test")
    return article, annotate([article])[0]


@pytest.fixture(scope="module")
def parser() -> SentenceParser:
    return SentenceParser()


# (text, names the text says are one thing)
ALIAS_TABLE = [
    ("The Velmar Dam, which residents call the Iron Gate, was closed on Monday.",
     {"Velmar Dam", "Iron Gate"}),
    ("Floodwater reached Korvik, known locally as Old Harbour, within an hour.",
     {"Korvik", "Old Harbour"}),
    ("Aid arrived in Talvara, known to its Ostrian neighbours as Talvgrad, on Friday.",
     {"Talvara", "Talvgrad"}),
    ("Fighting resumed near its main city, which is known by Velmarians as Ostra and by "
     "Korvians as Ostrograd.", {"Ostra", "Ostrograd"}),
    ("Farmers in Selvania, a region they call Verdmark, said the harvest was lost.",
     {"Selvania", "Verdmark"}),
    ("The Brannock Institute (formerly the Coastal Research Office) published the data.",
     {"Brannock Institute", "Coastal Research Office"}),
    ("The Maritime Safety Board (MSB) said the ferry had been inspected.",
     {"Maritime Safety Board", "MSB"}),
    ("The rebels, who control Dunmore (previously known as Port Albert), rejected the offer.",
     {"Dunmore", "Port Albert"}),
    ("The Halden Group, also known as Halden Partners, bought the mill.",
     {"Halden Group", "Halden Partners"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "names"), ALIAS_TABLE)
def test_alias_patterns(text: str, names: set[str]):
    article, annotation = make(text)
    links = find_aliases(article, annotation)
    assert [{name.text for name in link.names} for link in links] == [names]
    for link in links:
        for name in link.names:
            assert article.text[name.start : name.end] == name.text


@pytest.mark.parametrize(
    "text",
    [
        # the description belongs to the road, not to the country it starts from
        "Trucks waited on the only road from Velmaria, known as the Salt Road, for days.",
        # a name of an exercise, not of the country
        'Troops joined drills between Korvia and Velmaria known as "Iron Shield 2024".',
        # "what is known as" has no name before it
        "The region saw what is known as the Long Winter of the war.",
    ],
)
def test_alias_patterns_that_do_not_apply(text: str):
    article, annotation = make(text)
    links = find_aliases(article, annotation)
    assert all(len(link.names) >= 2 for link in links)
    assert not any({"Velmaria", "Korvia"} & {name.text for name in link.names} for link in links)


def test_capital_from_text():
    article, annotation = make(
        "Talvik, the capital of Ostria, was quiet. Talvik said it would talk."
    )
    [link] = find_capitals(article, annotation)
    assert (link.capital.text, link.country.text) == ("Talvik", "Ostria")


def by_name(entities: list[Entity] | tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in entities if e.name == name or name in e.aliases]
    assert found, [e.name for e in entities]
    return found[0]


def test_surname_acronym_and_alias_merge_across_articles():
    first = make(
        "Harbour master Jonas Ekdal said the Northern Relief Alliance had sent trucks to "
        "Velmar. The town of Velmar, which residents call the Old Port, was cut off.",
        "a",
    )
    second = make(
        "Ekdal said the NRA would send more food. Aid reached the Old Port on Friday, "
        "and Ekdal thanked the alliance.",
        "b",
    )
    entities = resolve_entities([first[0], second[0]], [first[1], second[1]])
    ekdal = by_name(entities, "Jonas Ekdal")
    assert ekdal.type == "PERSON"
    assert "Ekdal" in ekdal.aliases
    assert ekdal.article_ids == ("a", "b")
    alliance = by_name(entities, "Northern Relief Alliance")
    assert "NRA" in alliance.aliases
    port = by_name(entities, "Velmar")
    assert "Old Port" in port.aliases
    assert [e.id for e in entities] == [f"e{n}" for n in range(1, len(entities) + 1)]
    counts = [e.mentions for e in entities]
    assert counts == sorted(counts, reverse=True)


def test_two_people_with_one_surname_stay_apart():
    article, annotation = make("Anna Lind met Peter Lind in Korvik. Lind said the talks went well.")
    entities = resolve_entities([article], [annotation])
    people = [e for e in entities if e.type == "PERSON" and " " in e.name]
    assert len(people) == 2
    assert all("Lind" not in e.aliases for e in people)


def test_capital_standing_for_its_government(parser: SentenceParser):
    article, annotation = make(
        "Talvik, the capital of Ostria, lies on the coast. Talvik said on Monday that it "
        "would not negotiate. Ostria has closed its border."
    )
    result = resolve_story([article], [annotation], parser=parser)
    [stands] = result.stands_for
    capital = next(e for e in result.entities if e.id == stands.entity_id)
    assert capital.name == "Talvik"
    assert stands.country == "Ostria"
    assert stands.to_dict()["stands_for"] == "government of Ostria"


def test_resolution_maps_mentions_and_names(parser: SentenceParser):
    article, annotation = make("Marta Quist visited Brenn. Quist said the shelter was full.")
    result = resolve_story([article], [annotation], parser=parser)
    ids = set(result.mention_ids.values())
    assert ids <= {e.id for e in result.entities}
    assert result.entity_for("Quist") == result.entity_for("Marta Quist") is not None


# --- examples/README.md gold (fictional) and the seeds -----------------------------------------

# (name, alias) pairs from examples/README.md "Entities and aliases learned from the text".
EXAMPLE_ALIASES = [
    ("Upper Seld Dam", "Grey Wall"),
    ("Tarnholt", "Tarn Crossing"),
    ("Pellow Ford", "Ford"),
    ("Civil Protection Directorate", "CPD"),
    ("Kessa", "Kess"),
    ("Anselm Drevic", "Drevic"),
    ("Casimir Aldenbrook", "Aldenbrook"),
    ("Tobias Renk", "Renk"),
    ("Ilse Marhoven", "Marhoven"),
    ("Rasmus Tolle", "Tolle"),
    ("Orla Pennick", "Pennick"),
    ("Havel Rusk", "Rusk"),
]
# Floor (only goes up): gold alias pairs merged into one entity.
EXAMPLE_FLOOR_ALIASES = 12


def _story(folder: Path, parser: SentenceParser, prefix: str = "") -> Resolution:
    report = pipeline.analyze([folder])
    articles = [a for a in report.articles if a.id.startswith(prefix)]
    quotes = extract_story_quotes(articles, report.annotations, parser=parser).quotes
    return resolve_story(articles, report.annotations, parser=parser, quotes=quotes)


@pytest.fixture(scope="module")
def examples(parser: SentenceParser) -> list[Entity]:
    entities: list[Entity] = []
    report = pipeline.analyze([EXAMPLES])
    for prefix in ("a-", "b-"):
        articles = [a for a in report.articles if a.id.startswith(prefix)]
        quotes = extract_story_quotes(articles, report.annotations, parser=parser).quotes
        entities += resolve_story(
            articles, report.annotations, parser=parser, quotes=quotes
        ).entities
    return entities


def test_examples_gold_aliases(examples: list[Entity]):
    merged = 0
    for name, alias in EXAMPLE_ALIASES:
        groups = [{e.name, *e.aliases} for e in examples]
        merged += any(name in group and alias in group for group in groups)
    assert merged >= EXAMPLE_FLOOR_ALIASES


def test_seed_entities(parser: SentenceParser):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    result = _story(SEEDS, parser)
    entities = result.entities
    # aliases stated in the text ("known as", "call", "(formerly ...)", acronyms)
    assert len(result.links) >= 5
    surnames = [e for e in entities if e.type == "PERSON" and e.name.split()[-1] in e.aliases]
    assert len(surnames) >= 6
    acronyms = [
        e for e in entities if any(a.isupper() and len(a) >= 3 for a in e.aliases) and " " in e.name
    ]
    assert acronyms
    # a place known by two or more names, and capitals speaking for governments
    places = [e for e in entities if e.type in ("GPE", "LOC") and len(e.aliases) >= 2]
    assert places
    assert len(result.stands_for) >= 3
    for stands in result.stands_for:
        assert stands.country_entity_id is not None
