"""Thì: compliance, as orgkg check reports it."""

from __future__ import annotations

from pytest_bdd import then

from ontology.report import Report, Severity
from tests.bdd.model import (
    Cited,
)

# --------------------------------------------------------------------------
# Thì: compliance (`orgkg check`)
# --------------------------------------------------------------------------


@then("không có vi phạm nào về các câu này")
def _(report: Report, cau: Cited) -> None:
    against = [
        r
        for r in report.results
        if r.severity is Severity.VIOLATION and set(r.sources) & set(cau.ids)
    ]
    assert not against, cau.contradicted(
        "kiểm tra tuân thủ báo vi phạm: " + " | ".join(r.message_vi for r in against),
        "the compliance check reports violations: " + " | ".join(r.message_en for r in against),
        "\n".join(f"{r.shape} {r.focus}" for r in against),
    )
