"""Entities of one story: mentions merged so that one real-world thing is one entity.

Reads the articles of a story and their annotations; returns :class:`Resolution`: the merged
:class:`~newsprism.models.Entity` list (ids ``e1``, ``e2``... by mention count, as
:func:`resolve_entities` numbers them), which entity each mention belongs to,
and which capitals stand for their governments. Mentions are merged when they share a folded
name (whatever label the model gave each), and across names when:

* a single word is the surname of exactly one full PERSON name of the story ("Blinken");
* an all-capitals word spells the initials of exactly one longer name ("ICG");
* the text says so (:mod:`.aliases`: "known as", "which residents call", "(formerly ...)",
  "Full Name (ACRONYM)").

A capital (from the curated place list, or "X, the capital of Y" in the text) used as the
subject of a verb ("Oslo said", "Moscow had been given") is recorded in ``stands_for``: the
city names its country's government there. Limitations: a surname shared by two people of the
story stays unmerged; names are merged within a story only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Annotation, Article, Entity
from ..places import places_by_name
from .aliases import AliasLink, find_aliases, find_place_names, initials
from .metonymy import StandsFor, capitals_standing_for
from .names import TITLE_WORDS, display_name, entity_key, is_acronym, strip_title
from .parsing import SentenceParser
from .quotes import Quote

__all__ = [
    "ENTITY_LABELS",
    "Resolution",
    "StandsFor",
    "display_name",
    "entity_key",
    "resolve_entities",
    "resolve_story",
]

# spaCy labels that name things a reader tracks across articles (as in stories.py).
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
# Labels of places: a single word mostly labelled so is never merged into a person's name.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Weight of a one-word PERSON label when the entity has no full personal name: the small model
# often reads unfamiliar place names as people ("Tarnholt"); 0.5 lets two place labels
# outvote three such person labels while a real surname (merged with its full name) keeps
# full weight.
LONE_PERSON_WEIGHT = 0.5
# An entity is a place when at least this share of its labels say so: the small model often
# labels unfamiliar places ORG or PERSON ("Upper Velmora" ORG), while it rarely calls an
# organisation or a person GPE. Lower values turn organisations named after places into places.
PLACE_SHARE = 0.3
# Surnames shorter than this are not searched for outside the model's mentions ("Li", "Ng"
# also occur inside other words' abbreviations and initials).
MIN_SURNAME_CHARS = 3
# The type of a name ending in a feature noun ("Quarry Lane", "Seld River", "Upper Seld Dam"):
# the model often reads unfamiliar ones as people.
FEATURE_TYPES = {
    **dict.fromkeys(("lane", "street", "road", "avenue", "square", "bridge", "dam"), "FAC"),
    **dict.fromkeys(
        ("river", "brook", "creek", "lake", "valley", "hills", "mountains", "corridor", "bay"),
        "LOC",
    ),
    **dict.fromkeys(("province", "district", "county", "region"), "GPE"),
}
# When labels tie, the earlier type wins: a name is more often a place or group than a person
# or an artwork in news.
TYPE_ORDER = (
    "GPE",
    "ORG",
    "PERSON",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """Entities of a story, the entity of each mention, and capitals standing for governments.

    ``mention_ids`` maps ``(article_id, start, end)`` of each annotation entity mention (and of
    each alias the text states) to its entity id; ``name_ids`` maps folded names to ids.
    """

    entities: tuple[Entity, ...]
    mention_ids: Mapping[tuple[str, int, int], str] = field(default_factory=dict)
    name_ids: Mapping[str, str] = field(default_factory=dict)
    stands_for: tuple[StandsFor, ...] = ()
    links: tuple[AliasLink, ...] = ()

    def entity_for(self, name: str) -> str | None:
        """The id of the entity called ``name`` (any of its aliases, surname, acronym)."""
        return self.name_ids.get(entity_key(name))


def resolve_entities(
    articles: Sequence[Article], annotations: Sequence[Annotation]
) -> list[Entity]:
    """The merged entities of one story (see :func:`resolve_story`)."""
    return list(resolve_story(articles, annotations).entities)


class _Merger:
    """Union-find over folded names, with the votes of the mentions under each name."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.labels: dict[str, Counter[str]] = defaultdict(Counter)
        self.surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        self.articles: dict[str, set[str]] = defaultdict(set)
        self.mentions: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        self.hints: dict[str, Counter[str]] = defaultdict(Counter)  # type votes, not mentions
        self.surnames: set[str] = set()  # one-word keys merged into a full name

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for key in self.parent:
            found[self.find(key)].append(key)
        return found


