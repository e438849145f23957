"""The web app (``newsprism serve``): read-only pages over a store, each with a JSON twin.

Routes are thin: query the :class:`~newsprism.store.Store`, build a view with
:mod:`newsprism.web.views`, render a template. Every response carries a Content-Security-Policy
that allows only the app's own inline style and script, so nothing loads from elsewhere and
script text inside an article can never run. A ``token``, when set, is checked on every request
(``?token=``, ``Authorization: Bearer`` or the cookie set on first use).
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import SettingsError
from ..report import article_to_dict
from ..store import Store, StoryRow
from . import views
from .render import WebUrls, assets, csp, environment

# Stories per page of the story list: one screenful of table rows stays quick to scan.
PAGE_SIZE = 100
# Host names a loopback-only server answers to; other Host headers are refused so a web page
# elsewhere cannot reach the app through DNS rebinding.
LOOPBACK_HOST_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
TOKEN_COOKIE = "newsprism_token"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server on this machine."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond this machine without a token.

    Raises:
        SettingsError: ``host`` is not a loopback address and no token is given.
    """
    if not is_loopback(host) and not token:
        raise SettingsError(
            f"serving on {host} exposes the store to the network; "
            "give --token SECRET (checked on every request) or use --host 127.0.0.1"
        )


def create_app(
    store: Store,
    *,
    token: str | None = None,
    trusted_hosts: Sequence[str] | None = LOOPBACK_HOST_NAMES,
) -> FastAPI:
    """The FastAPI app serving ``store`` (kept open by the caller while the app runs)."""
    app = FastAPI(
        title="newsprism",
        version="1",
        description="Stories, facts, figures, quotes and reuse over a newsprism store.",
        docs_url=None,
        redoc_url=None,
    )
    urls = WebUrls()

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        from_query = request.query_params.get("token")
        if token is not None and not _token_ok(request, token):
            return Response(
                "A valid token is required.\n", status_code=401, media_type="text/plain"
            )
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = csp()
        response.headers.update(SECURITY_HEADERS)
        if token is not None and from_query is not None:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    if trusted_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(trusted_hosts))

    def page(name: str, request: Request, **context: Any) -> HTMLResponse:
        json_url = request.url.path + ".json"
        if request.url.query:
            json_url += "?" + _without_token(request)
        html = (
            environment()
            .get_template(name)
            .render(urls=urls, assets=assets(), csp_meta=None, json_url=json_url, **context)
        )
        return HTMLResponse(html)

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/stories")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        html = (
            environment()
            .get_template("docs.html")
            .render(
                urls=urls,
                assets=assets(),
                csp_meta=None,
                json_url="/openapi.json",
                spec=app.openapi(),
            )
        )
        return HTMLResponse(html)

    @app.get("/stories.json", summary="The story list (JSON)")
    def stories_json(page_number: int = Query(1, ge=1, alias="page")) -> dict[str, Any]:
        rows, total = _story_page(store, page_number)
        return {
            "stories": [_row_dict(row) for row in rows],
            "total": total,
            "page": page_number,
            "page_size": PAGE_SIZE,
        }

    @app.get("/stories", response_class=HTMLResponse, summary="The story list")
    def stories_html(request: Request, page_number: int = Query(1, ge=1, alias="page")) -> Response:
        rows, total = _story_page(store, page_number)
        more = page_number * PAGE_SIZE < total
        return page(
            "stories.html",
            request,
            rows=rows,
            total=total,
            prev_url=f"/stories?page={page_number - 1}" if page_number > 1 else None,
            next_url=f"/stories?page={page_number + 1}" if more else None,
        )

    @app.get("/stories/{story_id}.json", summary="One story: the contract dict and its articles")
    def story_json(story_id: str) -> dict[str, Any]:
        story, articles = _story(store, story_id)
        return {"story": story, "articles": list(articles.values())}

    @app.get("/stories/{story_id}", response_class=HTMLResponse, summary="One story")
    def story_html(request: Request, story_id: str) -> Response:
        story, articles = _story(store, story_id)
        return page("story.html", request, v=views.story_view(story, articles))

    @app.get("/stories/{story_id}/reuse.json", summary="A reuse pair with both texts (JSON)")
    def reuse_json(story_id: str, a: str, b: str) -> dict[str, Any]:
        _, pair, article_a, article_b = _reuse(store, story_id, a, b)
        return {"pair": pair, "a": article_a, "b": article_b}

    @app.get(
        "/stories/{story_id}/reuse",
        response_class=HTMLResponse,
        summary="Two articles side by side with their shared passages marked",
    )
    def reuse_html(request: Request, story_id: str, a: str, b: str) -> Response:
        story, pair, article_a, article_b = _reuse(store, story_id, a, b)
        rv = views.reuse_view(pair, article_a, article_b)
        return page("reuse.html", request, rv=rv, story=story)

    @app.get("/articles/{article_id:path}.json", summary="One article (JSON)")
    def article_json(article_id: str) -> dict[str, Any]:
        data = _article(store, article_id)
        stories = store.stories_of_article(article_id)
        return {**data, "stories": [{"id": sid, "title": title} for sid, title in stories]}

    @app.get(
        "/articles/{article_id:path}",
        response_class=HTMLResponse,
        summary="One article, optionally with [start, end) highlighted",
    )
    def article_html(
        request: Request,
        article_id: str,
        start: int | None = Query(None, ge=0),
        end: int | None = Query(None, ge=0),
    ) -> Response:
        av = views.article_view(_article(store, article_id), start=start, end=end)
        return page("article.html", request, av=av, stories=store.stories_of_article(article_id))

    @app.exception_handler(HTTPException)
    async def not_found(request: Request, error: HTTPException) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        html = (
            environment()
            .get_template("base.html")
            .render(urls=urls, assets=assets(), csp_meta=None, json_url=None)
        )
        message = f"<h1>{error.status_code}</h1><p>{_escape(str(error.detail))}</p>"
        return HTMLResponse(html.replace("<main>\n", "<main>\n" + message, 1), error.status_code)

    return app


def _token_ok(request: Request, token: str) -> bool:
    given = request.query_params.get("token")
    if given is None:
        header = request.headers.get("authorization", "")
        given = header[7:] if header.lower().startswith("bearer ") else None
    if given is None:
        given = request.cookies.get(TOKEN_COOKIE)
    return given is not None and secrets.compare_digest(given.encode(), token.encode())


def _without_token(request: Request) -> str:
    from urllib.parse import urlencode

    return urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _story_page(store: Store, page_number: int) -> tuple[list[StoryRow], int]:
    rows = store.stories(limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    return rows, store.story_count()


def _row_dict(row: StoryRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "start": row.start,
        "end": row.end,
        "articles": row.article_count,
        "independent_sources": row.source_group_count,
        "outlets": list(row.outlets),
        "contested_facts": row.contested_count,
    }


def _story(store: Store, story_id: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    ids = [str(i) for i in story.get("article_ids") or []]
    meta = store.article_meta(ids)
    return story, {i: meta[i] for i in ids if i in meta}


def _article(store: Store, article_id: str) -> dict[str, Any]:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return article_to_dict(article)


def _reuse(
    store: Store, story_id: str, a: str, b: str
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    for pair in story.get("reuse") or []:
        if (pair.get("a"), pair.get("b")) == (a, b):
            return story, pair, _article(store, a), _article(store, b)
    raise HTTPException(404, f"no reuse pair {a!r}, {b!r} in story {story_id!r}")
