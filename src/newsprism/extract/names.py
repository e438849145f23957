"""Names folded for matching: one key for the forms a name takes in news text.

``display_name`` drops a leading article and a possessive ("the Harbour Authority's" ->
"Harbour Authority"), ``strip_title`` the role words before a person's name ("Orrin Governor
Anselm Drevic" -> "Anselm Drevic"), and ``entity_key`` folds case, honorifics and acronym dots
("U.S." and "US" match). Used by the entity, metonymy and claim stages.
"""

from __future__ import annotations

import re

from .speakers import HONORIFICS as HONORIFIC_WORDS
from .speakers import PERSON_NOUNS

# Acronyms are 2 to this many capitals; longer capital runs are shouted words, not acronyms.
MAX_ACRONYM_LETTERS = 6
# Honorifics dropped before a name is folded ("Mr Aliyev" is "Aliyev").
HONORIFICS = ("mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "dr ", "dr. ", "sir ", "dame ")
# Role words and courtesy titles that may open a name ("Governor", "Mr").
TITLE_WORDS = PERSON_NOUNS | {word.rstrip(".") for word in HONORIFIC_WORDS}

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def entity_key(text: str) -> str:
    """Fold a mention to the form used to merge mentions of one entity."""
    folded = strip_title(display_name(text)).casefold()
    for honorific in HONORIFICS:
        if folded.startswith(honorific) and len(folded) > len(honorific):
            folded = folded[len(honorific) :]
    return folded.replace(".", "") if is_acronym(display_name(text)) else folded


def strip_title(name: str) -> str:
    """A name without the role words before it ("Orrin Governor Anselm Drevic" -> "Anselm
    Drevic"), when at least two capitalised words remain."""
    words = name.split()
    last_title = max(
        (i for i, word in enumerate(words) if word.lower().rstrip(".") in TITLE_WORDS), default=-1
    )
    rest = words[last_title + 1 :]
    if last_title >= 0 and len(rest) >= 2 and all(word[:1].isupper() for word in rest):
        return " ".join(rest)
    return name


def display_name(text: str) -> str:
    """A mention as an entity name: no possessive, no leading article, single spaces."""
    return " ".join(_LEADING_ARTICLE.sub("", _POSSESSIVE.sub("", text.strip())).split())


def is_acronym(name: str) -> bool:
    """Whether ``name`` is 2 to MAX_ACRONYM_LETTERS capitals ("ICG", "U.S.")."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= MAX_ACRONYM_LETTERS and letters.isalpha() and letters.isupper()
