"""Local files and folders -> draft articles, dispatched on the file's extension.

Handles what every file shares: missing, unreadable, empty, oversized and binary files, folder
walking (recursive, sorted, hidden entries and sidecars skipped) and ``NAME.meta.json`` sidecars.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

from ..errors import InputError
from ..settings import MIB, Settings
from .drafts import Batch, Draft
from .feeds import read_feed
from .fetch import Fetcher
from .html import extract_page, page_to_draft
from .plaintext import decode_text, has_utf16_bom, read_header, read_markdown, read_plain_text
from .records import FIELD_ALIASES, read_json, read_jsonl, record_meta
from .warc import read_warc

# Metadata keys a text or Markdown file's header may give (those of a JSON record).
HEADER_KEYS = frozenset(key for keys in FIELD_ALIASES.values() for key in keys)
FileKind = Literal["text", "markdown", "html", "json", "jsonl", "feed", "warc"]

# Extensions read, longest first so ".warc.gz" wins over ".gz".
EXTENSIONS: tuple[tuple[str, FileKind], ...] = (
    (".warc.gz", "warc"),
    (".markdown", "markdown"),
    (".ndjson", "jsonl"),
    (".xhtml", "html"),
    (".jsonl", "jsonl"),
    (".atom", "feed"),
    (".html", "html"),
    (".json", "json"),
    (".warc", "warc"),
    (".htm", "html"),
    (".txt", "text"),
    (".xml", "feed"),
    (".rss", "feed"),
    (".md", "markdown"),
)
SIDECAR_SUFFIX = ".meta.json"
# Kinds that hold many articles: their size cap is settings.max_bundle_bytes.
BUNDLE_KINDS: frozenset[FileKind] = frozenset({"jsonl", "warc"})
# Kinds whose sidecar only fills what each record leaves empty (a record's own fields win).
MULTI_ARTICLE_KINDS: frozenset[FileKind] = frozenset({"json", "jsonl", "feed", "warc"})
# Bytes inspected to tell text from binary.
BINARY_SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newlines, form feed) above which a file is binary: text
# has almost none, random or compressed bytes about 12%. Checked on hand-made text and binaries.
MAX_CONTROL_RATIO = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v")


def file_kind(path: Path) -> tuple[FileKind, str] | None:
    """The kind of article file ``path`` is and its name without the extension; None if unknown."""
    lowered = path.name.lower()
    for extension, kind in EXTENSIONS:
        if lowered.endswith(extension) and len(lowered) > len(extension):
            return kind, path.name[: -len(extension)]
    return None


def looks_binary(sample: bytes) -> bool:
    """True when ``sample`` holds a NUL byte or too many control bytes to be text."""
    if not sample or has_utf16_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(
        1 for byte in sample if (byte < 32 or byte == 127) and byte not in _TEXT_CONTROLS
    )
    return controls / len(sample) > MAX_CONTROL_RATIO


def is_sidecar(path: Path) -> bool:
    """True for a ``NAME.meta.json`` metadata sidecar."""
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def read_path(path: Path, *, settings: Settings, fetcher: Fetcher) -> Batch:
    """Read a file or, recursively, a folder.

    Raises:
        InputError: the path is missing or unreadable, or the file cannot be read as articles.
    """
    if path.is_dir():
        return read_folder(path, settings=settings, fetcher=fetcher)
    if not path.exists():
        raise InputError("no such file or folder")
    if is_sidecar(path):
        raise InputError("this is a metadata sidecar; name the article file it describes")
    found = file_kind(path)
    if found is None:
        raise InputError(f"unknown file type {path.suffix or '(no extension)'!r}")
    kind, stem = found
    return read_file(path, kind=kind, stem=stem, settings=settings, fetcher=fetcher)


def read_folder(folder: Path, *, settings: Settings, fetcher: Fetcher) -> Batch:
    """Read every article file under ``folder``, in sorted order; problems per file.

    Raises:
        InputError: the folder cannot be listed or holds no article files.
    """
    batch = Batch()
    files = 0
    for path in walk_folder(folder, batch=batch):
        name = str(path)
        found = file_kind(path)
        if found is None:
            batch.warning(name, f"unknown file type {path.suffix or '(no extension)'!r}; skipped")
            continue
        files += 1
        kind, stem = found
        try:
            batch.extend(read_file(path, kind=kind, stem=stem, settings=settings, fetcher=fetcher))
        except InputError as err:
            batch.error(name, str(err))
    if files == 0:
        raise InputError("the folder holds no article files")
    return batch


def walk_folder(folder: Path, *, batch: Batch) -> list[Path]:
    """Files under ``folder``, sorted by path; hidden files and folders and sidecars left out.

    A subfolder that cannot be listed is a warning in ``batch``.

    Raises:
        InputError: ``folder`` itself cannot be listed.
    """
    found: list[Path] = []

    def fail(err: OSError) -> None:
        reason = _os_error(err)
        if Path(err.filename or "") == folder:
            raise reason from err
        batch.warning(str(err.filename), f"folder skipped: {reason}")

    for root, dirs, names in os.walk(folder, onerror=fail):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(
            Path(root, name)
            for name in names
            if not name.startswith(".") and not is_sidecar(Path(name))
        )
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


def read_file(
    path: Path, *, kind: FileKind, stem: str, settings: Settings, fetcher: Fetcher
) -> Batch:
    """Read one file of a known kind, applying its sidecar if it has one.

    Raises:
        InputError: the file is unreadable, empty, too large, binary or malformed.
    """
    name = str(path)
    limit = settings.max_bundle_bytes if kind in BUNDLE_KINDS else settings.max_file_bytes
    size = _size_of(path)
    if size == 0:
        raise InputError("empty file")
    if size > limit:
        raise InputError(f"file is {size / MIB:.1f} MB, over the {limit / MIB:g} MB limit")
    if kind in BUNDLE_KINDS:
        batch = _read_bundle(path, kind=kind, settings=settings)
    else:
        data = _read_bytes(path)
        if looks_binary(data[:BINARY_SNIFF_BYTES]):
            raise InputError("binary file, not text")
        if not data.strip():
            raise InputError("empty file")
        batch = _read_document(data, kind=kind, stem=stem, name=name, fetcher=fetcher)
    return _apply_sidecar(batch, path, stem=stem, fill_only=kind in MULTI_ARTICLE_KINDS)


def _read_document(data: bytes, *, kind: FileKind, stem: str, name: str, fetcher: Fetcher) -> Batch:
    """Read a whole-file document (text, Markdown, HTML, JSON or feed)."""
    if kind == "html":
        return Batch(drafts=[page_to_draft(extract_page(data), origin=name, id=stem)])
    if kind == "json":
        return read_json(data, name=name)
    if kind == "feed":
        return read_feed(data, name=name, fetcher=fetcher)
    decoded = decode_text(data)
    fields, content = read_header(decoded.text, HEADER_KEYS)
    title, text = read_markdown(content) if kind == "markdown" else read_plain_text(content)
    if not text:
        raise InputError("empty file")
    batch = Batch()
    meta: dict[str, Any] = dict(record_meta(fields, name=name, batch=batch))
    meta["title"] = meta["title"] or title
    batch.drafts.append(Draft(text=text, origin=name, id=stem, **meta))
    if decoded.replaced:
        batch.warning(name, f"not valid UTF-8: {decoded.replaced} bad bytes replaced")
    return batch


def _read_bundle(path: Path, *, kind: FileKind, settings: Settings) -> Batch:
    """Stream a JSONL or WARC bundle."""
    name = str(path)
    try:
        with path.open("rb") as stream:
            if kind == "warc":
                return read_warc(stream, name=name, max_record_bytes=settings.max_file_bytes)
            if looks_binary(stream.read(BINARY_SNIFF_BYTES)):
                raise InputError("binary file, not text")
            stream.seek(0)
            return read_jsonl(stream, name=name)
    except OSError as err:
        raise _os_error(err) from err


def _apply_sidecar(batch: Batch, path: Path, *, stem: str, fill_only: bool) -> Batch:
    """Apply ``STEM.meta.json`` beside ``path``: it overrides a single article's metadata and
    fills what each record of a multi-article file leaves empty."""
    sidecar = path.with_name(stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return batch
    name = str(path)
    try:
        meta_json = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        batch.warning(
            name, f"malformed sidecar {sidecar.name} ({_reason(err)}); file read without it"
        )
        return batch
    if not isinstance(meta_json, dict):
        batch.warning(
            name, f"malformed sidecar {sidecar.name} (not a JSON object); file read without it"
        )
        return batch
    meta = record_meta(meta_json, name=name, batch=batch)
    batch.drafts = [
        draft.fill(**meta) if fill_only else draft.override(**meta) for draft in batch.drafts
    ]
    return batch


def _reason(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} at line {err.lineno}"
    if isinstance(err, OSError):
        return err.strerror or str(err)
    return "not valid UTF-8"


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as err:
        raise _os_error(err) from err


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read()
    except OSError as err:
        raise _os_error(err) from err


def _os_error(err: OSError) -> InputError:
    """A one-line input error for a failed file operation."""
    if isinstance(err, FileNotFoundError):
        return InputError("no such file or folder")
    if isinstance(err, PermissionError):
        return InputError("permission denied")
    return InputError(f"could not read the file: {err.strerror or err}")
