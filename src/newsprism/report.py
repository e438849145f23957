"""Report output: a :class:`Report` as the JSON contract (``newsprism.report/1``) or Markdown.

Reads a Report; returns plain dicts and strings. Field names follow ../shared/DESIGN.md; extra
fields (``wire``, ``origin``, ``problems``, ``stats``) may be added but never renamed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .models import SCHEMA, Article, Entity, Report, Story

EMPTY_COUNT: dict[str, Any] = {"best": None, "low": None, "high": None, "figure_ids": []}
# Entities listed per story in Markdown; the JSON carries all of them.
MARKDOWN_TOP_ENTITIES = 15
# Characters of a removed line shown in Markdown; longer removals are cut with an ellipsis.
MARKDOWN_REMOVAL_CHARS = 100
# Direct quotes listed per story in Markdown (first in text order); the JSON carries all of them.
MARKDOWN_TOP_QUOTES = 12


def article_to_dict(article: Article) -> dict[str, Any]:
    """One article as the contract's ``articles[]`` entry."""
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "byline": article.byline,
        "wire": article.wire,
        "origin": article.origin,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    """One entity as the contract's ``stories[].entities[]`` entry."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "article_ids": list(entity.article_ids),
        "mentions": entity.mentions,
        "stands_for": entity.stands_for,
    }


def empty_event() -> dict[str, Any]:
    """The event record before figures are reconciled: every field present, every value null."""
    return {
        "type": None,
        "date": None,
        "location": None,
        "killed": dict(EMPTY_COUNT, figure_ids=[]),
        "injured": dict(EMPTY_COUNT, figure_ids=[]),
    }


def story_to_dict(story: Story) -> dict[str, Any]:
    """One story as the contract's ``stories[]`` entry."""
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "start": story.start,
        "end": story.end,
        "reuse": list(story.reuse),
        "source_groups": list(story.source_groups),
        "entities": [entity_to_dict(entity) for entity in story.entities],
        "figures": list(story.figures),
        "quotes": list(story.quotes),
        "facts": list(story.facts),
        "framing": list(story.framing),
        "timeline": list(story.timeline),
        "event": story.event if story.event is not None else empty_event(),
        "brief": list(story.brief),
        "claims": list(story.claims),
        "dates": list(story.dates),
        "labels": list(story.labels),
        "omissions": list(story.omissions),
    }


def to_dict(report: Report) -> dict[str, Any]:
    """The whole report as JSON-ready data."""
    return {
        "schema": SCHEMA,
        "articles": [article_to_dict(article) for article in report.articles],
        "stories": [story_to_dict(story) for story in report.stories],
        "problems": [
            {"input": p.input, "level": p.level, "message": p.message} for p in report.problems
        ],
        "stats": dict(report.stats),
    }


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as a JSON document (UTF-8 text, non-ASCII kept)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent) + "\n"


def to_markdown(report: Report) -> str:
    """A readable Markdown rendering: per story its articles, brief, event record, text reuse,
    quotes, framing, entities and removed furniture."""
    by_id = {article.id: article for article in report.articles}
    lines = ["# newsprism report", ""]
    lines.append(f"{len(report.articles)} articles, {len(report.stories)} stories.")
    lines.append("")
    for story in report.stories:
        lines.extend(_story_markdown(story, [by_id[i] for i in story.article_ids if i in by_id]))
    if report.problems:
        lines.extend(["## Inputs with problems", ""])
        lines.extend(f"- {_md(str(problem))}" for problem in report.problems)
        lines.append("")
    return "\n".join(lines)


def _story_markdown(story: Story, articles: Sequence[Article]) -> list[str]:
    lines = [f"## {_md(story.title or story.id)}", ""]
    span = " to ".join(dict.fromkeys(d for d in (story.start, story.end) if d))
    lines.append(f"Story `{story.id}`: {len(articles)} articles" + (f", {span}." if span else "."))
    lines.extend(["", "| article | source | title | published | furniture removed |"])
    lines.append("|---|---|---|---|---|")
    for article in articles:
        source = article.source or ""
        if article.wire and article.wire != article.source:
            source = f"{source} (wire: {article.wire})" if source else f"wire: {article.wire}"
        lines.append(
            f"| `{article.id}` | {_md(source)} | {_md(article.title or '')} "
            f"| {article.published or ''} | {len(article.removed)} |"
        )
    lines.append("")
    lines.extend(_brief_markdown(story))
    lines.extend(_event_markdown(story.event))
    lines.extend(_reuse_markdown(story))
    lines.extend(_quotes_markdown(story))
    lines.extend(_framing_markdown(story))
    if story.entities:
        lines.extend(["### Entities", ""])
        for entity in story.entities[:MARKDOWN_TOP_ENTITIES]:
            aliases = f"(also: {', '.join(entity.aliases)})" if entity.aliases else ""
            lines.append(
                f"- {_md(entity.name)}{' ' + _md(aliases) if aliases else ''}, {entity.type}, "
                f"{len(entity.article_ids)} articles"
            )
        lines.append("")
    removed = [(article.id, r) for article in articles for r in article.removed]
    if removed:
        lines.extend(["### Page furniture removed", ""])
        for article_id, removal in removed:
            text = (
                removal.text
                if len(removal.text) <= MARKDOWN_REMOVAL_CHARS
                else (removal.text[:MARKDOWN_REMOVAL_CHARS] + "…")
            )
            lines.append(f"- `{article_id}` {removal.reason}: {_md(text)}")
        lines.append("")
    return lines