def resolve_story(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    *,
    parser: SentenceParser | None = None,
    quotes: Sequence[Quote] = (),
) -> Resolution:
    """Merge the entity mentions of one story; see the module docstring for the rules.

    ``quotes`` (from :mod:`.quotes`) add their resolved speakers as mentions: a speaker whose
    name the model missed or mislabelled ("Tomas Reyler") still becomes a person.

    ``parser`` (shared with the quote stage to parse each sentence once) is used only to find
    capitals used as subjects; without it a new one is made when a capital is mentioned.
    """
    merger = _Merger()
    wanted = {article.id for article in articles}
    for annotation in annotations:
        if annotation.article_id not in wanted:
            continue
        for mention in annotation.entities:
            key = entity_key(mention.text) if mention.label in ENTITY_LABELS else ""
            if not key:
                continue
            merger.add(key)
            merger.labels[key][mention.label] += 1
            surface = display_name(mention.text)
            if strip_title(surface) != surface:
                surface = strip_title(surface)
                merger.hints[key]["PERSON"] += 1  # it followed a role word: a person
            merger.surfaces[key][surface] += 1
            merger.articles[key].add(annotation.article_id)
            merger.mentions[key].append((annotation.article_id, mention.start, mention.end))
    _add_speakers(merger, quotes, wanted)
    by_id = {annotation.article_id: annotation for annotation in annotations}
    links = [
        link
        for article in articles
        if article.id in by_id
        for link in find_aliases(article, by_id[article.id])
    ]
    _add_unlabelled_surnames(merger, articles)
    _merge_surnames(merger)
    _merge_acronyms(merger)
    _merge_links(merger, links)
    for article in articles:
        if article.id in by_id:
            for name in find_place_names(article, by_id[article.id]):
                key = _known_key(merger, name.text)
                if key in merger.parent:
                    merger.hints[key]["GPE"] += 1
    entities, key_ids = _build_entities(merger)
    mention_ids = {
        mention: key_ids[key] for key, found in merger.mentions.items() for mention in found
    }
    stands_for = capitals_standing_for(articles, by_id, key_ids, parser)
    return Resolution(
        entities=tuple(entities),
        mention_ids=mention_ids,
        name_ids=dict(key_ids),
        stands_for=tuple(stands_for),
        links=tuple(links),
    )


def _add_speakers(merger: _Merger, quotes: Sequence[Quote], wanted: set[str]) -> None:
    """Count each quoted person's written name once, as a PERSON mention."""
    seen = {mention for found in merger.mentions.values() for mention in found}
    for quote in quotes:
        if quote.article_id not in wanted or quote.speaker is None or quote.speaker_start is None:
            continue
        span = (quote.article_id, quote.speaker_start, quote.speaker_end or quote.speaker_start)
        if quote.speaker_kind != "person" or not _is_proper_name(quote.speaker):
            continue  # a description ("the think tank", "Residents of Hask") is not a name
        key = entity_key(quote.speaker)
        merger.add(key)
        merger.hints[key]["PERSON"] += 1
        if span in seen:
            continue
        seen.add(span)
        merger.labels[key]["PERSON"] += 1
        merger.surfaces[key][display_name(quote.speaker)] += 1
        merger.articles[key].add(quote.article_id)
        merger.mentions[key].append(span)


