"""Plain text, Markdown and date readers of the ingest stage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.ingest.dates import to_iso_date
from newsprism.ingest.plaintext import (
    decode_text,
    is_title_line,
    read_header,
    read_markdown,
    split_headline,
    strip_markdown,
)

BODY = "The lock gates at Harnmouth were opened on Friday, the canal trust said."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Canal reopens after winter repairs", True),
        ('"We will rebuild," says mayor of flooded town', True),
        ("Is the ferry safe? Inspectors disagree", True),
        ("Canal reopens after winter repairs.", False),
        ("What we know so far:", False),
        ("Advertisement", False),
        ("12 / 04", False),
        (" ".join(["word"] * 21), False),
        ("A" * 151 + " b", False),
        ('The trust said the canal would reopen on Friday."', False),
    ],
)
def test_is_title_line(line: str, expected: bool) -> None:
    assert is_title_line(line) is expected


def test_headline_needs_a_blank_line_after_it() -> None:
    assert split_headline(f"Canal reopens\n\n{BODY}") == ("Canal reopens", BODY)
    assert split_headline(f"\n\n  Canal reopens  \n\n{BODY}\n") == ("Canal reopens", BODY)
    assert split_headline(f"Canal reopens\n{BODY}") == (None, f"Canal reopens\n{BODY}")
    # a lone short line with no body after it is the text, not a title
    assert split_headline("Canal reopens\n\n") == (None, "Canal reopens")


def test_long_first_line_is_not_a_title() -> None:
    caption = (
        "Boats wait in a queue at the Harnmouth lock on Friday morning as the canal trust opens "
        "the gates for the first time since the winter repairs began in November"
    )
    title, text = split_headline(f"{caption}\n\n{BODY}")
    assert title is None
    assert text.startswith(caption)


def test_markdown_heading_is_the_title_and_markup_goes() -> None:
    source = (
        "# Canal *reopens* after repairs\n\n"
        "The [canal trust](https://trust.example) said **on Friday** that the `lock gates` work.\n"
        "![gates](https://trust.example/g.jpg)\n\n"
        "## Background\n\n"
        "- The repairs took _five months_.\n"
        "> It was a long winter, said a lock keeper.\n\n"
        "---\n"
        "[1]: https://trust.example/notes\n"
        "Words with snake_case_names stay whole.\n"
    )
    title, text = read_markdown(source)
    assert title == "Canal reopens after repairs"
    assert "The canal trust said on Friday that the lock gates work." in text
    assert "Background" in text
    assert "The repairs took five months." in text
    assert "It was a long winter, said a lock keeper." in text
    assert "snake_case_names" in text
    for markup in ("](", "**", "#", "![", "`", "---", "https://trust.example/notes"):
        assert markup not in text


def test_markdown_setext_heading_and_fallback_rule() -> None:
    assert read_markdown(f"Canal reopens\n=============\n\n{BODY}") == ("Canal reopens", BODY)
    assert read_markdown(f"**Canal reopens**\n\n{BODY}") == ("Canal reopens", BODY)


def test_strip_markdown_keeps_plain_text_unchanged() -> None:
    assert strip_markdown(BODY) == BODY


def test_decode_text_handles_bom_crlf_and_bad_bytes() -> None:
    assert decode_text(b"\xef\xbb\xbfHello\r\nworld").text == "Hello\nworld"
    utf16 = "Caf\u00e9 news".encode("utf-16")
    assert decode_text(utf16).text == "Caf\u00e9 news"
    bad = decode_text(b"caf\xe9 \xff ok")
    assert bad.replaced == 2
    assert bad.text == "caf\ufffd \ufffd ok"
    assert decode_text("already \ufffd here".encode()).replaced == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
        ("March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("yesterday", None),
        ("3 days ago", None),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_to_iso_date(value: str | None, expected: str | None) -> None:
    assert to_iso_date(value) == expected


@given(st.text(alphabet=st.sampled_from("ab. :\n\t\u00e9"), max_size=200))
def test_split_headline_keeps_every_word(text: str) -> None:
    title, body = split_headline(text)
    assert (title or "").split() + body.split() == text.split()
    if title is not None:
        assert is_title_line(title)


HEADER_KEYS = frozenset({"title", "date", "author", "source", "url"})


@pytest.mark.parametrize(
    ("text", "fields", "rest"),
    [
        # front matter with a list, a comment and keys that are not metadata
        (
            "---\ntitle: 'Locks reopen'\ntags:\n  - canal\n# draft\nlayout: post\n---\n" + BODY,
            {"title": "Locks reopen"},
            BODY,
        ),
        # rules around a paragraph are Markdown, not front matter
        ("---\nThe trust wrote to boaters.\n---\n\n" + BODY, {}, None),
        # a header block, a repeated key joined
        (
            "Title: Locks reopen\nAuthor: Ada Crane\nAuthor: Bo Lind\n\n" + BODY,
            {"title": "Locks reopen", "author": "Ada Crane, Bo Lind"},
            BODY,
        ),
        # a block with a key that is not metadata, or with nothing after it, is text
        ("Trust: locks to reopen on Friday\n\n" + BODY, {}, None),
        ("Title: Locks reopen\n", {}, None),
    ],
)
def test_read_header(text: str, fields: dict[str, str], rest: str | None) -> None:
    assert read_header(text, HEADER_KEYS) == (fields, text if rest is None else rest)
