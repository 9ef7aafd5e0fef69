"""Every catalogue question gives the same rows on every engine, in valid SPARQL 1.1 JSON."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from rdflib.query import Result

from ontology import Store
from queries import Answer, load_catalogue, run_query
from tests.queries.conftest import BUNDLED_PARAMS, MINISTRY_PARAMS

QUESTIONS = sorted(load_catalogue())
TERM_TYPES = {"uri", "literal", "bnode"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("question_id", QUESTIONS)
def test_engines_agree_on_the_bundled_regulation(
    bundled_ox: Store, bundled_memory: Store, question_id: str, lang: str
) -> None:
    params = BUNDLED_PARAMS.get(question_id, {})
    on_oxigraph = run_query(bundled_ox, question_id, params, lang=lang)
    on_memory = run_query(bundled_memory, question_id, params, lang=lang)
    assert on_oxigraph.variables == on_memory.variables
    assert on_oxigraph.rows == on_memory.rows


@pytest.mark.parametrize("question_id", QUESTIONS)
def test_engines_agree_on_an_org_only_dataset(
    ministry_ox: Store, ministry_memory: Store, question_id: str
) -> None:
    params = MINISTRY_PARAMS.get(question_id, {})
    on_oxigraph = run_query(ministry_ox, question_id, params, lang="en")
    on_memory = run_query(ministry_memory, question_id, params, lang="en")
    assert on_oxigraph.variables == on_memory.variables
    assert on_oxigraph.rows == on_memory.rows


def check_results_json(document: dict[str, Any]) -> None:
    """The shape of W3C SPARQL 1.1 Query Results JSON (section 3) for a SELECT."""
    assert set(document) == {"head", "results"}
    variables = document["head"]["vars"]
    assert isinstance(variables, list) and all(isinstance(v, str) for v in variables)
    assert len(set(variables)) == len(variables)
    assert set(document["results"]) == {"bindings"}
    for binding in document["results"]["bindings"]:
        assert set(binding) <= set(variables)
        for term in binding.values():
            assert term["type"] in TERM_TYPES
            assert isinstance(term["value"], str)
            assert set(term) <= {"type", "value", "xml:lang", "datatype"}
            assert not ("xml:lang" in term and "datatype" in term)
            if term["type"] != "literal":
                assert set(term) == {"type", "value"}


@pytest.mark.parametrize("question_id", QUESTIONS)
def test_json_is_sparql_results_json_and_reads_back(bundled_ox: Store, question_id: str) -> None:
    answer = run_query(bundled_ox, question_id, BUNDLED_PARAMS.get(question_id, {}))
    document = json.loads(json.dumps(answer.to_json()))
    check_results_json(document)
    parsed = Result.parse(io.StringIO(json.dumps(document)), format="json")
    assert [str(v) for v in parsed.vars or []] == list(answer.variables)
    read_back = [tuple(row) for row in parsed]  # type: ignore[arg-type]
    assert read_back == [tuple(row) for row in answer.rows]


def test_every_question_answers_something_on_the_bundled_regulation(bundled_ox: Store) -> None:
    # Reporting cycles are expected empty (the text sets up none), and history
    # (the 2018 text alone dates no change: tests/queries/test_history.py).
    empty = {
        question_id
        for question_id in QUESTIONS
        if not run_query(bundled_ox, question_id, BUNDLED_PARAMS.get(question_id, {}))
    }
    assert empty == {"reporting-cycles", "history"}


def test_answers_are_answer_objects_with_label_columns(bundled_ox: Store) -> None:
    for question_id in QUESTIONS:
        answer = run_query(bundled_ox, question_id, BUNDLED_PARAMS.get(question_id, {}))
        assert isinstance(answer, Answer)
        assert answer.question == question_id
        assert "lang" not in answer.variables
        assert any(v.endswith("Label") or v == "path" for v in answer.variables), question_id