def _is_proper_name(text: str) -> bool:
    """Every word capitalised (connectors aside) and the first not a role word."""
    words = text.split()
    return (
        bool(words)
        and words[0].lower() not in TITLE_WORDS
        and all(w[:1].isupper() for w in words if w.lower() not in ("of", "de", "van", "von", "al"))
    )


def _add_unlabelled_surnames(merger: _Merger, articles: Sequence[Article]) -> None:
    """Count a full name's surname where the model left it unlabelled ("Aldenbrook told
    reporters"), in articles that also write the full name."""
    taken = {mention for found in merger.mentions.values() for mention in found}
    for key in list(merger.parent):
        labels = merger.labels[key] + merger.hints[key]
        words = key.split()
        surface = merger.surfaces[key].most_common(1)
        if len(words) < 2 or not surface or _majority(labels) != "PERSON":
            continue
        if not merger.hints[key]["PERSON"]:
            continue  # only names the parse confirmed as people (speakers, titled names)
        surname = surface[0][0].split()[-1]
        if len(surname) < MIN_SURNAME_CHARS or not surname[:1].isupper():
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
        for article in articles:
            if article.id not in merger.articles[key] or surname.lower() in article.text:
                continue  # the word is also used as a common word: not safe to count
            for match in pattern.finditer(article.text):
                span = (article.id, match.start(), match.end())
                if any(a == span[0] and s < span[2] and span[1] < e for a, s, e in taken):
                    continue
                single = surname.casefold()
                merger.add(single)
                merger.labels[single]["PERSON"] += 1
                merger.surfaces[single][surname] += 1
                merger.articles[single].add(article.id)
                merger.mentions[single].append(span)
                taken.add(span)


def _majority(labels: Counter[str]) -> str:
    return max(labels, key=lambda label: (labels[label], -TYPE_ORDER.index(label)))


def _merge_surnames(merger: _Merger) -> None:
    """A one-word name joins the one full PERSON name ending in it."""
    full_names: dict[str, set[str]] = defaultdict(set)
    for key in merger.parent:
        words = key.split()
        labels = merger.labels[key] + merger.hints[key]
        surface = merger.surfaces[key].most_common(1)
        if (
            len(words) >= 2
            and labels
            and _majority(labels) == "PERSON"
            and bool(surface)
            and all(word[:1].isupper() for word in surface[0][0].split())
        ):
            full_names[words[-1]].add(key)
    for key in list(merger.parent):
        if " " in key or key not in full_names:
            continue
        labels = merger.labels[key]
        place_votes = sum(labels[label] for label in PLACE_LABELS)
        confirmed = any(merger.hints[name]["PERSON"] for name in full_names[key])
        if labels["PERSON"] == 0 and (
            _is_known_place(merger, key) or (place_votes >= 2 and not confirmed)
        ):
            continue  # "Jordan" the country, not Michael Jordan
        owners = {merger.find(name) for name in full_names[key]}
        if len(owners) == 1:
            merger.union(key, next(iter(owners)))
            merger.surnames.add(key)


def _is_known_place(merger: _Merger, key: str) -> bool:
    surface = merger.surfaces[key].most_common(1)
    return bool(surface) and surface[0][0] in places_by_name()


