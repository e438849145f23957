"""Aliases and capitals learned from the wording of one article.

Reads a cleaned article and its annotation; returns :class:`AliasLink` values (names the text
says are one thing) and :class:`CapitalLink` values (a city the text calls a country's
capital). The patterns are general English:

* "X, known (locally | to Y | by Y | as ...) as Z", "X, also known as Z", "known by A as Z1 and
  by B as Z2" (Z1 = Z2 even when X is not a name: "its capital, which is known ...");
* "X, which residents call Z", "X, a region they call Z", "X, called Z by ...",
  "the dam has long been called Z" (a definite description resolves to the last name with
  that head noun: "the dam" -> "Upper Seld Dam");
* "X (formerly Z)", "X (previously known as Z)";
* "Full Name (ACRONYM)" when the acronym fits the name's initials or the name is an ORG;
* "X, the capital of Y", "X, Y's capital", "Y's capital, X".

When X is the object of a preposition ("the only route from Carvonia, known as Z"), the
description usually belongs to the noun before the preposition, so X is kept only when that
noun is a people ("Carvonians in Velmora, known as Z"); "the village of X, known as Z" keeps
X, and "Name1, the seat of X known as Z" gives Z to Name1 (the appositive restates Name1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Annotation, Article, EntityMention
from .parsing import SentenceIndex

# Longest alias accepted, in words: longer capitalised runs are headlines or lists.
MAX_ALIAS_WORDS = 6
# Characters between "known" and "as" ("known locally to ethnic Carvonians as"); longer gaps
# are usually a different construction ("known for decades that ...").
MAX_KNOWN_GAP = 60
# Words a capitalised run may contain besides capitalised words ("Bay of Pigs").
NAME_CONNECTORS = frozenset({"of", "de", "du", "al", "el", "la", "van", "von", "and"})
# Capitalised words that do not start a name.
NOT_NAMES = frozenset(
    {"The", "A", "An", "It", "This", "That", "These", "Those", "He", "She", "They", "We", "I",
     "In", "On", "At", "But", "And", "Or", "As", "Its", "Their", "His", "Her", "Our"}
)  # fmt: skip
# Nouns that may follow a name as part of it ("Kessa brook", "Seld river").
FEATURE_NOUNS = frozenset(
    {"river", "brook", "creek", "stream", "lake", "dam", "reservoir", "valley", "hills",
     "mountain", "mountains", "bay", "island", "bridge", "street", "square", "corridor",
     "province", "region", "district", "county", "canal", "forest", "desert", "pass"}
)  # fmt: skip
# Nouns of places: "the village of X" names X itself.
PLACE_NOUNS = frozenset(
    {"village", "town", "city", "province", "region", "district", "state", "country",
     "island", "republic", "county", "municipality", "hamlet", "settlement", "port",
     "capital", "enclave", "territory", "area", "suburb", "neighbourhood", "neighborhood"}
)  # fmt: skip
# Prepositions that put a name inside a phrase modifying an earlier noun.
PREPOSITIONS = frozenset(
    {"in", "from", "into", "to", "at", "near", "on", "with", "across", "through", "over",
     "under", "outside", "inside", "for", "by", "between", "toward", "towards", "around"}
)  # fmt: skip
# Words for peoples and groups of people: "Carvonians in Velmora, known as Z" names Velmora.
PEOPLE_NOUNS = frozenset({"people", "residents", "civilians", "villagers", "inhabitants"})
PEOPLE_LABELS = frozenset({"NORP", "PERSON"})
# Words that open a noun phrase: "the only road from X" has a noun before the preposition.
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"})

_KNOWN = re.compile(
    r"(?:(?:also|locally|widely|commonly|often|sometimes|long|better|formerly|previously|"
    r"now|officially|simply)\s+)*known\b"
)
_AS = re.compile(r"\bas\s+")
# Between two aliases of one "known ... as" list: "as Tarnholt and by Orrinese as Tarn Crossing".
_CONTINUED = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:(?:by|to|among|in)\b[^,.;:()]{0,40}?\s+)?")
_CALL = re.compile(r"\b(?:call|calls|called)\s+(?:it\s+|simply\s+|just\s+)?")
_PASSIVE_CALL = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+\s+)?called\s+")
# The subject of a passive "the dam has for a long time been called Z".
_PASSIVE_SUBJECT = re.compile(
    r"\b(?:[Tt]he|[Ii]ts)\s+([a-z]+)(?=\s+(?:has|have|had|is|are|was|were)\b)"
)
_FORMERLY = re.compile(
    r"\(\s*(?:formerly|previously|once|earlier)(?:\s+(?:known\s+as|called))?\s+([^()]{1,60})\)"
)
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.]{1,9})\s*\)")
_PLACE_WORDS = (
    r"(?:village|town|city|hamlet|province|district|county|municipality|port|suburb|island)"
)
# "the village of X", "the nearby villages of X", "the provincial capital, X".
_PLACE_OF = re.compile(
    rf"\b(?:the|a)\s+(?:[a-z-]+\s+){{0,2}}(?:{_PLACE_WORDS}s?\s+of|capital,)\s+(?=[A-Z])"
)
# "X, a market town of about 11,000 people", "X, a village of low stone houses".
_PLACE_APPOSITIVE = re.compile(rf",\s+(?:a|the)\s+(?:[a-z-]+\s+){{0,2}}{_PLACE_WORDS}\b")
_CAPITAL_OF = re.compile(r",\s+(?:the\s+)?capital\s+of\s+")
_CAPITAL_POSS = re.compile(r"'s?\s+capital\b,?\s*")
_WORD = re.compile(r"[\w][\w'.-]*")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "on", "in", "&"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Name:
    """A name as written at ``[start, end)`` in the article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AliasLink:
    """Names the article says refer to one thing, with the pattern that said so."""

    article_id: str
    names: tuple[Name, ...]
    pattern: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CapitalLink:
    """A city the article calls the capital of a country."""

    article_id: str
    capital: Name
    country: Name


