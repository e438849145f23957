"""Claim alignment: sentences of different articles that state the same thing, grouped.

Reads a story's :class:`~newsprism.extract.claims.Claim` values and returns groups of claims
(lists, each in story order). Candidate pairs are each claim's k nearest neighbours in other
articles by sentence embedding (:func:`newsprism.embed.embed`); a pair is kept when the two
sentences are close enough and compatible: they share a named entity (or are very close) and,
when both carry figures, they count a common kind. Kept pairs are joined transitively.

Limitations: static embeddings ignore word order and negation, so "X attacked Y" and "Y
attacked X" align; the denial check in :mod:`.status` catches only explicit denials.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..embed import embed
from ..extract.claims import Claim

# Neighbours looked at per claim: a fact is rarely told more than a few times per article
# group, and more neighbours only add weaker pairs. Set by reading examples/ alignments.
ALIGN_K = 5
# Least cosine for two sentences to state the same thing. Copies score about 1.0 and close
# paraphrases (a rewrite) 0.85-0.95; unrelated sentences about one story reach 0.75. Lower
# merges different statements that share the story's vocabulary; higher misses paraphrases.
# Set on examples/ (the rewrite pair and the wire copies).
ALIGN_MIN_COSINE = 0.82
# Two sentences with no named entity in common align only when at least this close.
ALIGN_NO_ENTITY_COSINE = 0.92


def align_claims(
    claims: Sequence[Claim], *, figure_kinds: Mapping[str, str] | None = None
) -> list[list[Claim]]:
    """Groups of claims that state the same thing (singletons included), in story order.

    ``figure_kinds`` maps figure ids to their kinds, for the figure compatibility check.
    """
    if not claims:
        return []
    kinds = figure_kinds or {}
    vectors = embed([claim.text for claim in claims])
    similarity = vectors @ vectors.T
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, claim in enumerate(claims):
        others = [j for j in range(len(claims)) if claims[j].article_id != claim.article_id]
        if not others:
            continue
        row = similarity[i, others]
        for position in np.argsort(-row)[:ALIGN_K]:
            j = others[int(position)]
            if row[position] < ALIGN_MIN_COSINE:
                break
            if compatible_claims(claim, claims[j], float(row[position]), kinds):
                parent[find(i)] = find(j)
    groups: dict[int, list[Claim]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(find(i), []).append(claim)
    return sorted(groups.values(), key=lambda group: claims.index(group[0]))


def compatible_claims(a: Claim, b: Claim, cosine: float, kinds: Mapping[str, str]) -> bool:
    """Whether two close sentences may state one fact: shared entities and figure kinds."""
    if a.entity_ids and b.entity_ids and not set(a.entity_ids) & set(b.entity_ids):
        return False
    if (not a.entity_ids or not b.entity_ids) and cosine < ALIGN_NO_ENTITY_COSINE:
        return False
    kinds_a = {kinds.get(f, "other") for f in a.figure_ids}
    kinds_b = {kinds.get(f, "other") for f in b.figure_ids}
    return not (kinds_a and kinds_b and not kinds_a & kinds_b)