def _merge_acronyms(merger: _Merger) -> None:
    """An acronym joins the one longer name whose initials it spells ("ICG", "EU")."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for key in merger.parent:
        surface = merger.surfaces[key].most_common(1)
        if len(key.split()) >= 2 and surface:
            expansions[initials(surface[0][0])].add(key)
    for key in list(merger.parent):
        surface = merger.surfaces[key].most_common(1)
        if not surface or not is_acronym(surface[0][0]):
            continue
        owners = {merger.find(name) for name in expansions.get(key.upper(), set())}
        if len(owners) == 1:
            merger.union(key, next(iter(owners)))


def _merge_links(merger: _Merger, links: Sequence[AliasLink]) -> None:
    """Names the text states are one thing (alias patterns) join one entity."""
    for link in links:
        keys = []
        for name in link.names:
            key = _known_key(merger, name.text)
            merger.add(key)
            merger.surfaces[key][display_name(name.text)] += 0  # known form, no mention
            merger.mentions[key].append((link.article_id, name.start, name.end))
            keys.append(key)
        for key in keys[1:]:
            merger.union(keys[0], key)


def _known_key(merger: _Merger, text: str) -> str:
    """The key of a stated name, or of the name without a trailing feature noun ("Kessa
    brook" -> "kessa") when only that is known."""
    key = entity_key(text)
    if key not in merger.parent and " " in key:
        shorter = key.rsplit(" ", 1)[0]
        if shorter in merger.parent:
            return shorter
    return key


def _group_type(merger: _Merger, keys: Sequence[str]) -> str:
    """The entity type: a listed place's label; else what the text says (a name ending in a
    feature noun, "the village of X"); else the weighted votes of its mentions."""
    hints: Counter[str] = Counter()
    for key in keys:
        surface = merger.surfaces[key].most_common(1)
        places = places_by_name().get(surface[0][0], ()) if surface else ()
        if places:
            return places[0].label
        for form in merger.surfaces[key]:
            words = form.lower().split()
            if len(words) >= 2 and words[-1] in FEATURE_TYPES:
                return FEATURE_TYPES[words[-1]]
        hints.update(merger.hints[key])
    if hints["GPE"] and not hints["PERSON"]:
        return "GPE"
    votes: Counter[str] = Counter()
    for key in keys:
        for label, count in (merger.labels[key] + merger.hints[key]).items():
            weight = 1.0
            if label == "PERSON" and " " not in key and key not in merger.surnames:
                weight = LONE_PERSON_WEIGHT
            votes[label] += count * weight  # type: ignore[assignment]
    if not votes:
        return "ORG"
    best = max(votes, key=lambda label: (votes[label], -TYPE_ORDER.index(label)))
    places_votes = votes["GPE"] + votes["LOC"]
    if best != "PERSON" and places_votes >= PLACE_SHARE * sum(votes.values()):
        return "GPE" if votes["GPE"] >= votes["LOC"] else "LOC"
    return best


def _group_name(merger: _Merger, keys: Sequence[str], kind: str) -> str:
    forms: Counter[str] = Counter()
    for key in keys:
        forms.update(merger.surfaces[key])
        for surface in merger.surfaces[key]:
            forms[surface] += 0
    ranked = sorted(forms, key=lambda form: (-forms[form], -len(form), form))
    if kind == "PERSON" or any(is_acronym(form) for form in ranked):
        longer = [form for form in ranked if " " in form and not is_acronym(form)]
        if longer:
            return longer[0]
    return ranked[0]


def _build_entities(merger: _Merger) -> tuple[list[Entity], dict[str, str]]:
    groups = merger.groups()
    summary = []
    for root, keys in groups.items():
        mentions = sum(merger.labels[key].total() for key in keys)
        kind = _group_type(merger, keys)
        name = _group_name(merger, keys, kind)
        summary.append((root, keys, mentions, kind, name))
    summary.sort(key=lambda item: (-item[2], entity_key(item[4]), item[3]))
    entities: list[Entity] = []
    key_ids: dict[str, str] = {}
    for number, (_, keys, mentions, kind, name) in enumerate(summary, start=1):
        entity_id = f"e{number}"
        forms = {form for key in keys for form in merger.surfaces[key]}
        articles = {article for key in keys for article in merger.articles[key]}
        entities.append(
            Entity(
                id=entity_id,
                name=name,
                type=kind,
                aliases=tuple(sorted(forms - {name})),
                article_ids=tuple(sorted(articles)),
                mentions=mentions,
            )
        )
        key_ids.update(dict.fromkeys(keys, entity_id))
    return entities, key_ids
