"""The SPARQL a question page opens in the editor answers exactly as the catalogue does."""

from __future__ import annotations

import pytest
from rdflib import Literal

from ontology import Store
from queries import Answer, bind_parameters, load_catalogue, run_query, run_sparql
from queries.editable import editable_sparql

from .conftest import BUNDLED_PARAMS

SPARQL_QUESTIONS = sorted(q.id for q in load_catalogue().values() if q.kind == "sparql")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("question_id", SPARQL_QUESTIONS)
def test_the_editable_text_gives_the_catalogue_rows(
    bundled: Store, question_id: str, lang: str
) -> None:
    question = load_catalogue()[question_id]
    params = BUNDLED_PARAMS.get(question_id, {})
    bindings = {**bind_parameters(bundled, question, params), "lang": Literal(lang)}
    text = editable_sparql(question.text, bindings)
    expected = run_query(bundled, question, params, lang=lang)
    got = run_sparql(bundled, text)
    assert isinstance(got, Answer)
    assert len(got.rows) == len(expected.rows)
    labels = [v for v in expected.variables if v.endswith("Label")]
    for name in labels[:1]:
        index = got.variables.index(name)
        assert sorted(str(r[index]) for r in got.rows) == sorted(
            str(v) for v in expected.column(name)
        )


def test_comments_strings_and_iris_are_left_alone() -> None:
    text = '# ?lang in a comment\nSELECT ?lang WHERE { ?x <http://e.org/?lang> "?lang" }'
    out = editable_sparql(text, {"lang": Literal("vi")})
    assert out.startswith('# ?lang in a comment\nSELECT ("vi" AS ?lang)')
    assert '<http://e.org/?lang> "?lang"' in out
