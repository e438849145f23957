"""Browser test fixtures: Debian's chromium driven by playwright, and a live loopback server.

Skips (with the reason) when playwright or chromium is missing; .ci/run installs both.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("NEWSPRISM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

SERVER_START_TIMEOUT_S = 20


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"chromium not found at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live app on a loopback port over a store of fictional stories and a hostile one."""
    uvicorn = pytest.importorskip("uvicorn")
    from hostile_article import add_hostile

    from newsprism.bench.web import fill_store
    from newsprism.store import Store
    from newsprism.web.app import create_app

    path = tmp_path_factory.mktemp("browser") / "news.db"
    with Store.open(path) as store:
        fill_store(store, articles=40, story_size=10)
        add_hostile(store)
        port = free_port()
        config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="error")
        live = uvicorn.Server(config)
        thread = threading.Thread(target=live.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not live.started:
            if time.monotonic() > deadline or not thread.is_alive():
                pytest.fail("the web app did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
        live.should_exit = True
        thread.join(timeout=10)
