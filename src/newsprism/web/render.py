"""Rendering: the Jinja2 template set shared by the web app and the self-contained HTML report.

``environment()`` loads ``templates/`` with autoescaping on for every template; ``ASSETS`` holds
the CSS and JavaScript inlined into every page, and ``csp()`` the Content-Security-Policy that
allows exactly those two inline blocks and nothing external. ``WebUrls`` and ``ReportUrls`` build
links for the two settings: server paths, or anchors inside one file.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Assets:
    """The inline CSS and JS of every page, with their CSP hashes."""

    css: str
    js: str

    @property
    def css_hash(self) -> str:
        return _sha256(self.css)

    @property
    def js_hash(self) -> str:
        return _sha256(self.js)


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def assets() -> Assets:
    """The stylesheet and script from ``static/``, read once."""
    return Assets(
        css=(HERE / "static" / "style.css").read_text(encoding="utf-8"),
        js=(HERE / "static" / "app.js").read_text(encoding="utf-8"),
    )


def csp(*, report: bool = False) -> str:
    """A policy that runs only our own inline style and script and fetches nothing at all."""
    policy = [
        "default-src 'none'",
        f"style-src {assets().css_hash}",
        f"script-src {assets().js_hash}",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if not report:  # frame-ancestors is ignored (with a warning) in a <meta> policy
        policy.append("frame-ancestors 'none'")
    return "; ".join(policy)


@cache
def environment() -> jinja2.Environment:
    """The template environment: autoescape everywhere, missing fields render as empty."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class WebUrls:
    """Links between the web app's pages."""

    report = False

    def stories(self) -> str:
        return "/stories"

    def story(self, story_id: str) -> str:
        return f"/stories/{quote(story_id, safe='')}"

    def article(self, article_id: str, start: int | None = None, end: int | None = None) -> str:
        url = f"/articles/{quote(article_id, safe='')}"
        if start is not None and end is not None:
            url += f"?{urlencode({'start': start, 'end': end})}#hl"
        return url

    def reuse(self, story_id: str, a: str, b: str) -> str:
        return f"{self.story(story_id)}/reuse?{urlencode({'a': a, 'b': b})}"


class ReportUrls:
    """Anchors inside one self-contained report; ids become short keys so any id is safe."""

    report = True

    def __init__(self, story_ids: list[str], article_ids: list[str]) -> None:
        self._stories = {sid: f"s{n}" for n, sid in enumerate(story_ids)}
        self._articles = {aid: f"a{n}" for n, aid in enumerate(article_ids)}

    def stories(self) -> str:
        return "#stories"

    def story(self, story_id: str) -> str:
        return f"#story-{self._stories.get(story_id, 'unknown')}"

    def article(self, article_id: str, start: int | None = None, end: int | None = None) -> str:
        return f"#article-{self._articles.get(article_id, 'unknown')}"

    def reuse(self, story_id: str, a: str, b: str) -> str:
        keys = (self._stories.get(story_id), self._articles.get(a), self._articles.get(b))
        return "#reuse-" + "-".join(key or "unknown" for key in keys)
