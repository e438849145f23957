"""Figures: what a number counts, its qualifier, its source, and an article's own counts."""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsprism.annotate import annotate, load_pipeline
from newsprism.clean import clean_articles
from newsprism.extract.figures import (
    Figure,
    extract_figures,
    headline_end,
    headline_list,
    sentence_case,
)
from newsprism.extract.figures_counts import article_counts
from newsprism.ingest import read_inputs
from newsprism.models import Annotation, Article

Extract = Callable[..., list[Figure]]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    """The fast pipeline (annotation) and the parser pipeline, loaded once for the module."""
    return load_pipeline(), load_pipeline(parser=True)


@pytest.fixture(scope="module")
def extract(pipelines: tuple[Language, Language]) -> Extract:
    fast, parser = pipelines

    def run(
        text: str, *, title: str | None = None, article_id: str = "a1", url: str | None = None
    ) -> list[Figure]:
        article = Article(id=article_id, text=text, origin="test", title=title, url=url)
        annotations = annotate([article], nlp=fast)
        return extract_figures([article], annotations, nlp=parser)

    return run


def one(figures: list[Figure], kind: str, value: int) -> Figure:
    found = [f for f in figures if f.kind == kind and f.value == value]
    assert len(found) == 1, [(f.kind, f.value, f.counted) for f in figures]
    return found[0]


# sentence, kind, value, qualifier, counted
PATTERNS = [
    ("At least 14 people were killed when the dam burst.", "killed", 14, "at least", "people"),
    ("The storm killed three fishermen on Sunday.", "killed", 3, "exact", "fishermen"),
    ("Nine passengers died in the crash.", "killed", 9, "exact", "passengers"),
    ("The crash left two drivers dead.", "killed", 2, "exact", "drivers"),
    ("Also hurt were two deckhands, the harbor master said.", "injured", 2, "exact", "deckhands"),
    ("The death toll rose to 41 on Monday.", "killed", 41, "exact", None),
    ("Health officials put the death toll at 19.", "killed", 19, "exact", None),
    ("The quake caused 23 deaths in the valley.", "killed", 23, "exact", None),
    ("Eleven workers were hurt in the explosion.", "injured", 11, "exact", "workers"),
    ("Dozens of people were injured in the stampede.", "injured", 12, "at least", "people"),
    ("Six villagers were taken to hospital.", "injured", 6, "exact", "villagers"),
    ("Two patients remain in critical condition.", "injured", 2, "exact", "patients"),
    ("No one was hurt in the fire.", "injured", 0, "exact", None),
    ("Five people were shot outside the club.", "shot", 5, "exact", "people"),
    ("The crash sent seven passengers to the hospital.", "injured", 7, "exact", "passengers"),
    ("Between 20 and 30 climbers are missing.", "missing", 20, "between", "climbers"),
    ("Police arrested 12 protesters near the square.", "arrested", 12, "exact", "protesters"),
    ("Rescuers evacuated more than 3,000 residents.", "evacuated", 3000, "more than", None),
    ("Nearly 500 families were displaced by the floods.", "displaced", 500, "nearly", None),
    ("The island is home to about 45,000 people.", "population", 45000, "about", "people"),
    (
        "Dunloe, a fishing town of about 7,000 people, lost power.",
        "population",
        7000,
        "about",
        None,
    ),
    ("Ardmore, a village of 600, was cut off by the snow.", "population", 600, "exact", None),
    ("Some 2,500 troops were sent to the border.", "troops", 2500, "about", "troops"),
]


@pytest.mark.parametrize(("sentence", "kind", "value", "qualifier", "counted"), PATTERNS)
def test_figure_patterns(
    extract: Extract,
    sentence: str,
    kind: str,
    value: int,
    qualifier: str,
    counted: str | None,
) -> None:
    figure = one(extract(sentence), kind, value)
    assert figure.qualifier == qualifier
    if counted is not None:
        assert figure.counted is not None
        assert counted in figure.counted
    assert figure.sentence == sentence
    assert 0 <= figure.start < figure.end <= len(sentence)


def test_a_place_of_things_is_not_a_population(extract: Extract) -> None:
    assert not [
        f for f in extract("A district of 12 villages was flooded.") if f.kind == "population"
    ]


def test_shot_then_fatally(extract: Extract) -> None:
    figures = extract("Four people were shot on the pier, one fatally, the coastguard said.")
    assert one(figures, "shot", 4).counted == "people"
    assert one(figures, "killed", 1).qualifier == "exact"


def test_coordinated_groups(extract: Extract) -> None:
    figures = extract("The blast killed four soldiers and two civilians.")
    assert one(figures, "killed", 4).counted == "soldiers"
    assert one(figures, "killed", 2).counted == "civilians"


def test_including_is_part_of_the_group(extract: Extract) -> None:
    figures = extract("Seven people, including three nurses, were killed in the attack.")
    assert not one(figures, "killed", 7).part
    assert one(figures, "killed", 3).part


@pytest.mark.parametrize(
    ("text", "title", "injured"),
    [
        # a group listed after a smaller one is no part of it: the two add up
        ("Deputies were called to the park on Friday.", "1 child, 4 adults shot in Lakeview", 5),
        ("Deputies were called to the park on Friday.", "2 children, 3 adults shot in Elm Park", 5),
        # "one of three people": the three are the group, not a part of the one
        ("The cook was one of three people wounded in the shooting on Friday.", None, 3),
        # a breakdown no larger than its group stays a part of it
        ("Three people were wounded, one man and two women, deputies said.", None, 3),
    ],
)
def test_a_part_is_no_larger_than_its_group(
    extract: Extract, text: str, title: str | None, injured: int
) -> None:
    figures = extract(text, title=title)
    article = Article(id="a1", text=text, origin="test", title=title)
    assert article_counts(figures, article, ranker=False)["injured"] == injured


def test_the_killers_are_not_victims(extract: Extract) -> None:
    figures = extract("Two gunmen killed a shopkeeper in the market.")
    assert not [f for f in figures if f.value == 2 and f.kind in {"killed", "shot"}]
    assert one(figures, "killed", 1).implicit


