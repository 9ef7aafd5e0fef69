"""Thì: posts, units and members (posts, units, multi-unit-members, unit-members)."""

from __future__ import annotations

from pytest_bdd import parsers, then

from queries import Answer
from tests.bdd.model import (
    Cited,
    rows_with,
    table,
)

# --------------------------------------------------------------------------
# Thì: posts, units, members ("posts", "units", "multi-unit-members", "unit-members")
# --------------------------------------------------------------------------


@then(parsers.parse('"{unit}" có đúng {count:d} chức vụ vai trò "{role}"'))
def _(answer: Answer, cau: Cited, unit: str, count: int, role: str) -> None:
    assert len(rows_with(answer, unitLabel=unit, roleLabel=role)) == count, cau.contradicted(
        f"“{unit}” phải có đúng {count} chức vụ vai trò “{role}”",
        f"“{unit}” must have exactly {count} post(s) with role “{role}”",
        table(answer),
    )


@then(parsers.parse('"{parent}" có đúng {count:d} đơn vị loại "{kind}"'))
def _(answer: Answer, cau: Cited, parent: str, count: int, kind: str) -> None:
    found = len(rows_with(answer, parentLabel=parent, kindLabels=kind))
    assert found == count, cau.contradicted(
        f"“{parent}” phải có đúng {count} đơn vị loại “{kind}”, mô hình có {found}",
        f"“{parent}” must have exactly {count} unit(s) of kind “{kind}”; the model has {found}",
        table(answer),
    )


@then(parsers.parse('"{unit}" thuộc "{parent}"'))
def _(answer: Answer, cau: Cited, unit: str, parent: str) -> None:
    assert rows_with(answer, unitLabel=unit, parentLabel=parent), cau.contradicted(
        f"không có đơn vị “{unit}” thuộc “{parent}”",
        f"no unit “{unit}” within “{parent}”",
        table(answer),
    )


@then(parsers.parse('"{unit}" làm việc theo chế độ "{regime}"'))
def _(answer: Answer, cau: Cited, unit: str, regime: str) -> None:
    assert rows_with(answer, unitLabel=unit, regimeLabels=regime), cau.contradicted(
        f"“{unit}” không làm việc theo chế độ “{regime}”",
        f"“{unit}” does not work under the “{regime}” regime",
        table(answer),
    )


@then(parsers.parse('"{member}" có mặt trong "{unit}"'))
def _(answer: Answer, cau: Cited, member: str, unit: str) -> None:
    assert rows_with(answer, memberLabel=member, unitLabels=unit), cau.contradicted(
        f"“{member}” không có mặt trong “{unit}”",
        f"“{member}” does not sit in “{unit}”",
        table(answer),
    )


@then(parsers.parse('"{member}" là thành viên'))
def _(answer: Answer, cau: Cited, member: str) -> None:
    assert rows_with(answer, memberLabel=member), cau.contradicted(
        f"“{member}” không phải là thành viên của đơn vị này",
        f"“{member}” is not a member of this unit",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" do người giữ chức vụ "{basis}" đảm nhiệm'))
def _(answer: Answer, cau: Cited, post: str, basis: str) -> None:
    assert rows_with(answer, postLabel=post, exOfficioLabel=basis), cau.contradicted(
        f"chức vụ “{post}” không do người giữ chức vụ “{basis}” đảm nhiệm (okg:exOfficio)",
        f"post “{post}” is not held ex officio by the holder of “{basis}”",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" chưa rõ người giữ'))
def _(answer: Answer, cau: Cited, post: str) -> None:
    assert rows_with(answer, postLabel=post, holderStatus="not-named"), cau.contradicted(
        f"văn bản không nêu tên người giữ chức vụ “{post}” (cũng không nói chức vụ trống): "
        "mô hình không được tự thêm",
        f"the text names no holder of “{post}” (nor says it is vacant); the model must not "
        "invent either",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" do "{person}" nắm giữ'))
def _(answer: Answer, cau: Cited, post: str, person: str) -> None:
    assert rows_with(answer, postLabel=post, holderLabels=person), cau.contradicted(
        f"chức vụ “{post}” không do “{person}” nắm giữ",
        f"post “{post}” is not held by “{person}”",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" do "{person}" giữ quyền'))
def _(answer: Answer, cau: Cited, post: str, person: str) -> None:
    assert rows_with(answer, postLabel=post, actingLabels=person), cau.contradicted(
        f"“{person}” không giữ quyền chức vụ “{post}”",
        f"“{person}” is not the acting holder of “{post}”",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" thuộc "{unit}"'))
def _(answer: Answer, cau: Cited, post: str, unit: str) -> None:
    assert rows_with(answer, postLabel=post, unitLabel=unit), cau.contradicted(
        f"chức vụ “{post}” không thuộc “{unit}”",
        f"post “{post}” is not in “{unit}”",
        table(answer),
    )
