"""Parameters: checked, converted to RDF terms, entities resolved from labels and slugs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from ontology import ParameterError, Store, UnknownQuestion
from ontology.namespaces import ID
from queries import (
    Question,
    bind_parameters,
    load_catalogue,
    read_question,
    resolve_entity,
    run_query,
)

XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
GROUP = URIRef(str(ID) + "tct-cpdt/unit/nhom-truyen-thong")
HEAD = URIRef(str(ID) + "tct-cpdt/post/to-truong")


def test_unknown_parameter_is_named(bundled_ox: Store) -> None:
    with pytest.raises(ParameterError) as caught:
        run_query(bundled_ox, "posts", {"colour": "blue"})
    assert caught.value.parameter == "colour"
    assert "colour" in str(caught.value)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_required_parameter_is_named(bundled_ox: Store, value: str | None) -> None:
    params = {} if value is None else {"from": value}
    with pytest.raises(ParameterError) as caught:
        run_query(bundled_ox, "chain-of-command", params)
    assert caught.value.parameter == "from"
    assert "'from'" in str(caught.value)


def test_unknown_question_is_named(bundled_ox: Store) -> None:
    with pytest.raises(UnknownQuestion, match="nope"):
        run_query(bundled_ox, "nope")


def test_unknown_language_is_refused(bundled_ox: Store) -> None:
    with pytest.raises(ParameterError) as caught:
        run_query(bundled_ox, "posts", lang="fr")
    assert caught.value.parameter == "lang"


@pytest.mark.parametrize(
    "value",
    [
        "Nhóm Truyền thông",
        "nhóm truyền thông",
        "NHOM TRUYEN THONG",
        "  nhom   truyen thong ",
        "nhom-truyen-thong",
        "tct-cpdt/unit/nhom-truyen-thong",
        "id:tct-cpdt/unit/nhom-truyen-thong",
        str(GROUP),
        "Communications Group",
    ],
)
def test_an_iri_parameter_accepts_iri_prefixed_name_slug_or_label(
    bundled_ox: Store, value: str
) -> None:
    assert resolve_entity(bundled_ox, value) == GROUP


@pytest.mark.parametrize("value", ["to truong", "Tổ trưởng", "to-truong"])
def test_the_head_by_slug_or_label(bundled_ox: Store, value: str) -> None:
    assert resolve_entity(bundled_ox, value, parameter="from") == HEAD


def test_ambiguous_label_lists_the_candidates(bundled_ox: Store) -> None:
    with pytest.raises(ParameterError) as caught:
        run_query(bundled_ox, "chain-of-command", {"from": "Tổ phó"})
    message = str(caught.value)
    assert caught.value.parameter == "from"
    assert "ambiguous" in message
    assert "id:tct-cpdt/post/to-pho-vpcp" in message
    assert "id:tct-cpdt/post/to-pho-bo-tttt" in message


def test_nothing_matches(bundled_ox: Store) -> None:
    with pytest.raises(ParameterError, match="nothing is called") as caught:
        run_query(bundled_ox, "provenance", {"entity": "Bộ Quốc phòng"})
    assert caught.value.parameter == "entity"


@pytest.mark.parametrize("value", ["http://example.org/a b", "https://x/<y>"])
def test_malformed_iri_is_refused(bundled_ox: Store, value: str) -> None:
    with pytest.raises(ParameterError, match="not a valid IRI"):
        run_query(bundled_ox, "provenance", {"entity": value})


def test_text_parameter_is_folded_when_declared(bundled_ox: Store) -> None:
    bound = bind_parameters(bundled_ox, load_catalogue()["search"], {"q": "Điện TỬ"})
    assert bound == {"q": Literal("dien tu")}


@pytest.fixture
def typed_question(tmp_path: Path) -> Question:
    path = tmp_path / "typed-question.rq"
    path.write_text(
        "#+ title@vi: Kiểu\n#+ title@en: Kinds\n#+ description@vi: Thử.\n"
        "#+ description@en: Test.\n"
        "#+ param n: integer required — a number\n#+ param day: date optional — a day\n"
        "SELECT ?n ?day WHERE {}\n",
        encoding="utf-8",
    )
    return read_question(path)


def test_integer_and_date_parameters_are_typed(bundled_ox: Store, typed_question: Question) -> None:
    bound = bind_parameters(bundled_ox, typed_question, {"n": " 42 ", "day": "2018-10-18"})
    assert bound == {
        "n": Literal(42, datatype=XSD_INTEGER),
        "day": Literal("2018-10-18", datatype=XSD_DATE),
    }


@pytest.mark.parametrize(
    ("params", "name"),
    [({"n": "forty"}, "n"), ({"n": "4.2"}, "n"), ({"n": "1", "day": "18/10/2018"}, "day")],
)
def test_wrong_kind_is_named(
    bundled_ox: Store,
    typed_question: Question,
    params: dict[str, str],
    name: str,  # type: ignore[no-untyped-def]
) -> None:
    with pytest.raises(ParameterError) as caught:
        run_query(bundled_ox, typed_question, params)
    assert caught.value.parameter == name
    assert f"'{name}'" in str(caught.value)


def test_text_and_number_parameters_are_not_columns(
    bundled_ox: Store, typed_question: Question
) -> None:
    answer = run_query(bundled_ox, typed_question, {"n": "7"})
    assert answer.variables == ("day",)
    search = run_query(bundled_ox, "search", {"q": "vpcp"})
    assert "q" not in search.variables