def _brief_markdown(story: Story) -> list[str]:
    if not story.brief:
        return []
    lines = ["### Brief", ""]
    for sentence in story.brief:
        cites = ", ".join(f"`{c}`" for c in _strings(sentence.get("citations")))
        lines.append(
            f"- {_md(str(sentence.get('text', '')))} "
            f"*({sentence.get('status')}, {sentence.get('independent_sources')} independent; "
            f"cites {cites})*"
        )
    return [*lines, ""]


def _event_markdown(event: Mapping[str, object] | None) -> list[str]:
    if not event or not any(event.get(k) for k in ("type", "date", "location")):
        return []
    lines = ["### Event record", ""]
    for field in ("type", "date", "location"):
        if event.get(field):
            lines.append(f"- {field}: {_md(str(event[field]))}")
    for kind in ("killed", "injured"):
        count = event.get(kind)
        if not isinstance(count, Mapping) or count.get("best") is None:
            continue
        span = f" (range {count.get('low')} to {count.get('high')})"
        lines.append(f"- {kind}: {count['best']}{span if count.get('low') is not None else ''}")
        for dispute in count.get("disputes") or ():
            if isinstance(dispute, Mapping):
                voice = str(dispute.get("voice"))
                verb = "say" if " and " in voice else "says"
                lines.append(f"  - {_md(voice)} {verb} {dispute.get('value')}")
    if event.get("rule"):
        lines.append(f"- rule: {_md(str(event['rule']))}")
    return [*lines, ""]


def _reuse_markdown(story: Story) -> list[str]:
    if not story.reuse:
        return []
    lines = [f"### Text reuse ({len(story.source_groups)} independent source groups)", ""]
    for pair in story.reuse:
        origin = pair.get("origin")
        shares = f"(containment {pair.get('containment_a')} / {pair.get('containment_b')})"
        if origin is None:
            lines.append(f"- `{pair.get('a')}` and `{pair.get('b')}`: {pair.get('kind')} {shares}")
            continue
        copy = pair.get("b") if origin == pair.get("a") else pair.get("a")
        lines.append(f"- `{copy}` is a {pair.get('kind')} of `{origin}` {shares}")
    return [*lines, ""]


def _quotes_markdown(story: Story) -> list[str]:
    """Direct quotes, each once with every article that carries it."""
    carried: dict[tuple[str, str], list[str]] = {}
    for quote in story.quotes:
        if quote.get("direct"):
            key = (str(quote.get("speaker") or "unattributed"), str(quote.get("text", "")))
            carried.setdefault(key, []).append(f"`{quote.get('article_id')}`")
    if not carried:
        return []
    lines = ["### Quotes", ""]
    for (speaker, text), articles in list(carried.items())[:MARKDOWN_TOP_QUOTES]:
        lines.append(f"- {_md(speaker)}: “{_md(text)}” {', '.join(articles)}")
    return [*lines, ""]


def _framing_markdown(story: Story) -> list[str]:
    if not story.framing:
        return []
    lines = ["### Framing", ""]
    for referent in story.framing:
        terms = referent.get("terms")
        by_article: dict[str, list[str]] = {}
        for term in terms if isinstance(terms, list) else ():
            label = str(term.get("term"))
            if term.get("scare_quoted"):
                label = f"“{label}”"
            if term.get("loaded"):
                label += " (loaded)"
            words = by_article.setdefault(str(term.get("article_id")), [])
            if label not in words:
                words.append(label)
        listed = "; ".join(f"`{a}` {_md(', '.join(w))}" for a, w in by_article.items())
        lines.append(f"- {_md(str(referent.get('referent')))}: {listed}")
    return [*lines, ""]


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def _md(text: str) -> str:
    """Escape characters that would break a Markdown table or start markup."""
    text = " ".join(text.split())
    for char in ("\\", "|", "*", "_", "`", "[", "]", "<", ">"):
        text = text.replace(char, "\\" + char)
    return text
