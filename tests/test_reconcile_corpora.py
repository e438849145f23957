"""Reconciliation end to end on the seed articles (read at run time from ../shared/seeds) and
on the fictional examples/: contested tolls, corroboration across groups, the event record,
framing and a brief whose every sentence cites."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import pipeline
from newsprism.extract.claims import extract_claims
from newsprism.extract.dates import extract_dates
from newsprism.extract.entities import resolve_story
from newsprism.extract.figures import extract_figures
from newsprism.extract.parsing import SentenceParser
from newsprism.extract.quotes import extract_story_quotes
from newsprism.ingest import read_inputs
from newsprism.reconcile import Reconciliation, reconcile_story
from newsprism.reuse import find_reuse, source_groups

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
EXAMPLES = REPO / "examples"


def _reconcile(paths: list[Path]) -> Reconciliation:
    """One story of all the articles read from ``paths``, as stories.py would assemble it."""
    articles, annotations = pipeline.prepare(read_inputs(paths).articles)
    pairs = find_reuse(articles)
    figures = extract_figures(articles, annotations)
    ordered = sorted(articles, key=lambda a: (a.published or "~", a.id))
    by_id = {annotation.article_id: annotation for annotation in annotations}
    own = [by_id[article.id] for article in ordered]
    parser = SentenceParser()
    quoted = extract_story_quotes(ordered, own, parser=parser)
    resolution = resolve_story(ordered, own, parser=parser, quotes=quoted.quotes)
    claims = [
        claim
        for article in ordered
        for claim in extract_claims(
            article, by_id[article.id], quotes=quoted.quotes, resolution=resolution,
            figures=figures,
        )
    ]  # fmt: skip
    return reconcile_story(
        articles=ordered,
        claims=claims,
        figures=figures,
        quotes=quoted.quotes,
        labels=quoted.labels,
        dates=[mention for article in ordered for mention in extract_dates(article)],
        resolution=resolution,
        source_groups=source_groups(ordered, pairs),
        reuse_pairs=pairs,
    )


@pytest.fixture(scope="module")
def seeds() -> Reconciliation:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return _reconcile([SEEDS])


@pytest.fixture(scope="module")
def mirefold() -> Reconciliation:
    articles = EXAMPLES / "articles"
    return _reconcile(sorted(p for p in articles.glob("b-*") if not p.name.endswith(".json")))


def _fact(result: Reconciliation, kind: str, value: int):
    for fact in result.facts:
        if fact.kind == kind and any(
            position.value.replace(",", "").endswith(str(value)) for position in fact.positions
        ):
            return fact
        if fact.kind == kind and str(f"{value:,}") in fact.statement:
            return fact
    raise AssertionError(f"no {kind} fact with {value}")


def test_seeds_death_toll_is_contested_with_attributions(seeds):
    fact = _fact(seeds, "killed", 27)
    assert fact.status == "contested"
    values = " | ".join(f"{p.voice}: {p.value}" for p in fact.positions)
    for number in ("27", "32", "100"):
        assert number in values
    assert all(position.voice for position in fact.positions)
    assert any(claim.stance == "contests" for claim in fact.claims)


def test_seeds_evacuations_are_contested(seeds):
    fact = _fact(seeds, "evacuated", 2000)
    assert fact.status == "contested"
    assert "500" in fact.statement


def test_seeds_population_is_corroborated_with_the_wire_counted_once(seeds):
    fact = _fact(seeds, "population", 120000)
    assert fact.status == "corroborated"
    assert fact.independent_sources >= 2
    assert fact.independent_sources < len(fact.article_ids)  # two wire copies, one group


def test_seeds_event_is_conservative_with_its_range(seeds):
    killed = seeds.event.killed
    assert (killed.best, killed.low, killed.high) == (27, 27, 100)
    assert killed.figure_ids
    assert seeds.event.rule
    assert seeds.event.disputes


def test_seeds_framing_of_the_operation_per_outlet(seeds):
    action = seeds.framing[0]
    quoted = {t.article_id for t in action.terms if t.scare_quoted and "terror" in t.term}
    assert len(quoted) >= 4
    plain = {t.term for t in action.terms if not t.scare_quoted}
    assert "offensive" in plain


def test_seeds_brief_cites_every_sentence(seeds):
    assert seeds.brief
    facts = {fact.id: fact for fact in seeds.facts}
    for sentence in seeds.brief:
        assert sentence.citations
        assert sentence.status in {"corroborated", "single-source", "contested"}
        assert sentence.independent_sources >= 1
        assert set(sentence.citations) <= set(facts[sentence.fact_id].article_ids)


def test_examples_toll_update_is_not_a_contradiction(mirefold):
    fact = max(
        (fact for fact in mirefold.facts if fact.kind == "killed"),
        key=lambda fact: fact.independent_sources,
    )
    assert fact.status == "corroborated"
    assert fact.updates
    assert (mirefold.event.killed.best, mirefold.event.killed.low) == (7, 6)
    assert mirefold.event.injured.best == 9
    assert mirefold.event.date == "2026-03-11"
    assert mirefold.event.location == "Mirefold"
