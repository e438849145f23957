"""Dates in an article: relative expressions resolved against its publication date.

Reads a cleaned :class:`~newsprism.models.Article` (its ``text`` and ``published``) and
returns :class:`TimeMention` values with ``[start, end)`` offsets, the resolved ISO date and its
precision. Covered, by own rules:

* weekdays ("on Tuesday", "late on Wednesday", "Tuesday evening", "the early hours of Monday"),
  resolved by the news convention to the most recent such day on or before publication ("on
  Tuesday" in a Wednesday article is yesterday; the publication weekday is that day), or to the
  next one when the clause speaks of the future ("is expected to ... on Wednesday", "would ...
  on Saturday", "next Friday");
* "yesterday", "today", "tonight", "this morning", "last night", "tomorrow";
* "last week", "this month", "next year"...; "three years ago", "a week ago";
* absolute dates: "19 September 2023", "September 19th, 2023", "January 2023", "in 2020",
  "the 2020 war", "(1988-1994)"; "September 19" and "in December" without a year take the year
  that puts them on or before publication.

A week is given by its Monday (``date`` "2026-03-02", precision "week"), a month as "2026-03"
and a year as "2024". Without a publication date, relative expressions keep ``date=None``.
The publication date is read as ISO 8601, or by dateparser when it is written otherwise.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..models import Article

LOG = logging.getLogger(__name__)

Precision = Literal["day", "week", "month", "year"]

# Characters looked back over for a future cue before a weekday ("is expected to meet
# engineers at the dam site on Wednesday"); the clause start usually comes first.
FUTURE_WINDOW_CHARS = 120
# A day and month without a year more than this many days after publication is taken from
# the year before: reports look back far more often than they look ahead.
MAX_FUTURE_DAYS = 31
# Years outside this range are not read as dates ("in 3000 homes" is a count).
MIN_YEAR, MAX_YEAR = 1800, 2100

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a few": 3, "several": 3, "twenty": 20, "thirty": 30, "fifty": 50, "a hundred": 100,
}  # fmt: skip
# Words before a weekday or a time word that make the clause about the future.
FUTURE_CUES = re.compile(
    r"\b(?:will|'ll|shall|would|expected|due|scheduled|planned|plans?|set to|to be held|"
    r"possible|likely|starting|from|until|next|upcoming|coming)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]|,\s|\bthat\b")

_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day_month_year", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+{_MONTH},?\s+{_YEAR}\b")),
    ("month_day_year", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("month_year", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![,.]?\d)")),
    ("day_month", re.compile(rf"\b{_DAY}\s+{_MONTH}\b")),
    ("year_range", re.compile(r"\((?P<core>(?P<year>1[89]\d\d|20\d\d))\s*[-\u2013]\s*\d{4}\)")),
    ("year_range", re.compile(r"\(\d{4}\s*[-\u2013]\s*(?P<core>(?P<year>1[89]\d\d|20\d\d))\)")),
    ("ago", re.compile(
        r"\b(?P<count>\d+|a few|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|twelve|twenty|thirty|fifty|a hundred)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
        re.IGNORECASE)),
    ("this_unit", re.compile(
        r"\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next|past)\s+(?P<unit>week|month|year)\b",
        re.IGNORECASE)),
    ("weekday", re.compile(
        rf"\b(?:(?:the\s+)?(?:early\s+hours|morning|afternoon|evening|night)\s+of\s+)?"
        rf"(?:(?:early|late|later|earlier|before\s+dawn|after\s+dark|starting|from|by|until)\s+)?"
        rf"(?:on\s+)?(?:(?P<which>last|this|next|coming)\s+)?{_WEEKDAY}(?:'s)?"
        rf"(?:\s+(?P<part>morning|afternoon|evening|night))?\b(?!\s+[A-Z][a-z])")),
    ("deictic", re.compile(
        r"\b(?P<word>yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|"
        r"last\s+night)\b", re.IGNORECASE)),
    ("month", re.compile(
        rf"\b(?:in|since|by|until|during|last|this|next|early|late|mid-?)\s+(?:early\s+|late\s+)?"
        rf"{_MONTH}\b(?!\s+\d)")),
    ("year", re.compile(
        rf"(?:\b(?:in|since|by|until|till|from|of|during|after|before|between|and|to|early|"
        rf"late|mid-?|year)\s+(?:the\s+)?(?:year\s+)?|\b(?:the|a|an|its|this|that)\s+)"
        rf"(?P<core>{_YEAR})\b(?![,.]?\d)(?!\s*(?:people|persons|troops|soldiers|civilians|homes|"
        rf"houses|residents|families|km|kilometres|kilometers|metres|meters|miles)\b)",
        re.IGNORECASE)),
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeMention:
    """A date or relative time expression at ``[start, end)`` of an article.

    ``date`` is ISO 8601 at ``precision`` ("2026-03-10", "2026-03", "2024"; a week by its
    Monday) or None when the expression is relative and the article has no date.
    """

    article_id: str
    start: int
    end: int
    text: str
    date: str | None
    precision: Precision
    relative: bool

    def to_dict(self) -> dict[str, object]:
        """As a plain dict."""
        return {
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "date": self.date,
            "precision": self.precision,
            "relative": self.relative,
        }


def extract_dates(article: Article) -> list[TimeMention]:
    """Time expressions of ``article``, resolved against ``article.published``, in order."""
    base = publication_date(article.published)
    text = article.text
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = _core(match)
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            for date, precision, relative in _resolve(kind, match, base, text):
                taken.append((start, end))
                found.append(
                    TimeMention(
                        article_id=article.id,
                        start=start,
                        end=end,
                        text=text[start:end],
                        date=date,
                        precision=precision,
                        relative=relative,
                    )
                )
    return sorted(found, key=lambda mention: (mention.start, mention.end))


def publication_date(published: str | None) -> dt.date | None:
    """The date of an article's ``published`` value (ISO 8601, else read by dateparser)."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return _dateparser_date(published)


