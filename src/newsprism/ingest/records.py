"""JSON and JSONL article records -> draft articles.

A record is an object with ``text`` or ``html`` (HTML goes through the page extractor) and
optional ``title``, ``url``, ``source``, ``published`` (or ``date``), ``byline`` (or ``author``)
and ``id``. Other keys are ignored. A ``.json`` file holds one record, a list of records, or
``{"articles": [...]}``; a ``.jsonl`` file holds one record per line.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from ..errors import InputError, ParseError
from .dates import to_iso_date
from .drafts import Batch, Draft
from .html import extract_page
from .plaintext import decode_text

# Field names accepted for each draft field, in order of preference.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "outlet"),
    "published": ("published", "date"),
    "byline": ("byline", "author"),
}


def record_meta(record: Mapping[str, Any], *, name: str, batch: Batch) -> dict[str, str | None]:
    """The metadata fields of a record or sidecar, with the date made ISO 8601.

    Values that are not text, and dates that cannot be read, are left out with a warning in
    ``batch`` under ``name``.
    """
    meta = {field: _text_field(record, keys, name, batch) for field, keys in FIELD_ALIASES.items()}
    if meta["published"]:
        published = to_iso_date(meta["published"])
        if published is None:
            batch.warning(name, f"unrecognised date {meta['published']!r}; left empty")
        meta["published"] = published
    return meta


def record_to_draft(record: Mapping[str, Any], *, origin: str, name: str, batch: Batch) -> Draft:
    """A draft from one record; problems that keep the record are added to ``batch``.

    Raises:
        InputError: the record has no text or html, or its html holds no article text.
    """
    meta: dict[str, Any] = dict(record_meta(record, name=name, batch=batch))
    given_id = record.get("id")
    usable = isinstance(given_id, (str, int)) and not isinstance(given_id, bool)
    draft_id = str(given_id).strip() if usable else None
    text = record.get("text")
    html = record.get("html")
    if isinstance(text, str) and text.strip():
        body = text.replace("\r\n", "\n").strip()
        return Draft(text=body, origin=origin, id=draft_id or None, **meta)
    if isinstance(html, str) and html.strip():
        page = extract_page(html, url=meta["url"])
        draft = Draft(
            text=page.text,
            origin=origin,
            id=draft_id or None,
            site_name=page.site_name,
            removed=page.removed,
            **meta,
        )
        return draft.fill(
            title=page.title, url=page.url, published=page.published, byline=page.byline
        )
    raise InputError("record has no text or html")


def _text_field(
    record: Mapping[str, Any], aliases: tuple[str, ...], name: str, batch: Batch
) -> str | None:
    """The first non-empty value among ``aliases``, as text; a list of names is joined."""
    for key in aliases:
        value = record.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            value = ", ".join(item.strip() for item in value if item.strip())
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            batch.warning(name, f"field {key!r} is not text; ignored")
            continue
        cleaned = " ".join(value.split())
        if cleaned:
            return cleaned
    return None


def read_records(records: Iterable[tuple[str, object]], *, origin: str) -> Batch:
    """Drafts from (name, record) pairs; each bad record is a problem under its own name."""
    batch = Batch()
    for name, record in records:
        if not isinstance(record, dict):
            batch.error(name, f"record is a JSON {type(record).__name__}, not an object")
            continue
        try:
            batch.drafts.append(record_to_draft(record, origin=origin, name=name, batch=batch))
        except InputError as err:
            batch.error(name, str(err))
    return batch


def read_json(data: bytes, *, name: str) -> Batch:
    """Records from a ``.json`` document: one object, a list, or ``{"articles": [...]}``.

    Raises:
        ParseError: the document is not valid JSON or holds no records.
    """
    decoded = decode_text(data)
    try:
        document = json.loads(decoded.text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and decoded.text.lstrip().startswith("{"):
            return read_jsonl(io.BytesIO(data), name=name)  # JSON lines saved as .json
        raise ParseError(f"invalid JSON: {err.msg} at line {err.lineno}") from err
    if isinstance(document, dict) and isinstance(document.get("articles"), list):
        document = document["articles"]
    if isinstance(document, list):
        if not document:
            raise ParseError("the JSON list is empty")
        batch = read_records(
            ((f"{name}[{index}]", item) for index, item in enumerate(document)), origin=name
        )
    else:
        batch = read_records([(name, document)], origin=name)
    if decoded.replaced:
        batch.warning(name, f"not valid UTF-8: {decoded.replaced} bad bytes replaced")
    return batch


def read_jsonl(stream: BinaryIO, *, name: str) -> Batch:
    """Records from a ``.jsonl`` stream, one object per line; blank lines are skipped.

    A malformed line is an error problem named ``name:line``; the other lines are still read.

    Raises:
        ParseError: the stream holds only blank lines.
    """
    batch = Batch()
    lines = 0
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        lines += 1
        label = f"{name}:{number}"
        decoded = decode_text(raw)
        if decoded.replaced:
            batch.warning(label, f"not valid UTF-8: {decoded.replaced} bad bytes replaced")
        try:
            record = json.loads(decoded.text)
        except json.JSONDecodeError as err:
            batch.error(label, f"malformed JSON line: {err.msg} at column {err.colno}")
            continue
        batch.extend(read_records([(label, record)], origin=name))
    if lines == 0:
        raise ParseError("empty file")
    return batch
