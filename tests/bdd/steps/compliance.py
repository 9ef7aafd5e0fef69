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
    # Never vacuous: a sentence no checked shape enforces cannot be "kept".
    unchecked = sorted(set(cau.ids) - set(report.enforced))
    against = [
        r
        for r in report.results
        if r.severity is Severity.VIOLATION and set(r.sources) & set(cau.ids)
    ]
    vi = [f"không có ràng buộc nào kiểm tra câu {sid}" for sid in unchecked]
    vi += [f"kiểm tra tuân thủ báo vi phạm: {r.message_vi}" for r in against]
    en = [f"no shape checks sentence {sid}" for sid in unchecked]
    en += [f"the compliance check reports a violation: {r.message_en}" for r in against]
    assert not vi, cau.contradicted(
        " | ".join(vi), " | ".join(en), "\n".join(f"{r.shape} {r.focus}" for r in against)
    )
