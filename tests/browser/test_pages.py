"""The analyst's workbench in a real chromium, served by ``orgkg serve``.

A person who never used a terminal finds a question, answers it with a
parameter typed without accents, opens an entity from the answer, reads its
source sentences, goes to the graph, edits the question's SPARQL and runs it,
and downloads the answer. Every page is checked offline (no other host),
quiet (no console error), inert with hostile labels, and against axe-core's
WCAG 2.1 AA rules. ``ORGKG_UPDATE_SCREENSHOT=1`` rewrites docs/pages-*.png.
"""

from __future__ import annotations

import csv
import io
import json
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from .accessibility import blocking_violations
from .served import BROWSER_ACCEPT, Visit, open_visit, serve

pytestmark = [pytest.mark.browser, pytest.mark.server]

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "reliability" / "data" / "hostile.ttl"
DOCS = ROOT / "docs"
UPDATE = os.environ.get("ORGKG_UPDATE_SCREENSHOT") == "1"
PAGES = [
    "/queries",
    "/queries/units",
    "/queries/chain-of-command?from=nhom+truyen+thong",
    "/entities/tct-cpdt/post/to-truong",
    "/sparql",
    "/check",
    "/outline",
    "/?lang=en",
]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


@pytest.fixture
def visits(browser_context: Any) -> Iterator[list[Visit]]:
    opened: list[Visit] = []
    yield opened
    for visit in opened:
        visit.page.close()


def visit(opened: list[Visit], context: Any, url: str, *, ready: bool = True) -> Visit:
    run = open_visit(context, url, ready=ready)
    opened.append(run)
    return run


