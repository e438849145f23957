"""Publication dates as given by inputs (ISO strings, RFC 2822, "March 5, 2024") -> ISO 8601.

A value with a time of day keeps it (``2024-03-05T10:00:00+00:00``); a bare date stays a date
(``2024-03-05``). Relative expressions ("yesterday") are refused: a saved article has no "now".
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

LOG = logging.getLogger(__name__)

# ISO dates are 10 characters; longer ISO strings carry a time of day worth keeping.
ISO_DATE_LENGTH = 10
# dateparser parsers allowed: absolute forms only, so "2 hours ago" never resolves against the
# clock of the machine that reads the file.
DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["year", "month", "day"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# Languages tried for written-out dates ("5 mars 2024"): common languages of news outlets. Letting
# dateparser try all 200+ locales costs seconds of locale loading on the first odd value.
DATE_LANGUAGES: tuple[str, ...] = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "tr", "ar")


def to_iso_date(value: object) -> str | None:
    """An ISO 8601 date or date-time for ``value``, or None when it is not a recognisable date."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = _from_iso(text)
    if iso is not None:
        return iso
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _from_dateparser(text)


def _from_iso(text: str) -> str | None:
    """Parse ISO 8601 (with a trailing Z accepted); None when the text is not ISO."""
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if len(text) <= ISO_DATE_LENGTH:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _from_dateparser(text: str) -> str | None:
    """Parse free-form absolute dates ("5 March 2024") with dateparser, imported lazily."""
    import dateparser  # slow to import; only odd date formats need it

    try:
        parsed = dateparser.parse(
            text, settings=DATEPARSER_SETTINGS, languages=list(DATE_LANGUAGES)
        )
    except (ValueError, TypeError, OverflowError) as err:
        LOG.debug("dateparser failed on %r: %s", text, err)
        return None
    if parsed is None:
        return None
    if parsed.hour == parsed.minute == parsed.second == 0:
        return str(parsed.date().isoformat())
    return str(parsed.isoformat())


# A date line names a year; without one ("Updated 5:40 p.m. ET") the day cannot be known.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Labels before the date on page date lines ("Posted on", "First Published:").
_DATE_LABEL = re.compile(
    r"^\s*(?:(?:first\s+)?published|posted|updated|last\s+updated|date|created)\s*(?:on|:)?\s*",
    re.IGNORECASE,
)
# "1: 32 PM" -> "1:32 PM": tokenised text puts spaces inside times.
_SPACED_TIME = re.compile(r"(\d{1,2})\s*:\s*(\d\d)")
_SPACED_MERIDIEM = re.compile(r"\b([ap])\.\s*m\.", re.IGNORECASE)
# Removal reasons whose text may be a page's date line.
DATE_LINE_REASONS = frozenset({"metadata", "update notice", "byline"})
# Date lines longer than this are sentences that happen to contain a date, not date lines.
MAX_DATE_LINE_CHARS = 80


def date_from_line(line: str) -> str | None:
    """The date a page's date line gives ("Posted on Fri Mar 08, 2019 09:15 AM"), or None."""
    if len(line) > MAX_DATE_LINE_CHARS or not _YEAR.search(line):
        return None
    text = _SPACED_MERIDIEM.sub(r"\1m", _SPACED_TIME.sub(r"\1:\2", _DATE_LABEL.sub("", line)))
    text = re.sub(r"\s+(?:at\s+)?", " ", text).strip(" ,|")
    found = to_iso_date(text)
    return found[:ISO_DATE_LENGTH] if found else None


def published_from_lines(lines: Sequence[tuple[str, str]]) -> str | None:
    """The publication date among removed ``(reason, text)`` lines: first a line that is not an
    update notice, else an update notice's date (an update is no earlier than publication)."""
    ordered = sorted(lines, key=lambda line: "updated" in line[1].casefold())
    for reason, text in ordered:
        if reason in DATE_LINE_REASONS:
            found = date_from_line(text)
            if found:
                return found
    return None