@functools.lru_cache(maxsize=1024)
def _dateparser_date(text: str) -> dt.date | None:
    import dateparser  # slow to import; only needed for unusual publication dates

    parsed: dt.datetime | None = dateparser.parse(text, languages=["en"])
    if parsed is None:
        LOG.debug("publication date %r could not be read", text)
        return None
    return parsed.date()


def _core(match: re.Match[str]) -> tuple[int, int]:
    """The span of the expression itself: a pattern's ``core`` group when it has one (a year
    without the preposition that showed it is a year), else the whole match."""
    if "core" in match.groupdict() and match["core"] is not None:
        return match.span("core")
    return match.span()


def _resolve(
    kind: str, match: re.Match[str], base: dt.date | None, text: str
) -> Iterator[tuple[str | None, Precision, bool]]:
    groups = match.groupdict()
    if kind in ("day_month_year", "month_day_year"):
        day = _safe_date(int(groups["year"]), MONTHS[groups["month"].lower()], int(groups["day"]))
        if day is not None:
            yield day.isoformat(), "day", False
    elif kind == "month_year":
        yield f"{groups['year']}-{MONTHS[groups['month'].lower()]:02d}", "month", False
    elif kind in ("month_day", "day_month"):
        yield from _month_day(groups, base)
    elif kind == "year_range":
        yield groups["year"], "year", False
    elif kind == "year":
        if MIN_YEAR <= int(groups["year"]) <= MAX_YEAR:
            yield groups["year"], "year", False
    elif kind == "month":
        yield _month(groups, base, match.group().split()[0].lower()), "month", True
    elif kind == "ago":
        yield from _ago(groups, base)
    elif kind == "this_unit":
        yield from _this_unit(groups, base)
    elif kind == "weekday":
        future = (groups["which"] or "").lower() in ("next", "coming") or _future(text, match)
        date = _weekday(groups["weekday"], base, future=future, strict=groups["which"] == "last")
        yield date, "day", True
    elif kind == "deictic":
        yield _deictic(groups["word"].lower(), base), "day", True


