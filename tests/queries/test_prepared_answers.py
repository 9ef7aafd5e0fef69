"""Prepared answers: every page of every question, cut from one evaluation, is today's page."""

from __future__ import annotations

import json

import pytest

from ontology import Store
from ontology.paging import Page
from queries import load_catalogue
from queries.prepared import prepare_answer
from queries.stream import Caps, answer_rendered
from tests.queries.conftest import BUNDLED_PARAMS

CATALOGUE = load_catalogue()
# Questions the service prepares: SPARQL or networkx, no parameter needed.
PREPARED = sorted(q.id for q in CATALOGUE.values() if not any(p.required for p in q.parameters))


def _bindings(body: bytes) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(body)["results"]["bindings"]
    return rows


@pytest.mark.parametrize("question_id", PREPARED)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_paging_through_a_prepared_answer_gives_the_whole_answer(
    bundled_ox: Store, question_id: str, lang: str
) -> None:
    """Page after page, following next_offset, byte for byte the streamed pages, then the whole."""
    question = CATALOGUE[question_id]
    prepared = prepare_answer(bundled_ox, question, lang=lang)
    whole = answer_rendered(bundled_ox, question, lang=lang)
    assert prepared.render("json").body == whole.body
    for fmt in ("json", "csv"):
        streamed_whole = answer_rendered(bundled_ox, question, lang=lang, fmt=fmt)
        assert prepared.render(fmt).body == streamed_whole.body
    seen: list[dict[str, object]] = []
    offset: int | None = 0
    pages = 0
    while offset is not None:
        page = Page(offset=offset, limit=3)
        cut = prepared.render("json", page)
        streamed = answer_rendered(bundled_ox, question, lang=lang, page=page)
        assert (cut.body, cut.total, cut.rows) == (streamed.body, streamed.total, streamed.rows)
        assert cut.next_offset() == streamed.next_offset()
        seen.extend(_bindings(cut.body))
        offset = cut.next_offset()
        pages += 1
    assert seen == _bindings(whole.body)
    assert pages == max(1, -(-len(seen) // 3))


@pytest.mark.parametrize("question_id", sorted(CATALOGUE))
def test_paging_through_every_question_gives_the_whole_answer(
    bundled_ox: Store, question_id: str
) -> None:
    """Without preparing (parameters, the command line): the kept answer, page by page."""
    question = CATALOGUE[question_id]
    params = BUNDLED_PARAMS.get(question_id, {})
    whole = _bindings(answer_rendered(bundled_ox, question, params).body)
    seen: list[dict[str, object]] = []
    offset: int | None = 0
    while offset is not None:
        page = answer_rendered(bundled_ox, question, params, page=Page(offset=offset, limit=2))
        assert page.total == len(whole)
        seen.extend(_bindings(page.body))
        offset = page.next_offset()
    assert seen == whole


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize(
    "caps", [Caps(rows=3), Caps(bytes=1500), Caps(rows=2, bytes=900), Caps(bytes=10)]
)
def test_caps_cut_a_prepared_page_as_they_cut_a_streamed_one(
    bundled_ox: Store, fmt: str, caps: Caps
) -> None:
    question = CATALOGUE["posts"]
    prepared = prepare_answer(bundled_ox, question, lang="vi")
    for page in (Page(), Page(offset=2, limit=5), Page(offset=10_000, limit=5)):
        cut = prepared.render(fmt, page, caps)
        streamed = answer_rendered(bundled_ox, question, fmt=fmt, page=page, caps=caps)
        assert (cut.body, cut.truncated, cut.total, cut.rows, cut.offset) == (
            streamed.body,
            streamed.truncated,
            streamed.total,
            streamed.rows,
            streamed.offset,
        )
