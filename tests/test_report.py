"""The JSON contract and Markdown rendering of a report."""

from __future__ import annotations

import json

from newsprism.models import SCHEMA, Article, Entity, Problem, Removal, Report, Story
from newsprism.report import to_dict, to_json, to_markdown

ARTICLE_KEYS = {"id", "source", "url", "title", "published", "byline", "text", "removed"}
STORY_KEYS = {
    "id", "title", "article_ids", "reuse", "source_groups", "entities", "figures", "quotes",
    "facts", "framing", "timeline", "event", "brief",
}  # fmt: skip


def sample_report() -> Report:
    article = Article(
        id="harbour-fire",
        text="Fire crews fought the blaze | for six hours.",
        source="Coast Ledger",
        title="Harbour *fire* contained",
        wire="MPA",
        removed=(Removal(text="READ MORE", reason="promo"),),
    )
    story = Story(
        id="s1",
        title="Harbour fire",
        article_ids=("harbour-fire",),
        entities=(Entity(id="e1", name="Coast Guard", type="ORG", article_ids=("harbour-fire",)),),
    )
    problem = Problem(input="broken.json", message="line 3: not valid JSON")
    return Report(articles=(article,), stories=(story,), problems=(problem,))


def test_contract_fields_present():
    data = to_dict(sample_report())
    assert data["schema"] == SCHEMA
    assert set(data["articles"][0]) >= ARTICLE_KEYS
    assert set(data["stories"][0]) >= STORY_KEYS
    assert data["articles"][0]["removed"] == [{"text": "READ MORE", "reason": "promo"}]
    assert data["articles"][0]["wire"] == "MPA"
    event = data["stories"][0]["event"]
    assert set(event) == {"type", "date", "location", "killed", "injured"}
    assert event["killed"] == {"best": None, "low": None, "high": None, "figure_ids": []}
    assert data["stories"][0]["entities"][0]["aliases"] == []
    assert data["problems"] == [
        {"input": "broken.json", "level": "error", "message": "line 3: not valid JSON"}
    ]


def test_json_round_trips_and_keeps_unicode():
    report = sample_report()
    text = to_json(report)
    assert json.loads(text) == to_dict(report)
    unicode_report = Report(articles=(Article(id="x", text="Señora said “yes”"),), stories=())
    assert "Señora" in to_json(unicode_report)


def test_markdown_escapes_table_breaking_text():
    text = to_markdown(sample_report())
    assert "## Harbour fire" in text
    assert "Harbour \\*fire\\* contained" in text
    assert "| `harbour-fire` | Coast Ledger (wire: MPA) |" in text
    assert "promo: READ MORE" in text
    assert "broken.json" in text


def test_markdown_shows_brief_event_reuse_and_each_quote_once():
    articles = (
        Article(id="wire", text="Two sailors were hurt.", source="Marine Press"),
        Article(id="copy", text="Two sailors were hurt.", source="Coast Ledger"),
    )
    quote = {"speaker": "Ida Brenn", "text": "We saw the smoke first", "direct": True}
    story = Story(
        id="s1",
        title="Harbour fire",
        article_ids=("wire", "copy"),
        reuse=({"a": "copy", "b": "wire", "kind": "copy", "origin": "wire"},),
        source_groups=({"id": "g1", "article_ids": ["copy", "wire"]},),
        quotes=({**quote, "article_id": "wire"}, {**quote, "article_id": "copy"}),
        brief=(
            {
                "text": "Two sailors were hurt.",
                "status": "single-source",
                "independent_sources": 1,
                "citations": ["wire", "copy"],
            },
        ),
        event={
            "type": "fire",
            "date": "2026-05-02",
            "location": "Port Alder",
            "killed": {"best": None, "low": None, "high": None},
            "injured": {
                "best": 2,
                "low": 2,
                "high": 3,
                "disputes": [
                    {"voice": "Harbour master", "value": "3"},
                    {"voice": "Port Alder police and the coast guard", "value": "4"},
                ],
            },
            "rule": "ACLED conservative",
        },
    )
    text = to_markdown(Report(articles=articles, stories=(story,)))
    assert "- Two sailors were hurt. *(single-source, 1 independent; cites `wire`, `copy`)*" in text
    assert "- injured: 2 (range 2 to 3)" in text
    assert "  - Harbour master says 3" in text
    assert "  - Port Alder police and the coast guard say 4" in text
    assert "killed:" not in text
    assert "- `copy` is a copy of `wire`" in text
    assert "1 independent source groups" in text
    assert text.count("We saw the smoke first") == 1
    assert "`wire`, `copy`" in text.split("### Quotes")[1]
