"""Reading bench data: JSONL files of records, one JSON object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError


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
