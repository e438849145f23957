"""Who a figure comes from: "according to X", "X said", "X put the toll at", resolved pronouns.

``source_in_sentence(token)`` climbs from the counted group of a figure to the reporting verb
that governs it and returns that verb's subject (or the object of "according to") as a phrase.
``resolve_pronoun`` turns "he"/"she" into the nearest preceding person named in the article
and "they"/"it" into the nearest preceding named source: the subject of a reporting verb in an
earlier parsed sentence, else the nearest organisation or group entity.

Limitations: sources are phrases as written ("Russia's defence ministry"), not linked entities;
a figure with no reporting verb or "according to" in its sentence is the outlet's own (None).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..models import Annotation, Article, EntityMention
from .aliases import find_aliases, find_place_names

# Verbs that report what someone else states, so their subject is the figure's source.
REPORTING_VERBS = {
    "say",
    "tell",
    "report",
    "claim",
    "announce",
    "state",
    "confirm",
    "estimate",
    "add",
    "cite",
    "accuse",
    "allege",
    "believe",
    "write",
    "post",
    "tweet",
    "put",
    "note",
    "insist",
    "warn",
    "declare",
    "indicate",
    "show",
    "count",
    "record",
    "list",
    "describe",
    "explain",
}
# Links between a reporting verb and the figure's clause that do not make it reported speech:
# a coordinated clause ("X said ..., and 175 soldiers took part") or the verb's own subject.
BLOCKING_DEPS = {"conj", "nsubj", "nsubjpass", "cc"}
# Fallback when the parse misses a reporting verb: a short capitalized subject opening the
# sentence, a reporting verb, then "that".
LEADING_SOURCE = re.compile(
    r"([A-Z][\w'.-]*(?: [\w'.-]+){0,6}?) (?:said|say|says|report|reports|reported|told|"
    r"claimed|claim|claims|announced|stated|estimated|confirmed) that "
)
# Words that cannot be a source on their own.
NOT_SOURCES = {"it", "there", "this", "that", "which", "who", "what"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "them", "him", "her"}
# Generic source nouns that need their "in X"/"of X" to say whose ("authorities in Velmora").
GENERIC_SOURCES = {
    "authority",
    "official",
    "officer",
    "ministry",
    "government",
    "police",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "department",
    "office",
    "agency",
    "source",
    "head",
    "chief",
    "leader",
    "administration",
}
PERSON_LABELS = {"PERSON"}
# Places are never a pronoun's source, even when the model labels one a person. A country or
# city named as the source in the figure's own sentence ("according to Armenia") stands for
# its government and is kept; locations and buildings never are.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels of a time ("Tuesday", "last week"): a figure's time, never a person.
TIME_LABELS = {"DATE", "TIME"}
STATE_LABELS = {"GPE"}
# Titles that make a name a person's ("Governor Ann Lee told reporters") when the model gives
# the name another label.
PERSON_TITLES = {
    "governor", "mayor", "minister", "president", "premier", "chancellor", "senator",
    "sheriff", "chief", "spokesman", "spokeswoman", "spokesperson", "director", "commissioner",
    "secretary", "general", "colonel", "captain", "lieutenant", "sergeant", "detective",
    "inspector", "officer", "dr", "doctor", "judge", "prosecutor", "coroner",
}  # fmt: skip
SOURCE_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# How many characters back the search for a pronoun's antecedent goes: sources are named within
# a paragraph or two of the pronoun that refers to them; further back the nearest name is
# rarely the speaker. No attribution gold exists; set by reading the seeds' layout and gva_dev
# tuning-half articles (never checked against the seed figures' sources).
MAX_ANTECEDENT_CHARS = 1500


# A headline's label names who says what follows ("Police: 2 shot near park", "Coroner: man
# found in river was shot", "NYPD: ..."): up to HEADLINE_LABEL_WORDS words and a colon at its
# start. The label is a source when its last word is a noun of one (or an acronym such as an
# agency's); labels of the story's kind ("UPDATE:", "VIDEO:") and places ("Springfield:") are not.
# More words would take a headline's own clause before a colon ("Teen held after shooting at
# mall: what we know") for a label; fewer would miss "Pine County Sheriff's Office:". Set by
# reading gva_dev tuning-half titles. figures.label_end parses the title after such a label
# (any label without a number or a casualty word): with the headline reading of "shot at" /
# "shot on" a place (figures_verbs._aims_at), tuning-half grouped 5-fold CV of the count step
# killed 0.8998 -> 0.9008 (1 right), injured 0.7975 unchanged (1 right, 1 wrong).
HEADLINE_LABEL_WORDS = 4
HEADLINE_LABEL = re.compile(
    rf"^\s*((?:[\w.'\u2019&-]+ ){{0,{HEADLINE_LABEL_WORDS - 1}}}[\w.'\u2019&-]+)\s*:\s+\S"
)
LABEL_SOURCES = GENERIC_SOURCES | PERSON_TITLES | {
    "deputy", "investigator", "witness", "official", "family", "relative", "neighbor",
    "neighbour", "examiner", "warden", "trooper", "firefighter", "paramedic", "hospital",
    "court", "sheriff", "prosecutor", "attorney", "mother", "father", "victim", "survivor",
    "dept",
}  # fmt: skip
NOT_SOURCE_LABELS = {
    "update", "updated", "breaking", "video", "watch", "photo", "photos", "gallery", "live",
    "exclusive", "opinion", "editorial", "analysis", "developing", "new", "alert", "audio",
    "listen", "poll", "timeline", "report", "read", "related", "correction", "urgent", "graphic",
}  # fmt: skip
# An acronym label of this many letters or fewer is a body's name ("NYPD:", "DA:", "HCSO:");
# longer capitals are more often a shouted word ("UPDATE:", "BREAKING:"). Set by reading gva_dev
# tuning-half titles.
MAX_ACRONYM_LABEL = 5


def headline_source(title: str) -> str | None:
    """The source a headline's label names ("Deputies: 2 shot" -> "Deputies"), else None."""
    match = HEADLINE_LABEL.match(title)
    if match is None:
        return None
    label = match.group(1)
    last = re.sub(r"['\u2019]s$", "", label.split()[-1].rstrip(".")).lower()
    if last in NOT_SOURCE_LABELS:
        return None
    acronym = label.isalpha() and label.isupper() and 2 <= len(label) <= MAX_ACRONYM_LABEL
    return label if acronym or not LABEL_SOURCES.isdisjoint(_singulars(last)) else None