def _month_day(
    groups: dict[str, str], base: dt.date | None
) -> Iterator[tuple[str | None, Precision, bool]]:
    month, day = MONTHS[groups["month"].lower()], int(groups["day"])
    if not 1 <= day <= 31:
        return
    if base is None:
        yield None, "day", True
        return
    date = _safe_date(base.year, month, day)
    if date is not None and (date - base).days > MAX_FUTURE_DAYS:
        date = _safe_date(base.year - 1, month, day)
    if date is not None:
        yield date.isoformat(), "day", True


def _month(groups: dict[str, str], base: dt.date | None, lead: str) -> str | None:
    """A month without a year: "next"/"this" as said, else the latest one not after ``base``."""
    if base is None:
        return None
    month = MONTHS[groups["month"].lower()]
    if lead == "next":
        year = base.year + 1 if month <= base.month else base.year
    elif lead == "this":
        year = base.year
    else:
        year = base.year - 1 if month > base.month else base.year
    return f"{year}-{month:02d}"


def _ago(
    groups: dict[str, str], base: dt.date | None
) -> Iterator[tuple[str | None, Precision, bool]]:
    raw = groups["count"].lower()
    count = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 1)
    unit = groups["unit"].lower()
    precision: Precision = "year" if unit == "year" else "month" if unit == "month" else "day"
    if unit == "week":
        precision = "week"
    if base is None:
        yield None, precision, True
        return
    if unit == "year":
        yield str(base.year - count), "year", True
    elif unit == "month":
        months = base.year * 12 + base.month - 1 - count
        yield f"{months // 12}-{months % 12 + 1:02d}", "month", True
    elif unit == "week":
        monday = base - dt.timedelta(days=base.weekday() + 7 * count)
        yield monday.isoformat(), "week", True
    else:
        yield (base - dt.timedelta(days=count)).isoformat(), "day", True


def _this_unit(
    groups: dict[str, str], base: dt.date | None
) -> Iterator[tuple[str | None, Precision, bool]]:
    which, unit = groups["which"].lower(), groups["unit"].lower()
    shift = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    precision: Precision = "week" if unit == "week" else "month" if unit == "month" else "year"
    if base is None:
        yield None, precision, True
    elif unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
        yield monday.isoformat(), "week", True
    elif unit == "month":
        months = base.year * 12 + base.month - 1 + shift
        yield f"{months // 12}-{months % 12 + 1:02d}", "month", True
    else:
        yield str(base.year + shift), "year", True


def _future(text: str, match: re.Match[str]) -> bool:
    """Whether the clause before a weekday speaks of the future."""
    window = text[max(0, match.start() - FUTURE_WINDOW_CHARS) : match.start()]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    clause += " " + match.group()[: match.group().lower().find(match["weekday"].lower())]
    return FUTURE_CUES.search(clause) is not None


def _weekday(name: str, base: dt.date | None, *, future: bool, strict: bool) -> str | None:
    """The date of weekday ``name`` relative to ``base``: on or before it (strictly before for
    "last Tuesday"), or on or after it when ``future``."""
    if base is None:
        return None
    target = WEEKDAYS.index(name.lower())
    back = (base.weekday() - target) % 7
    if strict and back == 0:
        back = 7
    if future and back:
        return (base + dt.timedelta(days=7 - back)).isoformat()
    return (base - dt.timedelta(days=back)).isoformat()


def _deictic(word: str, base: dt.date | None) -> str | None:
    if base is None:
        return None
    shift = {"yesterday": -1, "tomorrow": 1}.get(word.split()[0], 0)
    if word == "last night":
        shift = -1
    return (base + dt.timedelta(days=shift)).isoformat()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
