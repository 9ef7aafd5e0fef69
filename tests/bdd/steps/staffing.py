"""Thì: staffing, principles, search and provenance."""

from __future__ import annotations

from pytest_bdd import parsers, then

from queries import Answer
from tests.bdd.model import (
    Cited,
    rows_with,
    table,
)

# --------------------------------------------------------------------------
# Thì: staffing, principles, search, provenance
# --------------------------------------------------------------------------


@then(parsers.parse('"{unit}" nhận "{post}" từ "{source}" theo hình thức "{mode}"'))
def _(answer: Answer, cau: Cited, *, unit: str, post: str, source: str, mode: str) -> None:
    assert rows_with(
        answer, unitLabel=unit, staffPostLabels=post, fromLabel=source, modeLabel=mode
    ), cau.contradicted(
        f"“{unit}” không nhận “{post}” từ “{source}” theo hình thức “{mode}”",
        f"“{unit}” gets no “{post}” from “{source}” by “{mode}”",
        table(answer),
    )


@then(parsers.parse('"{unit}" nhận "{post}" từ "{source}" mà văn bản không nêu hình thức'))
def _(answer: Answer, cau: Cited, unit: str, post: str, source: str) -> None:
    assert rows_with(
        answer, unitLabel=unit, staffPostLabels=post, fromLabel=source, modeLabel=None
    ), cau.contradicted(
        f"“{unit}” nhận “{post}” từ “{source}”; văn bản không nêu hình thức, không được thêm",
        f"“{unit}” gets “{post}” from “{source}”; the text gives no mode, none may be added",
        table(answer),
    )


@then(parsers.parse('"{unit}" làm việc theo nguyên tắc "{principle}"'))
def _(answer: Answer, cau: Cited, unit: str, principle: str) -> None:
    assert rows_with(answer, principleLabel=principle, unitLabels=unit), cau.contradicted(
        f"“{unit}” không làm việc theo nguyên tắc “{principle}”",
        f"“{unit}” does not work by the principle “{principle}”",
        table(answer),
    )


@then(parsers.parse('"{unit}" làm việc theo đúng {count:d} nguyên tắc'))
def _(answer: Answer, cau: Cited, unit: str, count: int) -> None:
    found = len(rows_with(answer, unitLabels=unit))
    assert found == count, cau.contradicted(
        f"“{unit}” phải làm việc theo đúng {count} nguyên tắc, mô hình có {found}",
        f"“{unit}” must work by exactly {count} principle(s); the model has {found}",
        table(answer),
    )


@then(parsers.parse('kết quả đầu tiên là "{label}"'))
def _(answer: Answer, cau: Cited, label: str) -> None:
    assert answer.values()[:1] and answer.values()[0]["entityLabel"] == label, cau.contradicted(
        f"kết quả tìm kiếm đầu tiên phải là “{label}”",
        f"the first search result must be “{label}”",
        table(answer),
    )


@then(parsers.parse('nguồn gồm câu "{sentence}"'))
def _(answer: Answer, cau: Cited, sentence: str) -> None:
    assert rows_with(answer, source=sentence), cau.contradicted(
        f"thông tin không trích từ câu {sentence}",
        f"the entity is not derived from sentence {sentence}",
        table(answer),
    )
