"""A real, offline chromium for the viewer's tests.

Debian's chromium (``/usr/bin/chromium``) is driven by Playwright, headless,
with a fresh profile and no background networking. Pages are served from a
temporary folder by a tiny HTTP server on 127.0.0.1, as ``orgkg serve`` would
serve ``/``; every request to any other host is aborted and recorded, so a
test can assert that the page attempted none. Under ``CI=true`` a missing
browser fails the run instead of skipping it.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest

from tests.unavailable import unavailable

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
VIEWPORT: Any = {"width": 1600, "height": 1000}


def _unavailable(reason: str) -> NoReturn:
    unavailable(f"browser tests: {reason}")


@dataclass
class PageRun:
    """One opened page and what it did: requests, blocked ones, errors."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, argument: Any = None) -> Any:
        return self.page.evaluate(expression, argument)

    def note_console(self, kind: str, text: str) -> None:
        if kind == "error":
            self.errors.append(text)


# Package scope, not session: Playwright's sync API keeps an event loop running
# in the thread while it is open, and under ``make test`` (pytest-xdist) the same
# worker may run other packages' tests after these, which start their own loops.
@pytest.fixture(scope="package")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        # Imported here so a machine without playwright skips (or, in CI, fails)
        # instead of erroring at collection.
        from playwright.sync_api import Error, sync_playwright  # noqa: PLC0415
    except ImportError as exc:
        _unavailable(f"playwright is not installed: {exc}")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        try:
            context = playwright.chromium.launch_persistent_context(
                str(profile),
                executable_path=str(CHROMIUM),
                headless=True,
                args=LAUNCH_ARGS,
                viewport=VIEWPORT,
                service_workers="block",
            )
        except Error as exc:
            _unavailable(f"chromium did not start: {exc}")
        yield context
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A folder and the 127.0.0.1 URL it is served at."""
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


OpenPage = Callable[..., PageRun]


@pytest.fixture
def open_page(browser_context: Any, site: tuple[Path, str]) -> Iterator[OpenPage]:
    """Open an HTML text in chromium (served on 127.0.0.1, or as a file:// URL)."""
    root, base = site
    pages: list[Any] = []
    counter = iter(range(1_000_000))

    def opener(html: str, query: str = "", *, via_file: bool = False, wait: bool = True) -> PageRun:
        name = f"page-{os.getpid()}-{next(counter)}.html"
        (root / name).write_text(html, encoding="utf-8")
        url = ((root / name).as_uri() if via_file else f"{base}/{name}") + query
        page = browser_context.new_page()
        pages.append(page)
        run = PageRun(page, url)

        def guard(route: Any) -> None:
            request_url = route.request.url
            parts = urlsplit(request_url)
            if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
                run.blocked.append(request_url)
                route.abort()
            else:
                route.continue_()

        page.route("**/*", guard)
        page.on("request", lambda request: run.requests.append(request.url))
        page.on("console", lambda message: run.note_console(message.type, message.text))
        page.on("pageerror", lambda error: run.errors.append(str(error)))
        page.goto(url)
        if wait:
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=20_000)
        return run

    yield opener
    for page in pages:
        page.close()