def test_ages_and_addresses_are_not_figures(extract: Extract) -> None:
    figures = extract("Maria Lopez, 34, was arrested at 1200 Harbor Street on Tuesday.")
    assert {f.value for f in figures} <= {1}


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("A man was shot and killed outside a bar on Friday.", "killed", 1),
        ("A 16-year-old girl was wounded in the crossfire.", "injured", 1),
        ("A cyclist and a driver were hurt in the collision.", "injured", 2),
        ("The gunman shot his neighbor before fleeing.", "shot", 1),
        ("A seventh victim died in hospital.", "killed", 7),
    ],
)
def test_victims_without_a_number(extract: Extract, sentence: str, kind: str, value: int) -> None:
    figure = one(extract(sentence), kind, value)
    assert figure.implicit
    assert sentence[figure.start : figure.end] == figure.counted


def test_a_plural_without_a_number_is_a_floor(extract: Extract) -> None:
    sentence = "A grocer and his children were found dead in the flat."
    figure = one(extract(sentence), "killed", 3)
    assert (figure.qualifier, figure.low, figure.high) == ("at least", 3, None)
    assert figure.counted == "A grocer and his children"


# sentence, kind, value: victims named without a number in the newer patterns
NEWER_VICTIMS = [
    # a hospital condition stated of a person
    ("Her uncle is listed in critical condition at the county hospital.", "injured", 1),
    ("The cashier remains in stable condition, the clinic said.", "injured", 1),
    # a wound verb with a singular subject
    ("The courier suffered minor injuries in the crash.", "injured", 1),
    # a person found with a wound
    ("Deputies found a young man with a gunshot wound to the shoulder.", "shot", 1),
    # an inverted passive: the parser makes its subject an attribute of the auxiliary
    ("Also wounded in the brawl was a 30-year-old welder.", "injured", 1),
]


@pytest.mark.parametrize(("sentence", "kind", "value"), NEWER_VICTIMS)
def test_newer_victims_without_a_number(
    extract: Extract, sentence: str, kind: str, value: int
) -> None:
    figure = one(extract(sentence), kind, value)
    assert figure.implicit


# sentence, kind, value, and a (kind, value) that must not be read
KIND_FIXES = [
    # people moved to shelters are evacuated, not a population
    ("Nearly 700 residents were moved to shelters in the school.", "evacuated", 700, None),
    ("About 300 inhabitants were relocated to a sports hall.", "evacuated", 300, None),
    ("The valley is home to 4,000 residents.", "population", 4000, None),
    # where a missing person lived does not make them a population
    ("One man, a farmer who lived by the weir, is still missing.", "missing", 1, None),
    # an age after a name that follows is not a count
    ("Police: teen shoots, kills man, 19 Tom Ferris wounded in yard", "killed", 1, ("killed", 19)),
    # a verb joined with its own subject counts other people
    ("Five men were hit by gunfire and two of them died.", "killed", 2, ("killed", 5)),
    # a phone number is not a count
    ("She called 999 and medics took her to the clinic.", None, None, ("injured", 999)),
    # a killing verb with victims of its own: the dead are some of the shot, not all
    ("The man shot three neighbours, killing an elderly couple.", "shot", 3, ("killed", 3)),
    # hit in the body by something named that is not gunfire is no shot
    ("A cyclist was hit by a van in the leg.", None, None, ("shot", 1)),
    ("The clerk was struck in the face with a bottle.", None, None, ("shot", 1)),
    # those who take a patient to hospital are not patients
    ("A neighbour rushed the boy to the hospital.", "injured", 1, ("injured", 2)),
    # people recovering from a shooting, or expected to survive it, were hurt in it
    ("Three teens are recovering after the shooting at the lake.", "injured", 3, None),
    ("All four victims of the attack are expected to survive.", "injured", 4, None),
    ("Two others survived the ambush near the ford.", "injured", 2, None),
    # ... but what police recover is no one
    ("Deputies recovered two rifles from the trunk.", None, None, ("injured", 2)),
    # "critical" alone is a hospital condition; before a noun it is not
    ("Two miners died and one is critical, deputies said.", "injured", 1, None),
    ("Officials said 3 critical issues remain at the plant.", None, None, ("injured", 3)),
    # a bare number after its qualifier's word is the subject's count
    ("Up to 14 were hurt in the blast at the mill.", "injured", 14, None),
    # an age after "younger than" is not a count of people
    ("Police said a boy younger than 12 was shot near the mill.", None, None, ("shot", 12)),
    ("A girl older than 15 was wounded outside the rink.", None, None, ("injured", 15)),
]


@pytest.mark.parametrize(("sentence", "kind", "value", "absent"), KIND_FIXES)
def test_kind_fixes(
    extract: Extract,
    sentence: str,
    kind: str | None,
    value: int | None,
    absent: tuple[str, int] | None,
) -> None:
    figures = extract(sentence)
    if kind is not None:
        one(figures, kind, value or 0)
    if absent is not None:
        assert absent not in {(f.kind, f.value) for f in figures}


def test_a_place_is_never_the_source(extract: Extract) -> None:
    text = (
        "The flood reached Pellham, known locally as Old Ferry, within an hour. "
        "At least 40 people were hurt, he said."
    )
    figure = one(extract(text), "injured", 40)
    assert figure.attributed_to not in {"Old Ferry", "Pellham"}


def test_a_titled_name_is_a_person_for_he(extract: Extract) -> None:
    text = (
        '"We are still searching," Harbour Commissioner Ada Morrow told reporters. '
        "At least 15 sailors were missing, she said."
    )
    figure = one(extract(text), "missing", 15)
    assert figure.attributed_to is not None
    assert "Morrow" in figure.attributed_to


def test_negated_and_hypothetical_victims(extract: Extract) -> None:
    figures = extract("The driver was not injured. Doctors said the boy could die.")
    assert not [f for f in figures if f.kind in {"injured", "killed"}]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Two people died, according to the fire department.", "fire department"),
        ("The regional ministry said 30 houses burned and 8 people were injured.", "ministry"),
        ("The coroner's office put the death toll at 12.", "coroner's office"),
        ("At least 9 sailors are missing, the navy said.", "navy"),
        (
            "The toll from the mine fire rose to 14 on Monday, the labour ministry said, as "
            "families waited at the pit gates for news.",
            "labour ministry",
        ),
    ],
)
def test_attribution_in_the_sentence(extract: Extract, text: str, source: str) -> None:
    figures = [f for f in extract(text) if f.kind != "other"]
    assert figures
    for figure in figures:
        assert figure.attributed_to is not None
        assert source in figure.attributed_to


