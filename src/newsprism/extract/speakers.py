"""Who is speaking: speech cues in a parse, and speaker names resolved within one article.

:func:`cue_subject` finds the grammatical speaker of a reporting verb ("X said", "said X",
"X, ..., told", "urged ... and told", "quoted X as saying"); :class:`SpeakerContext` turns
that token into a :class:`Speaker` named as the article writes it: a surname becomes the full
name used earlier ("Drevic" -> "Anselm Drevic"), a pronoun the last named person or body in
context, a definite description ("the mayor", "the committee") the person or organisation
introduced with that word, and an appositive ("its coordinator, Marta Quell") the name.

Limitations: pronouns are resolved by recency and kind (person or body) only, without gender
or number; a description that was never tied to a name stays as written ("the think tank").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Token

from ..models import Article
from .parsing import SentenceIndex

SpeakerKind = Literal["person", "body", "unknown"]

# Reporting verbs (lemmas): their subject is the speaker of the words they govern.
SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "state", "warn", "urge", "call", "claim", "announce", "insist",
        "accuse", "demand", "deny", "argue", "explain", "note", "report", "write", "post",
        "tweet", "describe", "confirm", "promise", "pledge", "vow", "ask", "reply", "respond",
        "acknowledge", "admit", "predict", "estimate", "suggest", "stress", "emphasize",
        "emphasise", "declare", "reiterate", "assert", "maintain", "allege", "charge",
        "condemn", "criticize", "criticise", "complain", "recall", "caution", "threaten",
        "concede", "testify", "comment", "observe", "remark", "denounce", "plead", "appeal",
        "contend", "counter", "retort", "disclose", "reveal", "inform", "quote", "cite",
    }
)  # fmt: skip
# Reporting verbs whose infinitive complement is the reported content ("urged X to ...").
DIRECTIVE_VERBS = frozenset({"urge", "ask", "call", "appeal", "plead", "demand", "tell", "warn"})
# Verbs after which "as saying" names the speaker as the object ("quoted X as saying").
CITING_VERBS = frozenset({"quote", "cite"})

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
BODY_PRONOUNS = frozenset({"it", "they", "them"})
# Pronouns that name no one the reader can look up.
SPEAKING_PRONOUNS = frozenset({"i", "we", "you", "one", "us", "me", "who", "which", "that"})
# Courtesy titles dropped from the front of a name ("Mr Aliyev" is "Aliyev").
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame"}
)

# Nouns naming a person by role: a description headed by one is a person ("the mayor").
PERSON_NOUNS = frozenset(
    {
        "minister", "president", "premier", "chancellor", "secretary", "governor", "mayor",
        "spokesman", "spokeswoman", "spokesperson", "inspector", "senator", "ambassador",
        "chief", "director", "head", "coordinator", "analyst", "official", "commander",
        "chairman", "chairwoman", "chair", "leader", "deputy", "adviser", "advisor",
        "representative", "envoy", "judge", "officer", "captain", "colonel", "general",
        "king", "queen", "prince", "pope", "councillor", "councilor", "lawmaker", "legislator",
        "pundit", "expert", "researcher", "professor", "doctor", "resident", "witness",
        "survivor", "journalist", "reporter", "correspondent", "ombudsman", "prosecutor",
        "lawyer", "attorney", "mother", "father", "wife", "husband", "son", "daughter",
        "owner", "manager", "founder", "worker", "farmer", "baker", "teacher", "pensioner",
        "student", "activist", "candidate", "sheriff", "commissioner", "diplomat", "mp",
        "master", "sergeant", "lieutenant", "superintendent", "constable", "detective",
        "bishop", "archbishop", "rabbi", "imam", "sheikh", "emir", "marshal", "admiral",
    }
)  # fmt: skip
# Words that may stand before a name as a title ("Mr", "Governor", "Harbour Master").
TITLE_WORDS = PERSON_NOUNS | {word.rstrip(".") for word in HONORIFICS}
# Nouns naming an organisation or a group: a description headed by one is a body.
BODY_NOUNS = frozenset(
    {
        "ministry", "government", "committee", "office", "agency", "police", "army",
        "military", "board", "council", "authority", "authorities", "administration",
        "directorate", "department", "company", "group", "tank", "service", "court",
        "parliament", "commission", "union", "organisation", "organization", "alliance",
        "party", "utility", "operator", "firm", "outlet", "newspaper", "broadcaster",
        "embassy", "cabinet", "presidency", "kremlin", "force", "forces", "team", "hospital",
        "network", "bureau", "institute", "foundation", "charity", "bank", "corporation",
        "separatists", "officials", "residents", "people", "rebels", "troops", "volunteers",
    }
)  # fmt: skip
# Dependents kept when a common-noun subject is written out as a noun phrase.
NP_LEFT_DEPS = frozenset({"det", "poss", "amod", "compound", "nmod", "nummod", "quantmod"})
# Prepositions whose phrase stays part of a speaker description ("officials in the region").
NP_PREPOSITIONS = frozenset({"of", "in", "for", "from", "at"})
# Longest speaker description in tokens: longer subjects carry clauses that are not a name.
MAX_SPEAKER_TOKENS = 10
# A pronoun is resolved within its own sentence and this many before it: further back, the
# reader no longer links it to a name and the guess is mostly wrong.
PRONOUN_LOOKBACK_SENTENCES = 3
# A role noun within this many characters of a name ties the name to the role ("Tarnholt mayor
# Tobias Renk", "Tobias Renk, who is the mayor of Tarnholt"); wider windows reach other names.
ROLE_WINDOW_CHARS = 40
# Entity labels of bodies (organisations, places used for their governments, peoples).
BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
# Two or three capitalised words: a name written after a title ("Mayor Ilse Farrow").
_CAPITALISED = r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2})"
ENTITY_KINDS: dict[str, SpeakerKind] = {
    "PERSON": "person",
    "ORG": "body",
    "GPE": "body",
    "NORP": "body",
    "LOC": "body",
    "FAC": "body",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """A speaker as written in the article; ``[start, end)`` is where that name is written."""

    name: str
    start: int
    end: int
    kind: SpeakerKind


def cue_subject(verb: Token) -> Token | None:
    """The speaker token of a reporting verb, following shared subjects and "as saying"."""
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    for _ in range(4):
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        head = verb.head
        # "Mira Castell, ..., called for ...": the small model often reads the main verb
        # after an appositive as a participle modifying the name.
        if (
            verb.dep_ == "acl"
            and verb.tag_ in ("VBD", "VBN")
            and head.dep_ == "ROOT"
            and head.pos_ == "PROPN"
            and not any(c.dep_ == "auxpass" for c in verb.children)
        ):
            return head
        if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_ in CITING_VERBS:
            objects = [c for c in head.head.children if c.dep_ == "dobj"]
            return objects[0] if objects else None
        if verb.dep_ in ("conj", "xcomp") and head is not verb:
            verb = head  # "declared ... and said", "went on to say"
            continue
        return None
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The subject after the verb in ``..., said Lena Osk, a spokeswoman`` (the small model
    often takes a noun of the reported clause as the subject there)."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in (",", '"', "'"):
        return None
    token = doc[verb.i + 1]
    if token.pos_ == "DET" and verb.i + 2 < len(doc):
        token = doc[verb.i + 2]
    if token.pos_ not in ("PROPN", "NOUN") and token.lower_ not in PERSON_PRONOUNS:
        return None
    while token.dep_ in ("compound", "flat", "amod") and token.head.i > token.i:
        token = token.head
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and not following.is_punct:
        return None  # "said boats were ...": the noun starts the reported clause
    return token


def according_to(token: Token) -> Token | None:
    """The object of "according to" when ``token`` is its "according"."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


