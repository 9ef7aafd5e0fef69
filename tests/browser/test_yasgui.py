"""YASGUI, the SPARQL editor people already use, as a real client of ``/sparql``.

The page is YASGUI's own published bundle (``@zazuko/yasgui``, fetched by
``make install-test``: see tests/browser/vendor/README.md) on a page served
from another origin than the app, as YASGUI is used in practice (its hosted
editor, or a page of one's own, pointed at an endpoint). It runs SELECT, ASK,
CONSTRUCT and DESCRIBE with YASGUI's default request (POST, form-encoded,
its own Accept headers) by clicking its run button, and the results must
render as YASGUI renders them: a table, a boolean, Turtle text. So the
endpoint's CORS headers, content negotiation and result formats are checked
as a browser and YASGUI read them, not as our own tests think they should be.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import LOCAL_HOSTS
from tests.remote.conftest import orgkg_base  # noqa: F401 (a fixture: a real orgkg serve)
from tests.unavailable import unavailable

pytestmark = [pytest.mark.browser, pytest.mark.server]

BUNDLE = Path(__file__).resolve().parent / "vendor" / "yasgui"
BUNDLE_FILES = ("yasgui.min.js", "yasgui.min.css")
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>YASGUI</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="yasgui.min.css">
<script src="yasgui.min.js"></script></head>
<body><div id="yasgui"></div>
<script>
  window.yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: ENDPOINT },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: () => [] },
  });
  document.body.dataset.ready = "true";
</script></body></html>
"""
PREFIXES = (
    "PREFIX org: <http://www.w3.org/ns/org#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)
SELECT = PREFIXES + (
    "SELECT ?post ?label WHERE { ?post a org:Post ; skos:prefLabel ?label . "
    'FILTER(lang(?label) = "vi") } ORDER BY ?label LIMIT 5'
)
ASK = PREFIXES + "ASK { ?post a org:Post }"
ASK_FALSE = PREFIXES + "ASK { ?x a org:NoSuchClass }"
CONSTRUCT = PREFIXES + (
    "CONSTRUCT { ?post skos:prefLabel ?label } WHERE { ?post a org:Post ; "
    'skos:prefLabel ?label . FILTER(lang(?label) = "vi") } LIMIT 3'
)
DESCRIBE = PREFIXES + "DESCRIBE ?post WHERE { ?post a org:Post } LIMIT 1"
GRAPH_FORMS = (PREFIXES + "CONSTRUCT", PREFIXES + "DESCRIBE")
METHODS = ("POST", "GET")


@pytest.fixture(scope="module")
def yasgui_page(
    site: tuple[Path, str],
    orgkg_base: str,  # noqa: F811
) -> Iterator[str]:
    """The URL of a YASGUI page on the static site, pointed at the app's /sparql."""
    missing = [name for name in BUNDLE_FILES if not (BUNDLE / name).is_file()]
    if missing:
        unavailable(f"YASGUI bundle missing in {BUNDLE} ({', '.join(missing)}): make install-test")
    root, base = site
    folder = root / "yasgui"
    folder.mkdir(exist_ok=True)
    for name in BUNDLE_FILES:
        shutil.copyfile(BUNDLE / name, folder / name)
    endpoint = json.dumps(f"{orgkg_base}/sparql")
    (folder / "index.html").write_text(PAGE.replace("ENDPOINT", endpoint), encoding="utf-8")
    assert urlsplit(base).port != urlsplit(orgkg_base).port  # another origin: CORS applies
    yield f"{base}/yasgui/index.html"


@dataclass(frozen=True)
class Outcome:
    """One query as YASGUI sent it, as the app answered, and as YASGUI drew it."""

    status: int
    method: str
    accept: str
    media_type: str
    plugin: str
    type: str | None
    error: str | None
    text: str
    rows: int


class Session:
    """One YASGUI tab in chromium and what the page did."""

    def __init__(self, context: Any, url: str) -> None:
        self.page = context.new_page()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._guard)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)

    def _guard(self, route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            self.blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def run(self, query: str, *, method: str = "POST", accept: str | None = None) -> Outcome:
        """Set YASGUI's request, type ``query``, press its run button, wait for the answer."""
        config: dict[str, str] = {"method": method}
        if accept is not None:
            kind = "acceptHeaderGraph" if query.startswith(GRAPH_FORMS) else "acceptHeaderSelect"
            config[kind] = f"{accept},*/*;q=0.9"  # as YASGUI's own format menu sets it
        self.page.evaluate(
            "([q, c]) => { const tab = window.yasgui.getTab(); tab.setRequestConfig(c); "
            "tab.getYasqe().setValue(q); }",
            [query, config],
        )
        with self.page.expect_response(lambda r: "/sparql" in r.url) as answer:
            self.page.locator(".yasqe_queryButton").click()
        response = answer.value
        self.page.wait_for_function(
            "() => { const y = window.yasgui.getTab().getYasr(); "
            "return y.results && y.drawnPlugin; }",
            timeout=30_000,
        )
        drawn: dict[str, Any] = self.page.evaluate(
            """() => {
              const yasr = window.yasgui.getTab().getYasr();
              const error = yasr.results.getError();
              return {
                plugin: yasr.drawnPlugin,
                type: yasr.results.getType(),
                error: error ? JSON.stringify(error) : null,
                text: document.querySelector('.yasr_results').innerText,
                rows: document.querySelectorAll('.yasr_results table.dataTable tbody tr').length,
              };
            }"""
        )
        return Outcome(
            status=response.status,
            method=response.request.method,
            accept=response.request.headers.get("accept", ""),
            media_type=response.headers.get("content-type", "").split(";")[0],
            **drawn,
        )

    def raw_response(self) -> str:
        """What YASGUI's "Response" tab shows (the body as received)."""
        self.page.evaluate("() => window.yasgui.getTab().getYasr().selectPlugin('response')")
        shown = self.page.wait_for_function(
            "() => { const y = window.yasgui.getTab().getYasr(); "
            "const text = document.querySelector('.yasr_results').innerText; "
            "return y.drawnPlugin === 'response' && text.trim() && text; }",
            timeout=30_000,
        )
        text: str = shown.json_value()
        return text

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def session(browser_context: Any, yasgui_page: str) -> Iterator[Session]:
    opened = Session(browser_context, yasgui_page)
    yield opened
    opened.close()


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("accept", "parsed"),
    [
        (None, "json"),  # YASGUI's default: application/sparql-results+json
        ("application/sparql-results+xml", "xml"),
        ("text/csv", "csv"),
        ("text/tab-separated-values", "tsv"),
    ],
)
def test_select_renders_a_table(
    session: Session, method: str, accept: str | None, parsed: str
) -> None:
    outcome = session.run(SELECT, method=method, accept=accept)
    assert (outcome.status, outcome.method, outcome.error) == (200, method, None)
    assert outcome.media_type == (accept or "application/sparql-results+json")
    assert (outcome.plugin, outcome.type, outcome.rows) == ("table", parsed, 5)
    assert "https://w3id.org/orgkg/id/" in outcome.text
    assert "Bộ trưởng" in outcome.text  # Vietnamese arrives as characters
    assert session.blocked == [] and session.errors == []


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("query", "shown"), [(ASK, "true"), (ASK_FALSE, "false")])
def test_ask_renders_a_boolean(session: Session, method: str, query: str, shown: str) -> None:
    outcome = session.run(query, method=method)
    assert (outcome.status, outcome.error) == (200, None)
    assert outcome.media_type == "application/sparql-results+json"
    assert outcome.plugin == "boolean"
    assert outcome.text.strip().lower() == shown
    assert session.blocked == [] and session.errors == []


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    "accept",
    [None, "text/turtle"],  # YASGUI's default asks for N-Triples
    ids=["default", "turtle"],
)
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_graph_queries_render_as_triples(
    session: Session, query: str, accept: str | None, method: str
) -> None:
    outcome = session.run(query, method=method, accept=accept)
    assert (outcome.status, outcome.error) == (200, None)
    assert outcome.media_type == (accept or "application/n-triples")
    assert (outcome.plugin, outcome.type) == ("table", "ttl")
    assert outcome.rows >= 3 and "skos:prefLabel" in outcome.text
    raw = session.raw_response()
    assert "https://w3id.org/orgkg/id/" in raw and "@vi" in raw
    assert session.blocked == [] and session.errors == []
