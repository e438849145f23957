"""The self-contained HTML report: one file, the story views, nothing external, all escaped."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from markupsafe import escape

from newsprism.bench.web import synthetic_story
from newsprism.cli import cli
from newsprism.htmlreport import render
from newsprism.report import article_to_dict
from newsprism.web.render import assets, csp

HOSTILE = "Text with <script>window.__pwned=1</script> and <img src=x onerror=alert(1)>."


def report_dict() -> dict[str, Any]:
    articles, story = synthetic_story(0, 4)
    data = [article_to_dict(a) for a in articles]
    data[0]["text"] = data[0]["text"] + "\n\n" + HOSTILE
    data[0]["url"] = "javascript:alert(1)"
    data[1]["title"] = "<script>alert(2)</script>"
    return {"schema": "newsprism.report/1", "articles": data, "stories": [story]}


def test_report_holds_every_story_view() -> None:
    html = render(report_dict())
    for heading in ("Brief", "Facts by source group", "Figures", "Quotes by speaker", "Timeline"):
        assert f">{heading}</h2>" in html
    assert 'id="story-s0"' in html
    assert 'id="article-a0"' in html
    assert 'id="reuse-s0-a0-a1"' in html
    assert '<mark class="shared">' in html
    chip = re.search(
        r'class="chip" href="#article-a(\d)" data-start="(\d+)" data-end="(\d+)"', html
    )
    assert chip is not None


def test_report_is_self_contained_and_escaped() -> None:
    html = render(report_dict())
    policy = escape(csp(report=True))
    assert f'<meta http-equiv="Content-Security-Policy" content="{policy}">' in html
    assert html.count("<script>") == 1
    assert assets().js in html
    assert not re.search(r'\s(src|srcset)="', html)
    assert "<link" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html


def test_empty_report_renders() -> None:
    html = render({"articles": [], "stories": []})
    assert "No stories." in html


def test_analyze_writes_html(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Storm closes the harbour\n\nA storm closed the harbour on Monday, officials said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["analyze", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "Storm closes the harbour" in html
