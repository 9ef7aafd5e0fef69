"""Pages and the streamed answers: the same rows as the whole answer, on every engine."""

from __future__ import annotations

import json

import pytest

from ontology import Store
from ontology.errors import ParameterError
from ontology.paging import Page
from queries import load_catalogue, run_query, run_sparql
from queries.answer import Answer
from queries.results import render_result
from queries.stream import Caps, answer_rendered
from tests.queries.conftest import BUNDLED_PARAMS

CATALOGUE = load_catalogue()
QUESTIONS = sorted(CATALOGUE)


def _bindings(body: bytes) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(body)["results"]["bindings"]
    return rows


@pytest.mark.parametrize("question_id", QUESTIONS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_streamed_answer_is_byte_for_byte_the_general_one(
    bundled: Store, question_id: str, fmt: str
) -> None:
    """The engine-to-bytes path gives exactly what run_query + render_result gives."""
    question = CATALOGUE[question_id]
    params = BUNDLED_PARAMS.get(question_id, {})
    general = render_result(run_query(bundled, question, params, lang="en"), fmt).body
    streamed = answer_rendered(bundled, question, params, lang="en", fmt=fmt)
    assert streamed.body == general
    assert streamed.total == streamed.rows
    assert streamed.next_offset() is None


@pytest.mark.parametrize("question_id", QUESTIONS)
def test_a_page_is_the_slice_of_the_whole_answer(bundled: Store, question_id: str) -> None:
    question = CATALOGUE[question_id]
    params = BUNDLED_PARAMS.get(question_id, {})
    whole = _bindings(render_result(run_query(bundled, question, params), "json").body)
    page = Page(offset=1, limit=2)
    streamed = answer_rendered(bundled, question, params, page=page)
    assert _bindings(streamed.body) == whole[1:3]
    assert streamed.total == len(whole)
    built = run_query(bundled, question, params, page=page)
    assert _bindings(render_result(built, "json").body) == whole[1:3]
    assert built.total == len(whole)
    assert built.offset == 1


def test_next_pages_come_from_the_kept_answer(bundled_ox: Store) -> None:
    """Paging through an answer gives every row once, in order, and knows the end."""
    question = CATALOGUE["posts"]
    whole = _bindings(answer_rendered(bundled_ox, question).body)
    seen: list[dict[str, object]] = []
    offset: int | None = 0
    while offset is not None:
        rendered = answer_rendered(bundled_ox, question, page=Page(offset=offset, limit=4))
        seen.extend(_bindings(rendered.body))
        offset = rendered.next_offset()
    assert seen == whole
    assert len(whole) > 8


def test_a_page_past_the_end_is_empty_and_counted(bundled_ox: Store) -> None:
    rendered = answer_rendered(bundled_ox, CATALOGUE["units"], page=Page(offset=10_000, limit=5))
    assert _bindings(rendered.body) == []
    assert rendered.total is not None and rendered.total > 0
    assert rendered.next_offset() is None


def test_caps_cut_a_streamed_answer_and_say_so(bundled_ox: Store) -> None:
    rendered = answer_rendered(bundled_ox, CATALOGUE["posts"], caps=Caps(rows=3))
    assert len(_bindings(rendered.body)) == 3
    assert rendered.truncated
    small = answer_rendered(bundled_ox, CATALOGUE["posts"], caps=Caps(bytes=1500))
    assert len(small.body) <= 1500
    assert small.truncated
    assert _bindings(small.body)  # still valid JSON, with what fitted


def test_sparql_select_pages_with_a_total(bundled: Store) -> None:
    text = "SELECT ?post WHERE { ?post a org:Post } ORDER BY ?post"
    whole = run_sparql(bundled, text)
    page = run_sparql(bundled, text, page=Page(offset=2, limit=3))
    assert isinstance(whole, Answer) and isinstance(page, Answer)
    assert page.rows == whole.rows[2:5]
    assert page.total == len(whole.rows)
    assert not page.complete and whole.complete


@pytest.mark.parametrize(
    ("limit", "offset", "name"),
    [(0, 0, "limit"), (-5, 0, "limit"), (None, -1, "offset"), (100_001, 0, "limit")],
)
def test_bad_page_input_names_the_parameter(limit: int | None, offset: int, name: str) -> None:
    with pytest.raises(ParameterError) as caught:
        Page(offset=offset, limit=limit)
    assert caught.value.parameter == name


def test_page_windows() -> None:
    assert Page().whole
    assert not Page(offset=1).whole
    assert Page(offset=5, limit=5).next_offset(11) == 10
    assert Page(offset=5, limit=5).next_offset(10) is None
    assert Page(offset=3).slice(10) == slice(3, 10)
    assert Page(offset=30, limit=5).slice(10) == slice(10, 10)