def find_aliases(article: Article, annotation: Annotation) -> list[AliasLink]:
    """Alias links stated in ``article`` (see the module docstring for the patterns)."""
    index = SentenceIndex(annotation)
    links: list[AliasLink] = []
    for start, end in index.sentences:
        for names, pattern in _sentence_links(article.text, index, start, end):
            unique = {name.text.casefold(): name for name in names if _valid(name.text)}
            if len(unique) >= 2:
                links.append(
                    AliasLink(article_id=article.id, names=tuple(unique.values()), pattern=pattern)
                )
    return links


def find_capitals(article: Article, annotation: Annotation) -> list[CapitalLink]:
    """Capitals stated in ``article``: "X, the capital of Y", "X, Y's capital", "Y's capital X"."""
    index = SentenceIndex(annotation)
    text = article.text
    found: list[CapitalLink] = []
    for match in _CAPITAL_OF.finditer(text):
        capital = _name_before(text, index, match.start())
        country = _name_at(text, match.end())
        if capital is not None and country is not None:
            found.append(CapitalLink(article_id=article.id, capital=capital, country=country))
    for match in _CAPITAL_POSS.finditer(text):
        country = _name_before(text, index, match.start())
        if country is None:
            continue
        capital = _name_at(text, match.end())
        if capital is None and text[: country.start].rstrip().endswith(","):
            capital = _name_before(text, index, text.rfind(",", 0, country.start))
        if capital is not None:
            found.append(CapitalLink(article_id=article.id, capital=capital, country=country))
    return found


def find_place_names(article: Article, annotation: Annotation) -> list[Name]:
    """Names the text itself calls places: "the village of X", "X, a town of ...",
    "the provincial capital, X"."""
    index = SentenceIndex(annotation)
    text = article.text
    found: list[Name] = []
    for match in _PLACE_OF.finditer(text):
        name = _name_at(text, match.end())
        if name is not None:  # "the villages of Pellow Ford and Hask": two places
            offset = name.start
            for part in name.text.split(" and "):
                found.append(Name(text=part, start=offset, end=offset + len(part)))
                offset += len(part) + len(" and ")
    for match in _PLACE_APPOSITIVE.finditer(text):
        name = _name_before(text, index, match.start())
        if name is not None:
            found.append(name)
    return found


