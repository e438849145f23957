"""The brief: corroborated and contested facts first, every sentence cited with its status."""

from __future__ import annotations

from newsprism.reconcile.brief import BRIEF_MAX_SENTENCES, build_brief
from newsprism.reconcile.records import ClaimRef, Fact, Position


def _fact(fact_id: str, status: str, groups: int, text: str, *, importance: float = 1.0) -> Fact:
    claims = tuple(
        ClaimRef(
            article_id=f"{fact_id}-a{n}", start=0, end=len(text), attributed_to=None, text=text
        )
        for n in range(groups)
    )
    return Fact(
        id=fact_id,
        statement=text,
        status=status,  # type: ignore[arg-type]
        independent_sources=groups,
        claims=claims,
        importance=importance,
    )


def test_corroborated_before_single_source_and_every_sentence_cites():
    facts = [
        _fact(
            "c1",
            "single-source",
            1,
            "A lone outlet said the market stayed open all night.",
            importance=9,
        ),
        _fact(
            "c2",
            "corroborated",
            3,
            "The river burst its banks north of the old mill town.",
            importance=3,
        ),
    ]
    brief = build_brief(facts)
    assert [sentence.fact_id for sentence in brief] == ["c2", "c1"]
    for sentence in brief:
        assert sentence.citations
        assert sentence.to_dict()["citations"] == list(sentence.citations)
    assert brief[0].independent_sources == 3
    assert brief[0].status == "corroborated"


def test_contested_fact_is_stated_as_who_says_what():
    text = "Killed: the governor says 12; the relief group says close to 30."
    fact = Fact(
        id="f1",
        statement=text,
        status="contested",
        independent_sources=2,
        claims=(
            ClaimRef(article_id="x", start=0, end=5, attributed_to="the governor", text="..."),
            ClaimRef(
                article_id="y",
                start=0,
                end=5,
                attributed_to="the relief group",
                stance="contests",
                text="...",
            ),
        ),
        positions=(
            Position(voice="the governor", value="12", article_ids=("x",)),
            Position(voice="the relief group", value="close to 30", article_ids=("y",)),
        ),
        kind="killed",
    )
    (sentence,) = build_brief([fact])
    assert sentence.text == text
    assert sentence.citations == ("x", "y")
    assert sentence.status == "contested"


def test_brief_is_short_and_skips_fragments():
    facts = [
        _fact(
            f"c{n}", "corroborated", 2, f"Statement number {n} about the flood and its aftermath."
        )
        for n in range(20)
    ]
    facts.append(_fact("c99", "corroborated", 5, "Too short."))
    brief = build_brief(facts)
    assert len(brief) == BRIEF_MAX_SENTENCES
    assert all(sentence.fact_id != "c99" for sentence in brief)
