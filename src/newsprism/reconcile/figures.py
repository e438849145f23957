"""Figure reconciliation: figures of one story grouped into quantity facts, with updates told
apart from contradictions.

Reads the story's :class:`~newsprism.extract.figures.Figure` values and a
:class:`~.context.StoryContext`; returns :class:`~.records.Fact` values, one per counted thing
(kind, scope and incident), and the :class:`FigureFact` groupings the event record is built on.

Method: figures about the past (an earlier year, "the first war") are set aside. Figures of
one kind and scope (civilians, military, police, children or people in general) are gathered
around the value most independent groups report; a figure joins when its value lies in the
range reported so far, is compatible with one already in, or its sentence is close in meaning
(sentence embeddings); the rest form other facts (another incident). Two figures are
compatible when the intervals their qualifiers imply overlap ("about 250" and "more than
200"). A later report of a higher count, or one that says the toll "rose", updates an earlier
one; report times are publication times (a reprint dated by day only takes its group's first
clocked time; a sentence recalling an earlier statement takes that statement's date). Two
counts stated for different places ("in the village", "across the region") differ in scope,
not in fact. Two incompatible figures from different voices (primary sources, else outlets;
one voice per resolved entity) that do not update each other and are not of different places
contest the fact.

Limitations: the place of a count is the entity extraction put nearest to it, kept only after
a locative word and outside its source's name; places are not nested (a village is not known
to lie in its region), so only two stated, different places make a difference of scope. A
toll given per side of a conflict is one scope unless its words say civilians, troops or
police.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from ..embed import embed
from ..extract.figures_types import figure_source
from .context import StoryContext, When
from .records import ClaimRef, Fact, Position, Status

if TYPE_CHECKING:
    from ..extract.figures import Figure

# Kinds that become facts; "other" and "shot" (folded into killed/injured) do not.
FACT_KINDS = (
    "killed",
    "injured",
    "missing",
    "arrested",
    "evacuated",
    "displaced",
    "population",
    "troops",
)
# Counts that only grow over time: a later, higher report updates an earlier one.
GROWING_KINDS = frozenset({"killed", "injured", "arrested", "evacuated", "displaced"})
# Counts that may move either way as time passes ("30 missing", later "27 still missing").
MOVING_KINDS = frozenset({"missing"})
KIND_WORDS = {
    "killed": "killed",
    "injured": "injured",
    "missing": "missing",
    "arrested": "arrested",
    "evacuated": "evacuated",
    "displaced": "displaced",
    "population": "population",
    "troops": "troops",
}
# Relative width of "about N" on each side: "about 250" is 213-287 and meets "more than 200".
# Wider merges real disagreements ("about 100" and "80"); narrower splits one count rounded
# two ways. Tuned on examples/ (about 250 vs more than 200 must agree).
ABOUT_TOLERANCE = 0.15
# How far above N an open figure ("at least N", "more than N") may reach: news uses them for
# the count itself, so "at least 27" and "32" disagree while "more than 200" meets "about 250".
# Tuned on examples/ and the per-article GVA tuning half's qualifiers.
OPEN_UPPER = 0.3
# Sentences at least this close (cosine of static embeddings) report the same incident even
# when their numbers differ. Lower merges separate incidents of one kind ("six killed in two
# landmine blasts" with the main toll); higher splits one toll told in different words. Set
# by reading the pairwise similarities of casualty sentences in examples/.
INCIDENT_LINK = 0.6

SCOPES = (
    ("civilians", re.compile(r"\bcivilians?\b|\bnon-?combatants?\b", re.IGNORECASE)),
    (
        "military",
        re.compile(
            r"\b(?:troops?|soldiers?|servicem[ae]n|service members?|military|personnel|"
            r"fighters?|militants?|combatants?|rebels?|insurgents?)\b",
            re.IGNORECASE,
        ),
    ),
    ("police", re.compile(r"\b(?:police|policem[ae]n|officers?|troopers?|deput(?:y|ies))\b", re.I)),
    ("children", re.compile(r"\b(?:children|child|kids?|minors?|infants?|babies)\b", re.I)),
)
GENERIC = "people"
# Sentences about the past: an earlier war or conflict, "decades ago", "last year" (a toll an
# article recalls is not the event's: "Last year, three people were killed on this street").
PAST_EVENT = re.compile(
    r"\b(?:previous|last|first|second|earlier|most[- ]recent|former|past) "
    r"(?:war|conflict|fighting|clashes|uprising|round of fighting)s?\b"
    r"|\b(?:years|decades|a year) ago\b|\bsince (?:19|20)\d\d\b|\blast year\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,])")
# A figure that says it replaces an earlier count.
UPDATE_CUE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|increased|grew|reached|"
    r"updated|revised|now stands|has now|now)\b",
    re.IGNORECASE,
)
# A sentence that recalls an earlier statement: its own date, not the article's, is when the
# count was reported ("police had said on Thursday that six were killed").
RECALL_CUE = re.compile(r"\b(?:had|earlier|initially|at first|previously|originally)\b", re.I)
# Words between a source's name and a place that make the place the source's ("Volunteers in
# Dunmere said", "officials from the Dunmere region").
SOURCE_PLACE = r"\s+(?:in|at|from|of)\s+(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s+){0,2}"
# Words before a place that make it where a count was made ("killed in X", "across the Y
# region", "in the country's Z province"): the place of the count, not of its source.
COUNT_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|across|throughout|around|outside|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'\u2019.-]*\s+){0,2}$"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureReport:
    """A figure as a report: who says it, when, from which group, and the interval it means."""

    figure: Figure
    group: str
    voice: str
    speaker: str
    when: When
    low: float
    high: float
    cue: bool
    position: float
    phrase: str
    place: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureFact:
    """Figures of one kind, scope and incident, with the fact made of them."""

    kind: str
    scope: str
    reports: tuple[FigureReport, ...]
    fact: Fact
    superseded: frozenset[str]


def scope_of(figure: Figure) -> str:
    """The counted group's class: civilians, military, police, children, or people."""
    counted = figure.counted or ""
    for name, pattern in SCOPES:
        if pattern.search(counted):
            return name
    return GENERIC