def test_pronoun_sources_are_resolved(extract: Extract) -> None:
    text = (
        "Dr. Helena Marsh, the chief medical officer, met reporters at noon.\n\n"
        "She said 8 patients had died overnight.\n\n"
        "Officials in Port Corran described the damage as severe. "
        "At least 40 homes were flooded and 15 residents were injured, they said."
    )
    figures = extract(text)
    assert one(figures, "killed", 8).attributed_to == "Helena Marsh"
    injured = one(figures, "injured", 15)
    assert injured.attributed_to is not None
    assert "Officials" in injured.attributed_to


def test_unattributed_figure_is_the_outlets(extract: Extract) -> None:
    assert one(extract("Three climbers died on the north face."), "killed", 3).attributed_to is None


def test_a_title_figure_takes_the_source_the_text_gives_it(extract: Extract) -> None:
    text = (
        "Nine miners died in the collapse, they said. "
        "The death toll rose to 11 on Friday, the mines agency said. Rescue work went on."
    )
    figures = extract(text, title="Death toll in mine collapse rises to 11")
    assert one([f for f in figures if f.in_title], "killed", 11).attributed_to == "mines agency"
    unnamed = extract("Nine miners died in the collapse, they said.", title="Nine miners die")
    assert one([f for f in unnamed if f.in_title], "killed", 9).attributed_to is None


@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("Deputies: 2 shot near the feed store", "Deputies"),
        ("County Coroner: Hiker found in gorge was shot", "County Coroner"),
        ("KXPD: Teen wounded outside arcade", "KXPD"),
        ("Fire Dept.: 3 hurt in warehouse blaze", "Fire Dept."),
        # a label of the story's kind, or a place, names no one
        ("UPDATE: 2 dead after crash on the bypass", None),
        ("VIDEO: 3 hurt in warehouse blaze", None),
        ("Millbrook: 2 hurt in warehouse blaze", None),
    ],
)
def test_a_headline_label_is_the_title_figures_source(
    extract: Extract, title: str, source: str | None
) -> None:
    figures = [f for f in extract("Crews were called on Friday.", title=title) if f.in_title]
    assert figures
    assert {f.attributed_to for f in figures} == {source}


def test_title_figures(extract: Extract) -> None:
    title = "4 Shot, 1 Killed In Overnight Harbor Shooting - Channel 9 News"
    figures = extract("Police are investigating a shooting near the docks.", title=title)
    in_title = [f for f in figures if f.in_title]
    assert {(f.kind, f.value) for f in in_title} >= {("shot", 4), ("killed", 1)}
    for figure in in_title:
        assert title[figure.start : figure.end].split()[0] in {"4", "1"}
        assert figure.to_dict()["start"] is None
        assert figure.to_dict()["title_start"] == figure.start


BRIDGE_BODY = "Police closed the bridge for the night and asked drivers to avoid the area."
BRIDGE_URL = "https://news.example/2021/06/04/3-dead-2-hurt-in-river-bridge-shooting-4471902.html"


def test_the_address_headline_stands_in_for_a_title_that_counts_no_one(
    extract: Extract,
) -> None:
    title = "Family remembers bridge victim as gentle and kind"
    figures = extract(BRIDGE_BODY, title=title, url=BRIDGE_URL)
    from_url = [f for f in figures if f.in_url]
    assert {(f.kind, f.value) for f in from_url} == {("killed", 3), ("injured", 2)}
    entry = one(from_url, "killed", 3).to_dict()
    assert entry["in_url"]
    assert entry["in_title"]
    assert entry["start"] is entry["title_start"] is None
    assert entry["sentence"] == "3 dead, 2 hurt in river bridge shooting"
    article = Article(id="a1", text=BRIDGE_BODY, origin="test", title=title, url=BRIDGE_URL)
    assert article_counts(figures, article, ranker=False) == {"killed": 3, "injured": 2}
    assert article_counts(figures, article) == {"killed": 3, "injured": 2}


@pytest.mark.parametrize(
    ("title", "from_url"),
    [
        # a title that counts the victims is the later, fresher account
        ("Death toll in river bridge shooting rises to 4", False),
        ("Two killed on river bridge, police say", False),
        # one that names a victim without a number does not count them
        ("Man killed in river bridge shooting identified", True),
    ],
)
def test_the_address_headline_only_when_the_title_gives_no_number(
    extract: Extract, title: str, from_url: bool
) -> None:
    figures = extract(BRIDGE_BODY, title=title, url=BRIDGE_URL)
    assert bool([f for f in figures if f.in_url]) is from_url
    assert [f for f in figures if f.in_title and not f.in_url]


def test_a_title_cut_short_is_read_mended_from_the_address(extract: Extract) -> None:
    title = "Farmer kills wife and nephew in Hill Farm murder-suic - WXYZ.example"
    url = "https://tv.example/story/5512/farmer-kills-wife-and-nephew-in-hill-farm-murder-suicide"
    body = "Deputies were called to the farm at dawn."
    figures = extract(body, title=title, url=url)
    mended = [f for f in figures if f.in_url]
    assert mended
    assert mended[0].sentence == "Farmer kills wife and nephew in Hill Farm murder-suicide"
    article = Article(id="a1", text=body, origin="test", title=title, url=url)
    assert article_counts(figures, article, ranker=False) == {"killed": 3, "injured": None}


# a title and its figures (kind, value), the headline fallback's among them
HEADLINE_ROWS = [
    ("Ferry worker dies after fall at the pier", {("killed", 1)}),
    # "attempted" denies the casualty word after it
    ("Teen held on attempted murder charge after brawl", set()),
    ("Charges dropped in Attempted Murder Case", set()),
    # a murder-suicide leaves a victim and the killer dead
    ("Neighbors mourn after apparent murder-suicide on Elm Road", {("killed", 2)}),
    ("Lakeside couple found in Murder/Suicide, deputies say", {("killed", 2)}),
    ("Coroner confirms double murder-suicide at farmhouse", {("killed", 3)}),
    # a word of death in a title that counts only the wounded (HEADLINE_DEAD_ALONE)
    ("Man wounded in rail yard shooting dies", {("injured", 1), ("killed", 1)}),
]


