"""read_inputs on URLs, RSS/Atom feeds and WARC archives, with fake fetchers (no network)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.errors import FetchError
from newsprism.ingest import FetchedPage, HttpFetcher, read_inputs
from newsprism.ingest.fetch import page_kind
from newsprism.ingest.ids import canonical_url, stable_hash
from newsprism.settings import Settings

DATA = Path(__file__).resolve().parent / "data" / "ingest"
PAGE_HTML = (DATA / "pages" / "lantern-flood.html").read_bytes()
RSS = (DATA / "feeds" / "lantern.rss").read_bytes()
ATOM = (DATA / "feeds" / "valley.atom").read_bytes()
FLOOD_URL = "https://www.lantern.example/news/elm-valley-flood"
FLOOD_ID = stable_hash(canonical_url(FLOOD_URL))

SCHOOL_HTML = b"""<html><head><title>School reopens</title></head><body><article>
<p>Elm Valley primary school reopened on Friday after volunteers spent three days pumping water
out of the classrooms and drying the floors, the head teacher said.</p>
<p>Pupils from the lower years will share rooms until the sports hall is repaired.</p>
</article></body></html>"""

Pages = dict[str, tuple[bytes, str | None]]


def fake_fetcher(pages: Pages, calls: list[str] | None = None) -> Callable[[str], FetchedPage]:
    """A fetcher backed by a dict of url -> (content, content type); others are HTTP 404."""

    def fetch(url: str) -> FetchedPage:
        if calls is not None:
            calls.append(url)
        if url not in pages:
            raise FetchError("HTTP 404 Not Found")
        content, content_type = pages[url]
        return FetchedPage(url=url, content=content, content_type=content_type)

    return fetch


def test_url_html_page() -> None:
    fetch = fake_fetcher({"https://lantern.example/s/123": (PAGE_HTML, "text/html; charset=utf-8")})
    result = read_inputs(["https://lantern.example/s/123"], fetcher=fetch)
    assert result.problems == ()
    (article,) = result.articles
    assert article.id == FLOOD_ID  # hash of the canonical URL the page declares
    assert article.url == FLOOD_URL
    assert article.origin == "https://lantern.example/s/123"
    assert article.source == "The Daily Lantern"
    assert article.published == "2024-03-05"


def test_url_plain_text_page_and_domain_source() -> None:
    text = b"Ferry cancelled\n\nThe night ferry was cancelled on Monday because of high winds."
    fetch = fake_fetcher({"http://www.courier.example:8080/f.txt": (text, "text/plain")})
    (article,) = read_inputs(["http://www.courier.example:8080/f.txt"], fetcher=fetch).articles
    assert article.title == "Ferry cancelled"
    assert article.source == "courier.example"


def test_unreachable_and_unsupported_urls_are_errors() -> None:
    fetch = fake_fetcher(
        {
            "https://x.example/image": (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
            "https://x.example/page": (PAGE_HTML, "text/html"),
            "https://x.example/empty": (b"  ", "text/html"),
        }
    )
    urls = ["https://x.example/gone", "https://x.example/image", "https://x.example/empty"]
    result = read_inputs([*urls, "https://x.example/page"], fetcher=fetch)
    assert [(p.input, p.level) for p in result.problems] == [(url, "error") for url in urls]
    assert result.problems[0].message == "HTTP 404 Not Found"
    assert "unsupported content type" in result.problems[1].message
    assert len(result.articles) == 1


def test_rss_feed_from_url_fetches_entries() -> None:
    calls: list[str] = []
    fetch = fake_fetcher(
        {
            "https://www.lantern.example/feed": (RSS, "application/rss+xml"),
            f"{FLOOD_URL}?utm_source=rss": (PAGE_HTML, "text/html"),
        },
        calls,
    )
    result = read_inputs(["https://www.lantern.example/feed"], fetcher=fetch)
    assert calls[0] == "https://www.lantern.example/feed"
    assert len(calls) == 4
    flood, ferry = result.articles
    assert flood.id == FLOOD_ID
    assert flood.source == "The Daily Lantern"
    # the page's own date wins over the feed's date-time
    assert flood.published == "2024-03-05"
    # the ferry page is gone, but the entry carries the full text
    assert ferry.text.startswith("The ferry between Port Halden and Skerry Island resumed")
    assert "\n" in ferry.text
    assert ferry.title == "Ferry service resumes after storm"
    assert ferry.byline == "Jonas Pell"
    assert ferry.published == "2024-03-06T10:00:00+00:00"
    assert ferry.source == "lantern.example"
    assert ferry.id == stable_hash(canonical_url("https://www.lantern.example/news/ferry-resumes"))
    warning, error = result.problems
    assert warning.level == "warning"
    assert warning.input == "https://www.lantern.example/news/ferry-resumes"
    assert "feed's own text" in warning.message
    assert error.level == "error"
    assert error.input == "https://www.lantern.example/news/cycle-lanes"


def test_same_page_from_url_and_feed_is_one_article() -> None:
    fetch = fake_fetcher(
        {FLOOD_URL: (PAGE_HTML, None), f"{FLOOD_URL}?utm_source=rss": (PAGE_HTML, None)}
    )
    result = read_inputs([FLOOD_URL, DATA / "feeds" / "lantern.rss"], fetcher=fetch)
    assert [a.id for a in result.articles] == [FLOOD_ID, result.articles[1].id]
    assert sum("same article" in p.message for p in result.problems) == 1


def test_local_atom_feed() -> None:
    fetch = fake_fetcher({"https://courier.example/school-reopens": (SCHOOL_HTML, "text/html")})
    result = read_inputs([DATA / "feeds" / "valley.atom"], fetcher=fetch)
    assert result.problems == ()
    (article,) = result.articles
    assert article.title == "School reopens"
    assert article.byline == "Lena Hartig"  # from the entry: the page names no author
    assert article.published == "2024-03-08T07:15:00+00:00"
    assert article.source == "courier.example"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://a.example</loc></url></urlset>')
    result = read_inputs([path], fetcher=fake_fetcher({}))
    assert [(p.level, p.message) for p in result.problems] == [("error", "not an RSS or Atom feed")]


@pytest.mark.parametrize(
    ("content", "content_type", "kind"),
    [
        (RSS, "text/html", "feed"),
        (ATOM, None, "feed"),
        (PAGE_HTML, "application/octet-stream", "html"),
        (b"<!-- c --><html><body>x</body></html>", None, "html"),
        (b"plain words", "text/plain; charset=utf-8", "text"),
        (b"<rss-like>", "application/xml", "feed"),
        (b"%PDF-1.7", "application/pdf", "unknown"),
    ],
)
def test_page_kind_sniffs_content(content: bytes, content_type: str | None, kind: str) -> None:
    assert page_kind(FetchedPage(url="u", content=content, content_type=content_type)) == kind


# --- WARC --------------------------------------------------------------------------------------


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]]) -> Path:
    """Write (url, status, content type, body) HTTP responses, plus a request, to ``path``."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for url, status, content_type, body in records:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)
        asked = b"GET / HTTP/1.1\r\n\r\n"
        request = writer.create_warc_record(
            "https://a.example/", "request", payload=io.BytesIO(asked), length=len(asked)
        )
        writer.write_record(request)
    return path


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses(tmp_path: Path, name: str) -> None:
    path = write_warc(
        tmp_path / name,
        [
            ("https://www.lantern.example/p1", "200 OK", "text/html; charset=utf-8", PAGE_HTML),
            ("https://courier.example/school", "200 OK", "text/html", SCHOOL_HTML),
            ("https://courier.example/gone", "404 Not Found", "text/html", SCHOOL_HTML),
            ("https://courier.example/logo.png", "200 OK", "image/png", b"\x89PNG\x00"),
            ("https://courier.example/app", "200 OK", "text/html", b"<html><script>x()</script>"),
        ],
    )
    result = read_inputs([path])
    flood, school = result.articles
    assert flood.url == FLOOD_URL  # the canonical link inside the page
    assert flood.id == FLOOD_ID
    assert school.url == "https://courier.example/school"
    assert school.source == "courier.example"
    assert school.origin == str(path)
    (problem,) = result.problems
    assert problem.level == "error"
    assert problem.input == f"{path}[https://courier.example/app]"


