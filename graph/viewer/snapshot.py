"""The org chart as an image (PNG or SVG), drawn by a headless Chromium.

The page :func:`graph.render_html` writes is opened from a temporary file
(no server, no network: every request to another host is refused), and
its own export (``window.orgkgExport`` in ``static/export.js``) draws the
whole chart, so the file is the one the page's download buttons give.

>>> from ontology import load_regulation
>>> svg = render_image(render_html(load_regulation()), "svg")  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from ontology.errors import BrowserError

ImageFormat = Literal["png", "svg"]
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
VIEWPORT = {"width": 1800, "height": 1100}
TIMEOUT_MS = 60_000
_DATA_URL_PREFIX = "data:image/png;base64,"


def render_image(page: str, fmt: ImageFormat, *, chromium: Path = CHROMIUM) -> bytes:
    """The whole chart of the HTML ``page`` as PNG bytes or SVG text (UTF-8)."""
    if fmt not in ("png", "svg"):
        raise BrowserError(f"unknown image format {fmt!r} (use png or svg)")
    if not chromium.exists():
        raise BrowserError(f"{chromium} is not installed: apt-get install chromium")
    try:
        from playwright.sync_api import Error, sync_playwright  # noqa: PLC0415
    except ImportError as exc:
        raise BrowserError(f"playwright is not installed ({exc}): run make install") from None
    with tempfile.TemporaryDirectory(prefix="orgkg-view-") as folder:
        html = Path(folder) / "chart.html"
        html.write_text(page, encoding="utf-8")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(chromium), headless=True, args=list(LAUNCH_ARGS)
                )
                try:
                    result = _draw(browser, html, fmt)
                finally:
                    browser.close()
        except Error as exc:
            raise BrowserError(f"chromium could not draw the chart: {exc.message}") from None
    if fmt == "svg":
        return str(result).encode("utf-8")
    text = str(result)
    if not text.startswith(_DATA_URL_PREFIX):
        raise BrowserError("chromium gave no PNG image")
    return base64.b64decode(text[len(_DATA_URL_PREFIX) :])


def _draw(browser: Any, html: Path, fmt: ImageFormat) -> Any:
    page = browser.new_page(viewport=VIEWPORT, device_scale_factor=2 if fmt == "png" else 1)
    page.route("**/*", _refuse_other_hosts)
    page.goto(html.as_uri())
    page.wait_for_function("() => window.orgkgExport !== undefined", timeout=TIMEOUT_MS)
    return page.evaluate(f"() => window.orgkgExport.{fmt}({{whole: true}})")


def _refuse_other_hosts(route: Any) -> None:
    if urlsplit(route.request.url).scheme == "file":
        route.continue_()
    else:
        route.abort()
