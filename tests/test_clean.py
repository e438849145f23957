"""Cleaning: normalization, one-line furniture rules, positional rules, outlet boilerplate, seeds.

Every sentence here is invented for the test; the seed articles are read from ../shared at run
time and checked by line position only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism import furniture as f
from newsprism.clean import (
    MIN_OUTLET_REPEATS,
    NORMALIZERS,
    classify_line,
    clean_article,
    clean_articles,
    clean_text,
    normalize,
)
from newsprism.models import Article, Removal

# --- normalization -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cQuoted,\u201d she said.", '"Quoted," she said.'),
        ("\u201eGerman\u201c and \u00abFrench\u00bb", '"German" and "French"'),
        ("``TeX'' quotes", '"TeX" quotes'),
        ("It\u2019s the mayor\u2018s", "It's the mayor's"),
        ("soft\u00adhyphen and zero\u200bwidth\ufeff", "softhyphen and zerowidth"),
        ("non\u00a0breaking\u2009thin\u202fspace", "non breaking thin space"),
        ("many    spaces   here", "many spaces here"),
        ("trailing   \nnext", "trailing\nnext"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("\n\n  \nbody\n\n  \n", "body"),
        ("windows\r\nmac\rline", "windows\nmac\nline"),
        ("cafe\u0301", "caf\u00e9"),
        ("en \u2013 and em \u2014 dashes", "en \u2013 and em \u2014 dashes"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalizers_are_a_composition_of_str_functions() -> None:
    text = "\u201cA\u00a0B\u201d\n\n\n\nC"
    for step in NORMALIZERS:
        text = step(text)
    assert text == normalize("\u201cA\u00a0B\u201d\n\n\n\nC") == '"A B"\n\nC'


_TRICKY = st.sampled_from(
    list("\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e'\"`\u00a0\u200b\u00ad\ufeff\t\r\n \u0301e")
)


@given(st.lists(st.one_of(_TRICKY, st.characters()), max_size=60).map("".join))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


_LINES = st.sampled_from(
    ["Advertisement", "READ MORE", "The bridge reopened on Friday.", "", "Share", "\u00a9 2020 X"]
)


@given(st.lists(st.one_of(_LINES, st.text(max_size=30)), max_size=12).map("\n".join))
def test_clean_text_output_is_normalized_and_removals_come_from_input(text: str) -> None:
    cleaned, removals = clean_text(text)
    assert normalize(cleaned) == cleaned
    source = normalize(text)
    for removal in removals:
        assert removal.text
        assert removal.text in source


# --- one line on its own -------------------------------------------------------------------------

FURNITURE = [
    ("Firefighters inspect the damaged bridge on Sunday. Photograph: Jane Roe/Agency", "caption"),
    ("Volunteers fill sandbags near the river (Photo by Tom Poe/Getty Images)", "caption"),
    ("A rescue boat on the flooded street. Image: Staff / Getty Images", "caption"),
    ("The market square after the storm. Photo: City Archive", "caption"),
    ("The old mill before the fire. Credit: Hill Museum", "caption"),
    ("READ MORE", "promo"),
    ("Read more: Floods close three schools in the valley", "promo"),
    ("Related: Council approves emergency budget", "promo"),
    ("Sign up for our morning briefing", "promo"),
    ("Subscribe", "promo"),
    ("Click here to see the full list of road closures.", "promo"),
    ("Download our app for the latest local news", "promo"),
    ("Get our daily newsletter delivered to your inbox.", "newsletter"),
    ("Listen to this article", "audio notice"),
    ("\U0001f3a7 Voice is AI-generated. Inconsistencies may occur.", "audio notice"),
    ("4 min listen", "audio notice"),
    ("Watch this story", "player widget"),
    ("Please enable JavaScript to watch this video", "player widget"),
    ("2:14 Mayor tours the flooded district", "player widget"),
    ("About the author", "author bio"),
    ("Dana Fox is a staff writer for The Valley Post. Reach her at df@example.com.", "author bio"),
    ("You must enter the characters shown in the picture", "captcha"),
    ("Comments", "comments prompt"),
    ("Leave a comment", "comments prompt"),
    ("Join the conversation", "comments prompt"),
    ("Comments are moderated before they appear.", "comments prompt"),
    ("We use cookies to improve your experience on our site.", "cookie notice"),
    ("This site uses cookies to track your visit. Accept | Decline | Options", "cookie notice"),
    ("\u00a9 2016 Example Media Group", "copyright"),
    ("Copyright 2015 Example Broadcasting. All rights reserved.", "copyright"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
    ("Email this article to a friend", "email form"),
    ("Send this to a friend", "email form"),
    ("Share", "share widget"),
    ("Share this: Facebook Twitter Email", "share widget"),
    ("Home > News > Local", "navigation"),
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("(Reporting by Jane Roe; Editing by John Doe)", "credit line"),
    ("Contributing: Alex Poe", "credit line"),
    ("Staff writer Sam Lee contributed to this report.", "credit line"),
    ("jroe@example.com", "contact line"),
    ("Follow her on Twitter @jroe_news", "contact line"),
    ("By Jane Roe and John Doe", "byline"),
    ("Updated: March 3, 2021 - 4:15 PM", "metadata"),
    ("Check back for updates.", "update notice"),
    ("* * *", "separator"),
    ("Your password has been reset. Please sign in again.", "account prompt"),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_line_is_classified(line: str, reason: str) -> None:
    assert classify_line(line) == reason


NEWS = [
    "Shares in the company fell 4% after the announcement.",
    "The mayor declined to comment on the investigation.",
    "Comments made by the minister on Tuesday drew sharp criticism.",
    "A photo posted online showed smoke rising over the harbour.",
    "Residents said they wanted to read more about the plan before the vote.",
    "The council met on Monday. Roads | Schools | Parks",
    '"We will not give up," she said.',
    '"It was terrifying."',
    "LISBON, Portugal (AP) \u2014",
    "The bridge reopened on Friday.",
    "Police asked anyone with information to call 555-0100.",
    "He shared the video with investigators, police said.",
    "Video footage from the scene showed several people running from the square.",
    "At least 12 people were killed and 40 injured, the ministry said. \u2013 Reuters",
    "By Tuesday evening, the fire had spread to three villages.",
    "More than 2,000 people were evacuated from the coast.",
    "Related charges were filed against two other men.",
    "Follow-up inspections are planned for next month.",
    "The newspaper's photographer, Ana Lima, was injured in the blast.",
    "Watchdogs warned that the audit was incomplete.",
    "Listen to the victims, the bishop urged the crowd.",
    "The family has set up an account to pay for the funeral.",
    '"Follow us to the shelter," a volunteer shouted to the crowd.',
    "Subscribers to the water utility will see higher bills this year.",
    "\u2014 Reuters",
    "By The Associated Press",
]


@pytest.mark.parametrize("line", NEWS)
def test_news_line_is_not_furniture(line: str) -> None:
    assert classify_line(line) is None


def test_every_reason_is_declared() -> None:
    assert {reason for _, reason in FURNITURE} <= set(f.REASONS)


# --- lines in context ----------------------------------------------------------------------------

BODY = (
    "Heavy rain flooded the lower town overnight, officials said.\n\n"
    "Three schools were closed and the main bridge was shut to traffic.\n\n"
    "Engineers will inspect the bridge on Monday, the council said.\n\n"
    "Residents were told to avoid the river banks until the water recedes.\n\n"
    "The regional government promised emergency funds for repairs."
)


def test_clean_news_text_is_unchanged() -> None:
    assert clean_text(BODY) == (BODY, ())


def _texts(removals: tuple[Removal, ...]) -> list[str]:
    return [removal.text for removal in removals]


def test_short_player_widget_at_start_is_removed() -> None:
    text, removals = clean_text("Harbour calm listen\n\n" + BODY)
    assert [(r.text, r.reason) for r in removals] == [("Harbour calm listen", "player widget")]
    assert text == BODY


def test_player_words_in_a_mid_article_subhead_stay() -> None:
    text = BODY + "\n\nDrone video of the flooded valley\n\n" + BODY
    cleaned, removals = clean_text(text)
    assert removals == ()
    assert "Drone video of the flooded valley" in cleaned


def test_headline_with_a_player_word_inside_stays() -> None:
    assert clean_text("Police release video of the flood rescue\n\n" + BODY)[1] == ()


def test_tip_line_sentence_is_not_cut_from_its_paragraph() -> None:
    text = "Police urged witnesses to come forward. Call 555-0100."
    assert clean_text(text) == (text, ())


def test_label_with_a_headline_does_not_take_the_next_subhead() -> None:
    text = BODY + "\n\nMore: Floods close three schools\nVictims identified\n\n" + BODY
    cleaned, removals = clean_text(text)
    assert _texts(removals) == ["More: Floods close three schools"]
    assert "Victims identified" in cleaned


def test_about_the_author_block_at_the_end_is_removed() -> None:
    bio = "About the writer\nDana Fox covers weather and climate from the coast. Read more"
    text, removals = clean_text(BODY + "\n\n" + bio)
    assert text == BODY
    assert _texts(removals) == bio.split("\n")
    assert {removal.reason for removal in removals} == {"author bio"}


def test_trailing_bio_line_only_at_the_end() -> None:
    bio = "Dana Fox is a reporter for The Valley Post based in the capital."
    _, at_end = clean_text(BODY + "\n\n" + bio)
    assert [(r.text, r.reason) for r in at_end] == [(bio, "author bio")]
    _, at_start = clean_text(bio + "\n\n" + BODY)
    assert at_start == ()


def test_promo_sentence_trailing_a_news_paragraph_is_cut() -> None:
    text, removals = clean_text(
        "The bridge reopened on Friday, officials said. Click here to see the list of closures."
    )
    assert text == "The bridge reopened on Friday, officials said."
    assert [(r.text, r.reason) for r in removals] == [
        ("Click here to see the list of closures.", "promo")
    ]


def test_headlines_listed_under_a_related_header_go_with_it() -> None:
    related = "Related stories:\nFlood waters rise in river town\nMayor visits the shelter"
    text, removals = clean_text(related + "\n\n" + BODY)
    assert text == BODY
    assert _texts(removals) == related.split("\n")


def test_caption_and_read_more_removed_wire_credit_kept() -> None:
    raw = (
        "Boats moored in the harbour at dawn. Photograph: Jane Roe/Agency\n\n"
        + BODY
        + "\n\nREAD MORE\n\nAbout 300 homes lost power, the utility said. \u2013 Reuters"
    )
    text, removals = clean_text(raw)
    assert [r.reason for r in removals] == ["caption", "promo"]
    assert text.endswith("the utility said. \u2013 Reuters")
    assert text.startswith("Heavy rain flooded")


def test_clean_article_keeps_earlier_removals(make_article: Callable[..., Article]) -> None:
    earlier = Removal(text="<nav>", reason="markup")
    article = make_article(text="Advertisement\n\n" + BODY, removed=(earlier,))
    cleaned = clean_article(article)
    assert cleaned.removed == (earlier, Removal(text="Advertisement", reason="advertisement"))
    assert cleaned.text == BODY
    assert cleaned.id == article.id


# --- lines repeated across one outlet ------------------------------------------------------------

STORIES = [
    "A warehouse fire in the east district was put out after six hours, firefighters said.\n"
    "No one was hurt in the blaze, which started in a storage room.",
    "The city council approved a new budget for road repairs on Tuesday evening.\n"
    "The plan includes resurfacing the main avenue next spring.",
    "A local bakery won a national award for its sourdough bread this weekend.\n"
    "The owners said they would celebrate with free loaves for neighbours.",
    "Two hikers were rescued from the northern ridge after a night in the cold.\n"
    "Both were taken to hospital with mild hypothermia, rescuers said.",
]
PROMO = "Catch the evening bulletin on Radio Example"


def _outlet(texts: list[str], sources: list[str]) -> list[Article]:
    return [
        Article(id=f"a{number}", text=text, origin="test", source=source)
        for number, (text, source) in enumerate(zip(texts, sources, strict=True))
    ]


def test_line_repeated_across_one_outlet_is_boilerplate() -> None:
    texts = [story + "\n" + PROMO for story in STORIES]
    cleaned = clean_articles(_outlet(texts, ["https://www.example.com/a"] + ["example.com"] * 3))
    for article, story in zip(cleaned, STORIES, strict=True):
        assert article.text == story
        assert article.removed == (Removal(text=PROMO, reason="repeated in outlet"),)


def test_line_repeated_across_different_outlets_is_kept() -> None:
    texts = [story + "\n" + PROMO for story in STORIES]
    sources = [f"outlet{number}.example" for number in range(len(texts))]
    for article in clean_articles(_outlet(texts, sources)):
        assert article.text.endswith(PROMO)
        assert article.removed == ()


def test_repeated_news_sentence_in_one_outlet_is_kept() -> None:
    texts = [story + "\nNo arrests have been made." for story in STORIES]
    for article in clean_articles(_outlet(texts, ["example.com"] * len(texts))):
        assert article.text.endswith("No arrests have been made.")


def test_versions_of_one_story_count_once() -> None:
    story = (
        "A warehouse fire in the east district was put out after six hours, firefighters said.\n"
        "No one was hurt in the blaze, which started in a storage room at the back.\n"
        "Investigators are expected to visit the site again on Thursday morning.\n"
    )
    texts = [story + "Warehouse blaze in east district" + "\nUpdate " + str(n) for n in range(4)]
    assert len(texts) > MIN_OUTLET_REPEATS
    for article in clean_articles(_outlet(texts, ["example.com"] * len(texts))):
        assert "Warehouse blaze in east district" in article.text


def test_articles_without_source_are_cleaned_one_by_one() -> None:
    texts = [story + "\n" + PROMO for story in STORIES]
    for article in clean_articles([Article(id=str(n), text=t) for n, t in enumerate(texts)]):
        assert article.text.endswith(PROMO)


# --- the seed articles ---------------------------------------------------------------------------


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _filled(text: str) -> list[str]:
    return [line for line in normalize(text).split("\n") if line]


def _check_nothing_else_removed(raw: str, removals: tuple[Removal, ...], text: str) -> None:
    removed = set(_texts(removals))
    for line in _filled(raw):
        if line not in removed:
            assert line in text


@pytest.mark.parametrize("prefix", ["001", "004"])
def test_seeds_without_furniture_are_untouched(seeds_dir: Path, prefix: str) -> None:
    raw = _seed(seeds_dir, prefix)
    text, removals = clean_text(raw)
    assert removals == ()
    assert text == normalize(raw)


def test_seed_000_caption_and_read_more(seeds_dir: Path) -> None:
    raw = _seed(seeds_dir, "000")
    text, removals = clean_text(raw)
    lines = _filled(raw)
    assert len(removals) == 2
    assert (removals[0].text, removals[0].reason) == (lines[0], "caption")
    assert removals[1].text in lines[1:-1]
    assert len(removals[1].text.split()) <= 3
    assert removals[1].reason == "promo"
    assert lines[-1] in text  # the trailing wire credit stays
    _check_nothing_else_removed(raw, removals, text)


@pytest.mark.parametrize("drop_headline", [False, True])
def test_seed_002_player_widget(seeds_dir: Path, drop_headline: bool) -> None:
    raw = _seed(seeds_dir, "002")
    lines = _filled(raw)
    if drop_headline:  # ingest turns a short first line + blank line into the title
        raw = raw.split("\n", 1)[1]
    text, removals = clean_text(raw)
    assert [(r.text, r.reason) for r in removals] == [(lines[1], "player widget")]
    _check_nothing_else_removed(raw, removals, text)


def test_seed_003_ai_voice_notice_and_bio(seeds_dir: Path) -> None:
    raw = _seed(seeds_dir, "003")
    text, removals = clean_text(raw)
    lines = _filled(raw)
    assert [(r.text, r.reason) for r in removals] == [
        (lines[0], "audio notice"),
        (lines[-2], "author bio"),
        (lines[-1], "author bio"),
    ]
    _check_nothing_else_removed(raw, removals, text)


def test_seeds_as_one_batch(seeds_dir: Path) -> None:
    articles = [
        Article(id=path.stem, text=path.read_text(encoding="utf-8"), source=path.stem[4:])
        for path in sorted(seeds_dir.glob("*.txt"))
    ]
    counts = [len(article.removed) for article in clean_articles(articles)]
    assert counts == [2, 0, 1, 3, 0]