@pytest.mark.parametrize(("title", "expected"), HEADLINE_ROWS)
def test_headline_fallback(extract: Extract, title: str, expected: set[tuple[str, int]]) -> None:
    figures = extract("Deputies reached the mill road shortly after dawn.", title=title)
    assert {(f.kind, f.value) for f in figures if f.in_title} == expected


# a title's people joined by commas or counted in headline grammar, and the total of each kind
# its figures count
TITLE_LIST_ROWS = [
    # a comma stands for "and" between people at the head of a title
    ("Uncle, nephew found dead in lakeside cabin", {"killed": 2}),
    ("Deputies: Husband, wife shot dead at their bakery", {"killed": 2}),
    ("Mother, teen son hurt in crossfire on Birch Street", {"injured": 2}),
    ("Aunt, niece, grandson hurt in barn shooting", {"injured": 3}),
    ("Woman, 2 customers injured in diner shooting", {"injured": 3}),
    # ... numbered lists, with a participle after the last one
    ("4 children, 2 adults found dead in burned cottage", {"killed": 6}),
    ("Update: 3 teens and 1 man shot near the skate park", {"injured": 4}),
    # ... after a label, which is no part of the sentence
    ("Coroner's Office: 2 boys, 2 adults found dead in cottage", {"killed": 4}),
    ("Police: Man, woman shot on Birch Street", {"injured": 2}),
    # "after 5 shot", "among 4 shot": the casualty word after a number counts people
    ("3 dead after 5 shot at block party", {"killed": 3, "injured": 2}),
    ("Boy, 9, among 4 shot near the rink", {"injured": 4}),
    # ... and so does one hedged or confirmed
    ("3 confirmed dead after mill shooting", {"killed": 3}),
    # ... and so does "critical" after a number or a person
    ("4 dead, 1 critical after mill shooting", {"killed": 4, "injured": 1}),
    ("Boy killed, uncle critical after shooting at farm", {"killed": 1, "injured": 1}),
    # ... and "another" before a casualty word is one more victim
    ("Guard dead, another hurt in store shooting", {"killed": 1, "injured": 1}),
    # ... and so is "a second", "a fourth": the running count of the victims
    ("Deputy killed, second seriously wounded in ambush", {"killed": 1, "injured": 1}),
    ("Three guards shot, a fourth hurt by flying glass at depot", {"injured": 4}),
    # ... but "a second shot" is a shot fired
    ("Clerk wounded after second shot rings out at store", {"injured": 1}),
    # ... and after a verb, between two bare nouns of people
    ("Farmer admits killing brother, nephew at orchard", {"killed": 2}),
    ("Clerk charged in shooting deaths of wife, son", {"killed": 2}),
    # ... but not between two clauses
    ("Girl killed, uncle hurt in orchard shooting", {"killed": 1, "injured": 1}),
    # ... not an age, nor a group broken down
    ("Man, 25, killed in shooting near the quarry", {"killed": 1}),
    ("Three victims, two welders and a cook, were shot on Pine Road", {"injured": 3}),
]


@pytest.mark.parametrize(("title", "totals"), TITLE_LIST_ROWS)
def test_title_lists(extract: Extract, title: str, totals: dict[str, int]) -> None:
    text = "Deputies reached the mill road shortly after dawn."
    article = Article(id="a1", text=text, origin="test", title=title)
    figures = extract(text, title=title)
    counts = article_counts(figures, article, ranker=False)
    assert {kind: counts[kind] for kind in totals} == totals


@pytest.mark.parametrize(
    ("title", "text", "victim"),
    [
        # a headline's "shot at" / "shot on" a place: the place is where, the subject the victim
        ("Teen shot at bus stop on Elm Street", "Crews were called on Friday.", "Teen"),
        ("Woman shot on porch of her home", "Crews were called on Friday.", "Woman"),
        # ... but in running text the subject of "shot at" fired the shots
        (None, "The gunman then shot at the crowd before he fled, deputies said.", None),
    ],
)
def test_shot_at_a_place_in_a_headline(
    extract: Extract, title: str | None, text: str, victim: str | None
) -> None:
    shot = [f for f in extract(text, title=title) if f.kind == "shot"]
    assert [f.counted for f in shot if not f.in_title or f.counted] == ([victim] if victim else [])


def test_headline_list_keeps_offsets() -> None:
    title = "Uncle, nephew, neighbor hurt in blast"
    assert headline_list(title) == "Uncle &nephew &neighbor hurt in blast"
    assert headline_list("Man, 25, killed in crash") == "Man, 25, killed in crash"


def test_sentence_case_keeps_offsets() -> None:
    title = "Two Dead, Three Hurt In Bridge Collapse"
    assert len(sentence_case(title)) == len(title)
    assert sentence_case(title) == "Two dead, three hurt in bridge collapse"
    assert sentence_case("Man dies after fall in the river") == "Man dies after fall in the river"


def test_ids_and_report_keys(extract: Extract) -> None:
    figures = extract("Five people died and 20 were injured, police said.", article_id="x7")
    assert [f.id for f in figures] == [f"x7:f{n}" for n in range(len(figures))]
    record = figures[0].to_dict()
    for key in (
        "id", "article_id", "kind", "value", "low", "high", "qualifier", "counted",
        "attributed_to", "sentence", "start", "end", "vague", "place", "time",
        "sentence_start", "sentence_end",
    ):  # fmt: skip
        assert key in record
    assert record["sentence"] == "Five people died and 20 were injured, police said."


# --- the article's own counts ------------------------------------------------------------------

