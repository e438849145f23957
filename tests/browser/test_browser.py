"""The web app and the HTML report in a real browser (Debian's chromium via playwright)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hostile_article import HOSTILE_ID

from newsprism.htmlreport import render

# The story page screenshot is kept here as a test artifact (docs/story-page.png is a copy).
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def test_list_story_citation_and_reuse(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.title() == "Stories · newsprism"
    page.click("text=Warehouse fire in Varrow kills 3")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Warehouse fire in Varrow kills 3"
    assert page.locator("svg.chart circle.dot").count() == 10
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story-page.png"))

    page.locator("ol.brief a.chip").first.click()
    page.wait_for_selector("mark#hl")
    marked = page.locator("mark#hl")
    assert marked.is_visible()
    assert marked.inner_text().startswith("A warehouse fire in Varrow killed 3 people")
    background = marked.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")

    page.go_back()
    page.locator("a.reuse-link").first.click()
    page.wait_for_selector(".side")
    assert page.locator(".side .article-text").count() == 2
    assert page.locator(".side mark.shared").count() == 2


def test_hostile_article_executes_nothing(page: Any, server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("/stories", "/stories/shostile", f"/articles/{HOSTILE_ID}"):
        page.goto(server + path)
        page.hover("main")
        assert page.evaluate("window.__pwned") is None, path
    text = page.inner_text(".article-text")
    assert "<script>window.__pwned = 1</script>" in text
    assert page.locator("main img, main svg, main a[href^='javascript']").count() == 0
    page.goto(server + "/stories/shostile")
    page.locator("ol.brief a.chip").first.click()
    page.wait_for_selector("mark#hl")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert all(url.startswith(server) for url in requests), requests


def test_report_file_highlights_offline(page: Any, tmp_path: Path) -> None:
    text = "🎧 Listen to this.\n\nThe dam gave way before dawn, officials said."
    start = text.index("The dam")
    report: dict[str, Any] = {
        "articles": [
            {"id": "x1", "source": "Example Post", "title": "Dam fails", "text": text},
            {
                "id": "x2",
                "source": "Other",
                "title": "<script>window.__pwned=1</script>",
                "text": '<img src=x onerror="window.__pwned=2">',
            },
        ],
        "stories": [
            {
                "id": "s1",
                "title": "Dam fails",
                "article_ids": ["x1", "x2"],
                "brief": [{"text": "The dam failed.", "citations": ["x1"], "fact_id": "f1"}],
                "facts": [
                    {
                        "id": "f1",
                        "statement": "The dam failed",
                        "status": "single-source",
                        "claims": [{"article_id": "x1", "start": start, "end": len(text)}],
                    }
                ],
            }
        ],
    }
    path = tmp_path / "report.html"
    path.write_text(render(report), encoding="utf-8")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.locator("ol.brief a.chip").first.click()
    marked = page.locator("mark.cited")
    assert marked.inner_text() == "The dam gave way before dawn, officials said."
    assert re.search(r"#article-a0$", page.url)
    assert page.evaluate("window.__pwned") is None
    assert requests == [path.as_uri()]
