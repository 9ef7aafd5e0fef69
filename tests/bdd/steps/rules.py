"""Thì: duties, permissions and seals (duties, uncovered-duties, seal-authorities)."""

from __future__ import annotations

from pytest_bdd import parsers, then

from queries import Answer
from tests.bdd.model import (
    Cited,
    column,
    listed,
    rows_with,
    table,
)

# --------------------------------------------------------------------------
# Thì: duties, permissions, seals ("duties", "uncovered-duties", "seal-authorities")
# --------------------------------------------------------------------------


@then(parsers.parse('"{bearer}" có quyền "{action}" đối với "{target}"'))
def _(answer: Answer, cau: Cited, bearer: str, action: str, target: str) -> None:
    assert rows_with(
        answer, kind="permission", bearerLabel=bearer, actionLabel=action, targetLabels=target
    ), cau.contradicted(
        f"“{bearer}” không có quyền “{action}” đối với “{target}”",
        f"“{bearer}” has no permission to “{action}” “{target}”",
        table(answer),
    )


@then(parsers.parse('"{bearer}" có nghĩa vụ "{action}" đối với "{target}"'))
def _(answer: Answer, cau: Cited, bearer: str, action: str, target: str) -> None:
    assert rows_with(
        answer, kind="duty", bearerLabel=bearer, actionLabel=action, targetLabels=target
    ), cau.contradicted(
        f"“{bearer}” không có nghĩa vụ “{action}” đối với “{target}”",
        f"“{bearer}” has no duty to “{action}” “{target}”",
        table(answer),
    )


@then(parsers.parse('"{duty}" được báo là không có người thực hiện'))
def _(answer: Answer, cau: Cited, duty: str) -> None:
    assert rows_with(answer, dutyLabel=duty, bearer=None, reason="no-bearer"), cau.contradicted(
        f"nghĩa vụ “{duty}” không được báo là thiếu người thực hiện",
        f"duty “{duty}” is not reported as having no bearer",
        table(answer),
    )


@then(parsers.parse('chỉ các chức vụ sau được dùng "{seal}":'))
def _(answer: Answer, cau: Cited, seal: str, datatable: list[list[str]]) -> None:
    assert column(answer, "bearerLabel", sealLabel=seal) == listed(datatable), cau.contradicted(
        f"người được dùng “{seal}” phải đúng là {sorted(listed(datatable))}",
        f"those who may use “{seal}” must be exactly {sorted(listed(datatable))}",
        table(answer),
    )


@then("các con dấu được dùng đúng là:")
def _(answer: Answer, cau: Cited, datatable: list[list[str]]) -> None:
    assert column(answer, "sealLabel") == listed(datatable), cau.contradicted(
        f"các con dấu được dùng phải đúng là {sorted(listed(datatable))}",
        f"the seals used must be exactly {sorted(listed(datatable))}",
        table(answer),
    )


@then(parsers.parse('"{post}" được dùng "{seal}" nhưng chưa rõ ai giữ chức vụ đó'))
def _(answer: Answer, cau: Cited, post: str, seal: str) -> None:
    assert rows_with(answer, bearerLabel=post, sealLabel=seal, holderLabels=None), cau.contradicted(
        f"“{post}” phải được dùng “{seal}”, và văn bản không nêu ai giữ chức vụ đó",
        f"“{post}” must be allowed to use “{seal}”, and the text names no holder of it",
        table(answer),
    )


@then(parsers.parse('"{post}" được dùng "{seal}" và do "{person}" giữ'))
def _(answer: Answer, cau: Cited, post: str, seal: str, person: str) -> None:
    assert rows_with(answer, bearerLabel=post, sealLabel=seal, holderLabels=person), (
        cau.contradicted(
            f"“{post}”, do “{person}” giữ, phải được dùng “{seal}”",
            f"“{post}”, held by “{person}”, must be allowed to use “{seal}”",
            table(answer),
        )
    )
