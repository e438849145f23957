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

A title the site cut short ("... in Hill Farm murder-suic - Site") is mended from the address
(:func:`mended_title`): the slug goes on where the title stops. :func:`address_headline` is the
text the figures of the address's headline point into, the mended title or the slug's words.
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
TITLE_WORD = re.compile(r"[a-z0-9']+")
# The share of a cut title's words (before the cut one) its address's headline must hold to be
# the same headline going on: lower takes an earlier, different headline of the story for the
# title ("son badly hurt" for "son killed"); higher misses titles whose slug drops a
# word or two. Set by reading the 26 GVA dev titles (tuning half and tune2) that end in a
# slug word's start.
CUT_TITLE_SHARE = 0.75
# What follows a cut title's last word: the site's name after a separator, or nothing.
CUT_TITLE_END = re.compile(r"\s*(?:$|[-|:\u2013\u2014]+\s)")
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


def address_headline(url: str | None, title: str | None) -> str | None:
    """The headline that the offsets of an article's address figures point into: its title
    mended from the address when the site cut it short (:func:`mended_title`), else the
    address's own headline (:func:`url_headline`)."""
    return mended_title(url, title) or url_headline(url)


@lru_cache(maxsize=4096)
def mended_title(url: str | None, title: str | None) -> str | None:
    """``title`` completed from its address when the site cut it short: "Farmer kills wife and
    nephew in Hill Farm murder-suic - Site" over ".../farmer-kills-wife-and-nephew-in-hill-farm-
    murder-suicide" is "... murder-suicide". The cut word is the start of a longer slug word
    (not its plural) right after the word before it, and the title goes on with the site's name
    or ends there. None when the title is whole or the address has no headline."""
    headline = url_headline(url)
    if not title or not headline:
        return None
    slug = TITLE_WORD.findall(headline.lower())
    words = list(TITLE_WORD.finditer(title.lower()))
    for j in range(MIN_SLUG_WORDS, len(words)):
        cut, before = words[j].group(), [word.group() for word in words[:j]]
        if not CUT_TITLE_END.match(title, words[j].end()):
            continue
        if sum(word in slug for word in before) < CUT_TITLE_SHARE * len(before):
            continue
        for i in range(1, len(slug)):
            goes_on = slug[i].startswith(cut) and slug[i] not in {cut, cut + "s"}
            if goes_on and slug[i - 1] == before[-1]:
                return title[: words[j].start()] + " ".join(slug[i:])
    return None


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
