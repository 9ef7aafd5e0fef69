"""Thì: meetings (meetings)."""

from __future__ import annotations

from pytest_bdd import parsers, then

from queries import Answer
from tests.bdd.model import (
    Cited,
    rows_with,
    table,
)

# --------------------------------------------------------------------------
# Thì: meetings ("meetings")
# --------------------------------------------------------------------------


@then(parsers.parse('có cuộc "{kind}" với tần suất "{frequency}"'))
def _(answer: Answer, cau: Cited, kind: str, frequency: str) -> None:
    assert rows_with(answer, kindLabel=kind, frequencyLabel=frequency), cau.contradicted(
        f"không có cuộc “{kind}” với tần suất “{frequency}”",
        f"no “{kind}” with frequency “{frequency}”",
        table(answer),
    )


@then(parsers.parse('cuộc "{kind}" không có tần suất định sẵn'))
def _(answer: Answer, cau: Cited, kind: str) -> None:
    rows = rows_with(answer, kindLabel=kind)
    assert rows and all(not row.get("frequencyLabel") for row in rows), cau.contradicted(
        f"văn bản không định sẵn tần suất cuộc “{kind}”, mô hình không được tự thêm",
        f"the text sets no frequency for the “{kind}”; the model must not invent one",
        table(answer),
    )


@then(parsers.parse('có cuộc "{kind}" do "{who}" triệu tập'))
def _(answer: Answer, cau: Cited, kind: str, who: str) -> None:
    assert rows_with(answer, kindLabel=kind, convenedByLabels=who), cau.contradicted(
        f"không có cuộc “{kind}” do “{who}” triệu tập",
        f"no “{kind}” convened by “{who}”",
        table(answer),
    )


@then(parsers.parse('thành phần cuộc "{kind}" do "{who}" quyết định'))
def _(answer: Answer, cau: Cited, kind: str, who: str) -> None:
    assert rows_with(answer, kindLabel=kind, attendanceDecidedByLabels=who), cau.contradicted(
        f"thành phần cuộc “{kind}” không do “{who}” quyết định",
        f"attendance at the “{kind}” is not decided by “{who}”",
        table(answer),
    )


@then(parsers.parse('cuộc "{kind}" có sự tham gia của "{who}"'))
def _(answer: Answer, cau: Cited, kind: str, who: str) -> None:
    assert rows_with(answer, kindLabel=kind, participantLabels=who), cau.contradicted(
        f"cuộc “{kind}” không có sự tham gia của “{who}”",
        f"“{who}” do not take part in the “{kind}”",
        table(answer),
    )
