"""The self-contained HTML report: one file with the story views, no external request.

``render(report_dict)`` takes the JSON report contract (:func:`newsprism.report.to_dict`) and
returns one HTML document made with the web app's templates; CSS and JavaScript are inline and a
Content-Security-Policy in the page forbids loading anything else. Citation chips jump to the
article inside the file and highlight the cited span.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from .web import views
from .web.render import ReportUrls, assets, csp, environment

# Reuse pairs shown side by side per story: each repeats two article texts, so a story with
# hundreds of copies would make the file huge; the reuse table still lists every pair.
MAX_REUSE_VIEWS_PER_STORY = 40


def render(report: Mapping[str, Any]) -> str:
    """The report as one HTML document (autoescaped; safe to open on any machine)."""
    articles = {str(a["id"]): a for a in report.get("articles") or []}
    stories = list(report.get("stories") or [])
    urls = ReportUrls([str(s["id"]) for s in stories], list(articles))
    meta = {i: {k: v for k, v in a.items() if k != "text"} for i, a in articles.items()}
    story_views = []
    reuse_views = []
    memberships: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for story in stories:
        ids = [str(i) for i in story.get("article_ids") or []]
        own = {i: meta[i] for i in ids if i in meta}
        story_views.append(views.story_view(story, own))
        for article_id in ids:
            memberships[article_id].append((str(story["id"]), story.get("title")))
        for pair in list(story.get("reuse") or [])[:MAX_REUSE_VIEWS_PER_STORY]:
            a, b = articles.get(str(pair.get("a"))), articles.get(str(pair.get("b")))
            if a is not None and b is not None:
                reuse_views.append((story, views.reuse_view(pair, a, b)))
    rows = [_row(view) for view in story_views]
    return (
        environment()
        .get_template("report.html")
        .render(
            urls=urls,
            assets=assets(),
            csp_meta=csp(report=True),
            json_url=None,
            rows=rows,
            articles=list(articles.values()),
            story_views=story_views,
            reuse_views=reuse_views,
            article_views=[views.article_view(a, start=None, end=None) for a in articles.values()],
            article_stories=memberships,
        )
    )


def _row(view: Mapping[str, Any]) -> dict[str, Any]:
    story, header = view["story"], view["header"]
    return {
        "id": story["id"],
        "title": story.get("title"),
        "start": header["start"],
        "end": header["end"],
        "article_count": header["articles"],
        "source_group_count": header["independent_sources"],
        "outlets": header["outlets"],
        "contested_count": header["contested"],
    }
