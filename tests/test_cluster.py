"""Story clustering: look-alike events kept apart, incremental = batch, undated articles, state.

Every article here is made up for these tests (fictional towns, people and events).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import replace

import pytest

from newsprism.cluster import (
    DEFAULT_PARAMS,
    Clusterer,
    StoryGroup,
    cluster_articles,
    cluster_stories,
)
from newsprism.cluster.features import date_keys, extract_features, publication_day
from newsprism.models import Annotation, Article, EntityMention

PEOPLE = (
    "Ilse Marrow",
    "Tobin Achterberg",
    "Dara Kell",
    "Ruth Ombasi",
    "Felix Strand",
    "Mirela Voss",
    "Owen Pratchley",
    "Hanna Quist",
    "Leon Dreyfuss",
    "Ada Lindqvist",
)
PLACES = ("Norbridge", "Calder Street", "Wexmoor Road", "Pellham", "Tarn Valley", "Oskarsholm")
ORGS = ("Norbridge Fire Service", "Pellham City Council", "Tarn Valley Rail")
NAMED = (("PERSON", PEOPLE), ("GPE", PLACES), ("ORG", ORGS))

# Two warehouse fires in one town in one week (look-alikes), a council budget and a rail strike.
FIRE_A = (
    "Warehouse fire on Calder Street injures two workers",
    "A fire tore through a furniture warehouse on Calder Street in Norbridge on Monday night, "
    "injuring two workers. The Norbridge Fire Service said 40 firefighters fought the blaze. "
    "Owner Ilse Marrow said the building held 300 sofas. Worker Tobin Achterberg, 34, was "
    "treated for smoke inhalation.",
)
FIRE_A2 = (
    "Calder Street blaze: owner Ilse Marrow vows to rebuild",
    "Ilse Marrow, who owns the furniture warehouse on Calder Street that burned on Monday, "
    "said she would rebuild. Tobin Achterberg, 34, one of two workers hurt, left hospital. "
    "The Norbridge Fire Service is still looking for the cause of the blaze.",
)
FIRE_A3 = (
    "Two hurt as Norbridge furniture store burns",
    "Firefighters in Norbridge battled a blaze at a furniture warehouse on Calder Street late "
    "Monday. Two workers, including Tobin Achterberg, 34, were hurt. About 40 firefighters "
    "attended, the Norbridge Fire Service said. Ilse Marrow, the owner, lost 300 sofas.",
)
FIRE_B = (
    "Paint warehouse fire on Wexmoor Road forces evacuation",
    "A fire broke out at a paint warehouse on Wexmoor Road in Norbridge on Thursday, forcing "
    "the evacuation of 120 homes. The Norbridge Fire Service said 25 firefighters tackled the "
    "blaze. Manager Dara Kell said no one was inside. Neighbour Ruth Ombasi, 61, saw the smoke.",
)
FIRE_B2 = (
    "Wexmoor Road homes evacuated after paint store blaze",
    "Residents of 120 homes near Wexmoor Road were told to leave on Thursday as a paint "
    "warehouse burned in Norbridge. Dara Kell, the manager, said the building was empty. "
    "Ruth Ombasi, 61, said the smoke was black. The Norbridge Fire Service sent 25 firefighters.",
)
FIRE_B3 = (
    "Norbridge paint warehouse blaze: no injuries",
    "Nobody was hurt when a paint warehouse on Wexmoor Road caught fire on Thursday, manager "
    "Dara Kell said. The Norbridge Fire Service said 25 firefighters fought the blaze and 120 "
    "homes were evacuated. Ruth Ombasi, 61, watched from across the road.",
)
BUDGET = (
    "Pellham City Council passes budget with library cuts",
    "Pellham City Council approved its budget on Tuesday, cutting library hours. Councillor "
    "Felix Strand voted against the plan. Mayor Mirela Voss said the cuts were needed.",
)
BUDGET2 = (
    "Library hours cut as Pellham budget passes",
    "Mayor Mirela Voss defended the library cuts in the budget passed by Pellham City Council "
    "on Tuesday. Felix Strand, a councillor, said readers would lose out.",
)
BUDGET3 = (
    "Pellham budget: Strand opposes library cuts",
    "Councillor Felix Strand said the Pellham City Council budget passed on Tuesday hurt "
    "libraries. Mayor Mirela Voss said the cuts were needed to balance the books.",
)
RAIL = (
    "Tarn Valley Rail strike halts trains to Oskarsholm",
    "Drivers at Tarn Valley Rail walked out on Wednesday, halting trains to Oskarsholm. "
    "Union leader Owen Pratchley said talks had failed. Hanna Quist, a commuter, was stranded.",
)
RAIL2 = (
    "Oskarsholm commuters stranded by Tarn Valley Rail strike",
    "No trains ran to Oskarsholm on Wednesday as Tarn Valley Rail drivers went on strike. "
    "Owen Pratchley of the union said talks had failed. Hanna Quist waited two hours.",
)
RAIL3 = (
    "Tarn Valley Rail drivers strike over pay",
    "Tarn Valley Rail drivers struck on Wednesday, union leader Owen Pratchley said, and trains "
    "to Oskarsholm stopped. Commuter Hanna Quist said she was stranded.",
)
# Weekdays of the first week of March 2031 (Monday the 3rd).
DAYS = {
    "Monday": "2031-03-03",
    "Tuesday": "2031-03-04",
    "Wednesday": "2031-03-05",
    "Thursday": "2031-03-06",
    "Friday": "2031-03-07",
}


def annotate_by_hand(article: Article) -> Annotation:
    """Sentences at full stops and the listed names, numbers and weekdays as entities."""
    text = article.text
    found: list[EntityMention] = []
    patterns = [(label, re.escape(name)) for label, names in NAMED for name in names]
    patterns += [
        ("DATE", r"\b(?:March|June) \d{1,2}, \d{4}\b"),
        ("CARDINAL", r"\b\d+\b"),
        ("DATE", r"\b(?:Mon|Tues|Wednes|Thurs|Fri)day\b"),
    ]
    for label, pattern in patterns:
        for match in re.finditer(pattern, text):
            found.append(
                EntityMention(start=match.start(), end=match.end(), label=label, text=match[0])
            )
    kept = [m for m in found if not any(_inside(m, other) for other in found)]
    sentences = tuple((m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text))
    return Annotation(
        article_id=article.id,
        sentences=sentences,
        entities=tuple(sorted(kept, key=lambda m: (m.start, m.end))),
        words=len(text.split()),
    )


def _inside(mention: EntityMention, other: EntityMention) -> bool:
    """``mention`` lies within the longer mention ``other``."""
    longer = other.end - other.start > mention.end - mention.start
    return longer and other.start <= mention.start and mention.end <= other.end


def make(article_id: str, story: tuple[str, str], published: str | None) -> Article:
    title, text = story
    return Article(id=article_id, text=text, origin="test", title=title, published=published)


def corpus(*, dated: bool = True) -> list[Article]:
    """Four stories of three reports each, the two fires being look-alikes."""

    def day(name: str) -> str | None:
        return DAYS[name] if dated else None

    return [
        make("fire-a1", FIRE_A, day("Tuesday")),
        make("fire-a2", FIRE_A2, day("Wednesday")),
        make("fire-a3", FIRE_A3, day("Tuesday")),
        make("fire-b1", FIRE_B, day("Thursday")),
        make("fire-b2", FIRE_B2, day("Friday")),
        make("fire-b3", FIRE_B3, day("Thursday")),
        make("budget-1", BUDGET, day("Tuesday")),
        make("budget-2", BUDGET2, day("Wednesday")),
        make("budget-3", BUDGET3, day("Wednesday")),
        make("rail-1", RAIL, day("Wednesday")),
        make("rail-2", RAIL2, day("Wednesday")),
        make("rail-3", RAIL3, day("Thursday")),
    ]


EXPECTED = {
    frozenset({"fire-a1", "fire-a2", "fire-a3"}),
    frozenset({"fire-b1", "fire-b2", "fire-b3"}),
    frozenset({"budget-1", "budget-2", "budget-3"}),
    frozenset({"rail-1", "rail-2", "rail-3"}),
}


def partition(groups: Sequence[Sequence[str]]) -> set[frozenset[str]]:
    return {frozenset(group) for group in groups}


def run(articles: Sequence[Article], **options: bool) -> list[tuple[str, ...]]:
    return cluster_articles(articles, [annotate_by_hand(a) for a in articles], **options)


@pytest.mark.issue(4)
def test_lookalike_events_kept_apart():
    assert partition(run(corpus())) == EXPECTED


@pytest.mark.issue(4)
def test_undated_articles_cluster_on_content_alone():
    assert partition(run(corpus(dated=False))) == EXPECTED


def test_undated_article_joins_dated_story():
    articles = corpus()
    articles.append(make("fire-b4", FIRE_B3, None))
    groups = partition(run(articles))
    assert frozenset({"fire-b1", "fire-b2", "fire-b3", "fire-b4"}) in groups


@pytest.mark.issue(4)
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
@pytest.mark.parametrize("dated", [True, False])
def test_incremental_equals_batch_in_any_order(seed: int, dated: bool):
    articles = corpus(dated=dated)
    batch = partition(run(articles))
    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    clusterer = Clusterer()
    keys = {a.id: clusterer.add(a, annotate_by_hand(a)) for a in shuffled}
    one_by_one: dict[str, set[str]] = {}
    for article_id, key in keys.items():
        one_by_one.setdefault(key, set()).add(article_id)
    assert partition([tuple(g) for g in one_by_one.values()]) == batch == EXPECTED


def test_follow_up_weeks_later_joins_but_lookalike_does_not():
    articles = corpus()
    trial = (
        "Calder Street warehouse owner testifies at arson trial",
        "Ilse Marrow told a Norbridge court on Monday that the fire at her Calder Street "
        "furniture warehouse destroyed 300 sofas. Tobin Achterberg, 34, who was hurt in the "
        "blaze, also gave evidence. The Norbridge Fire Service found the fire was set on purpose.",
    )
    other = (
        "Timber warehouse fire in Norbridge",
        "A timber warehouse in Norbridge caught fire on Monday. The Norbridge Fire Service sent "
        "firefighters and the blaze was put out. Leon Dreyfuss, the owner, said 80 pallets burned. "
        "His neighbour Ada Lindqvist called the fire service.",
    )
    articles.append(make("fire-a-trial", trial, "2031-05-20"))
    articles.append(make("fire-c", other, "2031-05-29"))
    groups = partition(run(articles))
    assert frozenset({"fire-a1", "fire-a2", "fire-a3", "fire-a-trial"}) in groups
    assert frozenset({"fire-c"}) in groups


def test_undated_lookalikes_apart_by_the_dates_they_mention():
    """The same shop burns twice, two years apart: the reports share the street, the town and
    the fire service, and the dates they mention tell the two fires apart once mentioned times
    that conflict count against a story (off by default, see scoring.DATE_CONFLICT)."""
    first = (
        "Fire guts Calder Street bakery",
        "A fire gutted the bakery on Calder Street in Norbridge on March 3, 2029, destroying "
        "its ovens and 200 loaves. The owner blamed faulty wiring. The Norbridge Fire "
        "Service sent 12 firefighters and a ladder truck.",
    )
    second = (
        "Calder Street bakery burns again",
        "Flames swept through the rebuilt bakery on Calder Street on June 12, 2031. "
        "The owner said a delivery van parked outside caught fire first. Police "
        "closed the street and crews put out the blaze within an hour.",
    )
    articles = [
        make("bakery-2029-1", first, None),
        make("bakery-2029-2", (first[0], first[1].replace("faulty", "old")), None),
        make("bakery-2031-1", second, None),
        make("bakery-2031-2", (second[0], second[1].replace("rebuilt", "reopened")), None),
        *(a for a in corpus(dated=False) if not a.id.startswith("fire")),
    ]
    annotations = [annotate_by_hand(a) for a in articles]
    # The refinement thresholds the conflict was tried with (scripts/tune_cluster.py ablation).
    params = replace(DEFAULT_PARAMS, split_threshold=0.2, merge_threshold=0.2)
    merged = partition(cluster_articles(articles, annotations, params=params))
    assert frozenset({"bakery-2029-1", "bakery-2029-2", "bakery-2031-1", "bakery-2031-2"}) in merged
    params = replace(params, date_conflict=0.15)
    groups = partition(cluster_articles(articles, annotations, params=params))
    assert frozenset({"bakery-2029-1", "bakery-2029-2"}) in groups
    assert frozenset({"bakery-2031-1", "bakery-2031-2"}) in groups


def test_groups_are_deterministic_and_ordered():
    articles = corpus()
    first, second = run(articles), run(list(reversed(articles)))
    assert partition(first) == partition(second)
    assert first[0][0] in {"fire-a1", "fire-a3", "budget-1"}  # earliest day first
    for group in first:
        days = [next(a.published for a in articles if a.id == i) for i in group]
        assert days == sorted(days)


def test_cluster_stories_names_a_central_article():
    articles = corpus()
    stories = cluster_stories(articles, [annotate_by_hand(a) for a in articles])
    assert all(isinstance(story, StoryGroup) for story in stories)
    for story in stories:
        assert story.central_id in story.article_ids
    assert len({story.key for story in stories}) == len(stories)


def test_single_pass_without_refinement():
    assert partition(run(corpus(), refine=False)) == EXPECTED


def test_empty_and_single_inputs():
    assert cluster_articles([], []) == []
    article = make("only", RAIL, "2031-03-05")
    assert cluster_articles([article], [annotate_by_hand(article)]) == [("only",)]
    blank = Article(id="blank", text="", origin="test")
    assert cluster_articles([blank], [annotate_by_hand(blank)]) == [("blank",)]


def test_mismatched_annotations_are_refused():
    articles = corpus()[:2]
    with pytest.raises(ValueError, match="no annotation"):
        cluster_articles(articles, [annotate_by_hand(articles[0])])
    clusterer = Clusterer()
    clusterer.add(articles[0], annotate_by_hand(articles[0]))
    with pytest.raises(ValueError, match="already added"):
        clusterer.add(articles[0], annotate_by_hand(articles[0]))


def test_state_is_small_json_and_continues_stories():
    articles = corpus()
    clusterer = Clusterer()
    clusterer.add_many(articles, [annotate_by_hand(a) for a in articles])
    clusterer.refine()
    keys = clusterer.assignments()
    state = json.loads(json.dumps(clusterer.to_state()))
    text = json.dumps(state)
    assert "A fire tore through" not in text  # no article text is kept
    assert len(text) < 20_000
    assert {story["key"] for story in state["stories"]} == set(keys.values())
    fire_b = next(s for s in state["stories"] if s["key"] == keys["fire-b1"])
    assert (fire_b["first"], fire_b["last"], fire_b["count"]) == ("2031-03-06", "2031-03-07", 3)
    assert fire_b["title"] in {FIRE_B[0], FIRE_B2[0], FIRE_B3[0]}

    later = Clusterer.from_state(state)
    follow_up = make("fire-b4", FIRE_B2, "2031-03-08")
    rail = make("rail-4", RAIL3, "2031-03-08")
    unrelated = Article(
        id="quake",
        text="An earthquake shook the coast overnight. A shopkeeper said her windows broke.",
        origin="test",
        published="2031-03-08",
    )
    batch = [follow_up, rail, unrelated]
    new = later.add_many(batch, [annotate_by_hand(a) for a in batch])
    assert new[0] == keys["fire-b1"]
    assert new[1] == keys["rail-1"]
    assert new[2] not in set(keys.values())
    assert later.refine()["fire-b4"] == keys["fire-b1"]
    assert later.headline(keys["fire-b1"]) is not None


def test_state_round_trip_is_stable():
    articles = corpus()
    clusterer = Clusterer()
    clusterer.add_many(articles, [annotate_by_hand(a) for a in articles])
    state = clusterer.to_state()
    assert Clusterer.from_state(json.loads(json.dumps(state))).to_state() == state


def test_state_without_later_fields_loads():
    """A state written before the mentioned-times space existed still continues its stories."""
    articles = corpus()
    clusterer = Clusterer()
    clusterer.add_many(articles, [annotate_by_hand(a) for a in articles])
    keys = clusterer.refine()
    state = json.loads(json.dumps(clusterer.to_state()))
    for story in state["stories"]:
        del story["times"]
    later = Clusterer.from_state(state)
    follow_up = make("fire-b4", FIRE_B2, "2031-03-08")
    assert later.add(follow_up, annotate_by_hand(follow_up)) == keys["fire-b1"]


def test_broken_state_is_refused():
    from newsprism.errors import StoreError

    with pytest.raises(StoreError, match="schema"):
        Clusterer.from_state({"schema": "something else"})
    with pytest.raises(StoreError, match="malformed"):
        Clusterer.from_state({"schema": "newsprism.cluster-state/1", "stories": [{}]})


@pytest.mark.parametrize(
    ("mention", "published", "expected"),
    [
        ("March 3, 2031", None, {"md:03-03", "d:2031-03-03", "m:2031-03", "y:2031"}),
        ("Jan. 19", "2031-02-02", {"md:01-19", "d:2031-01-19", "m:2031-01"}),
        ("Dec. 30", "2031-01-02", {"md:12-30", "d:2030-12-30", "m:2030-12"}),
        ("Monday", "2031-03-05", {"d:2031-03-03"}),
        ("last Wednesday", "2031-03-05", {"d:2031-02-26"}),
        ("yesterday", "2031-03-05", {"d:2031-03-04"}),
        ("Monday", None, set()),
        ("about 6 p.m.", None, {"t:18"}),
        ("1998", None, {"y:1998"}),
    ],
)
def test_date_keys(mention: str, published: str | None, expected: set[str]):
    assert set(date_keys(mention, publication_day(published))) == expected


def test_features_read_names_numbers_and_ages():
    article = make("fire-a1", FIRE_A, "2031-03-04")
    features = extract_features(article, annotate_by_hand(article))
    assert features.persons == {"marrow": 1, "achterberg": 1}
    assert features.names["n:calder street"] == 1
    assert features.names["w:achterberg"] == 1
    assert {"#40", "#300", "#34"} <= set(features.numbers)
    assert "d:2031-03-03" in features.dates  # "Monday" before a Tuesday report
    assert features.title["warehouse"] == 1
    assert features.headline == FIRE_A[0]


def test_publication_day_accepts_dates_and_datetimes():
    assert publication_day("2031-03-04") == publication_day("2031-03-04T22:10:00+00:00")
    assert publication_day(None) is None
    assert publication_day("not a date") is None


def test_merge_needs_near_reports_not_overlapping_spans():
    """A story with a follow-up weeks after its event spans a look-alike in between; the
    look-alike's reports are weeks from every report of it and must not be merged in."""
    from newsprism.cluster.refine import merge

    trial = (
        "Calder Street warehouse owner testifies at arson trial",
        "Ilse Marrow told a Norbridge court that the fire at her Calder Street furniture "
        "warehouse destroyed 300 sofas. Tobin Achterberg, 34, who was hurt, gave evidence.",
    )
    articles = [
        make("fire-a1", FIRE_A, "2031-03-04"),
        make("fire-a2", FIRE_A2, "2031-03-05"),
        make("fire-a-trial", trial, "2031-05-20"),
        make("fire-b1", FIRE_B, "2031-04-10"),
        make("fire-b2", FIRE_B2, "2031-04-11"),
    ]
    clusterer = Clusterer()
    clusterer.add_many(articles, [annotate_by_hand(a) for a in articles])
    clusterer.refine()
    assert partition(clusterer.groups()) == {
        frozenset({"fire-a1", "fire-a2", "fire-a-trial"}),
        frozenset({"fire-b1", "fire-b2"}),
    }
    # Even with thresholds that let any two stories sharing content merge, the days keep the
    # look-alike apart.
    eager = replace(clusterer.params, merge_threshold=-1.0, merge_cost=1e9)
    table, graphs = clusterer._table, clusterer._graphs(0)
    assert merge(table, clusterer._story_sums(), graphs, eager) == 0
    assert partition(clusterer.groups()) == {
        frozenset({"fire-a1", "fire-a2", "fire-a-trial"}),
        frozenset({"fire-b1", "fire-b2"}),
    }
