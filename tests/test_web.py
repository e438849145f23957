"""The web app, in-process: pages, JSON twins, highlighting, escaping, token and host checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.bench.web import fill_store
from newsprism.errors import SettingsError
from newsprism.models import Annotation, Article
from newsprism.store import Store
from newsprism.web.app import check_bind, create_app, is_loopback

HOSTILE_TEXT = (
    "Officials said <script>window.__pwned = 1</script> nothing happened.\n\n"
    'See <img src=x onerror="window.__pwned = 2"> and <a href="javascript:alert(1)">this</a>.'
)


def hostile_article() -> Article:
    return Article(
        id="evil<script>",
        text=HOSTILE_TEXT,
        origin="test",
        source='Evil "Outlet" <b>',
        url="javascript:alert(document.cookie)",
        title="<script>alert('title')</script>",
        published="2026-05-01",
    )


def hostile_story() -> dict[str, Any]:
    return {
        "id": "sevil",
        "title": "<img src=x onerror=alert(1)>",
        "article_ids": ["evil<script>"],
        "start": "2026-05-01",
        "end": "2026-05-01",
        "brief": [
            {
                "text": "<script>alert('brief')</script>",
                "status": "single-source",
                "independent_sources": 1,
                "citations": ["evil<script>"],
            }
        ],
        "facts": [],
        "quotes": [
            {"id": "q1", "article_id": "evil<script>", "speaker": "<b>x</b>", "text": "<i>y</i>"}
        ],
    }


def put_hostile(store: Store) -> None:
    article = hostile_article()
    store.put_articles([article])
    store.put_prepared(
        [article], [Annotation(article_id=article.id, sentences=(), entities=(), words=1)]
    )


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store.open(":memory:") as opened:
        ids = fill_store(opened, articles=30, story_size=10)
        put_hostile(opened)
        stories = [opened.story(i) for i in ids]
        bare = {"id": "sbare", "title": "Nothing yet", "article_ids": ["n00000-00"]}
        opened.replace_stories([*stories, hostile_story(), bare])
        yield opened


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, trusted_hosts=None))


def test_story_list_and_twin(client: TestClient) -> None:
    page = client.get("/stories")
    assert page.status_code == 200
    assert "Warehouse fire in Varrow kills 3" in page.text
    data = client.get("/stories.json").json()
    assert data["total"] == 5
    first = next(s for s in data["stories"] if s["id"] == "s00000")
    assert (first["articles"], first["independent_sources"], first["contested_facts"]) == (10, 7, 1)
    assert client.get("/").url.path == "/stories"


def test_story_page_sections(client: TestClient) -> None:
    html = client.get("/stories/s00000").text
    for heading in ("Brief", "Facts by source group", "Figures", "Quotes by speaker", "Reuse"):
        assert f">{heading}</h2>" in html
    assert '<svg class="chart"' in html
    assert "conservative 3" in html
    assert "not available yet" not in html.split('id="entities"')[0]
    assert 'class="stance-contests"' in html
    assert 'class="stance-asserts"' in html
    chip = re.search(r'class="chip" href="(/articles/[^"]+\?start=(\d+)&amp;end=(\d+)#hl)"', html)
    assert chip is not None
    twin = client.get("/stories/s00000.json").json()
    assert twin["story"]["id"] == "s00000"
    assert len(twin["articles"]) == 10


def test_empty_sections_say_so(client: TestClient) -> None:
    html = client.get("/stories/sbare").text
    for what in ("Brief", "Facts", "Figures", "Quotes", "Reuse", "Framing", "Timeline"):
        assert f"{what}: not available yet." in html
    assert "Event record: not available yet." in html


def test_citation_opens_the_article_with_the_claim_highlighted(
    client: TestClient, store: Store
) -> None:
    story = store.story("s00000")
    assert story is not None
    claim = story["facts"][0]["claims"][0]
    article = store.article(claim["article_id"])
    assert article is not None
    html = client.get(
        f"/articles/{article.id}", params={"start": claim["start"], "end": claim["end"]}
    ).text
    marked = re.search(r'<mark class="cited" id="hl">(.*?)</mark>', html, re.S)
    assert marked is not None
    assert marked.group(1) == article.text[claim["start"] : claim["end"]]
    plain = client.get(f"/articles/{article.id}", params={"start": 5, "end": 10_000}).text
    assert 'id="hl"' not in plain  # a span outside the text highlights nothing


def test_reuse_side_by_side(client: TestClient) -> None:
    html = client.get("/stories/s00000/reuse", params={"a": "n00000-00", "b": "n00000-01"}).text
    assert html.count('<mark class="shared">') == 2
    twin = client.get("/stories/s00000/reuse.json", params={"a": "n00000-00", "b": "n00000-01"})
    assert twin.json()["pair"]["kind"] == "copy"
    missing = client.get("/stories/s00000/reuse", params={"a": "n00000-00", "b": "zzz"})
    assert missing.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/stories",
        "/stories/s00000",
        "/articles/n00000-00",
        "/stories/s00000/reuse?a=n00000-00&b=n00000-01",
    ],
)
def test_every_page_has_a_json_twin(client: TestClient, path: str) -> None:
    page = client.get(path)
    twin_path = page.text.split('class="json" href="', 1)[1].split('"', 1)[0]
    twin = client.get(twin_path.replace("&amp;", "&"))
    assert twin.status_code == 200
    assert twin.headers["content-type"].startswith("application/json")


def test_unknown_things_are_404(client: TestClient) -> None:
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/stories/nope.json").json() == {"detail": "no story 'nope'"}
    assert client.get("/articles/nope").status_code == 404


def test_hostile_article_renders_inert(client: TestClient) -> None:
    pages = [
        client.get("/stories").text,
        client.get("/stories/sevil").text,
        client.get("/articles/evil%3Cscript%3E").text,
    ]
    for html in pages:
        assert "<script>alert" not in html
        assert "<script>window" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert html.count("<script>") == 1  # our own, allowed by the CSP hash
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in pages[2]


def test_no_external_requests_and_a_strict_policy(client: TestClient) -> None:
    response = client.get("/stories/s00000")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r'\s(src|srcset)="', response.text)
    assert "<link" not in response.text
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/stories/{story_id}" in docs.text
    assert "cdn" not in docs.text.lower()
    assert "/stories.json" in client.get("/openapi.json").json()["paths"]


def test_only_reading_routes(client: TestClient) -> None:
    for route in client.app.routes:  # type: ignore[attr-defined]
        assert set(getattr(route, "methods", {"GET"})) <= {"GET", "HEAD"}, route
    assert client.post("/stories").status_code == 405


def test_token_is_checked_on_every_request(store: Store) -> None:
    guarded = TestClient(create_app(store, token="s3cret", trusted_hosts=None))
    assert guarded.get("/stories").status_code == 401
    assert guarded.get("/openapi.json").status_code == 401
    assert guarded.get("/stories", params={"token": "wrong"}).status_code == 401
    headers = {"Authorization": "Bearer s3cret"}
    assert guarded.get("/stories.json", headers=headers).status_code == 200
    first = guarded.get("/stories", params={"token": "s3cret"})
    assert first.status_code == 200
    assert guarded.get("/stories/s00000").status_code == 200  # the cookie set above
    guarded.cookies.clear()
    assert guarded.get("/stories/s00000").status_code == 401


def test_loopback_only_answers_local_host_names(store: Store) -> None:
    local = TestClient(create_app(store), base_url="http://127.0.0.1:8000")
    assert local.get("/stories").status_code == 200
    rebound = TestClient(create_app(store), base_url="http://evil.example")
    assert rebound.get("/stories").status_code == 400


@pytest.mark.parametrize(
    ("host", "ok"), [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False)]
)
def test_binding_off_loopback_needs_a_token(host: str, ok: bool) -> None:
    assert is_loopback(host) is ok
    if ok:
        check_bind(host, None)
    else:
        with pytest.raises(SettingsError, match="--token"):
            check_bind(host, None)
        check_bind(host, "s3cret")