def _singulars(word: str) -> set[str]:
    """The word and what it is the plural of, if it is one ("deputies", "witnesses")."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


@dataclass(frozen=True, slots=True)
class Source:
    """A figure's source as written: its text and ``[start, end)`` in the parsed string."""

    text: str
    start: int
    end: int
    pronoun: bool
    person: bool = False


def source_in_sentence(token: Token) -> Source | None:
    """The source that governs ``token``: "according to X", or a reporting verb's subject.

    Climbs from ``token`` through its heads; a reporting verb counts only when the figure sits
    in its reported clause (not in a clause joined to it by "and", nor as its subject).
    """
    child = token
    for ancestor in [token, *token.ancestors]:
        according = _according_to(ancestor)
        if according is not None:
            return according
        if (
            ancestor is not token
            and ancestor.pos_ in {"VERB", "AUX"}
            and ancestor.lemma_.lower() in REPORTING_VERBS
            and child.dep_ not in BLOCKING_DEPS
        ):
            subject = reporting_subject(ancestor)
            if subject is not None:
                return subject
        aside = _parenthetical_source(ancestor)
        if aside is not None:
            return aside
        child = ancestor
    for candidate in token.sent:
        if candidate.lower_ == "according":
            according = _according_to(candidate.head)
            if according is not None:
                return according
    return _leading_source(token)


def _parenthetical_source(clause: Token) -> Source | None:
    """ "The toll rose to 23, the ministry said, as ...": the parser hangs a reporting verb set
    off by commas under the clause it reports (parataxis), so climbing from the figure never
    meets it. Only a verb with no clause of its own to report counts."""
    for child in clause.children:
        if (
            child.dep_ == "parataxis"
            and child.pos_ in {"VERB", "AUX"}
            and child.lemma_.lower() in REPORTING_VERBS
            and not any(c.dep_ in {"ccomp", "xcomp"} for c in child.children)
        ):
            subject = reporting_subject(child)
            if subject is not None:
                return subject
    return None


def _leading_source(token: Token) -> Source | None:
    """ "Authorities in X report that ...": a sentence-initial source the parse missed."""
    sentence = token.sent
    match = LEADING_SOURCE.match(sentence.text)
    if match is None or sentence.start_char + match.end() > token.idx:
        return None
    span = token.doc.char_span(
        sentence.start_char + match.start(1), sentence.start_char + match.end(1)
    )
    return None if span is None else _trim(span)


