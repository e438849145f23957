"""A learned choice among an article's candidate killed / injured counts.

:func:`~newsprism.extract.figures_counts.article_counts` chooses by hand-written rules (lead
window, update cues, largest total wins). This module offers the alternative: every value the
article could mean for a kind (each sentence's total, the title's, the rules' answer, the sum of
the lead's sentences, the wounded derived from the shot and the dead, and 0) becomes a
candidate described by generic features (where it is stated, how often, with which qualifier,
whether the sentence points to another time, ...); a linear model scores the candidates and the
best one wins.

The model is a pair of logistic regressions (one per kind) stored as plain coefficients in
``newsprism/data/count_ranker.json``; inference is a dot product per candidate, trivial next to
parsing. It was trained on the tuning half of the GVA dev file (incidents with an even sha1 of
their gold cluster id, as in scripts/tune_figures.py) by scripts/train_count_ranker.py, which
regenerates the file deterministically and documents what it trades off.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .figures_types import Figure

RANKER_PATH = Path(__file__).resolve().parent.parent / "data" / "count_ranker.json"
RANKED_KINDS = ("killed", "injured")
# Sentence positions past this index all look alike to the model (leads are short).
MAX_INDEX = 10
# Key of a sentence's totals holding its running count of victims (figures_counts).
VICTIM_ORDINAL = "victim_ordinal"
# Sources of a candidate that are one sentence's figures: its total, the shot less the dead, or
# its running count of victims ("a ninth passenger") less the dead.
SENTENCE_SOURCES = {"sentence", "derived", "ordinal"}
# "at least", "more than": the figure is a floor.
FLOOR_QUALIFIERS = {"at least", "more than", "over", "nearly", "almost", "about", "up to"}


class Group(Protocol):
    """A sentence's counted figures (see figures_counts.SentenceGroup)."""

    @property
    def in_title(self) -> bool: ...
    @property
    def start(self) -> int: ...
    @property
    def in_lead(self) -> bool: ...
    @property
    def figures(self) -> tuple[Figure, ...]: ...
    @property
    def totals(self) -> Mapping[str, int]: ...


@dataclass
class Candidate:
    """One value a kind could take, with the features of the places that state it."""

    value: int
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Ranker:
    """Per-kind linear scores: weights by feature name and an intercept."""

    weights: dict[str, dict[str, float]]
    intercepts: dict[str, float]

    def score(self, kind: str, candidate: Candidate) -> float:
        weights = self.weights[kind]
        total = self.intercepts[kind]
        for name, value in candidate.features.items():
            total += weights.get(name, 0.0) * value
        return total


