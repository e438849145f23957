"""Reconciliation on hand-built stories: statuses, updates, scopes, attribution, the event
record, alignment and denial, framing, timeline and omissions."""

from __future__ import annotations

from newsprism.extract.claims import Claim
from newsprism.extract.dates import TimeMention
from newsprism.extract.figures import Figure
from newsprism.models import Article
from newsprism.reconcile import reconcile_story
from newsprism.reconcile.align import align_claims
from newsprism.reconcile.context import story_context
from newsprism.reconcile.event import ACLED_RULE, event_record
from newsprism.reconcile.figures import reconcile_figures


def _article(article_id: str, text: str, *, source: str, published: str | None = None) -> Article:
    return Article(id=article_id, text=text, origin="test", source=source, published=published)


def _figure(
    article: Article,
    phrase: str,
    kind: str,
    value: int,
    *,
    number: int = 0,
    qualifier: str = "exact",
    counted: str | None = "people",
    attributed_to: str | None = None,
    bounds: tuple[int | None, int | None] | None = None,
) -> Figure:
    start = article.text.index(phrase)
    sentence_start = article.text.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = article.text.find(".", start) + 1 or len(article.text)
    exact = qualifier == "exact"
    low, high = bounds if bounds is not None else (value, value if exact else None)
    return Figure(
        id=f"{article.id}:f{number}",
        article_id=article.id,
        start=start,
        end=start + len(phrase),
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        counted=counted,
        attributed_to=attributed_to,
        sentence=article.text[sentence_start:sentence_end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
    )


def _groups(*members: tuple[str, ...]) -> list[dict[str, object]]:
    return [{"id": f"g{n}", "article_ids": list(ids)} for n, ids in enumerate(members, start=1)]


def _facts(articles, figures, groups):
    context = story_context(articles, groups)
    return reconcile_figures(figures, context), context


def test_corroborated_counts_a_wire_story_once():
    wire = _article("wire", "The ferry carried 340 passengers, the port said.", source="Agency")
    reprint = _article(
        "reprint", "The ferry carried 340 passengers, the port said.", source="Gazette"
    )
    own = _article("own", "Some 340 passengers were on board the ferry.", source="Herald")
    figures = [
        _figure(wire, "340", "population", 340, attributed_to="the port"),
        _figure(reprint, "340", "population", 340, attributed_to="the port"),
        _figure(own, "340", "population", 340),
    ]
    (fact,), _ = _facts([wire, reprint, own], figures, _groups(("reprint", "wire"), ("own",)))
    assert fact.fact.status == "corroborated"
    assert fact.fact.independent_sources == 2
    assert {claim.article_id for claim in fact.fact.claims} == {"wire", "reprint", "own"}


def test_single_source():
    one = _article("one", "Four people were arrested after the match.", source="Herald")
    figures = [_figure(one, "Four", "arrested", 4)]
    (fact,), _ = _facts([one], figures, _groups(("one",)))
    assert fact.fact.status == "single-source"
    assert fact.fact.independent_sources == 1


def test_incompatible_figures_from_independent_voices_are_contested():
    a = _article("a", "At least 40 people died in the fire, the mayor said.", source="Herald")
    b = _article("b", "Rescuers said 95 people died in the fire.", source="Courier")
    figures = [
        _figure(a, "At least 40", "killed", 40, qualifier="at least", attributed_to="the mayor"),
        _figure(b, "95", "killed", 95, attributed_to="Rescuers"),
    ]
    (fact,), _ = _facts([a, b], figures, _groups(("a",), ("b",)))
    assert fact.fact.status == "contested"
    voices = {position.voice: position.value for position in fact.fact.positions}
    assert voices == {"the mayor": "at least 40", "Rescuers": "95"}
    assert "the mayor says at least 40; Rescuers says 95" in fact.fact.statement
    stances = {claim.article_id: claim.stance for claim in fact.fact.claims}
    assert stances == {"a": "asserts", "b": "contests"}


def test_a_later_higher_toll_is_an_update_not_a_contradiction():
    early = _article(
        "early", "Six people were killed in the crash.", source="Herald", published="2026-05-01"
    )
    late = _article(
        "late", "The toll rose to nine, police said.", source="Courier", published="2026-05-02"
    )
    figures = [
        _figure(early, "Six", "killed", 6),
        _figure(late, "nine", "killed", 9, attributed_to="police"),
    ]
    (fact,), context = _facts([early, late], figures, _groups(("early",), ("late",)))
    assert fact.fact.status == "corroborated"
    assert fact.fact.updates == ("early:f0",)
    assert "earlier counts: six" in fact.fact.statement
    record = event_record(figures, [fact], context)
    assert (record.killed.best, record.killed.low, record.killed.high) == (9, 6, 9)


def test_rose_to_is_an_update_without_dates():
    a = _article("a", "Three people were killed in the storm.", source="Herald")
    b = _article("b", "The death toll rose to five, officials said.", source="Courier")
    figures = [
        _figure(a, "Three", "killed", 3),
        _figure(b, "five", "killed", 5, attributed_to="officials"),
    ]
    (fact,), _ = _facts([a, b], figures, _groups(("a",), ("b",)))
    assert fact.fact.status != "contested"


def test_a_different_scope_is_not_a_conflict():
    a = _article("a", "The shelling killed 12 civilians, the ombudsman said.", source="Herald")
    b = _article("b", "In all 30 people were killed in the fighting.", source="Courier")
    figures = [
        _figure(a, "12", "killed", 12, counted="civilians", attributed_to="the ombudsman"),
        _figure(b, "30", "killed", 30, counted="people"),
    ]
    facts, _ = _facts([a, b], figures, _groups(("a",), ("b",)))
    assert len(facts) == 2
    assert {fact.scope for fact in facts} == {"civilians", "people"}
    assert all(fact.fact.status == "single-source" for fact in facts)


def test_approximate_figures_that_overlap_agree():
    a = _article("a", "About 250 residents were evacuated.", source="Herald")
    b = _article("b", "More than 200 people left their homes.", source="Courier")
    figures = [
        _figure(a, "About 250", "evacuated", 250, qualifier="about", bounds=(None, None)),
        _figure(b, "More than 200", "evacuated", 200, qualifier="more than"),
    ]
    (fact,), _ = _facts([a, b], figures, _groups(("a",), ("b",)))
    assert fact.fact.status == "corroborated"


def test_history_is_not_the_event():
    a = _article(
        "a",
        "Five people were killed on Monday. In 2011 a similar flood killed 80 people.",
        source="Herald",
        published="2026-05-02",
    )
    figures = [_figure(a, "Five", "killed", 5), _figure(a, "80", "killed", 80, number=1)]
    facts, _ = _facts([a], figures, _groups(("a",)))
    assert [fact.fact.figure_ids for fact in facts] == [("a:f0",)]


def test_a_population_after_a_history_sentence_is_the_present():
    text = (
        "In 1987 a flood killed 40 people in Corby Vale. "
        "Corby, a town of 9,000, lies below the dam. Ten people died on Monday."
    )
    a = _article("a", text, source="Herald", published="2026-05-02")
    bounds = [
        (0, text.index(" Corby,")),
        (text.index("Corby,"), text.index(" Ten")),
        (text.index("Ten"), len(text)),
    ]
    claims = [
        Claim(id=f"a:c{n}", article_id="a", start=start, end=end, text=text[start:end])
        for n, (start, end) in enumerate(bounds)
    ]
    figures = [
        _figure(a, "40", "killed", 40),
        _figure(a, "9,000", "population", 9000, number=1),
        _figure(a, "Ten", "killed", 10, number=2),
    ]
    facts = reconcile_figures(figures, story_context([a], _groups(("a",)), claims=claims))
    assert sorted(f.fact.figure_ids for f in facts) == [("a:f1",), ("a:f2",)]


def test_three_outlets_quoting_one_ministry_corroborate_the_attribution():
    texts = {
        "a": "The ministry said 14 soldiers were captured.",
        "b": "Fourteen soldiers were captured, according to the ministry.",
        "c": "The ministry said that 14 soldiers had been captured.",
    }
    articles = [_article(k, v, source=f"Outlet {k}") for k, v in texts.items()]
    phrases = {"a": "14", "b": "Fourteen", "c": "14"}
    figures = [
        _figure(article, phrases[article.id], "arrested", 14, attributed_to="the ministry")
        for article in articles
    ]
    (fact,), _ = _facts(articles, figures, _groups(("a",), ("b",), ("c",)))
    assert fact.fact.status == "corroborated"
    assert fact.fact.independent_sources == 3
    assert fact.fact.primary_sources == ("the ministry",)
    assert fact.fact.corroborates == "attribution"


def test_event_record_takes_the_conservative_figure_and_names_the_rule():
    a = _article("a", "At least 20 people were killed, officials said.", source="Herald")
    b = _article("b", "A local group said 45 people were killed.", source="Courier")
    c = _article("c", "Officials said 20 people were killed.", source="Post")
    figures = [
        _figure(a, "At least 20", "killed", 20, qualifier="at least", attributed_to="officials"),
        _figure(b, "45", "killed", 45, attributed_to="A local group"),
        _figure(c, "20", "killed", 20, attributed_to="Officials"),
    ]
    facts, context = _facts([a, b, c], figures, _groups(("a",), ("b",), ("c",)))
    record = event_record(figures, facts, context)
    assert (record.killed.best, record.killed.low, record.killed.high) == (20, 20, 45)
    assert record.rule == ACLED_RULE
    assert record.disputes
    assert "A local group says 45" in record.disputes[0]
    assert record.to_dict()["killed"]["figure_ids"]


def _claim(article: Article, number: int, *, entity_ids=("e1",), attributed_to=None) -> Claim:
    return Claim(
        id=f"{article.id}:c{number}",
        article_id=article.id,
        start=0,
        end=len(article.text),
        text=article.text,
        attributed_to=attributed_to,
        entity_ids=tuple(entity_ids),
    )


def test_alignment_joins_paraphrases_and_keeps_other_statements_apart():
    a = _article("a", "The bridge over the Lenn river was closed to traffic on Monday.", source="X")
    b = _article(
        "b", "The bridge over the Lenn river was closed to all traffic on Monday.", source="Y"
    )
    c = _article("c", "The harvest festival drew record crowds to the square.", source="Z")
    claims = [_claim(a, 1), _claim(b, 1), _claim(c, 1, entity_ids=("e9",))]
    groups = align_claims(claims)
    assert [[claim.article_id for claim in group] for group in groups] == [["a", "b"], ["c"]]


def test_denial_contests_an_aligned_claim_and_the_brief_cites_it():
    a = _article(
        "a",
        "The army said its troops had shelled the border village of Marren overnight.",
        source="X",
    )
    b = _article(
        "b",
        "The army denied its troops had shelled the border village of Marren overnight.",
        source="Y",
    )
    result = reconcile_story(
        articles=[a, b],
        claims=[_claim(a, 1), _claim(b, 1)],
        source_groups=_groups(("a",), ("b",)),
    )
    (fact,) = result.facts
    assert fact.status == "contested"
    assert {ref.article_id: ref.stance for ref in fact.claims} == {"a": "asserts", "b": "contests"}
    (sentence,) = result.brief
    assert sentence.citations == ("a", "b")
    assert sentence.fact_id == fact.id


def test_timeline_and_omissions():
    texts = {
        "a": "The storm flooded the lower town on Tuesday.",
        "b": "The storm flooded the lower town on Tuesday night.",
        "c": "Schools will stay shut this week.",
    }
    articles = [
        _article(k, v, source=f"Outlet {k}", published="2026-05-06") for k, v in texts.items()
    ]
    dates = [
        TimeMention(
            article_id=k,
            start=v.index("on Tuesday"),
            end=v.index("on Tuesday") + 10,
            text="on Tuesday",
            date="2026-05-05",
            precision="day",
            relative=True,
        )
        for k, v in texts.items()
        if "Tuesday" in v
    ]
    claims = [_claim(article, 1) for article in articles[:2]]
    claims.append(_claim(articles[2], 1, entity_ids=("e7",)))
    result = reconcile_story(
        articles=articles,
        claims=claims,
        dates=dates,
        source_groups=_groups(("a",), ("b",), ("c",)),
    )
    (entry,) = result.timeline
    assert (entry.date, entry.precision, entry.independent_sources) == ("2026-05-05", "day", 2)
    assert entry.first_report == "a"
    (omission,) = result.omissions
    assert omission.article_id == "c"
    assert result.to_dict()["omissions"] == [omission.to_dict()]
