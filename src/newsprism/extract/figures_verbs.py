"""What a casualty verb or adjective says about the people it governs.

``verb_kind`` reads "killed", "shot dead", "shot and wounded", "fatally wounded", "taken to
hospital", "suffered gunshot wounds"; ``word_kind`` the kind a modifying verb or adjective gives
its noun; ``is_passive_like`` tells a victim's verb from a shooter's ("teen shot in leg" as a
headline is passive). Used by :mod:`.figures_rules` (numbers) and :mod:`.figures_victims`
(people named without a number).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from .figures_lexicon import (
    AFTER_NUMBER,
    ATTEMPT_WORDS,
    BODY_PARTS,
    CARE_VERBS,
    DISCHARGE_VERBS,
    FATAL_ADVERBS,
    FATAL_MODIFIERS,
    FATAL_WORDS,
    FINDING_USES,
    FIREARMS,
    GUNFIRE_WORDS,
    HIT_VERBS,
    HOSPITAL_WORDS,
    NONFATAL_ADVERBS,
    NOT_VICTIM_NOUNS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PLACE_NOUNS,
    SUBJECT_WORDS,
    VICTIM_VERBS,
    WOUND_VERBS,
    WOUNDS,
)
from .numbers import NONE_WORDS

# Prepositions after a casualty verb that may aim its shots ("shot at police", "fired into the
# crowd", "shot up a house"): the verb is then active, and its subject the shooter.
AIM_PREPOSITIONS = {"at", "into", "on", "up"}
# Key of Doc.user_data, true for a parsed title (set by figures.read_sentence): headline
# grammar applies.
HEADLINE = "headline"
# Subjects of "where they died" that are the group carried there, not new people.
GROUP_PRONOUNS = {"they", "both", "all"}
# Units of "a 3-year-old", "a 9-month-old": the adjective "old" then names a person.
AGE_UNIT_WORDS = {"year", "month", "week", "day"}


def word_kind(token: Token) -> str | None:
    """The kind a modifying verb or adjective gives its noun ("killed", "wounded", "living")."""
    lemma = token.lemma_.lower()
    word = token.lower_
    if lemma in VICTIM_VERBS or word in AFTER_NUMBER:
        if has_person_object(token, joined=True):
            return None
        if token.dep_ == "relcl" and not is_passive_like(token):
            return None  # "officers who shot a man": the officers are the shooters
        return verb_kind(token)
    return subject_word_kind(token) or SUBJECT_WORDS.get(word)


def subject_word_kind(token: Token) -> str | None:
    """The kind a word gives its subject ("27 died", "three are recovering"); None for a use
    with an object or in the passive that says something else ("police recovered a rifle",
    "casings recovered from the lot")."""
    lemma = token.lemma_.lower()
    if lemma in FINDING_USES and (has_object(token) or _found_thing(token)):
        return None
    return SUBJECT_WORDS.get(lemma)


def _found_thing(token: Token) -> bool:
    """ "casings recovered from the lot", "a rifle was recovered": a passive participle of a
    finding word says what was found; "he has recovered" is a person. GVA dev file: 1 figure
    goes (two things recovered read as 2 hurt)."""
    return token.tag_ == "VBN" and (
        token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children)
    )


def has_person_object(verb: Token, *, joined: bool = False) -> bool:
    """True when the verb (or, with ``joined``, a verb joined to it) has an object that can be
    a person: "shot a woman", "killed 3"; not "shot outside bar" (a misread headline)."""
    verbs = [verb, *verb.conjuncts] if joined else [verb]
    return any(
        child.dep_ in {"dobj", "dative"} and can_be_person(child)
        for v in verbs
        for child in v.children
    )


def can_be_person(token: Token) -> bool:
    """Any noun but a thing or a place can be a person ("shot a shopkeeper", not "shot
    outside bar" as a misread headline)."""
    if token.pos_ in {"PROPN", "PRON", "NUM"} or token.like_num:
        return True
    if token.lower_ == "old" and any(c.lower_ in AGE_UNIT_WORDS for c in token.children):
        return True  # "a 3-year-old"
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and lemma not in NOT_VICTIM_NOUNS and lemma not in PLACE_NOUNS


def verb_kind(verb: Token) -> str | None:
    """The kind of a casualty verb, with "shot dead" / "shot and wounded" told apart."""
    lemma = verb.lemma_.lower()
    kind = VICTIM_VERBS.get(lemma) or AFTER_NUMBER.get(verb.lower_) or SUBJECT_WORDS.get(lemma)
    if kind == "shot":
        if is_fatal(verb):
            return "killed"
        if is_wounding(verb):
            return "injured"
    if kind == "injured" and any(c.lower_ in FATAL_ADVERBS for c in verb.children):
        return "killed"  # "fatally wounded"
    if kind is not None:
        return kind
    for child in verb.children:
        if (
            child.dep_ in {"xcomp", "oprd", "conj", "acomp"}
            and child.pos_ in {"VERB", "ADJ"}
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        ):  # "four were hit and three died": a joined verb with its own subject counts others
            inner = VICTIM_VERBS.get(child.lemma_.lower()) or SUBJECT_WORDS.get(
                child.lemma_.lower()
            )
            if inner is not None:
                return verb_kind(child)
    return verb_phrase_kind(verb)


def verb_phrase_kind(verb: Token) -> str | None:
    """ "taken to hospital", "suffered gunshot wounds", "struck by gunfire"."""
    lemma = verb.lemma_.lower()
    words = {t.lemma_.lower() for t in verb.subtree if t.i > verb.i}
    if lemma in CARE_VERBS and words & (HOSPITAL_WORDS | WOUNDS):
        return "killed" if _died_there(verb) else "injured"
    if lemma in WOUND_VERBS:
        objects = [c for c in verb.children if c.dep_ == "dobj"] + [
            g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        wounds = [c for c in objects if c.lemma_.lower() in WOUNDS]
        if wounds:
            fatal = any(is_fatal_modifier(c) for c in wounds[0].children)
            return "killed" if fatal else "injured"
    if lemma in HIT_VERBS and (words & GUNFIRE_WORDS or _hit_by_gunfire(verb)):
        return "shot"
    return None


def _died_there(verb: Token) -> bool:
    """ "both cousins were carried to the hospital, where they died", "both were rushed to
    hospital, where both were pronounced dead": a death clause on the place the group was
    carried to, its subject the group itself. A singular "where he died" is left to the pronoun of
    figures_victims, which counts "he" as the dead one named before it. GVA dev file: 3
    figures, each from injured to the dead group; tune2 rules and CV injured +1 article."""
    for token in verb.subtree:
        if token.i < verb.i or token.dep_ != "relcl":
            continue
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not any(s.lower_ in GROUP_PRONOUNS for s in subjects):
            continue
        if subject_word_kind(token) == "killed" or any(
            c.dep_ in {"oprd", "acomp"} and c.lower_ in FATAL_WORDS for c in token.children
        ):
            return True
    return False


def _fired_gun(verb: Token) -> bool:
    """ "a rifle that hit a boy", "the pistol discharged and hit her", "it went off and hit
    him", "the bullet went through a wall and hit a girl": what struck is a gun (through a
    relative pronoun), or the verb is joined to a gun's going off or to what gunfire did; not
    "he went over and hit her"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and any(c.lower_ in {"which", "that"} for c in subjects):
        subjects = [verb.head]
    if any(s.lemma_.lower() in FIREARMS for s in subjects):
        return True
    if verb.dep_ != "conj" or subjects:
        return False
    head = verb.head
    went_off = head.lemma_.lower() == "go" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in head.children
    )
    gunfire = any(
        c.dep_ == "nsubj" and c.lemma_.lower() in FIREARMS | GUNFIRE_WORDS for c in head.children
    )
    return head.lemma_.lower() in DISCHARGE_VERBS or went_off or gunfire


def is_fatal_modifier(word: Token, words: AbstractSet[str] = FATAL_MODIFIERS) -> bool:
    """ "a fatal wound", "the deadly shooting of a teen"; not "a non-fatal wound"."""
    return word.lower_ in words and not _negated(word)


def is_attempted(noun: Token) -> bool:
    """ "the attempted killings of three clerks", "a foiled murder": an act that failed, whose
    targets are not its dead."""
    return any(c.lower_ in ATTEMPT_WORDS and c.dep_ in {"amod", "compound"} for c in noun.children)


def _negated(word: Token) -> bool:
    """ "non-fatal", "non fatal", "not fatal": the word is denied by what comes before it."""
    doc, i = word.doc, word.i
    if i >= 1 and doc[i - 1].lower_ in {"non", "not"}:
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "non"


def _hit_by_gunfire(verb: Token) -> bool:
    """ "a stray bullet struck a girl", "he was hit in the leg": the subject is gunfire, or a
    passive names the part of the body hit and nothing else as what hit it ("hit by a car in
    the leg", "struck in the face with a bottle" are not shots)."""
    children = list(verb.children)
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in GUNFIRE_WORDS for c in children):
        return True
    if _fired_gun(verb):
        return True
    preps = [c for c in children if c.dep_ == "prep"]
    if not is_passive_like(verb) or any(p.lower_ in {"by", "with"} for p in preps):
        return False
    return any(
        p.lower_ == "in" and any(g.lemma_.lower() in BODY_PARTS for g in p.children) for p in preps
    )


# Words that count no one before a fatal adverb ("shot or hurt, none fatally"): the adverb has
# a count of its own, zero, and does not make the verb's victims dead. GVA dev file: 1 figure
# (9 dead who were 9 hurt); tuning half + tune2 grouped CV killed +1 article, none lost.
ZERO_BEFORE = NONE_WORDS | {"neither"}


def is_fatal(verb: Token) -> bool:
    """ "shot dead", "shot to death", "fatally shot", "shot and killed", "shot ... pronounced
    dead"; not "7 shot, 3 dead" (the fatal word has a number of its own), nor "shot five
    people, killing two" (each verb has its own victims: the dead are some of the shot)."""
    own_object = has_object(verb)
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "punct"} or has_own_count(child):
            continue
        if own_object and has_object(child):
            continue
        if child.lemma_.lower() in FATAL_WORDS or child.lower_ in FATAL_WORDS:
            return True
        if child.dep_ == "prep" and any(g.lemma_.lower() == "death" for g in child.children):
            return True
        if child.dep_ == "conj" and child.pos_ == "VERB" and is_fatal(child):
            return True
    return False


def has_object(token: Token) -> bool:
    """True when a word has a direct object of its own ("shot five people")."""
    return any(c.dep_ == "dobj" for c in token.children)


def has_own_count(token: Token) -> bool:
    """True when a word has its own subject or number ("3 dead", "a baby was killed", "none
    fatally")."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "nummod"} or c.like_num for c in token.children):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and (before.like_num or before.lower_ in ZERO_BEFORE)


def is_wounding(verb: Token) -> bool:
    return any(
        child.dep_ == "conj" and VICTIM_VERBS.get(child.lemma_.lower()) == "injured"
        for child in verb.children
    ) or any(child.lower_ in NONFATAL_ADVERBS for child in verb.children)


def inverted_subjects(verb: Token) -> list[Token]:
    """ "Also killed was Jane Roe", "also hurt were two women": the parser makes the inverted
    passive's subject an attribute of the auxiliary that follows the participle."""
    return [
        g
        for c in verb.children
        if c.dep_ == "auxpass" and c.i > verb.i
        for g in c.children
        if g.dep_ == "attr" and g.i > c.i
    ]


def is_passive_like(verb: Token) -> bool:
    """A passive, or a headline's reduced passive ("teen shot in leg", "man killed").

    A casualty verb with neither an object (on it or on a verb joined to it: "shot and killed
    his wife") nor an aim ("shot at police") reads as passive.
    """
    children = list(verb.children)
    if any(c.dep_ == "auxpass" for c in children):
        return True
    if has_person_object(verb, joined=True):
        return False
    if any(c.dep_ == "prep" and c.lower_ in AIM_PREPOSITIONS and _aims_at(c) for c in children):
        return False
    return verb.tag_ in {"VBN", "VBD"}


def _aims_at(preposition: Token) -> bool:
    """The preposition points the shots at someone or something ("shot at police", "fired into
    the crowd", "shot up a house"), not at where the victim was: in a headline ("Man shot at
    party", "Woman shot on porch", no subject and no auxiliary to tell) "at" and "on" aim only
    at people."""
    if preposition.lower_ not in {"at", "on"} or not preposition.doc.user_data.get(HEADLINE):
        return True
    return any(
        g.dep_ == "pobj"
        and (
            g.lemma_.lower() in PEOPLE_NOUNS
            or g.lower_ in PEOPLE_NOUNS
            or g.lower_ in PERSON_PRONOUNS
            or g.ent_type_ == "PERSON"
        )
        for g in preposition.children
    )