def fetch(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers.get("content-type", ""), response.read()


def screenshot(run: Visit, name: str) -> None:
    if UPDATE:
        run.page.screenshot(path=str(DOCS / f"pages-{name}.png"), full_page=False)


def test_question_with_a_parameter_typed_without_accents(
    base: str, browser_context: Any, visits: list[Visit]
) -> None:
    """From the catalogue to an answer: suggestions as you type, a table with human columns."""
    run = visit(visits, browser_context, f"{base}/queries")
    screenshot(run, "catalogue")
    run.page.get_by_role("link", name="Thành phần của một đơn vị").click()
    run.page.wait_for_selector("body[data-ready=true]", state="attached")
    field = run.page.locator("#param-unit")
    field.press_sequentially("nhom truyen", delay=20)
    run.page.wait_for_function(
        "() => document.querySelectorAll('#suggest-unit option').length > 0", timeout=10_000
    )
    suggestions = run.page.locator("#suggest-unit option").evaluate_all(
        "(options) => options.map((o) => o.value)"
    )
    assert "Nhóm Truyền thông" in suggestions
    field.fill("nhom truyen thong")
    run.page.get_by_role("button", name="Trả lời").click()
    run.page.wait_for_selector("#answer-table")
    headers = run.page.locator("#answer-table th").all_inner_texts()
    assert "Thành viên" in " ".join(headers) and "memberLabel" not in " ".join(headers)
    assert run.page.locator("#answer-table tbody tr").count() >= 1
    assert "unit=nhom+truyen+thong" in run.page.url
    screenshot(run, "question")
    run.assert_clean()


def test_codes_are_translated_and_sources_quoted(
    base: str, browser_context: Any, visits: list[Visit]
) -> None:
    run = visit(visits, browser_context, f"{base}/queries/chain-of-command?from=nhom+truyen+thong")
    table = run.page.locator("#answer-table")
    assert "báo cáo cho" in table.inner_text() and "reportsTo" not in table.inner_text()
    quote = run.page.locator("#answer-table details.quote").first
    quote.locator("summary").click()
    assert len(quote.locator("blockquote").inner_text().strip()) > 20, "the quote is shown"
    english = visit(
        visits, browser_context, f"{base}/queries/chain-of-command?from=nhom+truyen+thong&lang=en"
    )
    assert "reports to" in english.page.locator("#answer-table").inner_text()
    run.assert_clean()
    english.assert_clean()


def test_sort_and_filter_the_table(base: str, browser_context: Any, visits: list[Visit]) -> None:
    run = visit(visits, browser_context, f"{base}/queries/units")
    rows = run.page.locator("#answer-table tbody tr")
    total = rows.count()
    run.page.locator("#row-filter").fill("nhom")  # folded: finds "Nhóm ..."
    visible = run.page.locator("#answer-table tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    run.page.locator("#row-filter").fill("")
    header = run.page.locator("#answer-table th").first
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    first_cells = run.page.locator("#answer-table tbody tr td:first-child").all_inner_texts()
    assert first_cells == sorted(first_cells, key=str.casefold) or len(set(first_cells)) > 1
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    run.assert_clean()


def test_entity_page_from_an_answer(base: str, browser_context: Any, visits: list[Visit]) -> None:
    """An answer links to the entity page: its quotes, its relations, the graph around it."""
    run = visit(visits, browser_context, f"{base}/queries/posts")
    run.page.locator("#answer-table tbody a[href^='/entities/']").first.click()
    run.page.wait_for_selector("body[data-ready=true]", state="attached")
    assert "/entities/" in run.page.url
    quotes = run.page.locator("figure.source blockquote").all_inner_texts()
    assert quotes and all(len(q.strip()) > 10 for q in quotes)
    assert run.page.locator("svg.mini a").count() >= 1
    graph_link = run.page.get_by_role("link", name="Xem trên sơ đồ")
    assert graph_link.get_attribute("href").startswith("/?focus=")
    screenshot(run, "entity")
    graph_link.click()
    run.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)
    run.assert_clean()


def test_sparql_editor_runs_the_question_behind_an_answer(
    base: str, browser_context: Any, visits: list[Visit]
) -> None:
    answer = visit(visits, browser_context, f"{base}/queries/units?lang=en")
    expected = answer.page.locator("#answer-table tbody tr").count()
    answer.page.locator("details.how summary").click()
    answer.page.get_by_role("link", name="Open in the SPARQL editor").click()
    answer.page.wait_for_selector(".cm-editor")
    answer.page.get_by_role("button", name="Run").click()
    answer.page.wait_for_selector("#results table")
    assert answer.page.locator("#results tbody tr").count() == expected
    assert answer.page.locator("#results a[href^='/entities/']").count() > 0
    answer.assert_clean()


def test_sparql_editor_examples_and_prefix_completion(
    base: str, browser_context: Any, visits: list[Visit]
) -> None:
    run = visit(visits, browser_context, f"{base}/sparql")
    assert run.page.locator(".cm-editor .cm-content").count() == 1, "CodeMirror is attached"
    assert "10" in run.page.locator(".limits").inner_text()  # the time limit is stated
    run.page.locator("#example").select_option(label="Các chức vụ (posts)")
    run.page.get_by_role("button", name="Chạy").click()
    run.page.wait_for_selector("#results table")
    assert run.page.locator("#results tbody tr").count() > 5
    screenshot(run, "sparql")
    run.page.locator(".cm-content").click()
    run.page.keyboard.press("Control+End")
    run.page.keyboard.type("\nsk")
    run.page.keyboard.press("Control+Space")
    run.page.wait_for_selector(".cm-tooltip-autocomplete")
    assert "skos:" in run.page.locator(".cm-tooltip-autocomplete").inner_text()
    run.assert_clean()


def test_downloads_parse(base: str, browser_context: Any, visits: list[Visit]) -> None:
    """CSV and JSON are the machine formats (variable names); the workbook reads as people do."""
    run = visit(visits, browser_context, f"{base}/queries/reporting-lines?lang=en")
    links = {
        name: run.page.get_by_role("link", name=name, exact=True).get_attribute("href")
        for name in ("CSV", "JSON", "Excel (.xlsx)")
    }
    _, body = fetch(base + links["CSV"])
    header = next(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert header[:2] == ["reporter", "reporterLabel"]
    _, body = fetch(base + links["JSON"])
    document = json.loads(body)
    assert document["head"]["vars"][:2] == ["reporter", "reporterLabel"]
    rows = len(document["results"]["bindings"])
    media, body = fetch(base + links["Excel (.xlsx)"])
    assert media.startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    sheet = load_workbook(io.BytesIO(body)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Reporter" and len(values) == rows + 1
    with run.page.expect_download() as download:
        run.page.get_by_role("link", name="Excel (.xlsx)").click()
    assert download.value.suggested_filename == "reporting-lines.xlsx"
    run.assert_clean()


def test_language_switch(base: str, browser_context: Any, visits: list[Visit]) -> None:
    run = visit(visits, browser_context, f"{base}/queries")
    assert run.page.locator("html").get_attribute("lang") == "vi"
    run.page.get_by_role("link", name="EN", exact=True).click()
    run.page.wait_for_selector("html[lang=en]")
    assert run.page.get_by_role("link", name="Reporting lines").count() == 1
    run.assert_clean()


def test_keyboard_skip_link_and_focus(base: str, browser_context: Any, visits: list[Visit]) -> None:
    run = visit(visits, browser_context, f"{base}/queries/units")
    run.page.keyboard.press("Tab")
    focused = run.page.evaluate("() => document.activeElement.className")
    assert focused == "skip"
    outline = run.page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    run.page.keyboard.press("Enter")
    assert run.page.evaluate("() => document.activeElement.id") == "main"
    run.assert_clean()


def test_outline_is_the_graph_as_a_list(
    base: str, browser_context: Any, visits: list[Visit]
) -> None:
    run = visit(visits, browser_context, f"{base}/outline?lang=en")
    text = run.page.locator("ul.outline").inner_text()
    assert "Communications Group" in text and "reports to" in text
    assert run.page.locator("ul.outline ul ul").count() > 0, "units nest"
    screenshot(run, "outline")
    run.assert_clean()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_passes_axe(
    base: str, browser_context: Any, visits: list[Visit], path: str
) -> None:
    run = visit(visits, browser_context, base + path)
    if path == "/check":
        screenshot(run, "check")
    assert blocking_violations(run.page) == []
    run.assert_clean()


def test_pages_answer_a_browser_and_data_to_programs(base: str) -> None:
    request = urllib.request.Request(base + "/queries/units", headers={"Accept": BROWSER_ACCEPT})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in response.headers["content-security-policy"]
    media, body = fetch(base + "/queries/units")  # urllib sends no text/html
    assert media.startswith("application/") and json.loads(body)["head"]["vars"][0] == "unit"


@pytest.fixture(scope="module")
def hostile_base() -> Iterator[str]:
    with serve(HOSTILE) as url:
        yield url


@pytest.mark.parametrize(
    "path",
    ["/queries/posts", "/queries/units?lang=en", "/entities/hostile/unit", "/outline", "/check"],
)
def test_hostile_labels_stay_text(
    hostile_base: str, browser_context: Any, visits: list[Visit], path: str
) -> None:
    run = visit(visits, browser_context, hostile_base + path)
    assert run.page.locator("script:not([src])").count() == 0
    assert run.page.locator("img, injected").count() == 0
    assert "xss" in run.page.content(), "the hostile labels are on the page, as text"
    run.assert_clean()
