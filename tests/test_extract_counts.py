"""An article's own counts: the rules and the learned ranker over candidate counts."""

from __future__ import annotations

import json

import pytest

from newsprism.extract import figures_counts
from newsprism.extract.figures_counts import (
    OTHER_TIME,
    UPDATE_WORDS,
    article_counts,
    charge_counts,
    sentence_groups,
)
from newsprism.extract.figures_ranker import (
    RANKED_KINDS,
    RANKER_PATH,
    Ranker,
    candidates,
    load_ranker,
    rank_counts,
)
from newsprism.extract.figures_types import Figure
from newsprism.models import Article

LEAD = "One man was killed and three others were wounded in a shooting on Elm Street."
# Sentences that count nobody, to put what follows them past the lead (LEAD_CHARS).
FILLER = (
    " Officers closed the road for several hours while they searched the area for a blue van."
    " Neighbours said they heard a loud argument shortly before midnight, then a car speeding off."
    " The city's mayor asked anyone with a doorbell camera to share footage with detectives."
    " A vigil is planned for Saturday evening at the community centre on the corner of Elm Street."
)
RECALL = " Last year, nine people were killed at a fair across the river."


def _figure(text: str, phrase: str, kind: str, value: int, **extra: object) -> Figure:
    """A figure for ``phrase`` in ``text``, in the sentence that holds it."""
    start = text.index(phrase)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1
    return Figure(
        id=f"f{start}",
        article_id="a1",
        start=start,
        end=start + len(phrase),
        kind=kind,
        value=value,
        sentence=text[sentence_start:sentence_end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        **extra,  # type: ignore[arg-type]
    )


def _lead_figures(text: str) -> list[Figure]:
    return [
        _figure(text, "One man", "killed", 1, implicit=False, counted="man"),
        _figure(text, "three others", "injured", 3, counted="others"),
    ]


@pytest.mark.parametrize("ranker", [False, True])
def test_simple_article(ranker: bool) -> None:
    article = Article(id="a1", text=LEAD, origin="test")
    counts = article_counts(_lead_figures(LEAD), article, ranker=ranker)
    assert counts == {"killed": 1, "injured": 3}


@pytest.mark.parametrize("ranker", [False, True])
def test_recalled_incident_is_not_the_event(ranker: bool) -> None:
    text = LEAD + FILLER + RECALL
    figures = [*_lead_figures(text), _figure(text, "nine people", "killed", 9, counted="people")]
    counts = article_counts(figures, Article(id="a1", text=text, origin="test"), ranker=ranker)
    assert counts == {"killed": 1, "injured": 3}


@pytest.mark.parametrize("ranker", [False, True])
def test_no_one_hurt_is_zero(ranker: bool) -> None:
    text = "A car hit a lamp post on Birch Road overnight. No one was hurt, police said."
    figure = _figure(text, "No one", "injured", 0, counted="one")
    counts = article_counts([figure], Article(id="a1", text=text, origin="test"), ranker=ranker)
    assert counts == {"killed": None, "injured": 0}


@pytest.mark.parametrize("ranker", [False, True])
def test_nothing_stated_is_none(ranker: bool) -> None:
    article = Article(id="a1", text="The council met on Tuesday.", origin="test")
    assert article_counts([], article, ranker=ranker) == {"killed": None, "injured": None}


def test_missing_model_falls_back_to_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figures_counts, "load_ranker", lambda: None)
    text = LEAD + FILLER + RECALL
    figures = [*_lead_figures(text), _figure(text, "nine people", "killed", 9, counted="people")]
    article = Article(id="a1", text=text, origin="test")
    assert article_counts(figures, article, ranker=True) == article_counts(
        figures, article, ranker=False
    )


def test_candidates_cover_sentences_rule_and_zero() -> None:
    text = LEAD + FILLER + RECALL
    figures = [*_lead_figures(text), _figure(text, "nine people", "killed", 9, counted="people")]
    article = Article(id="a1", text=text, origin="test")
    groups = sentence_groups(figures, article)
    rule = {"killed": 1, "injured": 3}
    found = candidates(groups, rule, len(text), UPDATE_WORDS, OTHER_TIME)
    assert sorted(c.value for c in found["killed"]) == [0, 1, 9]
    assert sorted(c.value for c in found["injured"]) == [0, 3]
    nine = next(c for c in found["killed"] if c.value == 9)
    assert nine.features["is_max"] == 1.0
    assert nine.features["is_rule"] == 0.0
    assert nine.features["only_after_lead"] == 1.0


