"""Issue 3: text reuse kinds, origin rules, headline changes and independent source groups.

Every article here is written for these tests (a made-up flood in a made-up town).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import numpy as np
import pytest
from rapidfuzz.distance import Indel

from newsprism.models import Article
from newsprism.reuse import Passage, ReusePair, SourceGroup, find_reuse, kinds, source_groups
from newsprism.reuse.tokens import words

WIRE = [
    "Floodwater swept through the town of Harrowgate Mills on Sunday night after the Tamber "
    "River broke through a levee built in the 1950s, forcing hundreds of families from their "
    "homes before dawn.",
    "Emergency crews pulled at least 43 people from rooftops and attics, and four residents were "
    "still unaccounted for by Monday afternoon, the county sheriff's office said.",
    "The river crested at nearly 19 feet, more than six feet above flood stage, according to "
    "readings from a gauge upstream of the old mill bridge.",
    "Volunteers filled sandbags outside the fire station through the night while school buses "
    "carried elderly residents from a care home on Orchard Lane to a church hall on higher ground.",
    "The state governor declared an emergency for three counties and asked the national guard to "
    "send high-water vehicles and two helicopters to help with the search.",
    "Power was cut to about 7,800 homes and businesses, and the utility warned that some streets "
    "could stay dark for several days while crews waited for the water to recede.",
    "Forecasters expected another two inches of rain by Wednesday, raising fears that a second "
    "levee south of the rail yard could also give way.",
    "Residents who stayed behind described hearing a roar like a freight train before the water "
    "poured down Main Street and lifted parked cars off the road.",
]

# An independent report on the same flood: other words, the same quoted statement.
STATEMENT = (
    '"We will not stop searching until every family in Harrowgate Mills knows where their loved '
    'ones are, and we will rebuild every street the river has taken from us," the mayor said.'
)
INDEPENDENT = [
    "A wall of brown water tore through Harrowgate Mills late on Sunday when an ageing levee "
    "gave way, residents told our reporter at an evacuation shelter.",
    "Rescue boats worked until sunrise, and officials later confirmed that several people were "
    "missing as the river kept rising into Monday.",
    STATEMENT,
    "At the shelter, a retired teacher said she had lived on the riverbank for forty years and "
    "had never seen the current move so fast or carry so much debris.",
    "Local farmers fear the loss of the autumn harvest, since most low fields near the bend of "
    "the river remain under several feet of muddy water.",
    "Church groups from neighbouring towns brought blankets, hot food and diapers, and a "
    "bakery on the hill handed out bread to anyone who asked.",
]

# A sentence-by-sentence rewrite of the wire text: same facts, in order, other wording.
REWRITE = [
    "On Sunday night, water from the Tamber River poured into Harrowgate Mills when a levee "
    "dating from the 1950s failed, driving hundreds of families out of their houses before "
    "sunrise.",
    "Rescue teams lifted no fewer than 43 people off roofs and out of attics, while four people "
    "remained missing on Monday afternoon, according to the county sheriff.",
    "Readings taken upstream of the old mill bridge showed the river peaking near 19 feet, over "
    "six feet higher than flood stage.",
    "Overnight, volunteers packed sandbags in front of the fire station as school buses moved "
    "older residents of an Orchard Lane care home to a church hall on high ground.",
    "Three counties were placed under a state of emergency by the governor, who called on the "
    "national guard for two helicopters and vehicles able to drive through deep water.",
    "Some 7,800 homes and businesses lost electricity, and the power company cautioned that "
    "several streets might remain without light for days until the flood drains away.",
    "Meteorologists predicted two more inches of rain before Wednesday, stoking worries that "
    "another levee south of the rail yard might also collapse.",
    "People who refused to leave said they heard a noise like a speeding freight train just "
    "before the flood rushed along Main Street and floated parked cars away.",
]


def text(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(paragraphs)


def article(article_id: str, paragraphs: Sequence[str], **fields: object) -> Article:
    return Article(id=article_id, text=text(paragraphs), origin="test", **fields)  # type: ignore[arg-type]


def pair_of(pairs: list[ReusePair], a: str, b: str) -> ReusePair:
    found = [p for p in pairs if {p.a, p.b} == {a, b}]
    assert len(found) == 1, pairs
    return found[0]


def fake_embedder(paraphrases: Sequence[tuple[str, str]]) -> Callable[[Sequence[str]], np.ndarray]:
    """Sentence vectors where each listed paraphrase pair shares one vector, others are random."""
    groups = {}
    for n, (first, second) in enumerate(paraphrases):
        groups[first] = groups[second] = f"group-{n}"

    def embed(texts: Sequence[str]) -> np.ndarray:
        rows = []
        for sentence in texts:
            key = groups.get(sentence, sentence)
            seed = int.from_bytes(hashlib.sha1(key.encode()).digest()[:4], "little")
            vector = np.random.default_rng(seed).normal(size=32)
            rows.append(vector / np.linalg.norm(vector))
        return np.array(rows, dtype=np.float32)

    return embed


REWRITE_EMBEDDER = fake_embedder(list(zip(WIRE, REWRITE, strict=True)))


def no_embedder(texts: Sequence[str]) -> np.ndarray:
    raise AssertionError("sentences were embedded although no rewrite check was needed")


def test_duplicate_with_other_furniture_and_headline():
    first = article(
        "a", ["Share this story", *WIRE, "Sign up for our newsletter"], title="Levee fails"
    )
    second = article("b", ["Photo: staff", *WIRE], title="Town flooded as levee breaks")
    (pair,) = find_reuse([first, second], embedder=no_embedder)
    assert pair.kind == "duplicate"
    assert pair.containment_a >= 0.9
    assert pair.containment_b >= 0.9
    assert pair.headline_changed


def test_same_headline_is_not_changed():
    first = article("a", WIRE, title="Levee fails")
    second = article("b", WIRE, title="LEVEE FAILS!")
    (pair,) = find_reuse([first, second], embedder=no_embedder)
    assert not pair.headline_changed


def test_trimmed_copy_origin_is_earlier_article():
    full = article("full", WIRE, published="2024-03-10T08:00:00Z")
    trimmed = article("trim", WIRE[:5], published="2024-03-10T11:30:00+01:00")
    (pair,) = find_reuse([trimmed, full], embedder=no_embedder)
    assert (pair.a, pair.b) == ("trim", "full")
    assert pair.kind == "copy"
    assert pair.containment_a >= 0.95
    assert 0.5 < pair.containment_b < 0.9
    assert (pair.origin, pair.origin_reason) == ("full", "earlier_published")


def test_copy_with_inserted_paragraphs_contained_text_is_origin():
    extended = article("ext", [*WIRE[:4], *INDEPENDENT[3:5], *WIRE[4:]])
    original = article("orig", WIRE)
    (pair,) = find_reuse([extended, original], embedder=no_embedder)
    assert pair.kind == "copy"
    assert (pair.origin, pair.origin_reason) == ("orig", "contained")


def test_wire_credit_decides_when_dates_do_not():
    original = article("orig", WIRE, wire="Reuters", published="2024-03-10")
    reprint = article("copy", WIRE[:6], published="2024-03-10T09:00:00")
    (pair,) = find_reuse([original, reprint], embedder=no_embedder)
    assert (pair.origin, pair.origin_reason) == ("orig", "wire_credit")


def test_lightly_edited_copy_is_one_long_passage():
    edited = [p.replace("said", "stated").replace("the ", "a ", 1) for p in WIRE]
    first, second = article("a", WIRE), article("b", edited)
    (pair,) = find_reuse([first, second], embedder=no_embedder)
    assert pair.kind in ("duplicate", "copy")
    assert min(pair.containment_a, pair.containment_b) >= 0.8
    assert len(pair.passages) <= 2


def test_partial_reuse_of_paragraphs():
    host = article("host", [*INDEPENDENT[:2], *WIRE[1:4], *INDEPENDENT[3:]])
    source = article("wire", WIRE)
    (pair,) = find_reuse([host, source], embedder=REWRITE_EMBEDDER)
    assert pair.kind == "partial"
    assert pair.substantial
    assert len(pair.passages) == 1
    passage = pair.passages[0]
    # passages run from the first to the last shared word (closing punctuation left out)
    shared = text(WIRE[1:4]).rstrip(".")
    assert host.text[passage.a_start : passage.a_end] == shared
    assert source.text[passage.b_start : passage.b_end] == shared


def test_shared_quoted_statement_is_not_reuse():
    first = article("a", [*WIRE[:3], STATEMENT, *WIRE[3:]])
    second = article("b", INDEPENDENT)
    assert find_reuse([first, second], embedder=REWRITE_EMBEDDER) == []


def test_independent_reports_of_one_event_are_not_reuse():
    first, second = article("a", WIRE), article("b", INDEPENDENT)
    assert find_reuse([first, second], embedder=REWRITE_EMBEDDER) == []


def test_rewrite_sentence_by_sentence():
    original = article("orig", WIRE, published="2024-03-10")
    rewrite = article("spun", REWRITE, published="2024-03-11")
    (pair,) = find_reuse([original, rewrite], embedder=REWRITE_EMBEDDER)
    assert pair.kind == "rewrite"
    assert (pair.origin, pair.origin_reason) == ("orig", "earlier_published")
    assert not pair.headline_changed
    # each passage is a sentence of the original and its paraphrase, in order
    assert len(pair.passages) == len(WIRE)
    for passage, (first, second) in zip(
        pair.passages, zip(WIRE, REWRITE, strict=True), strict=True
    ):
        assert original.text[passage.a_start : passage.a_end] == first
        assert rewrite.text[passage.b_start : passage.b_end] == second
    assert pair.containment_a > 0.95


def test_condensed_rewrite_without_dates_has_no_origin():
    original = article("orig", WIRE)
    condensed = article("short", REWRITE[:5])
    (pair,) = find_reuse([original, condensed], embedder=REWRITE_EMBEDDER)
    assert pair.kind == "rewrite"
    assert pair.containment_b > pair.containment_a + 0.2
    assert (pair.origin, pair.origin_reason) == (None, None)


def test_rewrite_needs_the_same_order():
    shuffled = article("shuffled", [REWRITE[k] for k in (5, 2, 7, 0, 3, 6, 1, 4)])
    assert find_reuse([article("orig", WIRE), shuffled], embedder=REWRITE_EMBEDDER) == []


def test_rewrites_off_skips_embedding():
    pairs = find_reuse([article("a", WIRE), article("b", REWRITE)], rewrites=False)
    assert pairs == []


def test_pairs_are_deterministic_and_independent_of_other_articles():
    base = [article("a", WIRE), article("b", WIRE[2:])]
    alone = find_reuse(base, embedder=no_embedder)
    crowd = [*base, article("c", INDEPENDENT), article("d", ["Unrelated short note."])]
    with_others = find_reuse(crowd, embedder=REWRITE_EMBEDDER)
    assert alone == find_reuse(base, embedder=no_embedder)
    assert [p for p in with_others if {p.a, p.b} == {"a", "b"}] == alone


def test_same_id_twice_is_not_a_pair():
    assert find_reuse([article("a", WIRE), article("a", WIRE)], embedder=no_embedder) == []


def test_empty_and_tiny_articles():
    assert find_reuse([], embedder=no_embedder) == []
    tiny = [article("a", [""]), article("b", ["Too short."]), article("c", ["Too short."])]
    assert find_reuse(tiny, embedder=no_embedder) == []


def test_to_dict_has_contract_keys():
    (pair,) = find_reuse([article("a", WIRE), article("b", WIRE[:4])], embedder=no_embedder)
    data = pair.to_dict()
    assert set(data) == {
        "a",
        "b",
        "kind",
        "containment_a",
        "containment_b",
        "origin",
        "origin_reason",
        "headline_changed",
        "passages",
    }
    assert set(data["passages"][0]) == {"a_start", "a_end", "b_start", "b_end"}  # type: ignore[index]
    group = SourceGroup(id="g1", article_ids=("a", "b"))
    assert group.to_dict() == {"id": "g1", "article_ids": ["a", "b"]}


OVERLAP_EVEN = kinds.Overlap(containment_a=0.95, containment_b=0.95, unquoted_words=300)
OVERLAP_A_INSIDE = kinds.Overlap(containment_a=0.98, containment_b=0.55, unquoted_words=200)


@pytest.mark.parametrize(
    ("a_fields", "b_fields", "overlap", "expected"),
    [
        (
            {"published": "2024-01-02"},
            {"published": "2024-01-01"},
            OVERLAP_EVEN,
            ("b", "earlier_published"),
        ),
        (
            {"published": "2024-01-02T10:00:00+02:00"},
            {"published": "2024-01-02T09:00:00Z"},
            OVERLAP_EVEN,
            ("a", "earlier_published"),
        ),
        (
            {"published": "2024-01-02"},
            {"published": "2024-01-02T08:00"},
            OVERLAP_EVEN,
            (None, None),
        ),
        ({"wire": "AP"}, {}, OVERLAP_EVEN, ("a", "wire_credit")),
        ({"wire": "AP"}, {"wire": "AP"}, OVERLAP_A_INSIDE, ("a", "contained")),
        # both credit the agency; the agency's own publication is the origin
        (
            {"wire": "KNA", "source": "Valley Daily"},
            {"wire": "KNA", "source": "Kellan News Agency"},
            OVERLAP_A_INSIDE,
            ("b", "wire_credit"),
        ),
        ({"wire": "AFP", "source": "AFP"}, {"wire": "AFP"}, OVERLAP_EVEN, ("a", "wire_credit")),
        ({}, {}, OVERLAP_A_INSIDE, ("a", "contained")),
        ({}, {}, OVERLAP_EVEN, (None, None)),
        ({"published": "not a date"}, {"published": "2024-01-01"}, OVERLAP_EVEN, (None, None)),
    ],
)
def test_origin_rules(a_fields, b_fields, overlap, expected):
    a = Article(id="a", text="x", **a_fields)
    b = Article(id="b", text="x", **b_fields)
    assert kinds.origin(a, b, overlap) == expected


@pytest.mark.parametrize(
    ("overlap", "kind"),
    [
        (kinds.Overlap(containment_a=0.92, containment_b=0.97, unquoted_words=500), "duplicate"),
        (kinds.Overlap(containment_a=0.98, containment_b=0.40, unquoted_words=200), "copy"),
        (kinds.Overlap(containment_a=0.20, containment_b=0.10, unquoted_words=60), "partial"),
        (kinds.Overlap(containment_a=0.05, containment_b=0.04, unquoted_words=12), None),
    ],
)
def test_verbatim_kinds(overlap, kind):
    assert kinds.verbatim_kind(overlap) == kind


def test_small_partial_is_not_substantial():
    small = kinds.Overlap(containment_a=0.05, containment_b=0.06, unquoted_words=25)
    assert not kinds.is_substantial("partial", small)
    assert kinds.is_substantial("copy", small)


def reuse_pair(a: str, b: str, kind: str = "copy", *, substantial: bool = True) -> ReusePair:
    return ReusePair(
        a=a,
        b=b,
        kind=kind,  # type: ignore[arg-type]
        containment_a=0.9,
        containment_b=0.9,
        origin=None,
        origin_reason=None,
        headline_changed=False,
        passages=(Passage(a_start=0, a_end=1, b_start=0, b_end=1),),
        substantial=substantial,
    )


def test_source_groups_join_reuse_and_outlets():
    articles = [
        Article(id="d", text="x", source="www.example.com:80"),
        Article(id="c", text="x", source="Other Daily"),
        Article(id="b", text="x", source="example.com"),
        Article(id="a", text="x"),
        Article(id="e", text="x"),
        Article(id="f", text="x"),
    ]
    pairs = [reuse_pair("a", "c", "rewrite"), reuse_pair("e", "f", "partial", substantial=False)]
    groups = source_groups(articles, pairs)
    assert [(g.id, g.article_ids) for g in groups] == [
        ("g1", ("a", "c")),
        ("g2", ("b", "d")),
        ("g3", ("e",)),
        ("g4", ("f",)),
    ]


def test_source_groups_of_articles_without_pairs():
    articles = [Article(id=name, text="x") for name in ("z", "y")]
    assert [g.article_ids for g in source_groups(articles, [])] == [("y",), ("z",)]


def test_seeds_wire_copies_and_four_groups(seeds_dir):
    """Acceptance: 000/001 share wire copy with offsets; nothing else is reuse; 4 groups."""
    articles = [
        Article(id=path.stem, text=path.read_text(encoding="utf-8"), origin=str(path))
        for path in sorted(seeds_dir.glob("*.txt"))
    ]
    pairs = find_reuse(articles)
    assert [(p.a[:3], p.b[:3]) for p in pairs] == [("000", "001")]
    (pair,) = pairs
    assert pair.kind in ("duplicate", "copy")
    assert pair.containment_a >= 0.6
    first, second = articles[0].text, articles[1].text
    for passage in pair.passages:
        a_words = words(first[passage.a_start : passage.a_end])
        b_words = words(second[passage.b_start : passage.b_end])
        assert a_words[:5] == b_words[:5]
        assert a_words[-5:] == b_words[-5:]
        assert Indel.normalized_similarity(a_words, b_words) >= 0.85
    assert len(source_groups(articles, pairs)) == 4
