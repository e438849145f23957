"""The brief: a few neutral sentences taken from the story's facts, each with its evidence.

Reads the story's facts (figure facts and aligned-claim facts); returns
:class:`~.records.BriefSentence` values. Extractive: a sentence is an article's own sentence
(the earliest claim of the fact), except for a contested fact, which is stated as "A says X;
B says Y" from the figures' own words. Corroborated and contested facts come first, then
single-source ones, each in order of importance (independent sources, casualties, position);
every sentence carries its citations (article ids), status and independent-source count.
"""

from __future__ import annotations

from collections.abc import Sequence

from .records import BriefSentence, Fact

# Sentences in the brief: enough for the toll, the dispute and the main corroborated facts
# of a story; more turns a brief into a digest. Set by reading briefs of examples/.
BRIEF_MAX_SENTENCES = 8
# Single-source facts allowed in the brief, after every corroborated and contested one.
BRIEF_MAX_SINGLE_SOURCE = 2
# Longer sentences are left out: run-on sentences and lists read badly out of context.
BRIEF_MAX_CHARS = 320
# Fewer words than this is a fragment, not a sentence a brief can stand on.
BRIEF_MIN_WORDS = 6


def build_brief(facts: Sequence[Fact]) -> tuple[BriefSentence, ...]:
    """The brief of a story (see the module docstring)."""
    ranked = sorted(facts, key=lambda f: (f.status == "single-source", -f.importance, f.id))
    chosen: list[BriefSentence] = []
    seen: set[str] = set()
    singles = 0
    for fact in ranked:
        if len(chosen) >= BRIEF_MAX_SENTENCES:
            break
        text = brief_text(fact)
        if text is None or text in seen:
            continue
        if fact.status == "single-source":
            if singles >= BRIEF_MAX_SINGLE_SOURCE:
                continue
            singles += 1
        seen.add(text)
        chosen.append(
            BriefSentence(
                text=text,
                status=fact.status,
                independent_sources=fact.independent_sources,
                citations=fact.article_ids,
                fact_id=fact.id,
            )
        )
    return tuple(chosen)


def brief_text(fact: Fact) -> str | None:
    """The sentence a fact contributes, or None when it has none fit for a brief."""
    if fact.status == "contested" and fact.positions:
        text = fact.statement
    else:
        asserted = [claim for claim in fact.claims if claim.stance == "asserts" and claim.text]
        # a body sentence stating the current count, before a headline or an earlier count
        current = [c for c in asserted if c.end > c.start and c.figure_id not in fact.updates]
        chosen = (current or asserted)[:1]
        if not chosen:
            return None
        text = " ".join(chosen[0].text.split())
    if len(text) > BRIEF_MAX_CHARS and fact.status != "contested":
        return None
    if len(text.split()) < BRIEF_MIN_WORDS:
        return None
    return text