def test_ranker_takes_the_best_score() -> None:
    text = LEAD + FILLER + RECALL
    figures = [*_lead_figures(text), _figure(text, "nine people", "killed", 9, counted="people")]
    groups = sentence_groups(figures, Article(id="a1", text=text, origin="test"))
    rule: dict[str, int | None] = {"killed": 1, "injured": 3}
    largest = Ranker(
        weights={kind: {"log_value": 1.0} for kind in RANKED_KINDS},
        intercepts=dict.fromkeys(RANKED_KINDS, 0.0),
    )
    chosen = rank_counts(groups, rule, len(text), UPDATE_WORDS, OTHER_TIME, largest)
    assert chosen == {"killed": 9, "injured": 3}


def test_stored_model_uses_known_features() -> None:
    ranker = load_ranker()
    assert ranker is not None
    text = LEAD + FILLER + RECALL
    figures = [*_lead_figures(text), _figure(text, "nine people", "killed", 9, counted="people")]
    groups = sentence_groups(figures, Article(id="a1", text=text, origin="test"))
    found = candidates(groups, {"killed": 1, "injured": 3}, len(text), UPDATE_WORDS, OTHER_TIME)
    names = set(found["killed"][0].features)
    data = json.loads(RANKER_PATH.read_text(encoding="utf-8"))
    for kind in RANKED_KINDS:
        assert set(data["kinds"][kind]["weights"]) == names
        assert ranker.weights[kind] == data["kinds"][kind]["weights"]


# sentence, its figure (phrase, kind, value, implicit, qualifier), the injured candidate value
# and whether it is the running count of victims ("ordinal") or the shot less the dead
DERIVED_ROWS = [
    ("A seventh rider was hurt at the track.", ("A seventh rider", "injured", 7, True), 7, 1.0),
    ("Five hikers were shot on the ridge.", ("Five hikers", "shot", 5, False), 5, 0.0),
]


@pytest.mark.parametrize(("text", "spec", "value", "ordinal"), DERIVED_ROWS)
def test_injured_candidates_tell_a_running_count_from_the_shot(
    text: str, spec: tuple[str, str, int, bool], value: int, ordinal: float
) -> None:
    phrase, kind, number, implicit = spec
    qualifier = "at least" if implicit else "exact"
    figure = _figure(text, phrase, kind, number, implicit=implicit, qualifier=qualifier)
    groups = sentence_groups([figure], Article(id="a1", text=text, origin="test"))
    found = candidates(
        groups, {"killed": None, "injured": None}, len(text), UPDATE_WORDS, OTHER_TIME
    )
    derived = next(c for c in found["injured"] if c.value == value)
    assert derived.features["derived"] == 1.0
    assert derived.features["ordinal"] == ordinal


# a sentence, its two one-person figures (phrase, counted), the dead it counts
APPOSITION_ROWS = [
    # a name set off by a comma after the person described is that person again
    ("A farmer mourns his niece, Ada Brook, who died on the ice.", "his niece", "Ada Brook", 1),
    # two people described, or two names in a list, are two people
    ("The flood killed a ferryman, a nurse and a cook.", "a ferryman", "a nurse", 2),
    ("The flood killed Tom Reed, Ada Brook and a cook.", "Tom Reed", "Ada Brook", 2),
]


@pytest.mark.parametrize(("text", "first", "second", "killed"), APPOSITION_ROWS)
def test_a_name_in_apposition_is_the_same_person(
    text: str, first: str, second: str, killed: int
) -> None:
    figures = [
        _figure(text, phrase, "killed", 1, counted=phrase, implicit=True)
        for phrase in (first, second)
    ]
    counts = article_counts(figures, Article(id="a1", text=text, origin="test"), ranker=False)
    assert counts["killed"] == killed


