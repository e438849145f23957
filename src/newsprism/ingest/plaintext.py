"""Plain-text and Markdown articles: bytes -> decoded text, header read, headline split off,
markup stripped.

An opening block of metadata lines ("Title: ...", "Date: ...") or "---" front matter is read
as the article's metadata. A short first line followed by a blank line is taken as the headline.
Markdown keeps its words and loses its light markup (emphasis, links, images, heading hashes,
list bullets).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# A headline is short: news headlines run 5-15 words and rarely pass 100 characters, while
# captions and lead paragraphs that sit on the first line of pasted articles run past 20 words.
# Tuned on hand-written test articles and the structure of pasted news text.
MAX_TITLE_WORDS = 20
MAX_TITLE_CHARS = 150
# A one-word first line is more often furniture ("Advertisement", "Share") than a headline.
MIN_TITLE_WORDS = 2
# A headline does not end like a sentence or an introduction to a list.
NON_TITLE_ENDINGS: tuple[str, ...] = (".", ":", ",", ";")
# Closing quotes and brackets looked through when checking how a line ends.
_CLOSERS = "\"'\u201d\u2019\u00bb)]"

_BOM_ENCODINGS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    """Text decoded from bytes, with how many bytes were not valid and were replaced."""

    text: str
    replaced: int = 0


def has_utf16_bom(data: bytes) -> bool:
    """True when ``data`` opens with a UTF-16 byte-order mark (such text is full of NUL bytes)."""
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode_text(data: bytes) -> Decoded:
    """Decode UTF-8 (or BOM-marked UTF-16), dropping the BOM; bad bytes become U+FFFD."""
    encoding = "utf-8"
    for bom, name in _BOM_ENCODINGS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    replaced = 0
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        genuine = data.decode(encoding, errors="ignore").count("\ufffd")
        replaced = max(text.count("\ufffd") - genuine, 1)
    return Decoded(text=text.replace("\r\n", "\n").replace("\r", "\n"), replaced=replaced)


# Metadata a text or Markdown file may open with: YAML-style front matter between "---" lines
# (static-site Markdown), or a block of "Key: value" lines ended by a blank line. The keys are
# those of a JSON record (records.FIELD_ALIASES); a block with any other key ("Police: two shot
# on Elm Street") is the article's own text, not metadata.
_FRONT_MATTER = re.compile(r"\A---[^\S\n]*\n(.*?)\n(?:---|\.\.\.)[^\S\n]*(?:\n|\Z)", re.DOTALL)
_HEADER_LINE = re.compile(r"^[^\S\n]*([A-Za-z][\w -]{0,30}?)[^\S\n]*:[^\S\n]*(.*?)[^\S\n]*$")
# A line of front matter: a key, a list item, an indented continuation, a comment or nothing.
# Text between two "---" lines with any other line is Markdown (rules around a paragraph).
_FRONT_MATTER_LINE = re.compile(r"^(?:[^\S\n]*(?:#.*|-[^\S\n].*)?|[^\S\n]+\S.*|[\w .-]+:.*)$")


def read_header(text: str, keys: frozenset[str]) -> tuple[dict[str, str], str]:
    """The metadata ``text`` opens with (field name, lowercased, to value) and the rest.

    ``keys`` are the field names known as metadata. Front matter needs one of them and only
    YAML-like lines (other keys are ignored; "---" rules around a paragraph are Markdown); a
    plain "Key: value" block counts only when every key is one of them.
    """
    stripped = text.lstrip("\n")
    front = _FRONT_MATTER.match(stripped)
    if front is not None:
        lines = front[1].split("\n")
        fields = _fields(lines)
        if fields.keys() & keys and all(_FRONT_MATTER_LINE.match(line) for line in lines):
            return {k: v for k, v in fields.items() if k in keys}, stripped[front.end() :]
    block, _, rest = stripped.partition("\n\n")
    lines = [line for line in block.split("\n") if line.strip()]
    fields = _fields(lines)
    every = all(_HEADER_LINE.match(line) for line in lines)
    if lines and every and fields.keys() <= keys and rest.strip():
        return fields, rest
    return {}, text


def _fields(lines: list[str]) -> dict[str, str]:
    """``key: value`` lines as a dict (quotes around a value dropped, a repeated key's values
    joined: "Author: A" and "Author: B" are "A, B"); other lines left out."""
    fields: dict[str, str] = {}
    for line in lines:
        match = _HEADER_LINE.match(line)
        if match is not None:
            value = match[2].strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            key = match[1].strip().lower()
            fields[key] = ", ".join(v for v in (fields.get(key, ""), value) if v)
    return fields


def is_title_line(line: str) -> bool:
    """True when ``line`` is short enough and shaped like a headline rather than a sentence."""
    line = line.strip()
    words = line.split()
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or len(line) > MAX_TITLE_CHARS:
        return False
    if not any(char.isalpha() for char in line):
        return False
    return not line.rstrip(_CLOSERS).endswith(NON_TITLE_ENDINGS)


def split_headline(text: str) -> tuple[str | None, str]:
    """Split ``text`` into (headline, body) when its first line is a headline, else (None, text).

    The first non-blank line is a headline when it is short (see :func:`is_title_line`), is
    followed by a blank line, and some body text follows.
    """
    body = text.lstrip("\n\t ")
    first, newline, rest = body.partition("\n")
    if not newline or not is_title_line(first):
        return None, text.strip()
    following, _, _ = rest.partition("\n")
    if following.strip() or not rest.strip():
        return None, text.strip()
    return " ".join(first.split()), rest.strip()


def read_plain_text(text: str) -> tuple[str | None, str]:
    """Headline and body of a plain-text article."""
    return split_headline(text)


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)|\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_LINK_DEFINITION = re.compile(r"^[^\S\n]{0,3}\[[^\]\n]+\]:[^\S\n]*\S+.*$", re.MULTILINE)
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_HEADING = re.compile(r"^[^\S\n]{0,3}#{1,6}[^\S\n]+(.*?)(?:[^\S\n]+#+)?[^\S\n]*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^[^\S\n]{0,3}(=+|-+)[^\S\n]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[^\S\n]{0,3}(?:(?:\*[^\S\n]*){3,}|(?:_[^\S\n]*){3,})$", re.MULTILINE)
_MD_FENCE = re.compile(r"^[^\S\n]{0,3}(?:```|~~~).*$\n?", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[^\S\n]{0,3}>[^\S\n]?", re.MULTILINE)
_MD_BULLET = re.compile(r"^([^\S\n]*)[-*+][^\S\n]+", re.MULTILINE)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_ATX_TITLE = re.compile(r"^[^\S\n]{0,3}#[^\S\n]+(.+?)(?:[^\S\n]+#+)?[^\S\n]*$")


def markdown_title(text: str) -> tuple[str | None, str]:
    """Split a leading level-1 heading (``# Title`` or ``Title`` over ``===``) from the body."""
    lines = text.lstrip("\n").split("\n")
    if not lines:
        return None, text
    atx = _MD_ATX_TITLE.match(lines[0])
    if atx:
        return atx[1].strip(), "\n".join(lines[1:])
    if len(lines) > 1 and lines[0].strip() and re.fullmatch(r"[^\S\n]{0,3}=+[^\S\n]*", lines[1]):
        return lines[0].strip(), "\n".join(lines[2:])
    return None, text


def strip_markdown(text: str) -> str:
    """Remove light Markdown markup and keep the words."""
    text = _MD_FENCE.sub("", text)
    text = _MD_LINK_DEFINITION.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m[1] or m[2], text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_SETEXT.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(lambda m: m[1] or m[2], text)
    text = _MD_STRIKE.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def read_markdown(text: str) -> tuple[str | None, str]:
    """Headline and plain body of a Markdown article.

    A leading ``# Heading`` is the title; without one, the plain-text headline rule applies to
    the stripped text.
    """
    title, body = markdown_title(text)
    if title is not None:
        title = " ".join(strip_markdown(title).split()) or None
        return title, strip_markdown(body).strip()
    return split_headline(strip_markdown(text))
