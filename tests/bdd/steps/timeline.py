"""Biết, Khi, Thì over time: both bundled folders as of a day, history,
orgkg diff between two days, and sources that disagree (features/time/)."""

from __future__ import annotations

import functools

import pytest
from pytest_bdd import given, parsers, then, when

from ontology import REGULATIONS, Store, load_regulation
from ontology.dating import parse_at
from ontology.diff import Difference, compare
from ontology.report import Report
from ontology.timeline import at
from queries import Answer
from tests.bdd.model import Cited, LoadedModel, rows_with, table

FOLDERS = (REGULATIONS / "qd-426-2018", REGULATIONS / "tct-cpdt-2019-2021")
# What the scenarios write for a change (vi) -> the kind ontology.diff reports.
CHANGES = {
    "thêm": "added",
    "bỏ": "removed",
    "đổi tên": "renamed",
    "thay đổi": "changed",
}


@functools.cache
def _load_both(engine: str) -> Store:
    return load_regulation(FOLDERS, engine=engine)


def _both(model: LoadedModel) -> Store:
    """Decision 426 and the 2019-2021 acts, loaded once per engine.

    These scenarios are about the two bundled folders: on other data under
    test (``--orgkg-data``, a CI run on someone's model) they are skipped.
    """
    if model.paths:
        pytest.skip("features/time/ checks the bundled folders, not the data under test")
    return _load_both(model.engine)


# --------------------------------------------------------------------------
# Biết / Cho
# --------------------------------------------------------------------------


@given(
    parsers.parse('mô hình gồm cả các văn bản 2019–2021, vào ngày "{day}"'),
    target_fixture="mo_hinh",
)
def _(orgkg_model: LoadedModel, day: str) -> Store:
    return at(_both(orgkg_model), parse_at(day))


@given("mô hình gồm cả các văn bản 2019–2021", target_fixture="ca_hai")
def _(orgkg_model: LoadedModel) -> Store:
    return _both(orgkg_model)


# --------------------------------------------------------------------------
# Khi
# --------------------------------------------------------------------------


@when(parsers.parse('so sánh ngày "{first}" với ngày "{second}"'), target_fixture="khac_biet")
def _(ca_hai: Store, first: str, second: str) -> Difference:
    return compare(at(ca_hai, parse_at(first)), at(ca_hai, parse_at(second)))


# --------------------------------------------------------------------------
# Thì
# --------------------------------------------------------------------------


@then(parsers.parse('chức vụ "{post}" không còn'))
def _(answer: Answer, cau: Cited, post: str) -> None:
    assert not rows_with(answer, postLabel=post), cau.contradicted(
        f"chức vụ “{post}” lẽ ra đã chấm dứt",
        f"the post “{post}” should have ended",
        table(answer),
    )


@then(parsers.parse('lịch sử ghi "{value}" từ "{start}" đến "{end}"'))
def _(answer: Answer, cau: Cited, value: str, start: str, end: str) -> None:
    # "—": the source gives no date on that side.
    found = [
        row
        for row in answer.values()
        if value in (row.get("valueLabel"), row.get("subjectLabel"))
        and (row.get("from") or "—") == start
        and (row.get("until") or "—") == end
    ]
    assert found, cau.contradicted(
        f"lịch sử không ghi “{value}” từ “{start}” đến “{end}”",
        f"the history has no “{value}” from “{start}” to “{end}”",
        table(answer),
    )


@then(parsers.parse('thấy "{subject}" được {change} với nguồn "{source}"'))
def _(khac_biet: Difference, cau: Cited, subject: str, change: str, source: str) -> None:
    kind = CHANGES[change]
    found = [
        c
        for c in khac_biet.changes
        if c.subject == subject
        and c.change == kind
        and source in {s.id for s in (*c.old_sources, *c.new_sources)}
    ]
    assert found, cau.contradicted(
        f"so sánh không thấy “{subject}” được {change} theo câu {source}",
        f"the diff does not show “{subject}” {kind} on sentence {source}",
        khac_biet.to_text(),
    )


@then(parsers.parse("có {count:d} cảnh báo các nguồn mâu thuẫn"))
def _(report: Report, cau: Cited, count: int) -> None:
    warned = [r for r in report.results if r.shape.endswith("#DisagreementShape")]
    assert len(warned) == count, cau.contradicted(
        f"phải có {count} cảnh báo các nguồn mâu thuẫn",
        f"there must be {count} warnings that sources disagree",
        report.to_text("vi"),
    )