@lru_cache(maxsize=4)
def load_ranker(path: Path = RANKER_PATH) -> Ranker | None:
    """The stored ranker, or None when the file is missing."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Ranker(
        weights={kind: dict(data["kinds"][kind]["weights"]) for kind in RANKED_KINDS},
        intercepts={kind: float(data["kinds"][kind]["intercept"]) for kind in RANKED_KINDS},
    )


@dataclass
class _Source:
    """Where a candidate value comes from."""

    group: Group | None  # None: derived across sentences, or "nothing stated"
    index: int
    how: str  # "sentence", "derived", "ordinal", "lead_sum", "rule", "none"


def candidates(
    groups: Sequence[Group],
    rule: Mapping[str, int | None],
    text_length: int,
    update_words: re.Pattern[str],
    other_time: re.Pattern[str],
) -> dict[str, list[Candidate]]:
    """The candidate values of each kind with their features.

    ``groups`` are the article's counted sentences, title first, in text order; ``rule`` is the
    rules' answer; ``update_words`` / ``other_time`` are the cues of figures_counts.
    """
    shot_values = [g.totals["shot"] for g in groups if "shot" in g.totals]
    killed_rule = rule.get("killed") or 0
    result: dict[str, list[Candidate]] = {}
    for kind in RANKED_KINDS:
        other = "injured" if kind == "killed" else "killed"
        sources: dict[int, list[_Source]] = {}
        for index, group in enumerate(groups):
            if kind in group.totals:
                sources.setdefault(group.totals[kind], []).append(_Source(group, index, "sentence"))
        if kind == "injured":
            for index, group in enumerate(groups):
                # the shot, or the running count of victims ("a ninth victim"), less the dead
                for key, how in (("shot", "derived"), (VICTIM_ORDINAL, "ordinal")):
                    shot = group.totals.get(key)
                    if shot is not None and shot > killed_rule:
                        value = shot - killed_rule
                        sources.setdefault(value, []).append(_Source(group, index, how))
        lead_values = [g.totals[kind] for g in groups if g.in_lead and kind in g.totals]
        if len(lead_values) > 1:
            sources.setdefault(sum(lead_values), []).append(_Source(None, -1, "lead_sum"))
        rule_value = rule.get(kind)
        sources.setdefault(rule_value or 0, []).append(_Source(None, -1, "rule"))
        sources.setdefault(0, []).append(_Source(None, -1, "none"))
        stated = sorted({v for v, s in sources.items() if any(x.how == "sentence" for x in s)})
        result[kind] = [
            Candidate(
                value,
                _features(
                    value,
                    found,
                    kind=kind,
                    other=other,
                    rule_value=rule_value or 0,
                    other_rule=rule.get(other) or 0,
                    stated=stated,
                    n_values=len(sources),
                    shot_values=shot_values,
                    text_length=text_length,
                    update_words=update_words,
                    other_time=other_time,
                ),
            )
            for value, found in sorted(sources.items())
        ]
    return result


def _features(
    value: int,
    found: Sequence[_Source],
    *,
    kind: str,
    other: str,
    rule_value: int,
    other_rule: int,
    stated: Sequence[int],
    n_values: int,
    shot_values: Sequence[int],
    text_length: int,
    update_words: re.Pattern[str],
    other_time: re.Pattern[str],
) -> dict[str, float]:
    in_sentences = [s for s in found if s.how in SENTENCE_SOURCES and s.group is not None]
    derived = any(s.how in {"derived", "ordinal"} for s in found)
    groups = [s.group for s in in_sentences if s.group is not None]
    figures = [
        f
        for g in groups
        for f in g.figures
        if f.kind == kind or (kind == "injured" and f.kind == "shot")
    ]
    body = [g for g in groups if not g.in_title]
    first_ratio = min((g.start / max(text_length, 1) for g in body), default=1.0)
    first_index = min((s.index for s in in_sentences), default=MAX_INDEX)
    is_rule = float(value == rule_value)
    features = {
        "is_rule": is_rule,
        "is_zero": float(value == 0),
        "stated_zero": float(value == 0 and bool(groups)),
        "log_value": math.log1p(value),
        "n_sentences": math.log1p(len({id(g) for g in groups})),
        "in_title": float(any(g.in_title for g in groups)),
        "in_lead_body": float(any(g.in_lead and not g.in_title for g in groups)),
        "only_after_lead": float(bool(groups) and not any(g.in_lead for g in groups)),
        "first_ratio": first_ratio,
        "first_index": min(first_index, MAX_INDEX) / MAX_INDEX,
        "is_max": float(bool(stated) and value == max(stated)),
        "is_min_stated": float(bool(stated) and value == min(stated)),
        "above_rule": float(value > rule_value),
        "below_rule": float(value < rule_value),
        "update_cue": float(any(update_words.search(f.sentence) for f in figures)),
        "other_time_all": float(
            bool(figures) and all(other_time.search(f.sentence) for f in figures)
        ),
        "floor": float(any(f.qualifier in FLOOR_QUALIFIERS for f in figures)),
        "attributed": float(any(f.attributed_to for f in figures)),
        "states_other_kind": float(any(other in g.totals for g in groups)),
        "summed": float(any(sum(1 for f in g.figures if f.kind == kind) > 1 for g in groups)),
        "implicit_only": float(bool(figures) and all(f.implicit for f in figures)),
        "derived": float(derived),
        "ordinal": float(any(s.how == "ordinal" for s in found)),
        "lead_sum": float(any(s.how == "lead_sum" for s in found)),
        "nothing_stated": float(not stated and value == 0),
        "rule_x_values": is_rule * math.log1p(n_values),
        "zero_x_length": float(value == 0) * math.log1p(text_length / 1000),
        "equals_shot": float(value in shot_values),
        "equals_other_rule": float(value > 0 and value == other_rule),
        "other_rule_zero": float(other_rule == 0) * float(value > 0),
        "implicit_x_other": float(bool(figures) and all(f.implicit for f in figures))
        * float(other_rule > 0),
        "derived_x_implicit": float(derived)
        * float(bool(figures) and all(f.implicit for f in figures)),
        "title_only": float(bool(groups) and all(g.in_title for g in groups)),
        "lead_only_rule": is_rule * float(any(g.in_lead for g in groups)),
    }
    return features


def rank_counts(
    groups: Sequence[Group],
    rule: Mapping[str, int | None],
    text_length: int,
    update_words: re.Pattern[str],
    other_time: re.Pattern[str],
    ranker: Ranker,
) -> dict[str, int | None]:
    """The best-scoring candidate of each kind; None when the article states nothing of it."""
    chosen: dict[str, int | None] = {}
    for kind, found in candidates(groups, rule, text_length, update_words, other_time).items():
        best = max(found, key=lambda c: (ranker.score(kind, c), -c.value))
        nothing = best.value == 0 and rule.get(kind) is None and not best.features["stated_zero"]
        chosen[kind] = None if nothing else best.value
    return chosen
