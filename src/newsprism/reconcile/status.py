"""Fact status for aligned claims: corroborated, single-source or contested.

Reads groups of aligned claims (:mod:`.align`) and the story context; returns
:class:`~.records.Fact` values. Independent sources are source groups (a wire story and its
reprints count once). The outlet that prints a claim is kept apart from the primary source it
is attributed to: three outlets quoting one ministry corroborate that the ministry said it
(``corroborates="attribution"``), not the content. A group of claims where one independent
source denies what another asserts is contested.

Limitations: denial is read from explicit words ("denied", "rejected", "false"); a claim that
contradicts another in other words is not caught.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..extract.claims import Claim
from .context import StoryContext
from .records import ClaimRef, Fact, Status

DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rejected|rejects|refuted|refutes|dismissed|false|untrue|"
    r"not true|baseless|fabricated)\b",
    re.IGNORECASE,
)
# Weights of the importance score that orders facts in the brief: independent sources first,
# then contested facts (a reader needs to know what is disputed), casualty figures, and how
# near the top of articles the fact is told. Set by reading briefs of examples/.
WEIGHT_SOURCES = 1.0
WEIGHT_CONTESTED = 1.5
WEIGHT_CASUALTIES = 2.0
WEIGHT_POSITION = 1.5
CASUALTY_KINDS = frozenset({"killed", "injured"})


def claim_facts(
    groups: Sequence[Sequence[Claim]], context: StoryContext, *, first_id: int = 1
) -> list[Fact]:
    """One fact per group of aligned claims, ids ``cN``."""
    facts = []
    for number, group in enumerate(groups, start=first_id):
        facts.append(claim_fact(f"c{number}", group, context))
    return facts


def claim_fact(fact_id: str, claims: Sequence[Claim], context: StoryContext) -> Fact:
    """The fact a group of aligned claims states, with its status."""
    groups = context.groups(claim.article_id for claim in claims)
    denying = [claim for claim in claims if DENIAL.search(claim.text)]
    asserting = [claim for claim in claims if not DENIAL.search(claim.text)]
    contested = bool(
        denying
        and asserting
        and context.groups(c.article_id for c in denying)
        != context.groups(c.article_id for c in asserting)
    )
    status: Status = (
        "contested" if contested else "corroborated" if len(groups) >= 2 else "single-source"
    )
    lead = asserting[0] if asserting else claims[0]
    refs = tuple(
        ClaimRef(
            article_id=claim.article_id,
            start=claim.start,
            end=claim.end,
            attributed_to=claim.attributed_to,
            stance="contests" if contested and claim in denying else "asserts",
            claim_id=claim.id,
            group=context.group(claim.article_id),
            text=claim.text,
        )
        for claim in claims
    )
    by_voice: dict[str, str] = {}
    for claim in claims:
        if claim.attributed_to:  # one name per resolved voice: "X and X" never
            by_voice.setdefault(context.name_key(claim.attributed_to), claim.attributed_to)
    speakers = tuple(by_voice.values())
    one_voice = len(speakers) == 1 and all(c.attributed_to for c in claims)
    fact = Fact(
        id=fact_id,
        statement=" ".join(lead.text.split()),
        status=status,
        independent_sources=len(groups),
        claims=refs,
        figure_ids=tuple(dict.fromkeys(f for claim in claims for f in claim.figure_ids)),
        primary_sources=speakers,
        corroborates="attribution" if one_voice else "content",
    )
    return with_importance(fact, context)


def with_importance(fact: Fact, context: StoryContext) -> Fact:
    """The fact with its importance score (see the WEIGHT_* constants)."""
    top = min(
        (context.relative_position(ref.article_id, ref.start) for ref in fact.claims),
        default=1.0,
    )
    score = (
        WEIGHT_SOURCES * fact.independent_sources
        + WEIGHT_CONTESTED * (fact.status == "contested")
        + WEIGHT_CASUALTIES * (fact.kind in CASUALTY_KINDS)
        + WEIGHT_POSITION * (1.0 - top)
    )
    return replace(fact, importance=score)