class SpeakerContext:
    """Resolve speakers within one article, remembering who has spoken where."""

    def __init__(self, article: Article, index: SentenceIndex) -> None:
        self.article = article
        self.index = index
        self.events: list[tuple[int, Speaker]] = []  # (offset, speaker), in offset order

    def record(self, offset: int, speaker: Speaker) -> None:
        """Note that ``speaker`` speaks at ``offset`` (for pronouns and continued quotes)."""
        self.events.append((offset, speaker))
        self.events.sort(key=lambda event: event[0])

    def recent_speaker(self, offset: int, *, sentences: int) -> Speaker | None:
        """The last speaker recorded before ``offset`` within ``sentences`` sentences."""
        first = self.index.index_at(offset) - sentences
        low = self.index.sentences[max(0, first)][0] if self.index.sentences else 0
        found = [s for at, s in self.events if low <= at < offset]
        return found[-1] if found else None

    def speaker_for(self, token: Token, base: int, quoted: frozenset[int]) -> Speaker | None:
        """The speaker named by ``token`` (a subject or "according to" object) in a parse.

        ``base`` is the article offset of the parsed doc; ``quoted`` holds the indices of
        tokens inside quotation marks, which never name the speaker.
        """
        if token.i in quoted:
            return None
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            token = token.head.head  # "X, who arrived on Tuesday, said"
        if token.lower_ in PERSON_PRONOUNS | BODY_PRONOUNS:
            return self._pronoun(token, base)
        if token.lower_ in SPEAKING_PRONOUNS:
            return None  # "we say", "I think": the writer or an unnamed group
        if token.pos_ != "PROPN":
            named = _appositive_name(token, quoted)
            if named is not None:
                return self._named(named, base)
            described = self._description(token, base)
            if described is not None:
                return described
        elif self._is_person_name(token, base):
            return self._named(token, base)
        return self._phrase(token, base)

    def _pronoun(self, pronoun: Token, base: int) -> Speaker | None:
        """A pronoun subject: a speaker named earlier in its sentence, else the nearest named
        subject before it in the sentence ("Oslo believes ..., even though it has stated"),
        else a name in the sentences before (:meth:`resolve_pronoun`)."""
        want = "person" if pronoun.lower_ in PERSON_PRONOUNS else "body"
        offset = base + pronoun.idx
        sentence_start = base + pronoun.sent.start_char
        spoken = [s for at, s in self.events if sentence_start <= at <= offset and s.kind == want]
        if spoken:
            return spoken[-1]
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.dep_ != "nsubj" or token.pos_ != "PROPN":
                continue
            mention = self.index.entity_at(base + token.idx, base + _token_end(token))
            if mention is not None and ENTITY_KINDS.get(mention.label) == want:
                return self._named(token, base) if want == "person" else self._phrase(token, base)
        return self.resolve_pronoun(pronoun.lower_, offset)

    def _is_person_name(self, token: Token, base: int) -> bool:
        """Whether a proper-noun subject names a person rather than a place or a body."""
        mention = self.index.entity_at(base + token.idx, base + _token_end(token))
        if mention is not None and mention.label == "PERSON":
            return True
        for child in token.children:
            if child.dep_ == "compound" and child.lower_ in PERSON_NOUNS | HONORIFICS:
                return True  # "Governor Anselm Drevic", "Mr Aliyev"
            if child.dep_ == "appos" and child.lemma_.lower() in PERSON_NOUNS:
                return True  # "Tomas Reyler, former head of ..."
        start, end = _name_bounds(token)
        if end - start >= 2:
            covered = mention is not None and mention.start <= base + token.doc[start].idx
            return not (covered and mention is not None and mention.label in BODY_LABELS)
        return self.full_name(token.text, base + token.idx) is not None

    def _named(self, token: Token, base: int) -> Speaker:
        """A person's name headed by ``token``, as the full name when one was written."""
        start, end = _name_bounds(token)
        first, last = base + token.doc[start].idx, base + _token_end(token.doc[end - 1])
        mention = self.index.entity_at(base + token.idx, base + _token_end(token))
        if (
            mention is not None
            and mention.label == "PERSON"
            and mention.end - mention.start > (last - first)
        ):
            first, last = mention.start, mention.end
        name, first, last = _strip_article(self.article.text, first, last)
        name = _drop_title(name)
        speaker = Speaker(name=name, start=last - len(name), end=last, kind="person")
        if " " not in speaker.name:
            return self.full_name(speaker.name, first) or speaker
        return speaker

    def _phrase(self, token: Token, base: int) -> Speaker:
        doc = token.doc
        left = token.i
        for child in token.lefts:
            if child.dep_ in NP_LEFT_DEPS:
                left = min(left, child.left_edge.i)
        right = token.i
        for child in token.rights:
            if child.dep_ in ("compound", "flat"):
                right = max(right, child.i)
            elif child.dep_ == "prep" and child.lower_ in NP_PREPOSITIONS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].i - left < MAX_SPEAKER_TOKENS:
                    right = max(right, objects[0].i)  # "officials in the region", no clauses
                break
        first, last = base + doc[left].idx, base + _token_end(doc[right])
        if doc[left].lower_ == "the" and left < right and doc[left + 1].text[:1].isupper():
            first = base + doc[left + 1].idx  # "the Vessen Transport Agency": a name
        lemma = token.lemma_.lower()
        kind: SpeakerKind = "unknown"
        mention = self.index.entity_at(base + token.idx, base + _token_end(token))
        if mention is not None:
            kind = ENTITY_KINDS.get(mention.label, "unknown")
        elif lemma in PERSON_NOUNS or token.lower_ in PERSON_NOUNS:
            kind = "person"
        elif lemma in BODY_NOUNS or token.lower_ in BODY_NOUNS or token.tag_ == "NNPS":
            kind = "body"
        return Speaker(name=self.article.text[first:last], start=first, end=last, kind=kind)

    def _description(self, token: Token, base: int) -> Speaker | None:
        """A definite description ("the mayor", "its coordinator") tied to an earlier name."""
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
        if not determiners & {"the", "its", "their", "his", "her"}:
            return None
        if any(c.dep_ in ("compound", "amod", "nmod") for c in token.children):
            return None  # "the health ministry" is not "the interior ministry" named before
        offset = base + token.idx
        word = token.lower_
        if token.lemma_.lower() in PERSON_NOUNS or word in PERSON_NOUNS:
            return self._person_with_role(word, offset)
        if token.lemma_.lower() in BODY_NOUNS or word in BODY_NOUNS:
            for mention in reversed(self.index.entities_between(0, offset)):
                last_word = mention.text.split()[-1].lower() if mention.text.split() else ""
                if mention.label == "ORG" and last_word in (word, token.lemma_.lower()):
                    name = _strip_article(self.article.text, mention.start, mention.end)
                    return Speaker(name=name[0], start=name[1], end=name[2], kind="body")
        return None

    def _person_with_role(self, word: str, offset: int) -> Speaker | None:
        """The last person before ``offset`` introduced with the role ``word``: a PERSON
        mention near the word, else a titled name ("Mayor Ilse Farrow") the model missed."""
        text = self.article.text
        found = self._person_near_role(word, offset)
        if found is not None:
            return found
        titled = [
            match
            for match in re.finditer(rf"\b(?i:{re.escape(word)})\s+{_CAPITALISED}", text[:offset])
        ]
        if titled:
            start, end = titled[-1].span(1)
            return Speaker(name=text[start:end], start=start, end=end, kind="person")
        return None

    def _person_near_role(self, word: str, offset: int) -> Speaker | None:
        text = self.article.text
        for mention in reversed(self.index.entities_between(0, offset)):
            if mention.label != "PERSON" or " " not in mention.text:
                continue
            window = text[
                max(0, mention.start - ROLE_WINDOW_CHARS) : mention.end + ROLE_WINDOW_CHARS
            ].lower()
            if word in window.replace(",", " ").split():
                return Speaker(
                    name=mention.text, start=mention.start, end=mention.end, kind="person"
                )
        return None

    def full_name(self, surname: str, offset: int) -> Speaker | None:
        """The longer name ending in ``surname`` written in the article, latest before first."""
        candidates: list[Speaker] = [
            Speaker(name=m.text, start=m.start, end=m.end, kind="person")
            for m in self.index.entities
            if m.label == "PERSON"
        ]
        candidates += [s for _, s in self.events if s.kind != "body"]
        matches = [
            c
            for c in candidates
            if " " in c.name and c.name.split()[-1] == surname and c.name.split()[0] != surname
        ]
        matches = [replace(m, name=_drop_honorific(m.name)) for m in matches]
        before = [m for m in matches if m.start < offset]
        pool = before or matches
        if not pool:
            return None
        best = max(pool, key=lambda m: m.start) if before else min(pool, key=lambda m: m.start)
        return replace(best, start=best.end - len(best.name))

    def resolve_pronoun(self, pronoun: str, offset: int) -> Speaker | None:
        """The last named person (he, she) or body (it, they) before ``offset`` in context.

        Looks at the pronoun's own sentence and then earlier ones, nearest first: a speaker
        recorded in a sentence wins over other names in it; else the first name of the right
        kind in that sentence (the subject usually comes first).
        """
        want: SpeakerKind = "person" if pronoun in PERSON_PRONOUNS else "body"
        here = self.index.index_at(offset)
        for number in range(here, max(-1, here - PRONOUN_LOOKBACK_SENTENCES - 1), -1):
            if not self.index.sentences:
                break
            start, end = self.index.sentences[number]
            end = min(end, offset)
            spoken = [s for at, s in self.events if start <= at < end and s.kind == want]
            if spoken:
                return spoken[-1]
            if number == here:
                continue  # names in the reported words are rarely the speaker
            for mention in self.index.entities_between(start, end):
                if ENTITY_KINDS.get(mention.label) == want and mention.end <= offset:
                    name, first, last = _strip_article(
                        self.article.text, mention.start, mention.end
                    )
                    found = Speaker(name=name, start=first, end=last, kind=want)
                    if want == "person" and " " not in name:
                        return self.full_name(name, first) or found
                    return found
        return None