COUNT_ROWS = [
    ("3 wounded in downtown shooting", "Three men were wounded on Main Street.", None, 3),
    ("4 shot, 1 dead at bus stop", "Four people were shot late on Friday.", 1, 3),
    ("Man killed in shooting", "A man was shot and killed. No one else was hurt.", 1, 0),
    (None, "Two people were shot, one fatally, on the bridge.", 1, 1),
    (None, "A woman died and her son was also shot but survived.", 1, 1),
    (None, "Six people, including two children, were killed.", 6, None),
    (None, "The council met on Tuesday to discuss the budget.", None, None),
    # people shot besides the dead are the wounded
    (None, "One man died. Two others were shot near the bakery.", 1, 2),
    # a group joined to a part of the group is a part too
    (
        None,
        "Eight people were hurt, including one man in critical condition and one woman "
        "in serious condition.",
        None,
        8,
    ),
    # the object of "left ... dead" is the victim, not the subject
    (None, "A string of attacks left three people dead on Sunday.", 3, None),
    # a shared object: "shot and killed a toddler" is one death, not the shooter's too
    (None, "A farmer whose nephew shot and killed a 4-year-old was charged.", 1, None),
    # a new person after a numbered group
    (None, "Three pupils and a teacher were found dead in the hall.", 4, None),
    (None, "The gunman killed two guards and himself at the depot.", 3, None),
    # a headline's loose list of groups
    ("3 Boys, 2 Women Shot Near Depot", "Police are looking for a car.", None, 5),
    # a numbered group listed after the object of a casualty verb is its object too
    ("Farmer held after killing neighbor, 2 teenage sons", "Deputies came at dawn.", 3, None),
    ("Gunman kills guard, 4 shoppers at mall", "The mall was closed on Sunday.", 5, None),
    # one sentence's pronouns of one gender, or a pronoun after the person it stands for, name
    # one person: one wounded, not two
    (None, "Medics took him to a clinic, where he was listed in stable condition.", None, 1),
    (None, "The clerk was wounded, but relatives say she is now recovering.", None, 1),
    (None, "He shot himself in the knee and then shot himself in the foot.", None, 1),
    # ... not a reflexive beside another person: the gunman is one more
    (None, "The gunman killed a guard and himself at the depot.", 2, None),
    # an act named by how many it struck: that many shot, or killed
    ("Teen killed in quadruple shooting", "Police have made no arrests.", 1, 3),
    (None, "Detectives are looking into a triple shooting near the depot.", None, 3),
    (None, "A man was charged on Monday in a double homicide at a farm.", 2, None),
    # ... unless the sentence counts them itself, or the act was only attempted
    (None, "Three men were shot in a triple shooting near the depot.", None, 3),
    (None, "After the double homicide the farmer turned the gun on himself.", 3, None),
    (None, "He faces a charge of attempted double murder.", None, None),
    # what the death is called is not a second victim
    (None, "Police called the crash that killed a young cyclist a tragedy.", 1, None),
    (None, "The sheriff called the blast that killed a welder an accident.", 1, None),
    # ... nor an age or a number of shots after a listed object
    (None, "The gunman killed a guard, 25, at the gate.", 1, None),
    (None, "He shot his brother, three times in the leg.", None, 1),
    # a second victim named by an ordinal: the running count includes the dead
    (
        None,
        "A cook was shot dead behind the diner. A second man suffered a leg wound.",
        1,
        1,
    ),
    (None, "Police said a ninth passenger was wounded on the ferry.", None, 9),
    # "the fourth victim" numbers the victims one by one: one death, three others
    (None, "Four guests were hit. The fourth victim, a waiter, died.", 1, 3),
    # a dead person and a survivor in a hospital condition in one sentence
    (None, "A boy died and his aunt is listed in serious condition.", 1, 1),
    # one person in a condition who then died is one death
    (None, "The driver was flown out in critical condition, but he later died.", 1, None),
    # the shot and the dead of one sentence with their own objects: the rest are wounded
    (None, "A gunman shot five shoppers, killing a clerk and a guard.", 2, 3),
    # "a total of N people": the people are counted, the total is not a person
    (None, "Police said a total of five people were wounded at the fair.", None, 5),
    # a person hit in a part of the body, or hit by a bullet, was shot
    (None, "A stray bullet struck a girl on her porch.", None, 1),
    (None, "The courier was hit in the shoulder outside the depot.", None, 1),
    (None, "A girl was hit by shrapnel outside the bakery.", None, 1),
    # ... and so was one a gun struck, or hit when it went off
    (None, "The farmer fired a rifle which struck a hiker in the hip.", None, 1),
    (None, "The pistol discharged and struck a cousin in the knee.", None, 1),
    (None, "His shotgun went off and hit a beater in the calf.", None, 1),
    (None, "The round came through the door and struck a girl in the arm.", None, 1),
    # ... not one a person went over to and hit
    (None, "He went over to the van and hit his cousin in the face.", None, None),
    # a wound denied fatal is a survivor's
    (None, "The gunman received a non-fatal gunshot wound in the exchange.", None, 1),
    (None, "Two guards received non-fatal bullet wounds at the gate.", None, 2),
    # an ordinal victim also shot is one more person, not its running count
    (None, "A baker was shot dead. A second man was also shot in the leg.", 1, 1),
    (None, "A baker was shot dead. A second man was hit in the arm and survived.", 1, 1),
    # a person taken to hospital is hurt; an ordinal counts on from the dead
    (None, "Three men died at the farm. A fourth victim was taken to the hospital.", 3, 1),
    (None, "A woman was treated at the hospital and released.", None, 1),
    # a patient released is a survivor; police releasing a name is not
    (None, "Police released the name of the teen killed in the shooting of a clerk.", 1, None),
    # "she" shot after a woman named dead is that woman, not a survivor
    (None, "A nurse died after she was shot in the arm near the clinic.", 1, None),
    # a person in serious condition is alive, not one of the dead named again
    (
        None,
        "A clerk was killed at the store on Friday. The owner is in serious condition after "
        "she was shot, police said.",
        1,
        1,
    ),
    # ... and so is a person grazed by a bullet
    (
        None,
        "A clerk was killed at the store on Friday. A customer was grazed by a bullet.",
        1,
        1,
    ),
    # a person shot in a limb is a survivor, not one of the dead named again
    (None, "A boy died on the porch. His uncle was shot in the leg.", 1, 1),
    (
        None,
        "Deputies found a man with a gunshot wound to the arm and two dead women in the barn.",
        2,
        1,
    ),
    # a body is a dead person: a number of bodies, the bodies of a group, the body of someone
    (None, "Four bodies were pulled from the river near the mill.", 4, None),
    (None, "The bodies of two hikers were identified on Monday.", 2, None),
    (None, "The body of a 40-year-old trucker was found behind the depot.", 1, None),
    # a single body found is one dead person; a body of people is no one
    (None, "Divers recovered a body from the quarry lake on Monday.", 1, None),
    ("Body found on creek bank near the old mill", "Deputies closed the road.", 1, None),
    (None, "The student body held a vigil on Monday.", None, None),
    # a fatal wound of someone is a death; a wound denied fatal is none
    (None, "The misfire caused the fatal injury of a retired orchard keeper.", 1, None),
    (None, "The misfire caused the non-fatal injury of a welder.", None, None),
    (None, "The non-fatal shooting of a porter drew a crowd to the quay.", None, 1),
    (None, "A man with a non-fatal wound was found in the lane.", None, 1),
    # a toll counts all the dead, a body found beside it included
    (
        None,
        "The toll rose to four after divers recovered the body of a woman from the lake.",
        4,
        None,
    ),
    # a name joined to a person's name is a person, whatever the annotation calls it
    (None, "A clerk fatally shot Sterling Marsh and Peter Lowry outside the store.", 2, None),
    # a person called deceased before the noun is dead; a thing called dead is no one
    (None, "At the farm, deputies located a deceased elderly man near the barn.", 1, None),
    (None, "He shot the target dead center at the range.", None, None),
    # a wounded victim found after the first count adds one to it, over the title's count
    (
        "Three wounded at block party",
        "Three people were wounded at a block party on Oak Street on Saturday. Deputies later "
        "found another victim who had been shot in the hip.",
        None,
        4,
    ),
    # ... not a breakdown of the wounded counted before
    (
        None,
        "Three people were wounded at a block party on Oak Street on Saturday. One was shot in "
        "the chest and another victim was hit in the arm.",
        None,
        3,
    ),
    # a headline listing numbered men, women, boys or girls with commas adds them up
    (
        "UPDATE: 2 girls, 1 man shot on Birch Lane",
        "Police said the shooting happened late Tuesday near a gas station on the east side.",
        None,
        3,
    ),
    (
        "UPDATE: 4 women, 2 men shot on Elm Road",
        "Police said the shooting happened late Tuesday near a gas station on the east side.",
        None,
        6,
    ),
    # ... and so does a bare person listed before a numbered group
    (
        "Man, 2 teens wounded in drive-by on Oak Street",
        "Police said the shooting happened late Tuesday near a gas station on the east side.",
        None,
        3,
    ),
    # a title naming only the shooting says nothing of survivors: a death told as of another
    # time in the lead is this one's
    (
        "Quarry double shooting ruled an accident",
        "The double shooting in March near the quarry, which killed a farmer and his wife, was "
        "an accident, deputies said.",
        2,
        0,
    ),
    # a pronoun dead after one person named shot and taken to hospital is that person
    (
        None,
        "The courier, who had been shot in the neck, was rushed to the hospital, where he "
        "later died.",
        1,
        None,
    ),
    # a pronoun after a person named dead in one sentence is that person again ...
    (
        None,
        "Deputies said a ferry cook died of his wounds on the quay; he was declared dead at nine.",
        1,
        None,
    ),
    # ... not a person named through its owner
    (None, "A farmer killed his wife on Sunday before he was shot dead by deputies.", 2, None),
    # another story's headline above the text is no death of the article's, and does not make
    # its wounded one of the dead named again
    (
        "Toddler shot by her uncle",
        "Mayor opens the new bridge\n\nDeputy who killed a burglar gets an award\n\nRecord "
        "crowd at the farm fair\n\nA toddler was wounded in the wrist by a cousin on Sunday, "
        "deputies said. The girl was flown to a clinic.",
        None,
        1,
    ),
    # a group carried to a hospital where they died is dead; where they were treated, hurt
    (
        None,
        "The ferryman and his niece were rushed to the county hospital where they died.",
        2,
        None,
    ),
    (
        None,
        "Two porters were taken by boat to a hospital, where both were pronounced dead.",
        2,
        None,
    ),
    (None, "Two porters were taken by boat to a hospital, where they were treated.", None, 2),
    # the killer's reflexive the parser hangs on the verb is one more dead
    ("Farmer kills neighbor, then himself", "A neighbour phoned the sheriff at dawn.", 2, None),
    ("Dad fatally shot his 3 sons, then himself", "The house is near the mill.", 4, None),
    (None, "A guard shot a cashier and then himself inside the depot.", None, 2),
    # twins are two
    (None, "A carpenter fatally shot his twin sons on the porch.", 2, None),
    (None, "The twin towers of the mill were evacuated after shots were fired.", None, None),
    # a group left in the hospital beside the dead is hurt, not dead too
    (None, "The ambush left two guards dead and four drivers in the hospital.", 2, 4),
    (None, "A sniper killed a ranger and four drivers in the hospital.", 5, None),
    # a number word inside a hospital's name counts no one
    (None, "Medics drove a welder to Riverside One Health, where he later died.", 1, None),
    # things recovered are no people recovering
    (
        None,
        "The report and the evidence recovered in the yard point to a murder-suicide.",
        None,
        None,
    ),
    (None, "Two rifles were recovered from the truck.", None, None),
    (None, "Two wounded tellers have recovered.", None, 2),
    # the fatal shootings of a group are their deaths
    (None, "A jury heard about the fatal shootings of two brothers near the pier.", 2, None),
    (None, "Deputies are looking into the non-fatal shooting of two drivers.", None, 2),
    # the killer of a headline's murder-suicide is dead too, unless the headline says so
    ("Woman kills brother in murder-suicide", "Deputies were called at dawn.", 2, None),
    ("Man kills wife and son in murder-suicide at farm", "The farm is quiet.", 3, None),
    ("Woman kills brother", "Deputies were called at dawn.", 1, None),
    ("Officials name 3 dead in murder-suicide", "Deputies were called at dawn.", 3, None),
    # a headline's bare person before a comma and the subject is one more
    ("Teacher, daughter found dead in cabin", "Deputies were called at dawn.", 2, None),
    ("Update, man found dead in cabin", "Deputies were called at dawn.", 1, None),
    # whom a vigil is held for died before it; a vigil's own story still counts its dead
    ("2 dead, 3 hurt in shooting during vigil for cook killed in May", "It was late.", 2, 3),
    ("Crowd holds vigil for cook killed in shooting", "It was late.", 1, None),
    # animals are not counted
    (None, "The rifle went off and injured one of the farm's dogs.", None, None),
    (None, "Hunters killed 4,100 deer in the first week of the season.", None, None),
    # the targets of a failed killing are not its dead; a time is no victim
    (None, "Four men face trial over the attempted killings of three porters.", None, None),
    ("Pair charged in two attempted killings at depot", "It was late.", None, None),
    (None, "He faces a charge over the foiled murder of a florist.", None, None),
    (None, "A cook who was shot and killed Sunday evening was named.", 1, None),
    (None, "Deputies looked into Monday night's shooting of a plumber.", None, 1),
    # a place or a thing is no victim; a clause the parser hangs on a place is its person's
    (None, "A clerk was struck in the back and pronounced dead the county clinic.", 1, None),
    (None, "A stray round struck a gas pump across the road.", None, None),
    (None, "A cook in the residence that was hit by a round is stable.", None, 1),
    (None, "Deputies found a driver by a van in the lot who had been shot.", None, 1),
    # a state joined to an earlier verb is its subject's
    (None, "A porter was carried to the clinic in grave condition and pronounced dead.", 1, None),
    (None, "A girl went into surgery for her wounds and remains hospitalized.", None, 1),
    # a headline's participle the tagger took for a noun still has its subject
    ("Uncle and child shot in family row in Millbrook", "It was late.", None, 2),
    # a headline's list of groups of different ages or sexes adds up
    ("Details emerge in deaths of 5 kids, 3 adults at ranch", "It was late.", 8, None),
    ("Deputies: 2 sons, 1 daughter found dead at farm", "It was late.", 3, None),
    # people of one owner listed with commas, a reflexive closing the list, "both" with a list
    (None, "Police said the grocer shot his wife, his daughter and himself.", None, 3),
    (
        None,
        "The grocer killed his eldest niece, his youngest nephew, and then himself.",
        3,
        None,
    ),
    (None, "A deputy said the grocer shot both brothers and then himself.", None, 3),
    ("Deputies say farmer killed his aunt, 3 nephews, then himself", "It was late.", 5, None),
    (
        None,
        "Deputies gave details about a grocer who fatally shot his two nieces and then "
        "himself on Friday.",
        3,
        None,
    ),
    (None, "He shot his aunt, his closest friend.", None, 1),
    # one shot, then the pronoun of "killing": the same person
    (None, "Deputies say he shot another porter by mistake, killing him.", 1, None),
    (None, "She wounded a clerk before deputies killed her.", 1, 1),
    # a broadcaster's channel in a dateline is no count
    (None, "MILLBROOK (KXYZ 8) \u2013 Two porters are dead after a fire on the quay.", 2, None),
    # a couple or a pair is two people; "a couple of" is no one
    ("Quarryville couple killed in blaze near depot", "It was late.", 2, None),
    (None, "A retired couple and their grandson were found dead in the flat.", 3, None),
    (None, "The grocer was shot a couple of times in the arm.", None, 1),
    # a headline going on after a dash with "and" is still the headline, not a site's name
    ("Sure the rifle was empty, he fires — and kills cousin", "It was Monday.", 1, None),
    # a title's singular noun of a killing reports one dead; its plural is left to the body
    ("Two brothers charged in quarry killing", "The hearing is set for May.", 1, None),
    ("Arrest made in Millbrook slaying", "The hearing is set for May.", 1, None),
    ("Three charged in dockside killings", "The hearing is set for May.", None, None),
    # a participle tagged as a past tense under its noun, in the text
    (
        None,
        "Relatives of a 3-month-old boy shot during a brawl on Monday said the round missed "
        "his spine.",
        None,
        1,
    ),
    (None, "Another clip, shot from the roof, shows the porter leaving.", None, None),
    # a surname alone is the person the article names in full
    (
        None,
        "Officers found Andre Kettering, 31, near the depot. Kettering died at the clinic.",
        1,
        None,
    ),
    # what a victim survives is no victim; a passive joined to it is its subject's
    (
        None,
        "Medics reached Jerome Lattimore at the pier. Lattimore survived the first barrage but "
        "died in the ambulance.",
        1,
        None,
    ),
    (None, "After an hour he exchanged gunfire with a deputy and was injured.", None, 1),
    (None, "The porter lifted a pistol and shot toward the vans.", None, None),
    # the subject of a passive the parser hung on a word before it
    (None, "Detectives are investigating after a 19-year-old was shot Sunday afternoon.", None, 1),
    (
        None,
        "The desk has learned a 19-year-old has turned himself in after another teen was badly "
        "injured while playing with a rifle.",
        None,
        1,
    ),
    (None, "Deputies learned Tom Doe, 16, of Millbrook was shot in one knee.", None, 1),
    # a list that goes on after a name renaming its first person
    (None, "Deputies said the grocer shot his wife Jane, his niece and himself.", None, 3),
    (None, "Deputies said the grocer shot his wife Jane, a nurse at the clinic.", None, 1),
    # "none fatally" counts no dead, whatever verbs come between
    (None, "Five guests were shot or suffered minor injuries, none fatally.", 0, 5),
    # a plural of people without a number, listed with others among the dead, is at least two
    (None, "A grocer and his children were found dead in the flat.", 3, None),
    (None, "The gunman killed a porter and several drivers at the depot.", 1, None),
    (None, "Eleven Millbrook police and civilians were killed in the blast.", 11, None),
    # after a group, a common noun is one more person, a name one of the group
    (None, "Deputies say the grocer killed the children and the nanny.", 3, None),
    (None, "His aunt and two nephews, Tom and Joe, were killed at the farm.", 3, None),
    (None, "The gunman wounded a porter and several drivers at the depot.", None, 1),
    # a toll of the past years is no count of the article's shooting
    (
        "Six hurt in shooting at harbour fair",
        "Six people were hurt at the fair late on Friday. Police said a feud between two crews "
        "took three lives in the last few years. Nobody was killed on Friday.",
        0,
        6,
    ),
    # a link to another story counts that story's victims, not the article's
    (
        "Boy wounded on Elm Street",
        "A boy was shot in the leg on Elm Street.\n\nRelated: Two men killed in crash on the "
        "bypass\n\nPolice are looking for a grey car.",
        None,
        1,
    ),
]