def _according_to(token: Token) -> Source | None:
    for child in token.children:
        if child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return _phrase(obj)
    return None


def reporting_subject(verb: Token) -> Source | None:
    """The subject of a reporting verb as a source phrase, or None."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        # "..., said the ministry": the subject sits after the verb as its object in some parses
        subjects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if verb.lemma_.lower() != "say":
            subjects = []
    if not subjects or subjects[0].lower_ in NOT_SOURCES:
        return None
    return _phrase(subjects[0])


def _phrase(noun: Token) -> Source | None:
    """The compact noun phrase of a source: its left modifiers, and "in/of X" when generic."""
    doc = noun.doc
    start, end = noun.i, noun.i + 1
    entity = next((ent for ent in doc.ents if ent.start <= noun.i < ent.end), None)
    if entity is not None:
        start, end = entity.start, entity.end
    left = [c for c in noun.lefts if c.dep_ in {"det", "amod", "compound", "poss", "nmod"}]
    start = min([start, *(min(t.i for t in c.subtree) for c in left)])
    if noun.lemma_.lower() in GENERIC_SOURCES or (entity is not None and entity.label_ == "NORP"):
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "for", "at"}:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    end = max(end, objects[0].i + 1)
                break
    return _trim(doc[start:end])


def _trim(span: Span) -> Source | None:
    while len(span) and span[0].lower_ in {"the", "a", "an"}:
        span = span[1:]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    if len(span) == 0 or span.text.lower() in NOT_SOURCES:
        return None
    pronoun = len(span) == 1 and span[0].lower_ in PRONOUNS
    root = span.root
    if root.ent_type_ in PLACE_LABELS - STATE_LABELS:
        return None  # "the bridge said": a location or building is never a source
    # The small model often labels surnames as NORP ("-yan", "-ian"): a singular proper noun
    # that is not a place, an organisation or a plural group name ("Carvonians") is a person.
    person = root.ent_type_ == "PERSON" or (
        root.tag_ == "NNP"
        and (
            root.ent_type_ in {"", "NORP"}
            or any(t.lower_.rstrip(".") in PERSON_TITLES for t in span if t.i < root.i)
        )
        and not root.lower_.endswith("s")
    )
    return Source(
        text=span.text, start=span.start_char, end=span.end_char, pronoun=pronoun, person=person
    )


def article_places(article: Article, annotation: Annotation) -> frozenset[str]:
    """Names (case-folded) that ``article`` uses for places: place entities, names the text
    calls places ("the village of X"), and their stated aliases ("X, known locally as Y")."""
    places = {e.text.casefold() for e in annotation.entities if e.label in PLACE_LABELS}
    places.update(name.text.casefold() for name in find_place_names(article, annotation))
    for link in find_aliases(article, annotation):
        names = {name.text.casefold() for name in link.names}
        if names & places:
            places.update(names)
    return frozenset(places)


def resolve_pronoun(
    pronoun: str,
    position: int,
    entities: Sequence[EntityMention],
    earlier_sources: Sequence[tuple[int, Source]],
    places: frozenset[str] = frozenset(),
) -> str | None:
    """The named source a pronoun at article offset ``position`` stands for, or None.

    ``earlier_sources`` are (article offset, source) of reporting-verb subjects found in the
    article. "he"/"she": the nearest earlier source that names a person, else the nearest
    person entity. "they", "it", "we": the nearest earlier source that is not a person, else
    the nearest organisation or group entity. Names in ``places`` (see
    :func:`article_places`) and place entities are never chosen.
    """
    word = pronoun.lower()
    floor = position - MAX_ANTECEDENT_CHARS
    named = [
        source
        for start, source in earlier_sources
        if floor <= start < position and source.text.casefold() not in places
    ]
    nearby = [
        e
        for e in entities
        if floor <= e.start < position
        and e.label not in PLACE_LABELS
        and e.text.casefold() not in places
    ]
    if word in {"he", "she", "him", "her", "i"}:
        speakers = [source.text for source in named if source.person]
        if speakers:
            return speakers[-1]
        people = [e for e in nearby if e.label in PERSON_LABELS]
        return people[-1].text if people else None
    groups = [source.text for source in named if not source.person]
    if groups:
        return groups[-1]
    mentions = [e for e in nearby if e.label in SOURCE_LABELS - PERSON_LABELS]
    return mentions[-1].text if mentions else None
