"""WARC web archives (.warc, .warc.gz) -> the HTML pages they hold, read as articles.

Only successful (status 200) HTTP responses with an HTML body are read; requests, metadata,
redirects and non-HTML responses are passed over. Each page's URL is its WARC-Target-URI.
"""

from __future__ import annotations

from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import ParseError
from .drafts import Batch
from .html import extract_page, page_to_draft


def read_warc(stream: BinaryIO, *, name: str, max_record_bytes: int) -> Batch:
    """Read the HTML responses in the WARC ``stream`` (input ``name``) as articles.

    A page over ``max_record_bytes`` or without article text is an error problem named
    ``name[url]``; the other pages are still read.

    Raises:
        ParseError: ``stream`` is not a WARC file, or it holds no HTML responses.
    """
    batch = Batch()
    records = pages = 0
    try:
        for record in ArchiveIterator(stream):
            if getattr(record, "format", "") != "warc":  # warcio falls back to ARC on garbage
                raise ParseError("not a readable WARC file: no WARC header")
            records += 1
            if not _is_html_response(record):
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            label = f"{name}[{url}]"
            content = record.content_stream().read(max_record_bytes + 1)
            if len(content) > max_record_bytes:
                batch.error(label, "page is over the file size limit")
                continue
            try:
                page = extract_page(content, url=url)
            except ParseError as err:
                batch.error(label, str(err))
                continue
            batch.drafts.append(page_to_draft(page, origin=name))
    except ArchiveLoadFailed as err:
        raise ParseError(f"not a readable WARC file: {err}") from err
    except (OSError, EOFError, ValueError) as err:  # truncated gzip members, broken headers
        if pages == 0:
            raise ParseError(f"not a readable WARC file: {err}") from err
        batch.warning(name, f"the archive is damaged after {pages} pages: {err}")
    if records == 0:
        raise ParseError("not a readable WARC file: no records found")
    if pages == 0:
        raise ParseError("no HTML pages (status 200 responses) in the archive")
    return batch


def _is_html_response(record: object) -> bool:
    """True for a status-200 HTTP response record whose body is HTML."""
    if getattr(record, "rec_type", None) != "response":
        return False
    http = getattr(record, "http_headers", None)
    if http is None or http.get_statuscode() != "200":
        return False
    content_type = (http.get_header("Content-Type") or "").lower()
    return "html" in content_type
