"""Outlet and wire-agency detection: credits by position, not mentions in sentences."""

from __future__ import annotations

import pytest

from newsprism.ingest.sources import (
    WIRE_AGENCIES,
    canonical_agency,
    choose_source,
    domain_of,
    find_wire_credit,
    normalize_source,
)

BODY = (
    "The regional government said on Tuesday that the dam would be inspected.\n\n"
    "Engineers found no damage to the main wall, officials said."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # datelines at the start
        (f"OSLAND (Reuters) - {BODY}", "Reuters"),
        # an agency outside the list, credited by acronym in a dateline or a final dash credit
        (f"PORT VELL, Marrow (KNA) \u2013 {BODY}", "KNA"),
        (f"{BODY} \u2013 KNA", "KNA"),
        (f"KESTREL BAY, Marren (AP) \u2014 {BODY}", "Associated Press"),
        (f"NORTH FALLOW, March 4 (AFP) - {BODY}", "AFP"),
        (f"Vellmar (dpa) - {BODY}", "dpa"),
        (f"TARNO/VESK (Reuters) -- {BODY}", "Reuters"),
        (f"Dam safety checks ordered\n\nOSLAND (Reuters) - {BODY}", "Reuters"),
        # bylines among the first lines
        (f"Dam safety checks ordered\nBy Reuters Staff\n{BODY}", "Reuters"),
        (f"By The Associated Press\n\n{BODY}", "Associated Press"),
        (
            f"Dam checks ordered\nPTI | Updated: 5 March 2024, 10:02 IST\n{BODY}",
            "Press Trust of India",
        ),
        (f"Dam checks ordered\nReuters Sep 18, 2013, 02.16PM IST\n{BODY}", "Reuters"),
        # trailing credits at the very end
        (f"{BODY} \u2013 Reuters", "Reuters"),
        (f"{BODY}\n\u2014 The Associated Press", "Associated Press"),
        (f"{BODY} (AFP)", "AFP"),
        (f"{BODY}\n\nAgence France-Presse", "AFP"),
        (f"{BODY}\n\nReuters and AFP", "Reuters"),
        (f"{BODY} - with AFP", "AFP"),
        # standalone credit lines
        (f"{BODY}\n\n(Reporting by Ana Lind in Osland; Editing by Piet Marr)", "Reuters"),
        (
            f"{BODY}\n\nReporting by Ana Lind; writing by Piet Marr\n\nMore on this later.",
            "Reuters",
        ),
        (
            f"{BODY}\n\nAssociated Press writers Jo Kell in Tarno and Ed Vance contributed.",
            "Associated Press",
        ),
        (f"{BODY}\n\nAdditional reporting by Reuters\n\nThe inspection ends on Friday.", "Reuters"),
        (
            f"{BODY}\n\nCopyright 2024 The Associated Press. All rights reserved.",
            "Associated Press",
        ),
        (f"{BODY}\n\nXinhua contributed to this report.\n\nRelated: dams", "Xinhua"),
    ],
)
def test_wire_credits_are_found(text: str, expected: str) -> None:
    assert find_wire_credit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        f"A spokesman told Reuters the dam was safe. {BODY}",
        f"{BODY} The treaty was signed in Brussels (NATO).",
        f"{BODY} \u2013 NATO said the talks would go on.",
        f"{BODY} Reuters could not verify the claim independently.",
        f"{BODY} The figures were first reported by AFP.",
        f"{BODY} He said so in an interview with the Associated Press.",
        f"{BODY}\n\nAP reporters asked the minister twice about the leak, and he declined.",
        f"Officials spoke to AP on Monday. {BODY}",
        f"Reuters reported on March 3 that the dam was leaking.\n\n{BODY}",
        f"AFP 2024 review of dams\n\n{BODY}",
        f"By Jo Kell, Reuters correspondent\n\n{BODY}",
        f"{BODY} The news agency said (AFP).",
        f"{BODY}\n\nPhotograph: Reuters",
        f"{BODY} (AP Photo/Jo Kell)",
        f"{BODY}\n\nAdditional reporting by Pat Lorne in Tarno",
        f"{BODY}\n\nUPI and Reuters reporters visited the dam, where the water level was described "
        "by engineers as stable, although they warned that heavy rain expected this week could "
        "change that quickly.",
    ],
)
def test_mentions_in_sentences_are_not_credits(text: str) -> None:
    assert find_wire_credit(text) is None


def test_every_alias_maps_to_its_canonical_name() -> None:
    for agency in WIRE_AGENCIES:
        for alias in agency.aliases:
            assert canonical_agency(alias) == agency.name
            assert find_wire_credit(f"{BODY} \u2014 {alias}") == agency.name


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.Lantern.Example:8443/news/a", "lantern.example"),
        ("http://news.courier.example/x?y=1", "news.courier.example"),
        ("lantern.example/path", "lantern.example"),
        ("", None),
        (None, None),
    ],
)
def test_domain_of(url: str | None, expected: str | None) -> None:
    assert domain_of(url) == expected


def test_normalize_source_turns_host_names_into_domains() -> None:
    assert normalize_source("www.Lantern.example") == "lantern.example"
    assert normalize_source("  The   Daily Lantern ") == "The Daily Lantern"
    assert normalize_source("   ") is None


@pytest.mark.parametrize(
    ("given", "site", "url", "default", "wire", "expected"),
    [
        (
            "Valley Courier",
            "The Daily Lantern",
            "https://x.example/a",
            "Arg",
            "AFP",
            "Valley Courier",
        ),
        (None, "The Daily Lantern", "https://x.example/a", "Arg", "AFP", "The Daily Lantern"),
        (None, None, "https://www.x.example/a", "Arg", "AFP", "x.example"),
        (None, None, None, "Arg", "AFP", "Arg"),
        (None, None, None, None, "AFP", "AFP"),
        (None, None, None, None, None, None),
    ],
)
def test_choose_source_order(
    given: str | None,
    site: str | None,
    url: str | None,
    default: str | None,
    wire: str | None,
    expected: str | None,
) -> None:
    chosen = choose_source(given=given, site_name=site, url=url, default=default, wire=wire)
    assert chosen == expected