@pytest.mark.parametrize(("title", "text", "killed", "injured"), COUNT_ROWS)
def test_article_counts(
    extract: Extract, title: str | None, text: str, killed: int | None, injured: int | None
) -> None:
    article = Article(id="a1", text=text, origin="test", title=title)
    figures = extract(text, title=title)
    assert article_counts(figures, article) == {"killed": killed, "injured": injured}


# --- offsets ------------------------------------------------------------------------------------

_NAMES = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=8)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    number=st.one_of(
        st.integers(min_value=2, max_value=9999).map(str),
        st.sampled_from(["three", "twelve", "forty-one", "a dozen"]),
    ),
    qualifier=st.sampled_from(["", "at least ", "nearly ", "more than "]),
    verb=st.sampled_from(["were killed", "were injured", "were evacuated", "died"]),
    noun=st.sampled_from(["people", "villagers", "workers"]),
    place=_NAMES,
    lead=st.integers(min_value=0, max_value=2),
)
def test_offsets_cut_the_figure_out(
    extract: Extract, number: str, qualifier: str, verb: str, noun: str, place: str, lead: int
) -> None:
    opening = "The river rose overnight. " * lead
    text = f"{opening}In {place.title()}, {qualifier}{number} {noun} {verb} on Sunday."
    figures = [f for f in extract(text) if not f.implicit]
    assert len(figures) == 1
    figure = figures[0]
    assert text[figure.start : figure.end] == f"{qualifier}{number}"
    assert figure.sentence_start <= figure.start < figure.end <= figure.sentence_end
    assert text[figure.sentence_start : figure.sentence_end] == figure.sentence


