"""/docs in a real chromium: Swagger UI renders every operation from the service
itself, makes no request elsewhere, and can try a request."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import LOCAL_HOSTS
from tests.remote.conftest import orgkg_base  # noqa: F401 (a fixture: a real orgkg serve)

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_the_explorer_renders_offline_and_tries_a_request(
    browser_context: Any,
    orgkg_base: str,  # noqa: F811
) -> None:
    page = browser_context.new_page()
    blocked: list[str] = []
    errors: list[str] = []

    def guard(route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{orgkg_base}/docs")
        page.wait_for_selector(".opblock", timeout=30_000)
        operations = page.locator(".opblock").count()
        assert operations >= 15
        health = page.locator(".opblock", has_text="/health").first
        health.locator(".opblock-summary").click()
        health.locator(".execute").click()  # tryItOutEnabled: no "Try it out" needed
        status = health.locator(".live-responses-table tr.response .response-col_status").first
        status.wait_for(timeout=30_000)
        assert status.inner_text().strip().startswith("200")
        assert blocked == [] and errors == []
    finally:
        page.close()
