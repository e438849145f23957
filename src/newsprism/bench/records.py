"""Reading bench data: JSONL files of records, one JSON object per line, and records as articles."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest.dates import to_iso_date
from ..models import Article


def read_jsonl(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file, at most ``limit``; InputError names a malformed line."""
    count = 0
    try:
        with path.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, start=1):
                if limit is not None and count >= limit:
                    return
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"{path}:{number}: not valid JSON ({error.msg})") from None
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{number}: a record must be a JSON object")
                count += 1
                yield record
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def article_from_record(record: Mapping[str, object]) -> Article:
    """An uncleaned article from a bench record (``date`` is its publication date)."""

    def text_or_none(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "") else None

    return Article(
        id=str(record["id"]),
        text=str(record.get("text") or ""),
        origin="bench",
        title=text_or_none("title"),
        published=to_iso_date(text_or_none("date")),
        source=text_or_none("source"),
        url=text_or_none("url"),
        wire=text_or_none("wire"),
    )
