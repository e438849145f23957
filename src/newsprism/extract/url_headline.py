"""The headline an article's address carries: ``url_headline(url)``.

News sites build an article's address from its first headline ("/2016/05/02/4-dead-1-hurt-in-
bridge-shooting-302379") and keep that address when the headline is rewritten later ("Family
calls bridge victim kind, gentle"). The words of the address are then the only place the
article's first count survives. This module turns the address's slug back into a headline the
figure extractor can read: the path segment with the most word breaks, its words without file
endings and ids, hyphens put back where a slug loses them ("4 year old" is "4-year-old"), road
numbers left out ("shot on i 95" would read as 95 shot), and the commas a headline sets around
an age ("boy 10 dead" is "boy, 10, dead") or between two counts ("4 dead 1 hurt" is "4 dead,
1 hurt").
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from .figures_lexicon import (
    HEADLINE_CASUALTY,
    HEADLINE_NUMBER,
    PEOPLE_NOUN_FORMS,
    PEOPLE_NOUNS,
    TROOP_NOUNS,
)

# A slug needs at least this many words (after ids are dropped) to be read as a headline:
# fewer is a section or a name ("local-news", "john-smith"). Lower lets short section names in
# as headlines; higher loses terse headlines ("4-shot-in-oakland"). Set by reading the slugs of
# GVA dev tuning-half addresses.
MIN_SLUG_WORDS = 4
# Words between a slug's breaks: letters (with apostrophes) or numbers of up to three digits.
# Longer numbers are ids and dates ("302379031", "20150504"), mixed tokens are hashes.
SLUG_WORD = re.compile(r"[A-Za-z']+|\d{1,3}")
SLUG_BREAK = re.compile(r"[-_+\s]+")
# Words a slug's last number may count the objects of ("man-who-shot-4", "crash-kills-2"):
# after any other word a trailing number is the site's short id ("...-describes-shooting-784").
# GVA dev file: 1 address, its id read as 784 people shot.
COUNTS_AFTER = re.compile(
    r"^(?:kills?|killed|shoots?|shot|wounds?|wounded|injures?|injured|hurts?|slays?|slew|slain)$",
    re.I,
)
FILE_ENDING = re.compile(r"\.[A-Za-z]{2,5}$")
# "4 year old" -> "4-year-old": the hyphens of an age the slug turned into breaks.
AGE = re.compile(r"\b(\d{1,3}) (year|month|week|day)s? old\b", re.IGNORECASE)
# "i 95", "us 1", "sr 40": a road's letters and number, left out (not "a 4-year-old").
ROAD = re.compile(r"\b(?:[b-zB-Z]|us|sr|hwy|highway|route|interstate) \d{1,3}\b ?", re.I)
# Nouns for one person that a headline follows with an age between commas ("Girl, 16, shot").
# Groups and bodies ("police", "family") are left out: "police 1 shot" is "Police: 1 shot".
AGED_NOUNS = sorted(
    PEOPLE_NOUNS
    - TROOP_NOUNS
    - {"people", "persons", "men", "women", "children", "police", "personnel", "family"}
    - {"member", "individual", "national", "suspect", "gunman", "shooter"}
)
# "boy 10 dead" -> "boy, 10, dead"; not "man 2 teens" (a number before its own noun) nor
# "boy 10-year-old".
AGE_AFTER_NOUN = re.compile(
    rf"\b({'|'.join(AGED_NOUNS)}) (\d{{1,2}})(?![-\w])(?! (?:{'|'.join(PEOPLE_NOUN_FORMS)})\b)",
    re.IGNORECASE,
)
# "4 dead 1 hurt" -> "4 dead, 1 hurt": a count, a casualty word, then the next count; not
# "teen who shot 4" (no count before the casualty word: the number is its object).
SECOND_COUNT = re.compile(
    rf"\b({HEADLINE_NUMBER}(?: [a-z]+)? {HEADLINE_CASUALTY}) "
    rf"(?={HEADLINE_NUMBER}\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # read once per sentence plan, text cut and figure source
def url_headline(url: str | None) -> str | None:
    """The headline in ``url``'s path, or None when it has no slug of MIN_SLUG_WORDS words."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    segments = [unquote(segment) for segment in path.split("/") if segment]
    if not segments:
        return None
    slug = FILE_ENDING.sub("", max(segments, key=lambda s: len(SLUG_BREAK.findall(s))))
    words = [word for word in SLUG_BREAK.split(slug) if SLUG_WORD.fullmatch(word)]
    if len(words) > 1 and words[-1].isdigit() and not COUNTS_AFTER.search(words[-2]):
        words = words[:-1]  # "...-describes-shooting-784": a short id, not a count
    if len(words) < MIN_SLUG_WORDS:
        return None
    headline = AGE.sub(r"\1-\2-old", " ".join(words))
    headline = ROAD.sub("", headline)
    headline = AGE_AFTER_NOUN.sub(r"\1, \2,", headline)
    return SECOND_COUNT.sub(r"\1, ", headline)
