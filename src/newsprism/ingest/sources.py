"""Who published an article: the outlet (``source``) and any news agency credited in the text.

``choose_source`` picks the outlet from what an input gives (a record field or sidecar, the HTML
site name, the URL's domain), and ``find_wire_credit`` finds a wire agency credited by position
in the text: a dateline at the start, a credit at the very end, or a standalone credit line.
Mentions of an agency inside news sentences ("told Reuters") are not credits.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit


class WireAgency(NamedTuple):
    """A news agency: its canonical name and the names it is credited by."""

    name: str
    aliases: tuple[str, ...]


# Agencies whose copy outlets republish. Aliases are matched case-sensitively and only in credit
# positions, so short ones such as "AP" or "PA" do not fire on ordinary words.
WIRE_AGENCIES: tuple[WireAgency, ...] = (
    WireAgency("Reuters", ("Reuters", "Thomson Reuters", "REUTERS")),
    WireAgency("Associated Press", ("Associated Press", "The Associated Press", "AP")),
    WireAgency("AFP", ("AFP", "Agence France-Presse", "Agence France Presse")),
    WireAgency("dpa", ("dpa", "DPA", "Deutsche Presse-Agentur")),
    WireAgency("UPI", ("UPI", "United Press International")),
    WireAgency("Anadolu", ("Anadolu Agency", "Anadolu")),
    WireAgency("Xinhua", ("Xinhua News Agency", "Xinhua")),
    WireAgency("PA Media", ("PA Media", "PA Wire", "Press Association", "PA")),
    WireAgency("ANSA", ("ANSA",)),
    WireAgency("EFE", ("EFE", "Agencia EFE")),
    WireAgency("Kyodo", ("Kyodo News", "Kyodo")),
    WireAgency("Yonhap", ("Yonhap News Agency", "Yonhap")),
    WireAgency("Bloomberg", ("Bloomberg News", "Bloomberg")),
    WireAgency("TASS", ("TASS",)),
    WireAgency("Interfax", ("Interfax",)),
    WireAgency("Press Trust of India", ("Press Trust of India", "PTI")),
    WireAgency("ANI", ("ANI",)),
    WireAgency("IANS", ("IANS",)),
    WireAgency("AAP", ("Australian Associated Press", "AAP")),
    WireAgency("Canadian Press", ("The Canadian Press", "Canadian Press")),
    WireAgency("Jiji Press", ("Jiji Press", "Jiji")),
    WireAgency("Europa Press", ("Europa Press",)),
    WireAgency("Lusa", ("Lusa",)),
    WireAgency("Bernama", ("Bernama",)),
    WireAgency("Antara", ("Antara",)),
)

_CANONICAL: dict[str, str] = {
    alias: agency.name for agency in WIRE_AGENCIES for alias in agency.aliases
}
# Longest first, so "Associated Press" wins over "AP" and "PA Media" over "PA".
_AGENCY = "|".join(
    re.escape(alias)
    for alias in sorted(
        {alias for agency in WIRE_AGENCIES for alias in agency.aliases}, key=len, reverse=True
    )
)
_DASH = "(?:-{1,2}|\u2013|\u2014|\u2015)"  # hyphen(s), en, em and horizontal-bar dashes

# An agency not in WIRE_AGENCIES is still recognised in the two unmistakable credit positions (a
# dateline "CITY (ABC) -" and a dash credit after the last sentence) when written as an
# all-capitals acronym; 2 to 6 letters covers agency acronyms without matching shouted words.
_ACRONYM = r"[A-Z]{2,6}"
# A dateline opens a line: a place (and maybe a date) then "(Agency) -". The place part is short
# and has no sentence punctuation other than commas and abbreviation points.
DATELINE = re.compile(
    rf"^[^\S\n]*(?:[A-Z][^\n()!?;:]{{0,80}}?[^\S\n]*)?\((?P<agency>{_AGENCY}|{_ACRONYM})\)"
    rf"[^\S\n]*{_DASH}"
)
# A byline credit among the first lines: "By Reuters", "By The Associated Press Staff", or the
# agency followed by a date ("PTI | Updated: 5 March", "Reuters Sep 18, 2013").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
HEAD_CREDIT_LINE = re.compile(
    rf"^[^\S\n]*(?:(?:By|BY)[^\S\n]+(?:The[^\S\n]+)?(?P<by>{_AGENCY})(?:[^\S\n]+[Ss]taff)?"
    rf"[^\S\n]*$|(?:The[^\S\n]+)?(?P<dated>{_AGENCY})[^\S\n]*[|,\u00b7\u2022/]?[^\S\n]*"
    rf"(?:Updated|Published|Posted|{_MONTH}[^\S\n]+\d|\d{{1,2}}[^\S\n]+{_MONTH}|\d{{4}}-\d\d)"
    rf"[^\n]{{0,60}}$)"
)
# Lines searched for a dateline: the headline, a caption or a byline may come before it.
DATELINE_MAX_LINES = 5

# A credit at the very end: "- Reuters", "— The Associated Press", "(AFP)", "/AFP" after the last
# sentence or on a line of its own. The sentence-end guard keeps "a spokesman told AFP" out.
_AFTER_SENTENCE = "(?:(?<=[.!?\"\u201d\u2019')\\]])|^)"
TRAILING_CREDIT = re.compile(
    rf"{_AFTER_SENTENCE}[^\S\n]*(?:(?:{_DASH}|/|\()[^\S\n]*(?:with[^\S\n]+)?(?:The[^\S\n]+)?"
    rf"(?P<agency>{_AGENCY})|{_DASH}[^\S\n]*(?P<acronym>{_ACRONYM}))\)?[^\S\n]*\.?\s*\Z",
    re.MULTILINE,
)
# A last line that names agencies and nothing else ("Reuters", "AFP and Reuters").
SOLE_NAME_LINE = re.compile(
    rf"^[^\S\n]*(?:The[^\S\n]+)?(?P<agency>{_AGENCY})"
    rf"(?:[^\S\n]*(?:,|and|&)[^\S\n]*(?:The[^\S\n]+)?(?:{_AGENCY}))*[^\S\n]*\.?\s*\Z",
    re.MULTILINE,
)
# A credit line is short; longer lines are news paragraphs that happen to start with a name. The
# longest Reuters credit lines (several reporters and places) run to about 300 characters.
MAX_CREDIT_LINE_CHARS = 400
# Standalone credit lines, anywhere in the text; each is matched against one whole line.
# Reuters style: "(Reporting by A in Kyiv; Editing by B)".
REUTERS_CREDIT_LINE = re.compile(
    r"[^\S\n]*\(?(?:Additional[^\S\n]+)?[Rr]eporting by [^\n]*?[;,][^\S\n]*"
    r"(?:[Ee]diting|[Ww]riting) by [^\n]*"
)
# "Associated Press writers A and B contributed to this report." / "Reuters contributed."
CONTRIBUTED_LINE = re.compile(
    rf"[^\S\n]*(?:The[^\S\n]+)?(?P<agency>{_AGENCY})\b[^\n]*?\bcontributed\b[^\n]*"
)
# "Additional reporting by Reuters", "With reporting from AFP".
REPORTING_BY_LINE = re.compile(
    rf"[^\S\n]*\(?(?:Additional[^\S\n]+|With[^\S\n]+|[Ww]ith[^\S\n]+additional[^\S\n]+)?"
    rf"(?:[Rr]eporting|[Ww]riting)[^\S\n]+(?:by|from)[^\S\n]+(?:The[^\S\n]+)?"
    rf"(?P<agency>{_AGENCY})\b[^\n]{{0,80}}"
)
# "Copyright 2024 The Associated Press. All rights reserved.", "(c) AFP".
COPYRIGHT_LINE = re.compile(
    rf"[^\S\n]*(?:Copyright|\u00a9|\([cC]\))[^\S\n]*(?:\d{{4}}[^\S\n]*)?(?:The[^\S\n]+)?"
    rf"(?P<agency>{_AGENCY})\b[^\n]{{0,80}}"
)
# How much of the end of the text is searched for a sole-name credit line.
TRAILING_WINDOW_CHARS = 200

_DOMAIN_LIKE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$", re.IGNORECASE)


def canonical_agency(alias: str) -> str:
    """The canonical name of an agency alias ("The Associated Press" -> "Associated Press")."""
    return _CANONICAL.get(alias, alias)


def find_wire_credit(text: str) -> str | None:
    """The news agency credited in ``text`` by position, as its canonical name, or None.

    Looks for a dateline or byline in the first lines ("KYIV (Reuters) -", "By AFP", "Reuters
    Sep 18, 2013"), a credit at the very end
    ("- Reuters", "(AFP)", "— The Associated Press", a last line naming only agencies), and
    standalone credit lines ("(Reporting by ...; Editing by ...)", "AP writers ... contributed").
    Agency names inside news sentences ("told Reuters") are not credits. When several agencies
    are credited the first found in that order is returned.
    """
    head = "\n".join(line for line in text.lstrip().splitlines()[:DATELINE_MAX_LINES])
    for line in head.splitlines():
        match = DATELINE.match(line)
        if match:
            return canonical_agency(match["agency"])
        match = HEAD_CREDIT_LINE.match(line)
        if match:
            return canonical_agency(match["by"] or match["dated"])
    tail = text.rstrip()
    match = TRAILING_CREDIT.search(tail[-TRAILING_WINDOW_CHARS:])
    if match is not None:
        return canonical_agency(match["agency"] or match["acronym"])
    match = SOLE_NAME_LINE.search(tail[-TRAILING_WINDOW_CHARS:])
    if match is not None:
        return canonical_agency(match["agency"])
    return _credit_line(text)


def _credit_line(text: str) -> str | None:
    """The agency named by a standalone credit line of ``text``, if any."""
    lines = [line for line in text.splitlines() if len(line) <= MAX_CREDIT_LINE_CHARS]
    for pattern in (CONTRIBUTED_LINE, REPORTING_BY_LINE, COPYRIGHT_LINE):
        for line in lines:
            match = pattern.fullmatch(line)
            if match:
                return canonical_agency(match["agency"])
    if any(REUTERS_CREDIT_LINE.fullmatch(line) for line in lines):
        return "Reuters"
    return None


def domain_of(url: str | None) -> str | None:
    """The host of ``url``, lowercased, without ``www.`` or a port; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def normalize_source(value: str | None) -> str | None:
    """Trim a source name; a bare host name ("www.Example.com:80") becomes its domain."""
    if value is None:
        return None
    value = " ".join(value.split())
    if not value:
        return None
    if _DOMAIN_LIKE.match(value):
        return domain_of(value)
    return value


def choose_source(
    *,
    given: str | None,
    site_name: str | None,
    url: str | None,
    default: str | None,
    wire: str | None,
) -> str | None:
    """The outlet of an article, from the most to the least explicit evidence.

    Order: a value the input states (record field or sidecar), the HTML site name, the URL's
    domain, then ``default`` (the caller's ``source`` argument, which only fills in when the
    input names no outlet of its own), then the wire agency credited in the text.
    """
    for candidate in (given, site_name):
        normalized = normalize_source(candidate)
        if normalized:
            return normalized
    return domain_of(url) or normalize_source(default) or normalize_source(wire)
