"""Answers as people read them: every column named in vi and en, codes in words,
terminal tables that fit the width without cutting an IRI, and "no rows"."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from ontology import Store
from ontology.errors import DataError
from queries import Answer, load_catalogue, run_query
from queries.presentation import load_names, present, render_answer_table
from queries.table import measure

from .conftest import BUNDLED_PARAMS

CATALOGUE = load_catalogue()
LONG_IRI = "https://w3id.org/orgkg/id/tct-cpdt/reporting/chuyen-gia-lanh-dao-nhom-cong-tac"


@pytest.mark.parametrize("question_id", sorted(CATALOGUE))
def test_every_column_has_a_name_in_both_languages(bundled_ox: Store, question_id: str) -> None:
    answer = run_query(bundled_ox, question_id, BUNDLED_PARAMS.get(question_id, {}))
    names = load_names()
    for column in present(answer, "vi").columns:
        for lang in ("vi", "en"):
            assert names.title(column.name, lang) != column.name, f"{column.name} ({lang})"


def test_every_subject_is_named() -> None:
    names = load_names()
    for question in CATALOGUE.values():
        for lang in ("vi", "en"):
            assert names.subject(question.tags[0], lang) != question.tags[0], question.id


@pytest.mark.parametrize(("lang", "words"), [("vi", "báo cáo cho"), ("en", "reports to")])
def test_codes_read_as_words(bundled_ox: Store, lang: str, words: str) -> None:
    answer = run_query(bundled_ox, "chain-of-command", {"from": "nhom truyen thong"}, lang=lang)
    relation = [c.name for c in present(answer, lang).columns].index("relation")
    texts = {row[relation].text for row in present(answer, lang).rows}
    assert words in texts and "reportsTo" not in texts


def test_an_iri_column_folds_into_its_label_and_links() -> None:
    answer = Answer(
        ("post", "postLabel", "source"),
        ((URIRef(LONG_IRI), Literal("Chuyên gia"), Literal("para_1__sent_1; para_2__sent_1")),),
    )
    presented = present(answer, "en")
    assert [c.name for c in presented.columns] == ["postLabel", "source"]
    assert [c.title for c in presented.columns] == ["Post", "Source"]
    label, source = presented.rows[0]
    assert (label.text, label.iri) == ("Chuyên gia", LONG_IRI)
    assert source.sources == ("para_1__sent_1", "para_2__sent_1")


@pytest.mark.parametrize(("lang", "message"), [("vi", "không có dòng nào"), ("en", "no rows")])
def test_an_empty_answer_says_so(lang: str, message: str) -> None:
    assert render_answer_table(Answer(("unit", "unitLabel"), ()), lang, 80) == message


@pytest.mark.parametrize("width", [60, 80, 120])
def test_tables_fit_the_width(bundled_ox: Store, width: int) -> None:
    table = render_answer_table(run_query(bundled_ox, "uncovered-duties"), "vi", width)
    assert max(measure(line) for line in table.splitlines()) <= width


def test_an_iri_is_never_cut(bundled_ox: Store) -> None:
    answer = Answer(("line", "note"), ((URIRef(LONG_IRI), Literal("một ghi chú rất dài " * 4)),))
    table = render_answer_table(answer, "vi", 40)
    assert any(
        "id:tct-cpdt/reporting/chuyen-gia-lanh-dao-nhom-cong-tac" in line
        for line in table.splitlines()
    )


def test_human_headers_replace_variable_names(bundled_ox: Store) -> None:
    header = render_answer_table(run_query(bundled_ox, "reporting-lines", lang="en"), "en", 400)
    first = header.splitlines()[0]
    assert "Reporter" in first and "reporterLabel" not in first


@pytest.mark.parametrize(
    ("content", "where"),
    [('{"columns": {', ":1:"), ('{"columns": {}}', "'subjects'")],
)
def test_a_malformed_names_file_is_refused_naming_it(
    tmp_path: Path, content: str, where: str
) -> None:
    path = tmp_path / "columns.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_names.__wrapped__(path)
    assert str(path) in str(caught.value) and where in str(caught.value)


def test_the_names_file_is_valid_json_in_nfc() -> None:
    text = Path(load_names.__wrapped__.__defaults__[0]).read_text(encoding="utf-8")  # type: ignore[index]
    assert unicodedata.is_normalized("NFC", text)
    assert set(json.loads(text)) >= {"columns", "codes", "subjects"}