# --- the seed articles ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_figures(
    pipelines: tuple[Language, Language],
) -> dict[str, tuple[Article, list[Figure]]]:
    seeds = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    fast, parser = pipelines
    articles = clean_articles(read_inputs([seeds]).articles)
    annotations: list[Annotation] = annotate(articles, nlp=fast)
    figures = extract_figures(articles, annotations, nlp=parser)
    return {
        article.id[:3]: (article, [f for f in figures if f.article_id == article.id])
        for article in articles
    }


def _named_in(article: Article, source: str | None, generic: set[str]) -> bool:
    """The source is a name or phrase found in the article, or a generic body."""
    if source is None:
        return False
    words = {word.lower() for word in source.split()}
    return source in article.text and bool(words & generic or source[:1].isupper())


SEED_FIGURES = [
    # article, kind, value, qualifier, attributed (None: not checked)
    ("000", "killed", 27, "at least", True),
    ("004", "killed", 27, "exact", True),
    ("001", "killed", 32, "at least", True),
    ("001", "killed", 100, "close to", True),
    ("000", "injured", 200, "exact", True),
    ("000", "population", 120000, "exact", None),
    ("001", "population", 120000, "exact", None),
    ("004", "population", 120000, "about", None),
    ("001", "evacuated", 2000, "more than", True),
    ("004", "evacuated", 500, "nearly", True),
    ("004", "evacuated", 7000, "exact", True),
    ("004", "killed", 6, "exact", True),
    ("003", "killed", 4, "exact", True),
    ("003", "killed", 2, "exact", True),
    ("003", "killed", 11, "exact", True),
    ("000", "killed", 30000, "about", None),
    ("001", "killed", 30000, "about", None),
    ("000", "displaced", 1000000, "more than", None),
    ("001", "displaced", 1000000, "more than", None),
    ("003", "killed", 7000, "more than", None),
]


