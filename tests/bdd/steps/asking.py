"""Biết / Cho and Khi: the model under test, and the analyst's questions."""

from __future__ import annotations

from pytest_bdd import given, parsers, when

from ontology import BUNDLED, Store, load_regulation
from ontology.report import Report
from queries import Answer, describe_entity, run_query, search
from tests.bdd.model import (
    FIXTURES,
    LANG,
    Card,
    Compliance,
    LoadedModel,
)

# --------------------------------------------------------------------------
# Biết / Cho
# --------------------------------------------------------------------------


@given("mô hình tổ chức của Quy chế đã được nạp", target_fixture="mo_hinh")
def _(orgkg_store: Store) -> Store:
    return orgkg_store


@given(parsers.parse('mô hình có thêm dữ liệu "{file}"'), target_fixture="mo_hinh")
def _(orgkg_model: LoadedModel, file: str) -> Store:
    return load_regulation(
        (*(orgkg_model.paths or (BUNDLED,)), FIXTURES / file), engine=orgkg_model.engine
    )


# --------------------------------------------------------------------------
# Khi: the analyst asks (as `orgkg query ID --param k=v`, `orgkg check`)
# --------------------------------------------------------------------------


@when(parsers.parse('hỏi câu "{question}"'), target_fixture="answer")
def _(mo_hinh: Store, question: str) -> Answer:
    return run_query(mo_hinh, question, {}, lang=LANG)


@when(parsers.parse('hỏi câu "{question}" với {param} là "{value}"'), target_fixture="answer")
def _(mo_hinh: Store, question: str, param: str, value: str) -> Answer:
    return run_query(mo_hinh, question, {param: value}, lang=LANG)


@when(parsers.parse('tìm "{text}"'), target_fixture="answer")
def _(mo_hinh: Store, text: str) -> Answer:
    return search(mo_hinh, text, lang=LANG)


@when(parsers.parse('xem thông tin về "{entity}"'), target_fixture="the")
def _(mo_hinh: Store, entity: str) -> Card:
    return describe_entity(mo_hinh, entity, lang=LANG)


@when("kiểm tra tuân thủ", target_fixture="report")
def _(mo_hinh: Store, compliance: Compliance) -> Report:
    return compliance.report(mo_hinh)