# title, a later sentence counting one dead (its phrase), the features of that candidate (1)
CONTEXT_ROWS = [
    # a title counting the wounded and no dead makes a dead person less likely
    ("Two hurt in bakery shooting", " A cook was killed.", {"title_nonfatal": 1.0}),
    ("Deadly shooting at bakery", " A cook was killed.", {"title_death": 1.0}),
    ("Bakery reopens", " A cook was killed.", {"title_nonfatal": 0.0, "title_death": 0.0}),
    # a report of several incidents
    ("Weekend shootings leave city on edge", " A cook was killed.", {"roundup_max": 1.0}),
    # a count asked about, or in page furniture without a full stop
    ("Bakery reopens", " Neighbours asked if a cook was killed.", {"irrealis_all": 1.0}),
    ("Bakery reopens", " Related: A cook killed on bridge", {"fragment_all": 1.0}),
    ("Bakery reopens", " A cook was killed.", {"fragment_all": 0.0, "irrealis_all": 0.0}),
]


@pytest.mark.parametrize(("title", "later", "expected"), CONTEXT_ROWS)
def test_context_features_of_the_dead(title: str, later: str, expected: dict[str, float]) -> None:
    text = "Two men were hurt in a shooting at a bakery." + FILLER + later
    figures = [
        _figure(text, "Two men", "injured", 2, counted="men"),
        _figure(text, "cook", "killed", 1, counted="cook", implicit=True),
    ]
    if "hurt" in title:
        title_figure = Figure(
            id="t", article_id="a1", start=0, end=3, kind="injured", value=2,
            sentence=title, in_title=True,
        )  # fmt: skip
        figures.append(title_figure)
    groups = sentence_groups(figures, Article(id="a1", text=text, origin="test", title=title))
    found = candidates(
        groups, {"killed": 1, "injured": 2}, len(text), UPDATE_WORDS, OTHER_TIME,
        title=title, lead=text[:400],
    )  # fmt: skip
    one = next(c for c in found["killed"] if c.value == 1)
    for name, value in expected.items():
        assert one.features[name] == value, name
    # the wounded do not use them
    assert all(c.features[name] == 0.0 for c in found["injured"] for name in expected)


def test_injured_features_of_agreement_and_the_shot() -> None:
    text = (
        "Two women were shot outside a laundromat on Pine Road."
        " Both women were taken to hospital in stable condition."
        " A third woman was hurt by broken glass."
    )
    figures = [
        _figure(text, "Two women", "shot", 2, counted="women"),
        _figure(text, "Both women", "injured", 2, counted="women"),
        _figure(text, "A third woman", "injured", 1, counted="woman", implicit=True),
    ]
    groups = sentence_groups(figures, Article(id="a1", text=text, origin="test", title=""))
    found = candidates(groups, {"killed": None, "injured": 2}, len(text), UPDATE_WORDS, OTHER_TIME)
    by_value = {c.value: c.features for c in found["injured"]}
    # two sentences agree on 2 (one of them the shot, with no dead to take away)
    assert by_value[2]["multi_sentence"] == 1.0
    assert by_value[2]["shot_none_dead"] == 1.0
    assert by_value[1]["multi_sentence"] == 0.0
    assert by_value[1]["shot_none_dead"] == 0.0
    # the dead do not use them
    assert all(c.features["multi_sentence"] == 0.0 for c in found["killed"])


# title, its figure (phrase, kind, value), the dead the article counts
WOUNDED_TITLE_ROWS = [
    # a title numbering only the wounded: a death told further down is another incident
    ("2 shot outside bakery", ("2", "shot", 2), 0),
    # ... not when the title names a death, or numbers the dead
    ("2 shot outside bakery in deadly night", ("2", "shot", 2), 1),
    ("2 shot, 1 dead outside bakery", ("1", "killed", 1), 1),
]


@pytest.mark.parametrize(("title", "spec", "killed"), WOUNDED_TITLE_ROWS)
def test_a_title_of_wounded_only_has_no_dead(
    title: str, spec: tuple[str, str, int], killed: int
) -> None:
    text = "Two men were shot outside a bakery on Friday." + FILLER
    text += " A cook was also shot and later died at the hospital."
    phrase, kind, value = spec
    start = title.index(phrase)
    figures = [
        _figure(text, "Two men", "shot", 2, counted="men"),
        _figure(text, "cook", "killed", 1, counted="cook", implicit=True),
        Figure(
            id="t", article_id="a1", start=start, end=start + len(phrase), kind=kind,
            value=value, sentence=title, in_title=True,
        ),
    ]  # fmt: skip
    article = Article(id="a1", text=text, origin="test", title=title)
    assert article_counts(figures, article)["killed"] == killed