@pytest.mark.parametrize(("seed", "kind", "value", "qualifier", "attributed"), SEED_FIGURES)
def test_seed_figures(
    seed_figures: dict[str, tuple[Article, list[Figure]]],
    seed: str,
    kind: str,
    value: int,
    qualifier: str,
    attributed: bool | None,
) -> None:
    article, figures = seed_figures[seed]
    found = [f for f in figures if (f.kind, f.value, f.qualifier) == (kind, value, qualifier)]
    assert found, [(f.kind, f.value, f.qualifier) for f in figures]
    if attributed:
        generic = {"ministry", "government", "authorities"}
        assert any(_named_in(article, f.attributed_to, generic) for f in found), found


# --- bench --------------------------------------------------------------------------------------


def test_figures_bench(tmp_path: Path) -> None:
    from newsprism.bench.figures import run_figures_bench

    records = [
        {"id": "r1", "title": "2 dead, 3 hurt in warehouse fire", "text": "Two workers died.",
         "gold_cluster": "e1", "gold_num_killed": 2, "gold_num_injured": 3},
        {"id": "r2", "title": "Teen wounded on bridge", "text": "A boy was shot in the arm.",
         "gold_cluster": "e2", "gold_num_killed": 0, "gold_num_injured": 1},
        {"id": "r3", "title": "Market reopens", "text": "Stalls opened at dawn.",
         "gold_cluster": "e3", "gold_num_killed": None, "gold_num_injured": None},
    ]  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    scores = run_figures_bench(path)
    assert scores["docs"] == 2
    assert scores["killed_exact"] == 1.0
    assert scores["injured_exact"] == 1.0
    assert scores["both_exact"] == 1.0
    assert scores["docs_per_s"] > 0


def test_title_count_stands_against_a_dissenting_voice_further_down(extract: Extract) -> None:
    """The article's own toll is the one its title and lead give, not another group's count."""
    title = "Flood toll rises to 23 in the Marrow valley"
    text = (
        "The death toll from the flood in the Marrow valley rose to 23 on Friday as rescue "
        "teams searched the lower villages for a second day."
        " Shops stayed shut and the main bridge was closed to traffic while engineers checked it."
        " Farmers said whole fields of barley had been lost to the water and the mud."
        " The council opened two school halls for families whose homes were flooded."
        " Volunteers from nearby towns brought blankets, bottled water and hot meals by van."
        " A volunteer group, the Marrow Aid Circle, said it stood by its own count of close to "
        "35 dead."
    )
    article = Article(id="a1", text=text, origin="test", title=title)
    figures = extract(text, title=title)
    assert {f.value for f in figures if f.kind == "killed"} >= {23, 35}
    assert article_counts(figures, article, ranker=True)["killed"] == 23


HEADLINE_ROWS = [
    # what follows a separator is the site's name...
    ("Man shot in a park on Sunday - WXYZ Channel 7 - Springfield", "Man shot in a park on Sunday"),
    ("Fire at the old mill | The Valley Courier", "Fire at the old mill"),
    # ... unless it counts victims
    (
        "Shooting under investigation in the east end - Four People Injured",
        "Shooting under investigation in the east end - Four People Injured",
    ),
    (
        "Bar fight ends in gunfire - 2 shot, 1 dead - KXYZ",
        "Bar fight ends in gunfire - 2 shot, 1 dead",
    ),
]


@pytest.mark.parametrize(("title", "headline"), HEADLINE_ROWS)
def test_headline_end(title: str, headline: str) -> None:
    assert title[: headline_end(title)] == headline
