"""The "Hỏi / Ask" box of the org-chart page in a real chromium.

The page is served from 127.0.0.1 as in test_viewer_page.py; its requests to
``/ask`` and ``/queries/{id}`` are answered by the same jobs ``orgkg serve``
runs for those routes (api.runtime.asking.answer_ask, api.runtime.jobs.answer_question), so
the page reads exactly the JSON the server sends.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from api.runtime.asking import answer_ask, ask_error
from api.runtime.jobs import WorkerContext, answer_question
from graph import render_html
from ontology import Store, load_regulation
from ontology.errors import NotUnderstood, OrgkgError, UnresolvedParameter
from ontology.namespaces import ID
from queries import load_catalogue

from .conftest import OpenPage, PageRun

pytestmark = pytest.mark.browser

GROUP = f"{ID}tct-cpdt/unit/nhom-truyen-thong"


@pytest.fixture(scope="module")
def bundled() -> Store:
    return load_regulation()


@pytest.fixture(scope="module")
def context(bundled: Store) -> WorkerContext:
    return WorkerContext(store=bundled, catalogue=load_catalogue(), max_rows=1000, max_bytes=2**22)


def serve_like_the_api(context: WorkerContext, route: Any) -> None:
    """Answer ``/ask`` and ``/queries/{id}`` as the service's jobs do."""
    parts = urlsplit(route.request.url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    lang = query.pop("lang", "vi")
    try:
        if parts.path == "/ask":
            body = answer_ask(context, q=query["q"], lang=lang, question=query.get("question")).body
        else:
            question = parts.path.removeprefix("/queries/")
            query.pop("format", None)
            body = answer_question(
                context, question_id=question, params=query, lang=lang, fmt="json"
            ).body
        route.fulfill(status=200, content_type="application/json", body=body)
    except (NotUnderstood, UnresolvedParameter) as exc:
        route.fulfill(status=422, content_type="application/json", body=json.dumps(ask_error(exc)))
    except OrgkgError as exc:
        error = {"error": {"code": exc.code, "message": exc.message}}
        route.fulfill(
            status=exc.http_status, content_type="application/json", body=json.dumps(error)
        )


@pytest.fixture
def asking_page(open_page: OpenPage, bundled: Store, context: WorkerContext) -> Iterator[PageRun]:
    run = open_page(render_html(bundled))
    run.page.route("**/ask?*", lambda route: serve_like_the_api(context, route))
    run.page.route("**/queries/*", lambda route: serve_like_the_api(context, route))
    yield run
    # Chromium logs every 4xx it receives; a 422 is the box asking for a choice.
    errors = [e for e in run.errors if "status of 422" not in e]
    assert errors == [], "the page logged errors"
    assert run.blocked == [], "the page tried to reach another host"


def ask(run: PageRun, text: str) -> None:
    run.page.locator("#ask-text").fill(text)
    run.page.locator("#ask-button").click()


def test_asking_shows_what_was_understood_and_the_answer(asking_page: PageRun) -> None:
    page = asking_page.page
    ask(asking_page, "nhom truyen thong bao cao cho ai")
    understood = page.locator(".ask-understood")
    understood.wait_for()
    assert understood.text_content() == "Hiểu là: Chuỗi chỉ huy, from = Nhóm Truyền thông"
    assert page.locator("#ask-answer tbody tr").count() >= 3
    assert "Lãnh đạo Tổ công tác" in (page.locator("#ask-answer table").text_content() or "")
    assert asking_page.js("orgkgView.selected()") == GROUP  # the chart selects it too


def test_an_alternative_is_one_click(asking_page: PageRun) -> None:
    page = asking_page.page
    ask(asking_page, "nhom truyen thong bao cao cho ai")
    page.locator(".ask-understood").wait_for()
    page.locator(".ask-choices button", has_text="reporting-lines").click()
    # Polled from the test, not by a string the page's CSP (no 'unsafe-eval') refuses to run.
    expect(page.locator(".ask-understood")).to_contain_text("Các tuyến báo cáo")
    assert page.locator(".ask-understood").text_content() == (
        "Hiểu là: Các tuyến báo cáo, reporter = Nhóm Truyền thông"
    )


def test_a_missing_parameter_is_asked_for_with_candidates(asking_page: PageRun) -> None:
    page = asking_page.page
    ask(asking_page, "Tổ phó báo cáo cho ai")
    page.locator(".ask-error").wait_for()
    buttons = page.locator(".ask-choices button")
    assert buttons.count() == 2
    buttons.first.click()
    page.locator(".ask-understood").wait_for()
    assert page.locator("#ask-answer tbody tr").count() >= 1


def test_hostile_text_stays_text(asking_page: PageRun) -> None:
    page = asking_page.page
    ask(asking_page, "<img src=x onerror=window.__pwned=1> ai?")
    page.locator(".ask-error").wait_for()
    assert "<img src=x" in (page.locator(".ask-error").text_content() or "")
    assert asking_page.js("document.querySelectorAll('#ask-answer img').length") == 0
    assert asking_page.js("typeof window.__pwned") == "undefined"


def test_the_box_is_hidden_in_the_offline_file(open_page: OpenPage, bundled: Store) -> None:
    run = open_page(render_html(bundled), via_file=True)
    assert run.js("document.getElementById('ask').hidden") is True
    assert run.errors == []