def _sentence_links(
    text: str, index: SentenceIndex, start: int, end: int
) -> Iterator[tuple[list[Name], str]]:
    sentence = text[start:end]
    for match in _KNOWN.finditer(sentence):
        aliases = _known_aliases(text, start + match.end(), end)
        if aliases:
            anchor = _anchor(text, index, start + match.start())
            yield ([anchor, *aliases] if anchor else aliases), "known as"
    for match in _CALL.finditer(sentence):
        at = start + match.start()
        alias = _name_at(text, start + match.end())
        if alias is None:
            continue
        passive = _PASSIVE_CALL.search(text, max(start, at - 20), at + len(match.group()) + 1)
        anchor = _called_anchor(text, index, start, at, passive is not None)
        if anchor is not None:
            yield [anchor, alias], "call"
    for match in _FORMERLY.finditer(sentence):
        alias = _name_at(text, start + match.start(1))
        anchor = _name_before(text, index, start + match.start())
        if alias is not None and anchor is not None:
            yield [anchor, alias], "formerly"
    for match in _ACRONYM.finditer(sentence):
        anchor = _name_before(text, index, start + match.start())
        acronym = Name(text=match.group(1), start=start + match.start(1), end=start + match.end(1))
        expansion = _expansion(acronym.text, anchor, index) if anchor is not None else None
        if expansion is not None:
            yield [expansion, acronym], "acronym"


def _known_aliases(text: str, start: int, end: int) -> list[Name]:
    """The names after "known ... as", including a "and by B as Z2" continuation."""
    names: list[Name] = []
    position = start
    for found in _AS.finditer(text, start, end):
        gap = text[position : found.start()]
        if not names and (len(gap) > MAX_KNOWN_GAP or re.search(r"[,;:.()]", gap)):
            break
        if names and _CONTINUED.fullmatch(gap) is None:
            break
        name = _name_at(text, found.end())
        if name is None:
            break
        names.append(name)
        position = name.end
    return names


def _anchor(text: str, index: SentenceIndex, at: int) -> Name | None:
    """The name described by a "known as"/"which ... call" clause starting at ``at``."""
    before = text[:at].rstrip()
    for lead in (", which is", ", which are", ", who is", ", that is", ", which", ","):
        if before.endswith(lead):
            before = before[: -len(lead)].rstrip()
            break
    else:
        if text[:at].rstrip().endswith(("what is", "what was", "what are")):
            return None
    name = _name_before(text, index, len(before))
    if name is None:
        return _described(text, index, len(before))
    return _reattach(text, index, name)


def _called_anchor(
    text: str, index: SentenceIndex, sentence_start: int, at: int, passive: bool
) -> Name | None:
    """The name a "call Z" clause is about: "X, which residents call Z", "X, a region they
    call Z", "X, called Z", or the subject of a passive "has been called Z"."""
    comma = text.rfind(",", sentence_start, at)
    if passive:
        subject = _PASSIVE_SUBJECT.search(text, sentence_start, at)
        if subject is not None:
            return _described(text, index, subject.end(1))
    if comma == -1:
        return None
    between = text[comma + 1 : at].strip()
    relative = re.fullmatch(
        r"(?:(?:which|that)\b.*|(?:a|an|the)\s+[a-z]+(?:\s+[a-z]+)?(?:\s+(?:that|which))?\s+\w+(?:\s+\w+)?)?",
        between,
    )
    if relative is None:
        return None
    name = _name_before(text, index, comma)
    if name is None:
        return _described(text, index, comma)
    return _reattach(text, index, name)


def _reattach(text: str, index: SentenceIndex, name: Name) -> Name | None:
    """Apply the preposition rules of the module docstring to an anchor name."""
    words = text[: name.start].split()
    if not words:
        return name
    previous = words[-1].lower()
    if previous in ("and", "or"):
        return None  # "between the US and Carvonia known as ...": not one of the two names
    if previous == "of":
        appositive = re.search(
            r"([^,]+),\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}of\s+(?:the\s+)?$", text[: name.start]
        )
        if appositive is not None and text[name.end : name.end + 1] != ",":
            restated = _name_before(text, index, appositive.end(1))
            if restated is not None:
                return restated  # "Tarn Crossing, the regional seat of Velmora known as ..."
        return name if len(words) >= 2 and words[-2].lower() in PLACE_NOUNS else None
    if previous not in PREPOSITIONS:
        return name
    head = words[-2] if len(words) >= 2 else ""
    mention = index.entity_at(name.start - len(head) - len(previous) - 2, name.start - 1)
    if head.lower() in PEOPLE_NOUNS or (mention is not None and mention.label in PEOPLE_LABELS):
        return name
    # "the only road from X, known as ...": a determined noun owns the description; after a
    # verb ("arrived in X, known as ...") the name is the only candidate.
    determined = any(word.lower() in DETERMINERS for word in words[-5:-2])
    return None if determined and head[:1].islower() else name


