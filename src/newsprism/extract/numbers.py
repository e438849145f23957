"""Numbers in running text: amounts in digits or words, ranges, qualifiers and vague amounts.

``find_amounts(text)`` returns every amount written in ``text`` as an :class:`Amount` with its
``[start, end)`` character offsets (qualifier included: "at least 27"), its value, the bounds
it implies, its qualifier and whether it is vague. It knows nothing about what is counted;
:mod:`newsprism.extract.figures` decides that.

Handled: digits with thousands separators and decimals ("1,200", "1.2 million", "5bn"), number
words ("twenty-seven", "two hundred and five", "a dozen", "half a dozen", "a million"), vague
amounts mapped by the ACLED convention ("dozens" 12, "hundreds" 100, "tens" 10, "several" or
"many" 10) and marked vague, ranges ("between 20 and 30", "20 to 30", "20-30", "two or three")
with ``value`` the low end (the conservative figure), updates ("rose from 20 to 32" is 32) and
none at all ("no one", "nobody", "none", "zero", "no" before a noun: 0).

Not amounts: ages ("27-year-old"), ordinals ("11th"), times ("6 p.m.", "11:50"), money,
percentages, dates ("Jan. 14") and bare years (1800-2100 written without a comma).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- vocabulary (general English) -----------------------------------------------------------------

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Abbreviated scales written after digits ("1.2m", "5bn", "3k").
SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# Plural scale words used alone are vague ("hundreds of people"): ACLED codes "dozens" as 12,
# "hundreds" as 100 and so on, the smallest amount the word can mean.
VAGUE_PLURALS = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "billions": 1_000_000_000,
}  # fmt: skip
# Vague determiners: ACLED codes "several", "many" and the like as 10; "a few" and "a couple"
# are taken at their smallest plural reading.
VAGUE_WORDS = {"several": 10, "many": 10, "numerous": 10, "multiple": 10, "countless": 10}
VAGUE_PHRASES = {("a", "few"): 3, ("a", "handful"): 3}
NONE_WORDS = {"none", "nobody", "zero"}
# Plural people after "twin" ("his twin daughters", "twin boys"): two of them. Only these, so
# "twin towers" or "Twin Cities" count nothing.
TWIN_PEOPLE = {
    "daughters", "sons", "brothers", "sisters", "boys", "girls", "babies", "children", "kids",
    "infants", "toddlers",
}  # fmt: skip
# "no" is not an amount before these ("no more than", "no longer", "no doubt").
NOT_AFTER_NO = {
    "more", "fewer", "less", "longer", "matter", "doubt", "way", "sooner", "later", "further",
    "immediate", "such", "comment", "word", "details", "information", "description",
}  # fmt: skip
MONTHS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
# Words after an amount that make it not a count of things.
NOT_COUNT_AFTER = {
    "percent", "per", "cent", "%", "am", "pm", "a.m", "p.m", "o'clock", "dollars", "cents",
    "euros", "pounds", "yuan", "rupees", "mph", "degrees", "th", "st", "nd", "rd", "times",
    "caliber", "calibre", "mm", "millimeter", "years-old", "year-old",
}  # fmt: skip
# Street names: a number followed (within STREET_WINDOW capitalized words) by one of these is
# a house number.
STREET_WORDS = {
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane",
    "ln", "way", "court", "ct", "place", "pl", "highway", "hwy", "parkway", "pkwy", "circle",
    "terrace", "trail", "pike", "square", "sq",
}  # fmt: skip
STREET_WINDOW = 4  # "1200 N. Martin Luther King Blvd" fits; longer reach eats "5 Main St" lists
# An amount after these, or before "<unit> old", is an age.
AGE_BEFORE = {"aged", "age", "ages"}
AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
NOT_COUNT_BEFORE = {"$", "£", "€", "¥", "#", "no.", "number", "route", "highway", "interstate"}
# "6 a.m.", "6 pm": a time of day.
_TIME_OF_DAY = re.compile(r"^[ap] ?(?:\. ?)?m\b")
# Change verbs: "rose from 20 to 32" states 32, not a range.
CHANGE_WORDS = {
    "rose", "risen", "rise", "rises", "rising", "climbed", "climb", "climbs", "climbing",
    "increased", "increase", "jumped", "grew", "grown", "went", "gone", "fell", "dropped",
    "revised", "raised", "up", "updated", "lowered",
}  # fmt: skip

# Qualifier phrases before an amount, by canonical name (matched longest first).
_QUALIFIER_NAMES = {
    "at least": ("at least", "no fewer than", "no less than", "a minimum of"),
    "more than": ("more than", "over", "just over", "upwards of", "upward of", "in excess of",
                  "well over"),
    "nearly": ("nearly", "almost", "just under", "just shy of"),
    "about": ("about", "around", "roughly", "approximately", "some", "estimated", "an estimated"),
    "close to": ("close to",),
    "up to": ("up to", "as many as", "as much as"),
    "at most": ("at most", "no more than"),
    "less than": ("fewer than", "less than", "under"),
}  # fmt: skip
QUALIFIERS_BEFORE: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): name for name, phrases in _QUALIFIER_NAMES.items() for phrase in phrases
}
# Qualifiers written after the amount ("30 or more", "30-plus", "30 or so").
QUALIFIERS_AFTER = {("or", "more"): "at least", ("plus",): "more than", ("or", "so"): "about"}
MAX_QUALIFIER_WORDS = max(len(key) for key in QUALIFIERS_BEFORE)

# A bare four-digit number in this range is read as a year ("in 2020"), not an amount, unless
# it counts a plural noun ("1800 people"); "1,800" with a comma is always an amount. Covers the
# dates news mentions; general knowledge, not tuned.
YEAR_RANGE = (1800, 2100)
YEAR_BEFORE = {"in", "since", "of", "by", "from", "until", "before", "after", "during", "to"}
# Plural nouns of events that a year names rather than counts ("the 1987 killings"); general
# knowledge, not tuned (one figure of the GVA dev file, a count of 1,991 dead, goes).
YEAR_EVENTS = {
    "killings", "shootings", "murders", "homicides", "slayings", "attacks", "bombings", "riots",
    "protests", "elections", "floods", "fires", "storms", "games", "olympics",
}  # fmt: skip

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?:[A-Za-z]+)?(?:-[A-Za-z0-9]+)*"  # 27, 1,200, 1.2, 5bn, 27-year-old
    r"|[A-Za-z]+(?:'[A-Za-z]+)?(?:-[A-Za-z]+)*"  # words and hyphenated words
    r"|\S"
)
_HYPHEN_RANGE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)-(\d{1,3}(?:,\d{3})+|\d+)")
_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([A-Za-z]*)")


@dataclass(frozen=True, slots=True, kw_only=True)
class Amount:
    """An amount written in text: ``text[start:end]`` is the phrase, qualifier included.

    ``value`` is the amount to use (a range's low end), ``low``/``high`` the bounds the phrase
    implies (None when open), ``qualifier`` one of "exact", "at least", "more than", "nearly",
    "about", "close to", "up to", "at most", "less than", "between"; ``vague`` marks amounts
    read from words such as "dozens"; ``number_start``/``number_end`` cover the number alone.
    """

    start: int
    end: int
    value: int
    low: int | None
    high: int | None
    qualifier: str
    vague: bool = False
    number_start: int
    number_end: int


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    lower: str
    start: int
    end: int


def tokenize(text: str) -> list[_Token]:
    """Words, numbers and punctuation of ``text`` with their offsets."""
    return [_Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def parse_number(phrase: str) -> int | None:
    """The value of a number phrase ("27", "1.2 million", "twenty-seven", "a dozen"), or None."""
    tokens = tokenize(phrase)
    found = _number_at(tokens, 0)
    if found is None or found[1] != len(tokens):
        return None
    return found[0]


def find_amounts(text: str) -> list[Amount]:
    """Every amount in ``text``, left to right, without overlaps."""
    tokens = tokenize(text)
    amounts: list[Amount] = []
    index = 0
    while index < len(tokens):
        found = _amount_at(tokens, index)
        if found is None:
            index += 1
            continue
        amount, index = found
        amounts.append(amount)
    return amounts


# --- numbers --------------------------------------------------------------------------------------


def _number_at(tokens: list[_Token], i: int) -> tuple[int, int, bool] | None:
    """(value, index after, vague) for a number starting at token ``i``."""
    if i >= len(tokens):
        return None
    word = tokens[i].lower
    if word[0].isdigit():
        return _digits_at(tokens, i)
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if word in VAGUE_PLURALS:
        return _vague_plural_at(tokens, i)
    if word in VAGUE_WORDS:
        return VAGUE_WORDS[word], i + 1, True
    if (word, nxt) in VAGUE_PHRASES:
        return VAGUE_PHRASES[(word, nxt)], i + 2, True
    if word in NONE_WORDS or (word == "no" and nxt in {"one", "other"}):
        return 0, i + (2 if word == "no" and nxt == "one" else 1), False
    if word == "half" and nxt == "a" and _lower(tokens, i + 2) == "dozen":
        return 6, i + 3, False
    if word in {"a", "an"} and nxt in {"dozen", "hundred", "thousand", "million", "billion"}:
        value, end = _scaled(tokens, i + 1, 1)
        return value, end, False
    if word in {"a", "an"} and nxt in {"couple", "pair"}:
        end = i + 3 if _lower(tokens, i + 2) == "of" else i + 2
        return 2, end, False
    if word == "both":
        return 2, i + 1, False
    if tokens[i].text == "twin" and nxt in TWIN_PEOPLE:
        return 2, i + 1, False
    return _words_at(tokens, i)


def _lower(tokens: list[_Token], i: int) -> str:
    return tokens[i].lower if 0 <= i < len(tokens) else ""


def _digits_at(tokens: list[_Token], i: int) -> tuple[int, int, bool] | None:
    match = _DIGITS.fullmatch(tokens[i].text)
    if match is None:
        # "30-plus" is handled by the caller as a qualifier; other hyphenated forms are ages.
        if re.fullmatch(r"\d+(?:,\d{3})*-plus", tokens[i].lower):
            return int(tokens[i].lower[:-5].replace(",", "")), i + 1, False
        return None
    whole, fraction, suffix = match.groups()
    number = float(whole.replace(",", "") + (fraction or ""))
    scale = 1
    if suffix:
        if suffix.lower() not in SUFFIX_SCALES:
            return None  # "11th", "9mm"
        scale = SUFFIX_SCALES[suffix.lower()]
    end = i + 1
    if scale == 1 and _lower(tokens, end) in SCALES:
        scale = SCALES[tokens[end].lower]
        end += 1
        if _lower(tokens, end) in {"million", "billion"} and scale < 1_000_000:
            scale *= SCALES[tokens[end].lower]
            end += 1
    value = round(number * scale)
    if fraction and scale == 1:
        return None  # "1.5" people is not a count; "3.5" is a measurement
    return value, end, False


def _vague_plural_at(tokens: list[_Token], i: int) -> tuple[int, int, bool]:
    """ "dozens", "hundreds", "tens of thousands", "hundreds of thousands"."""
    value = VAGUE_PLURALS[tokens[i].lower]
    end = i + 1
    if _lower(tokens, end) == "of" and _lower(tokens, end + 1) in VAGUE_PLURALS:
        value *= VAGUE_PLURALS[tokens[end + 1].lower]
        end += 2
    return value, end, True


def _words_at(tokens: list[_Token], i: int) -> tuple[int, int, bool] | None:
    """Number words: "twenty-seven", "two hundred and five", "three million", "two dozen"."""
    word = tokens[i].lower
    small = _small_number(word)
    if small is None:
        return None
    end = i + 1
    following = _lower(tokens, end)
    if 20 <= small < 100 and small % 10 == 0 and following in UNITS and UNITS[following] < 10:
        small += UNITS[following]  # "twenty seven"
        end += 1
    value, end = _scaled(tokens, end, small)
    return value, end, False


def _small_number(word: str) -> int | None:
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and UNITS[parts[1]] < 10:
        return TENS[parts[0]] + UNITS[parts[1]]
    return None


def _scaled(tokens: list[_Token], end: int, value: int) -> tuple[int, int]:
    """Apply scale words after a number: "two hundred and five thousand", "a dozen"."""
    total = 0
    current = value
    while True:
        word = _lower(tokens, end)
        if word == "dozen":
            current *= 12
            end += 1
        elif word == "hundred":
            current *= 100
            end += 1
            rest = _rest_after_and(tokens, end)
            if rest is not None:
                current += rest[0]
                end = rest[1]
        elif word in {"thousand", "million", "billion"}:
            total += current * SCALES[word]
            current = 0
            end += 1
            following = _small_number(_lower(tokens, end))
            if following is None:
                break
            current = following
            end += 1
        else:
            break
    return total + current, end


def _rest_after_and(tokens: list[_Token], end: int) -> tuple[int, int] | None:
    """ "and five" or "five" after "hundred"."""
    start = end + 1 if _lower(tokens, end) == "and" else end
    small = _small_number(_lower(tokens, start))
    if small is None or small >= 100:
        return None
    return small, start + 1


# --- amounts --------------------------------------------------------------------------------------


def _amount_at(tokens: list[_Token], i: int) -> tuple[Amount, int] | None:
    """The amount whose number starts at token ``i`` (with qualifiers and ranges)."""
    if (hyphenated := _hyphen_range(tokens[i])) is not None:
        low_value, high_value = hyphenated
        token = tokens[i]
        amount = Amount(
            start=token.start, end=token.end, value=low_value, low=low_value, high=high_value,
            qualifier="between", number_start=token.start, number_end=token.end,
        )  # fmt: skip
        return amount, i + 1
    found = _no_at(tokens, i) if tokens[i].lower == "no" else _number_at(tokens, i)
    if found is None or not _is_count(tokens, i, found[1]):
        return None
    value, end, vague = found
    number_start, number_end = tokens[i].start, tokens[end - 1].end
    start_index, qualifier = _qualifier_before(tokens, i)
    low: int | None = value
    high: int | None = value
    if (ranged := _range_after(tokens, i, end, value)) is not None:
        joiner = end
        high_value, end, kind = ranged
        number_end = tokens[end - 1].end
        if kind == "update":
            value, low, high, qualifier = high_value, high_value, high_value, "exact"
            start_index = joiner + 1
            number_start = tokens[joiner + 1].start
        else:
            low, high, qualifier = value, high_value, "between"
            if _lower(tokens, i - 1) in {"between", "from"}:
                start_index = i - 1
    else:
        end, qualifier = _qualifier_after(tokens, end, qualifier)
        if vague and qualifier == "exact":
            qualifier = "at least"  # the ACLED value is the smallest reading of the word
        if tokens[i].lower.endswith("-plus"):
            qualifier = "more than"
        low, high = _bounds(value, qualifier, vague)
    amount = Amount(
        start=tokens[start_index].start,
        end=tokens[end - 1].end,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        vague=vague,
        number_start=number_start,
        number_end=number_end,
    )
    return amount, end


def _no_at(tokens: list[_Token], i: int) -> tuple[int, int, bool] | None:
    """ "no one", "no other", and "no" before a noun ("no injuries") are 0."""
    nxt = _lower(tokens, i + 1)
    if nxt in {"one", "other"}:
        return _number_at(tokens, i)
    if not nxt[:1].isalpha() or nxt in NOT_AFTER_NO:
        return None
    return 0, i + 1, False


def _hyphen_range(token: _Token) -> tuple[int, int] | None:
    """ "20-30" written as one token: (20, 30); None for years, scores and phone numbers."""
    match = _HYPHEN_RANGE.fullmatch(token.text)
    if match is None:
        return None
    low, high = (int(part.replace(",", "")) for part in match.groups())
    if low >= high or all(len(part) == 4 for part in match.groups()):
        return None
    return low, high


def _bounds(value: int, qualifier: str, vague: bool) -> tuple[int | None, int | None]:
    if vague or qualifier in {"at least", "more than"}:
        return value, None
    if qualifier in {"nearly", "close to", "up to", "at most", "less than"}:
        return None, value
    if qualifier == "about":
        return None, None
    return value, value


def _is_count(tokens: list[_Token], i: int, end: int) -> bool:
    """False for years, times, dates, ages, money, percentages and pronoun "one"."""
    first, last = tokens[i], tokens[end - 1]
    before = _lower(tokens, i - 1)
    if before == "." and i >= 2:
        before = tokens[i - 2].lower + "."  # "No. 3", "Jan. 14"
    after = _lower(tokens, end)
    if before in NOT_COUNT_BEFORE or before.rstrip(".") in MONTHS or after in NOT_COUNT_AFTER:
        return False
    if _TIME_OF_DAY.match(" ".join(t.lower for t in tokens[end : end + 4])):
        return False  # 6 a.m., 6 p.m.
    if _is_street_number(tokens, end):
        return False
    if _is_unspaced_age(tokens, i):
        return False
    if after in {":", "/"} and end + 1 < len(tokens) and tokens[end + 1].text[0].isdigit():
        return False  # 11:50, 9/11
    if (
        _lower(tokens, i - 1) in {":", "/", "-", "."}
        and i >= 2
        and tokens[i - 2].text[0].isdigit()
        and tokens[i - 1].start == tokens[i - 2].end
        and tokens[i].start == tokens[i - 1].end
    ):
        return False  # the second half of a time, date or phone number; not "Channel 9 - 5 hurt"
    if first.lower == "one" and before in {"the", "this", "that", "which", "any", "every", "each"}:
        return False
    if before in AGE_BEFORE or (after in AGE_UNITS and _lower(tokens, end + 1) == "old"):
        return False  # "aged 17", "ages 13 and 17", "a 2 year old"
    if end == i + 1 and first.text.isdigit() and len(first.text) == 4:
        year = int(first.text)
        if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] and not _counts_plural(tokens, i, end):
            return False
    if after == "-" and end + 1 < len(tokens) and tokens[end + 1].text[0].isdigit():
        # "252-972-1411" (phone) is not a count; "20-30" is handled as a range by the caller.
        return not (end + 3 < len(tokens) and tokens[end + 2].text == "-")
    return bool(last.text)


def _counts_plural(tokens: list[_Token], i: int, end: int) -> bool:
    """ "1800 people": a year-like number counting a plural noun, not after "in", "since"..."""
    following = _lower(tokens, end)
    return (
        _lower(tokens, i - 1) not in YEAR_BEFORE
        and following not in YEAR_EVENTS
        and following.isalpha()
        and tokens[end].text.islower()
        and (following.endswith("s") or following in {"people", "men", "women", "children"})
    )


def _is_unspaced_age(tokens: list[_Token], i: int) -> bool:
    """ "Jane Doe,20," written without spaces: an age after a name."""
    return (
        i >= 2
        and tokens[i - 1].text == ","
        and tokens[i - 1].start == tokens[i - 2].end
        and tokens[i].start == tokens[i - 1].end
        and tokens[i - 2].text[-1:].isalpha()
    )


def _is_street_number(tokens: list[_Token], end: int) -> bool:
    """ "1200 N. Main Street", "19651 SW 168th St": a house number before a street name."""
    for token in tokens[end : end + STREET_WINDOW]:
        if token.lower in STREET_WORDS:
            return True
        if not (token.text[:1].isupper() or token.text[:1].isdigit() or token.text == "."):
            return False
    return False


def _qualifier_before(tokens: list[_Token], i: int) -> tuple[int, str]:
    for size in range(MAX_QUALIFIER_WORDS, 0, -1):
        if i - size < 0:
            continue
        words = tuple(token.lower for token in tokens[i - size : i])
        if words in QUALIFIERS_BEFORE:
            if words == ("some",) and _lower(tokens, i - 2) in {"of", "for"}:
                continue
            return i - size, QUALIFIERS_BEFORE[words]
    return i, "exact"


def _qualifier_after(tokens: list[_Token], end: int, qualifier: str) -> tuple[int, str]:
    for words, name in QUALIFIERS_AFTER.items():
        size = len(words)
        if tuple(_lower(tokens, end + k) for k in range(size)) == words:
            return end + size, name if qualifier == "exact" else qualifier
    return end, qualifier


def _range_after(tokens: list[_Token], i: int, end: int, value: int) -> tuple[int, int, str] | None:
    """(high, index after, "range" | "update") for "20 to 30", "20-30", "two or three"."""
    joiner = _lower(tokens, end)
    if joiner not in {"to", "-", "\u2013", "or", "and"}:
        return None
    before = _lower(tokens, i - 1)
    if joiner == "and" and before != "between":
        return None
    if joiner == "or" and _lower(tokens, end + 1) in {"more", "so"}:
        return None
    found = _number_at(tokens, end + 1)
    if found is None or found[2] or not _is_count(tokens, end + 1, found[1]):
        return None
    high, after, _ = found
    if joiner == "to" and before == "from" and _lower(tokens, i - 2) in CHANGE_WORDS:
        return high, after, "update"
    if high <= value:
        return None
    if joiner in {"-", "\u2013"} and (
        tokens[end].start != tokens[end - 1].end or tokens[end + 1].start != tokens[end].end
    ):
        return None  # "27 - 32" with spaces is usually a score or list, not a range
    return high, after, "range"