def test_broken_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage that is not gzip")
    problems = read_inputs([path]).problems
    assert [p.level for p in problems] == ["error"]
    assert "WARC" in problems[0].message


# --- the default HTTP fetcher, over httpx.MockTransport -----------------------------------------


def mock_fetcher(
    handler: Callable[[httpx.Request], httpx.Response], *, max_fetch_bytes: int = 10 * 1024 * 1024
) -> HttpFetcher:
    settings = Settings(max_fetch_bytes=max_fetch_bytes)
    return HttpFetcher(settings, transport=httpx.MockTransport(handler))


def test_http_fetcher_follows_redirects_and_sends_user_agent() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "https://a.example/new"})
        return httpx.Response(200, content=PAGE_HTML, headers={"Content-Type": "text/html"})

    with mock_fetcher(handler) as fetch:
        page = fetch("https://a.example/old")
    assert page.url == "https://a.example/new"
    assert page.content == PAGE_HTML
    assert page.content_type == "text/html"
    assert seen[0].headers["User-Agent"] == Settings().user_agent


@pytest.mark.parametrize(
    ("handler", "message"),
    [
        (lambda request: httpx.Response(404), "HTTP 404 Not Found"),
        (lambda request: httpx.Response(200, content=b"x" * 2048), "over the 1024 bytes limit"),
        (
            lambda request: httpx.Response(200, headers={"Content-Length": "99999"}, content=b""),
            "over the 1024 bytes limit",
        ),
    ],
)
def test_http_fetcher_errors(
    handler: Callable[[httpx.Request], httpx.Response], message: str
) -> None:
    with mock_fetcher(handler, max_fetch_bytes=1024) as fetch, pytest.raises(FetchError) as caught:
        fetch("https://a.example/x")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (httpx.ConnectError("Name or service not known"), "could not connect"),
        (httpx.ReadTimeout("slow"), "timed out after 20 s"),
    ],
)
def test_http_fetcher_network_failures(error: Exception, message: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    with mock_fetcher(handler) as fetch, pytest.raises(FetchError, match=message):
        fetch("https://a.example/x")


def test_default_fetch_limit_message() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": str(11 * 1024 * 1024)}, content=b"")

    with mock_fetcher(handler) as fetch, pytest.raises(FetchError, match="over the 10 MB limit"):
        fetch("https://a.example/x")