def count_place(figure: Figure, context: StoryContext) -> str | None:
    """The place a count is stated for ("12 killed in Pellow Ford"), as a name key, or None.

    The place must follow a locative word ("in", "at", "across"...) in the figure's sentence
    and not belong to its source ("Volunteers in Dunmere said", "the Dunmere council").
    """
    place = figure.place
    if not place:
        return None
    if figure.attributed_to and re.search(
        rf"\b{re.escape(place)}\b", figure.attributed_to, re.IGNORECASE
    ):
        return None  # "the Dunmere council said"
    sentence = figure.sentence
    if figure.attributed_to and re.search(
        re.escape(figure.attributed_to) + SOURCE_PLACE + re.escape(place), sentence
    ):
        return None  # "Volunteers in Dunmere said ...": where the source is
    for match in re.finditer(re.escape(place), sentence):
        if COUNT_PLACE_BEFORE.search(sentence[max(0, match.start() - 60) : match.start()]):
            return context.name_key(place)
    return None


def is_historical(figure: Figure, *, year: int | None) -> bool:
    """True when the figure's sentence is about the past (an earlier year or war)."""
    text = f"{figure.sentence} {figure.time or ''}"
    if PAST_EVENT.search(text):
        return True
    if year is None:
        return False
    return any(int(found) < year for found in _YEAR.findall(text))


def _after_history(figure: Figure, context: StoryContext, year: int | None) -> bool:
    """A sentence without its own year right after one about the past continues it
    ("... the first war (1988-1994). About 30,000 people were killed."). How many live in a
    place is not a toll of that past: it is read as the present unless it names a year."""
    if figure.kind == "population":
        return False
    if figure.in_title or _YEAR.search(figure.sentence) or year is None:
        return False
    previous = [
        claim
        for claim in context.claims
        if claim.article_id == figure.article_id and claim.end <= figure.sentence_start
    ]
    if not previous:
        return False
    text = max(previous, key=lambda claim: claim.end).text
    return bool(PAST_EVENT.search(text)) or any(int(y) < year for y in _YEAR.findall(text))