def _described(text: str, index: SentenceIndex, end: int) -> Name | None:
    """A definite description "the dam" ending at ``end``: the last name with that head noun."""
    match = re.search(r"\b(?:[Tt]he|[Ii]ts)\s+([a-z]+)$", text[:end].rstrip())
    if match is None:
        return None
    noun = match.group(1)
    for mention in reversed(index.entities_between(0, match.start())):
        words = mention.text.split()
        if len(words) >= 2 and words[-1].lower() == noun:
            return _clean_name(text, mention.start, mention.end)
    return None


def _name_before(text: str, index: SentenceIndex, end: int) -> Name | None:
    """The proper name ending at ``end`` (spaces and commas skipped), if any."""
    while end > 0 and text[end - 1] in " ,\n":
        end -= 1
    mention = index.entity_at(end - 1, end)
    if mention is not None and mention.end == end and mention.label not in ("DATE", "CARDINAL"):
        return _clean_name(text, mention.start, mention.end)
    words = list(_WORD.finditer(text, max(0, end - 120), end))
    start = None
    feature = bool(words) and words[-1].group().lower() in FEATURE_NOUNS
    for number in range(len(words) - 1, -1, -1):
        word = words[number].group()
        if feature and number == len(words) - 1:
            continue
        if word[:1].isupper() and word not in NOT_NAMES:
            start = words[number].start()
        elif word in NAME_CONNECTORS and start is not None:
            continue
        else:
            break
    if start is None or words[-1].end() != end:
        return None
    return _clean_name(text, start, end)


def _name_at(text: str, start: int) -> Name | None:
    """The proper name starting at ``start`` (an optional "the" and quotation mark skipped)."""
    match = re.compile(r"(?:the\s+)?[\"']?").match(text, start)
    position = match.end() if match else start
    end = None
    count = 0
    for word in _WORD.finditer(text, position):
        if word.start() != position:
            between = text[position : word.start()]
            if between.strip():
                break
        token = word.group().rstrip(".")
        if (token[:1].isupper() and token not in NOT_NAMES) or (end and token[:1].isdigit()):
            end, count = word.start() + len(token), count + 1
        elif token not in NAME_CONNECTORS or end is None:
            break
        position = word.end()
        if count > MAX_ALIAS_WORDS:
            return None
        if word.group().endswith(".") and len(token) > 1 and "." not in token:
            break  # "Hask. Rescue teams": the sentence ended
    if end is None:
        return None
    return _clean_name(text, start, end)


def _clean_name(text: str, start: int, end: int) -> Name:
    """``text[start:end]`` without a leading "the"/quotation mark or a trailing possessive."""
    while start < end and text[start] in "\"' ":
        start += 1
    if text[start:end].lower().startswith("the "):
        start += 4
    while end > start and text[end - 1] in "\"' ,.":
        end -= 1
    if text[start:end].endswith("'s"):
        end -= 2
    return Name(text=text[start:end], start=start, end=end)


def _valid(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= MAX_ALIAS_WORDS
        and name[:1].isupper()
        and name not in NOT_NAMES
        and not re.search(r"\b(1[89]|20)\d\d\b", name)  # "Harbour Shield 2024" is an event
    )


def initials(name: str) -> str:
    """The capital initials of a name's words, function words left out."""
    words = name.replace("-", " ").replace(".", " ").split()
    return "".join(
        w[0].upper() for w in words if w.lower() not in _FUNCTION_WORDS and w[0].isalpha()
    )


def _expansion(acronym: str, name: Name, index: SentenceIndex) -> Name | None:
    """The part of ``name`` that ``acronym`` abbreviates: the words whose initials it spells
    (leading words dropped: "Lisbon-led Northern Maritime Defence Pact (NMDP)"), or
    the whole name when it is an ORG with the same first letter ("Islamic State (ISIS)")."""
    letters = acronym.replace(".", "").upper()
    words = list(_WORD.finditer(name.text))
    for number, word in enumerate(words):
        rest = name.text[word.start() :]
        if initials(rest) in (letters, letters[:-1] if letters.endswith("S") else letters):
            return Name(text=rest, start=name.start + word.start(), end=name.end)
        if word.group().lower() not in _FUNCTION_WORDS and number >= len(words) - 1:
            break
    mention: EntityMention | None = index.entity_at(name.start, name.end)
    if mention is not None and mention.label == "ORG" and letters[:1] == initials(name.text)[:1]:
        return name
    return None