def _appositive_name(token: Token, quoted: frozenset[int]) -> Token | None:
    """A proper name set off in apposition inside a common-noun subject ("its coordinator,
    Marta Quell," or "the president's adviser, Oren Valtari,")."""
    for child in token.subtree:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i not in quoted:
            return child
        if child.i > token.i + MAX_SPEAKER_TOKENS:
            break
    return None


def _name_bounds(token: Token) -> tuple[int, int]:
    """Token indices ``[start, end)`` of the proper name headed by ``token``, titles left out."""
    doc = token.doc
    start = token.i
    while start > 0:
        previous = doc[start - 1]
        if previous.head.i not in range(start, token.i + 1) or previous.dep_ not in (
            "compound",
            "flat",
        ):
            break
        if previous.pos_ != "PROPN" or previous.lower_ in PERSON_NOUNS | HONORIFICS:
            break
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].dep_ == "flat" and doc[end].head.i == token.i:
        end += 1
    return start, end


def _token_end(token: Token) -> int:
    return token.idx + len(token.text)


def _drop_honorific(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _drop_title(name: str) -> str:
    """A name without the titles and role words before it ("Councillor Jory Halloran",
    "Harbour Master Teo Lindqvist")."""
    words = name.split()
    titles = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLE_WORDS]
    return " ".join(words[titles[-1] + 1 :]) if titles else name


def _strip_article(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A mention without a leading "the" and a trailing possessive, with its new offsets."""
    if text[start:end].lower().startswith("the "):
        start += 4
    if text[start:end].endswith(("'s", "s'")):
        end -= 2 if text[start:end].endswith("'s") else 1
    return text[start:end], start, end