def reference_year(context: StoryContext, figures: Sequence[Figure]) -> int | None:
    """The story's year: the latest publication year, else the latest year its text names."""
    if context.year is not None:
        return context.year
    years = [
        int(match)
        for mentions in context.dates.values()
        for mention in mentions
        if mention.date and (match := mention.date[:4]).isdigit()
    ]
    return max(years) if years else None


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, from its value, bounds and qualifier."""
    value = float(figure.value or 0)
    qualifier = (figure.qualifier or "exact").lower()
    if figure.vague:
        return value, float("inf")  # "dozens", "hundreds": at least the ACLED value
    if figure.low is not None and figure.high is not None:
        return float(figure.low), float(figure.high)
    if qualifier in {"at least", "more than", "over", "above", "upwards of"} or (
        figure.high is None and figure.low is not None and qualifier != "exact"
    ):
        return value, value * (1 + OPEN_UPPER)
    if figure.low is None and figure.high is not None:  # "nearly 500", "close to 100"
        return float(figure.high) * (1 - ABOUT_TOLERANCE), float(figure.high)
    if qualifier == "exact":
        return value, value
    return value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)


def compatible(a: FigureReport, b: FigureReport) -> bool:
    """Whether two reports can describe the same count."""
    if a.figure.value == b.figure.value:
        return True
    open_a, open_b = _is_open(a.figure), _is_open(b.figure)
    if open_a and open_b:
        return False  # "at least 27" and "at least 32": two different counts
    return a.low <= b.high and b.low <= a.high


def other_places(a: FigureReport, b: FigureReport) -> bool:
    """Two counts stated for different places (a village and the region): a difference of
    scope, not a conflict."""
    return a.place is not None and b.place is not None and a.place != b.place


def _is_open(figure: Figure) -> bool:
    return figure.low is not None and figure.high is None and not figure.vague


def updates(later: FigureReport, earlier: FigureReport, kind: str) -> bool:
    """Whether ``later`` is a newer count that replaces ``earlier`` (not a contradiction)."""
    if earlier.when.before(later.when):
        if kind in MOVING_KINDS:
            return True
        if kind in GROWING_KINDS:
            return (later.figure.value or 0) >= (earlier.figure.value or 0)
        return False
    if later.when.before(earlier.when):
        return False
    return (
        kind in GROWING_KINDS | MOVING_KINDS
        and later.cue
        and not earlier.cue
        and (later.figure.value or 0) > (earlier.figure.value or 0)
    )


def figure_reports(figures: Sequence[Figure], context: StoryContext) -> list[FigureReport]:
    """Reports of the figures that count something this story is about (not the past)."""
    year = reference_year(context, figures)
    numbered = {(f.article_id, f.kind) for f in figures if not f.implicit}
    reports: list[FigureReport] = []
    for figure in figures:
        if figure.value is None or figure.part or figure.kind not in FACT_KINDS:
            continue
        if figure.implicit and (figure.article_id, figure.kind) in numbered:
            continue  # "a man", "the third victim": the article gives the count in numbers
        if is_historical(figure, year=year) or _after_history(figure, context, year):
            continue
        low, high = interval(figure)
        group = context.group(figure.article_id)
        speaker = figure.attributed_to or _outlet(context, figure.article_id)
        voice_key = context.name_key(figure.attributed_to) if figure.attributed_to else group
        reports.append(
            FigureReport(
                figure=figure,
                group=group,
                voice=voice_key,
                speaker=speaker,
                when=_report_time(figure, context),
                low=low,
                high=high,
                cue=bool(UPDATE_CUE.search(says_before(figure))),
                position=context.relative_position(figure.article_id, figure.sentence_start),
                phrase=_phrase(figure, context),
                place=count_place(figure, context),
            )
        )
    return _group_times(reports)


def reconcile_figures(
    figures: Sequence[Figure],
    context: StoryContext,
    *,
    first_id: int = 1,
) -> list[FigureFact]:
    """Quantity facts of a story: one per kind, scope and incident, ids ``fN``."""
    reports = figure_reports(figures, context)
    buckets: dict[tuple[str, str], list[FigureReport]] = {}
    for report in reports:
        buckets.setdefault((report.figure.kind, scope_of(report.figure)), []).append(report)
    found: list[FigureFact] = []
    number = first_id
    for (kind, scope), bucket in sorted(
        buckets.items(), key=lambda item: FACT_KINDS.index(item[0][0])
    ):
        for incident in _incidents(bucket):
            fact, superseded = _figure_fact(f"f{number}", kind, scope, incident, context)
            found.append(
                FigureFact(
                    kind=kind,
                    scope=scope,
                    reports=tuple(incident),
                    fact=fact,
                    superseded=superseded,
                )
            )
            number += 1
    return found


def _incidents(reports: list[FigureReport]) -> list[list[FigureReport]]:
    """Split one kind and scope into incidents, biggest first (see the module docstring)."""
    vectors = embed([report.figure.sentence for report in reports]) if len(reports) > 1 else None
    left = list(range(len(reports)))
    incidents: list[list[FigureReport]] = []
    while left:
        seed = max(left, key=lambda i: (_support(reports, left, i), -reports[i].position))
        members = {seed}
        changed = True
        while changed:
            changed = False
            values = [reports[i].figure.value or 0 for i in members]
            low, high = min(values), max(values)
            for i in left:
                if i in members:
                    continue
                value = reports[i].figure.value or 0
                close = (
                    vectors is not None
                    and float(np.max(vectors[list(members)] @ vectors[i])) >= INCIDENT_LINK
                )
                if (
                    low <= value <= high
                    or close
                    or any(_related(reports[i], reports[j]) for j in members)
                ):
                    members.add(i)
                    changed = True
        incidents.append([reports[i] for i in sorted(members)])
        left = [i for i in left if i not in members]
    return incidents


def _related(a: FigureReport, b: FigureReport) -> bool:
    """Compatible counts, or one a newer count of the other."""
    kind = a.figure.kind
    return compatible(a, b) or updates(a, b, kind) or updates(b, a, kind)


def _support(reports: list[FigureReport], left: list[int], index: int) -> int:
    """How many independent groups report a value compatible with report ``index``."""
    return len({reports[j].group for j in left if compatible(reports[j], reports[index])})


def _figure_fact(
    fact_id: str, kind: str, scope: str, reports: list[FigureReport], context: StoryContext
) -> tuple[Fact, frozenset[str]]:
    superseded = frozenset(
        a.figure.id
        for a in reports
        if any(updates(b, a, kind) for b in reports if b.figure.id != a.figure.id)
    )
    contests = [
        (a, b)
        for n, a in enumerate(reports)
        for b in reports[n + 1 :]
        if a.voice != b.voice
        and (a.group != b.group or (a.figure.attributed_to and b.figure.attributed_to))
        and not compatible(a, b)
        and not updates(a, b, kind)
        and not updates(b, a, kind)
        and not other_places(a, b)
    ]
    # a vague amount ("hundreds") is compatible with a count but does not corroborate it
    groups = {r.group for r in reports if not r.figure.vague} or {r.group for r in reports}
    status: Status = (
        "contested" if contests else "corroborated" if len(groups) >= 2 else "single-source"
    )
    current = [r for r in reports if r.figure.id not in superseded] or reports
    positions = _positions(current)
    best = min(current, key=lambda r: (r.figure.value or 0, r.position))
    disputed = {id(a) for pair in contests for a in pair}
    claims = tuple(
        _claim_ref(
            report,
            context,
            stance="contests"
            if status == "contested" and id(report) in disputed and not compatible(report, best)
            else "asserts",
        )
        for report in sorted(
            reports, key=lambda r: (context.order.index(r.figure.article_id), r.figure.start)
        )
        if report.figure.article_id in context.order
    )
    chain = sorted(
        (r for r in reports if r.figure.id in superseded),
        key=lambda r: (r.when.day or "", r.when.clock or "", r.figure.value or 0),
    )
    fact = Fact(
        id=fact_id,
        statement=_statement(
            kind, scope, positions, chain, status, {r.figure.value for r in current}
        ),
        status=status,
        independent_sources=len(groups),
        claims=claims,
        figure_ids=tuple(r.figure.id for r in reports),
        kind=kind,
        scope=scope,
        primary_sources=tuple(speakers(reports, attributed_only=True)),
        corroborates="attribution"
        if status == "corroborated"
        and len({r.voice for r in reports}) == 1
        and reports[0].figure.attributed_to
        else "content",
        positions=tuple(positions) if status == "contested" else (),
        updates=tuple(r.figure.id for r in chain),
    )
    return fact, superseded


def _positions(reports: Sequence[FigureReport]) -> list[Position]:
    """Distinct values (and places, when the counts name different ones) with their voices,
    lowest first (the conservative figure leads)."""
    placed = len({r.place for r in reports if r.place}) > 1
    by_value: dict[tuple[int | None, str | None], list[FigureReport]] = {}
    for report in sorted(reports, key=lambda r: (r.figure.value or 0, r.position)):
        by_value.setdefault((report.figure.value, report.place if placed else None), []).append(
            report
        )
    return [
        Position(
            voice=_join(speakers(group)),
            value=group[0].phrase
            + (f" in {group[0].figure.place}" if placed and group[0].place else ""),
            article_ids=tuple(dict.fromkeys(r.figure.article_id for r in group)),
            figure_ids=tuple(r.figure.id for r in group),
        )
        for group in by_value.values()
    ]


def speakers(reports: Sequence[FigureReport], *, attributed_only: bool = False) -> list[str]:
    """One name per voice, in report order: names of one resolved entity ("Mayor Tobias Renk",
    "Tobias Renk") are one voice, shown by its most used name (ties: the longest); a name
    that is the last words of another one here ("Police", "the provincial police") is that
    voice too. Unattributed reports speak for their outlet."""
    names: dict[str, list[str]] = {}
    for report in reports:
        if attributed_only and not report.figure.attributed_to:
            continue
        key = report.voice if report.figure.attributed_to else f"outlet:{report.speaker}"
        names.setdefault(key, []).append(report.speaker)
    chosen = [max(found, key=lambda n: (found.count(n), len(n))) for found in names.values()]
    words = [name.lower().removeprefix("the ").split() for name in chosen]
    kept = []
    for index, name in enumerate(chosen):
        longer = [
            other
            for n, other in enumerate(words)
            if n != index
            and len(other) > len(words[index])
            and other[-len(words[index]) :] == words[index]
        ]
        if len(longer) != 1:  # unique: "ministry" with two ministries stays itself
            kept.append(name)
    return kept


def _join(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _statement(
    kind: str,
    scope: str,
    positions: Sequence[Position],
    chain: Sequence[FigureReport],
    status: Status,
    current_values: set[int | None],
) -> str:
    """ "Killed: 27 (Velmora authorities); 32 (Carvonia)" style text of a figure fact."""
    label = KIND_WORDS[kind].capitalize() + ("" if scope == GENERIC else f" ({scope})")
    if status == "contested":
        said = "; ".join(f"{p.voice} {_says(p.voice)} {p.value}" for p in positions)
    else:
        said = "; ".join(f"{p.value} (according to {p.voice})" for p in positions)
    earlier: dict[int | None, str] = {}
    for report in chain:
        if report.figure.value not in current_values and not report.figure.vague:
            earlier.setdefault(report.figure.value, report.phrase)
    if earlier:
        said += f"; earlier counts: {', '.join(earlier.values())}"
    return f"{label}: {said}."


def _says(voice: str) -> str:
    return "say" if " and " in voice else "says"


def _claim_ref(report: FigureReport, context: StoryContext, *, stance: str) -> ClaimRef:
    figure = report.figure
    claim = (
        None if figure.in_title else context.claim_at(figure.article_id, figure.start, figure.end)
    )
    start = claim.start if claim is not None else (0 if figure.in_title else figure.sentence_start)
    end = claim.end if claim is not None else (0 if figure.in_title else figure.sentence_end)
    return ClaimRef(
        article_id=figure.article_id,
        start=start,
        end=end,
        attributed_to=figure.attributed_to,
        stance="contests" if stance == "contests" else "asserts",
        claim_id=claim.id if claim is not None else None,
        figure_id=figure.id,
        group=report.group,
        text=figure.sentence,
    )


def _report_time(figure: Figure, context: StoryContext) -> When:
    published = context.published(figure.article_id)
    if figure.in_title or not RECALL_CUE.search(figure.sentence):
        return published
    days = [
        m.date
        for m in context.dates_in(figure.article_id, figure.sentence_start, figure.sentence_end)
        if m.date and m.precision == "day"
    ]
    earlier = [day for day in days if published.day is None or day < published.day]
    return When(min(earlier)) if earlier else published


def _group_times(reports: list[FigureReport]) -> list[FigureReport]:
    """A value a group repeats later (a reprint, a rewrite) keeps the group's first time."""
    first: dict[tuple[str, int | None], When] = {}
    for report in reports:
        key = (report.group, report.figure.value)
        first[key] = earliest(first.get(key), report.when)
    return [
        _replace_when(report, known)
        if (known := first[(report.group, report.figure.value)]).day is not None
        and (known.before(report.when) or known.day == report.when.day)
        else report
        for report in reports
    ]


def earliest(known: When | None, when: When) -> When:
    """The earlier of two report times; on one day a time with its clock beats one without
    (a reprint dated by day only is no earlier than its clocked original)."""
    if known is None or known.day is None:
        return when
    if when.day is None:
        return known
    return min(known, when, key=lambda w: (w.day or "", w.clock or "~"))


def _replace_when(report: FigureReport, when: When) -> FigureReport:
    return replace(report, when=when)


def says_before(figure: Figure) -> str:
    """The words of the figure's sentence up to the figure (where "rose to" is written)."""
    offset = figure.start - figure.sentence_start
    return figure.sentence[: max(0, offset)][-40:] + " " + figure.sentence[offset:][:30]


def _phrase(figure: Figure, context: StoryContext) -> str:
    article = context.articles.get(figure.article_id)
    source = figure_source(figure, article) if article else ""
    text = source[figure.start : figure.end].strip() if source else ""
    if not text:
        text = f"{figure.value:,}" if figure.value is not None else "?"
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _outlet(context: StoryContext, article_id: str) -> str:
    article = context.articles.get(article_id)
    if article is not None and article.source:
        return article.source
    return article_id