def test_a_death_of_another_time_in_the_lead_is_not_the_titles_event() -> None:
    text = "Two men were shot outside a bakery on Friday, at a vigil for a cook killed last week."
    start = 0
    figures = [
        _figure(text, "Two men", "shot", 2, counted="men"),
        _figure(text, "a cook", "killed", 1, counted="a cook", implicit=True),
        Figure(
            id="t", article_id="a1", start=start, end=start + 1, kind="shot", value=2,
            sentence="2 shot outside bakery", in_title=True,
        ),
    ]  # fmt: skip
    article = Article(id="a1", text=text, origin="test", title="2 shot outside bakery")
    assert article_counts(figures, article)["killed"] == 0


@pytest.mark.parametrize(
    ("later", "kept"),
    [
        (" In a separate shooting, two men were wounded on Oak Avenue.", False),
        (" Separately, two men were wounded on Oak Avenue.", False),
        (" Police said two men were wounded in an unrelated incident on Oak Avenue.", False),
        (" Police said two men were wounded in another shooting an hour later.", False),
        (" Police said two men were wounded in gunfire throughout the day.", False),
        (" Police said two men have been wounded in the district so far this year.", False),
        (" Police said two men have been wounded in the district this month.", False),
        (" Police said two men have been wounded in the district since Friday.", False),
        (" Police said two men who were also wounded are in stable condition.", True),
    ],
)
def test_a_later_sentence_counting_another_incident_is_left_out(later: str, kept: bool) -> None:
    text = LEAD + FILLER + later
    figures = [*_lead_figures(text), _figure(text, "two men", "injured", 2, counted="men")]
    article = Article(id="a1", text=text, origin="test")
    groups = sentence_groups(figures, article)
    assert any(not group.in_lead for group in groups) is kept
    # with the whole text as the lead, the same sentence is the article's own
    assert len(sentence_groups(figures, article, None)) == 2


# text, the numbers of charges of harming a survivor it states
CHARGE_ROWS = [
    ("He faces one count of murder and three counts of attempted murder.", (3,)),
    ("She was charged with 6 counts of aggravated assault.", (6,)),
    ("The teenager faces two attempted murder charges.", (2,)),
    ("Each man faces four counts each of aggravated battery.", (4,)),
    ("He is held on five counts of assault with a deadly weapon.", (5,)),
    ("He was booked on two counts of first-degree assault and two more counts of felonious"
     " assault.", (2,)),
    ("Prosecutors filed three counts of attempted second-degree murder and seven counts of"
     " aggravated assault.", (3, 7)),
    # killings, other crimes and vague amounts are not survivors counted
    ("He faces two counts of murder.", ()),
    ("He faces two counts of robbery and one count of burglary.", ()),
    ("He faces several counts of attempted murder.", ()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CHARGE_ROWS)
def test_charge_counts(text: str, expected: tuple[int, ...]) -> None:
    assert charge_counts(text) == expected


def test_charge_counts_read_each_text_in_turn() -> None:
    title = "Man faces 2 attempted murder charges"
    text = "He faces two counts of attempted murder and five counts of aggravated assault."
    assert charge_counts(title, text) == (2, 5)


def test_charges_are_candidates_of_the_wounded() -> None:
    text = "A man was killed outside a bar on Main Street."
    figures = [_figure(text, "A man", "killed", 1, counted="man", implicit=True)]
    groups = sentence_groups(figures, Article(id="a1", text=text, origin="test", title=""))
    found = candidates(
        groups, {"killed": 1, "injured": None}, len(text), UPDATE_WORDS, OTHER_TIME, charges=(3,)
    )
    by_value = {c.value: c.features for c in found["injured"]}
    assert by_value[3]["charged"] == 1.0
    assert by_value[0]["charged"] == 0.0
    assert all(c.features["charged"] == 0.0 for c in found["killed"])


def test_an_arrest_report_counts_the_wounded_by_the_charges() -> None:
    text = (
        "Police arrested a man on Tuesday in the shooting of a cook outside a bar on Main Street."
        " He faces one count of murder and three counts of attempted murder."
    )
    figures = [_figure(text, "a cook", "killed", 1, counted="a cook", implicit=True)]
    article = Article(id="a1", text=text, origin="test", title="Man arrested in bar shooting")
    assert article_counts(figures, article, ranker=False) == {"killed": 1, "injured": None}
    assert article_counts(figures, article) == {"killed": 1, "injured": 3}
