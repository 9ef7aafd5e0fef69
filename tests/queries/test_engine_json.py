"""A whole JSON answer serialised by the engine and rewritten on its bytes is
exactly the answer written row by row: on every question, on labels that look
like JSON's punctuation, and (by refusing to rewrite) on labels JSON escapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology import Store, load_regulation
from ontology.paging import FULL
from queries import Question, load_catalogue
from queries.engine_json import rewrite_engine_json
from queries.runner import bind_parameters, dropped_columns, sparql_bindings
from queries.stream import Caps, answer_rendered, answer_rows, writer_for
from tests.queries.conftest import BUNDLED_PARAMS

DATA = Path(__file__).parent / "data"
SPARQL = [q for q in load_catalogue().values() if q.kind == "sparql"]
HEAD = b'{"head": {"vars": ["a", "b", "c"]}, "results": {"bindings": ['


def _row_by_row(store: Store, question: Question, params: dict[str, str], lang: str) -> bytes:
    columns, rows = answer_rows(store, question, params, lang)
    return writer_for("json", columns).render(rows, FULL, Caps()).body


def _engine_body(store: Store, question: Question, params: dict[str, str], lang: str) -> bytes:
    bindings = sparql_bindings(question, bind_parameters(store, question, params), lang)
    body = store.serialise_results(question.text, "json", bindings)
    assert body is not None
    return body


@pytest.fixture(scope="module")
def punctuation() -> Store:
    return load_regulation([DATA / "punctuation-labels.ttl"])


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("question", SPARQL, ids=lambda q: q.id)
def test_every_whole_answer_is_the_row_by_row_answer(
    bundled_ox: Store, question: Question, lang: str
) -> None:
    params = BUNDLED_PARAMS.get(question.id, {})
    if any(p.required and p.name not in params for p in question.parameters):
        pytest.skip("a required parameter has no bundled example")
    rendered = answer_rendered(bundled_ox, question, params, lang=lang)
    assert rendered.body == _row_by_row(bundled_ox, question, params, lang)
    assert (
        rendered.total
        == rendered.rows
        == len(list(answer_rows(bundled_ox, question, params, lang)[1]))
    )
    bindings = bind_parameters(bundled_ox, question, params)
    rewritten = rewrite_engine_json(
        _engine_body(bundled_ox, question, params, lang),
        b"",
        dropped_columns(question, bindings) & set(question.variables),
        [n for n in question.variables if n in question.lists],
    )
    assert rewritten is not None, "the bundled answers are rewritten, not answered row by row"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("question_id", ["posts", "units", "reporting-lines", "most-roles"])
def test_labels_like_json_punctuation_come_out_unchanged(
    punctuation: Store, question_id: str, lang: str
) -> None:
    question = load_catalogue()[question_id]
    rendered = answer_rendered(punctuation, question, {}, lang=lang)
    assert rendered.body == _row_by_row(punctuation, question, {}, lang)
    assert b"\\" not in _engine_body(punctuation, question, {}, lang)  # so it was rewritten


@pytest.mark.parametrize("question_id", ["posts", "units", "reporting-lines"])
def test_labels_json_escapes_are_answered_row_by_row(question_id: str) -> None:
    store = load_regulation([DATA / "escaped-labels.ttl"])
    question = load_catalogue()[question_id]
    assert b"\\" in _engine_body(store, question, {}, "vi")
    rendered = answer_rendered(store, question, {}, lang="vi")
    assert rendered.body == _row_by_row(store, question, {}, "vi")


def _cell(name: str, value: str) -> bytes:
    return f'"{name}":{{"type":"literal","value":"{value}"}}'.encode()


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (
            [("a", ""), ("b", "x"), ("c", "y")],
            b'{"b": {"type": "literal", "value": "x"}, "c": {"type": "literal", "value": "y"}}',
        ),
        (
            [("a", "x"), ("b", "; "), ("c", "y")],
            b'{"a": {"type": "literal", "value": "x"}, "c": {"type": "literal", "value": "y"}}',
        ),
        (
            [("a", "x"), ("b", "y"), ("c", "")],
            b'{"a": {"type": "literal", "value": "x"}, "b": {"type": "literal", "value": "y"}}',
        ),
        ([("a", ""), ("b", ""), ("c", "")], b"{}"),
    ],
    ids=["first", "middle", "last", "all"],
)
def test_an_empty_list_is_unbound_wherever_its_cell_is(
    cells: list[tuple[str, str]], expected: bytes
) -> None:
    row = b"{" + b",".join(_cell(n, v) for n, v in cells) + b"}"
    body = b'{"head":{"vars":["a","b","c"]},"results":{"bindings":[' + row + b"," + row + b"]}}"
    listed = [n for n, v in cells if not v.strip("; ")]
    rewritten = rewrite_engine_json(body, HEAD, [], listed)
    assert rewritten == (HEAD + expected + b", " + expected + b"]}}", 2)


def test_a_body_with_a_backslash_is_refused() -> None:
    body = b'{"head":{"vars":["a"]},"results":{"bindings":[{' + _cell("a", '\\"') + b"}]}}"
    assert rewrite_engine_json(body, HEAD, [], []) is None
