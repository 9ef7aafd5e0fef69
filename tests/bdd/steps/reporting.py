"""Thì: reporting lines (reporting-lines, chain-of-command, reporting-cycles)."""

from __future__ import annotations

from pytest_bdd import parsers, then

from queries import Answer
from tests.bdd.model import (
    Cited,
    column,
    items,
    listed,
    rows_with,
    table,
)

# --------------------------------------------------------------------------
# Thì: reporting lines ("reporting-lines", "chain-of-command", "reporting-cycles")
# --------------------------------------------------------------------------


@then(parsers.parse('"{reporter}" báo cáo "{recipient}" với tần suất "{frequency}"'))
def _(answer: Answer, cau: Cited, reporter: str, recipient: str, frequency: str) -> None:
    assert rows_with(
        answer, reporterLabel=reporter, recipientLabel=recipient, frequencyLabel=frequency
    ), cau.contradicted(
        f"“{reporter}” không báo cáo “{recipient}” với tần suất “{frequency}”",
        f"“{reporter}” does not report to “{recipient}” with frequency “{frequency}”",
        table(answer),
    )


@then(parsers.parse('"{reporter}" báo cáo "{recipient}" về "{subject}"'))
def _(answer: Answer, cau: Cited, reporter: str, recipient: str, subject: str) -> None:
    assert rows_with(
        answer, reporterLabel=reporter, recipientLabel=recipient, subjectLabel=subject
    ), cau.contradicted(
        f"“{reporter}” không báo cáo “{recipient}” về “{subject}”",
        f"“{reporter}” does not report to “{recipient}” on “{subject}”",
        table(answer),
    )


@then(parsers.parse('"{reporter}" báo cáo "{recipient}" qua các hình thức:'))
def _(
    answer: Answer, cau: Cited, reporter: str, recipient: str, datatable: list[list[str]]
) -> None:
    wanted = listed(datatable)
    found = [
        items(c)
        for c in column(answer, "channelLabels", reporterLabel=reporter, recipientLabel=recipient)
    ]
    assert found == [wanted], cau.contradicted(
        f"“{reporter}” phải báo cáo “{recipient}” qua đúng các hình thức {sorted(wanted)}",
        f"“{reporter}” must report to “{recipient}” through exactly {sorted(wanted)}",
        table(answer),
    )


@then(parsers.parse('"{reporter}" báo cáo "{recipient}" không theo tần suất định sẵn'))
def _(answer: Answer, cau: Cited, reporter: str, recipient: str) -> None:
    frequencies = column(answer, "frequencyLabel", reporterLabel=reporter, recipientLabel=recipient)
    assert frequencies == {""}, cau.contradicted(
        f"văn bản không nêu tần suất “{reporter}” báo cáo “{recipient}”; không được thêm",
        f"the text sets no frequency for “{reporter}” reporting to “{recipient}”; add none",
        table(answer),
    )


@then(parsers.parse('chuỗi báo cáo đi qua "{node}"'))
def _(answer: Answer, cau: Cited, node: str) -> None:
    assert rows_with(answer, nodeLabel=node), cau.contradicted(
        f"chuỗi báo cáo không đi qua “{node}”",
        f"the chain of command does not pass through “{node}”",
        table(answer),
    )


@then(parsers.parse('chuỗi báo cáo lên tới "{node}"'))
def _(answer: Answer, cau: Cited, node: str) -> None:
    top = max((int(row["step"] or 0) for row in answer.values()), default=0)
    assert node in column(answer, "nodeLabel", step=str(top)), cau.contradicted(
        f"chuỗi báo cáo không lên tới “{node}”",
        f"the chain of command does not end at “{node}”",
        table(answer),
    )


@then("câu trả lời không có dòng nào")
def _(answer: Answer, cau: Cited) -> None:
    assert not answer.rows, cau.contradicted(
        f"câu hỏi “{answer.question}” lẽ ra không có kết quả",
        f"question “{answer.question}” should have no rows",
        table(answer),
    )
