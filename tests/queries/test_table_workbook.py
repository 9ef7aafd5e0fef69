"""The ``.xlsx`` writer: openpyxl reads back what was written, and a hostile
cell stays text (no formula runs, no control character breaks the XML)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from queries.workbook import table_workbook as write_workbook


def read(data: bytes) -> list[tuple[object, ...]]:
    return list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def test_headers_text_and_numbers_round_trip() -> None:
    data = write_workbook("units", ["Đơn vị", "Số"], [["Nhóm Truyền thông", 4], ["Tổ", 1.5]])
    assert read(data) == [("Đơn vị", "Số"), ("Nhóm Truyền thông", 4), ("Tổ", 1.5)]


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://127.0.0.1:9/","x")', "+cmd|' /C calc'!A0", "<b>]]></b>", "@SUM(1)"],
)
def test_a_hostile_cell_is_text_not_a_formula(hostile: str) -> None:
    sheet = load_workbook(io.BytesIO(write_workbook("x", ["a"], [[hostile]]))).active
    cell = sheet["A2"]
    assert cell.value == hostile and cell.data_type == "s"


def test_control_characters_become_replacement_marks() -> None:
    rows = read(write_workbook("x", ["a"], [["Dòng\x01hai\x1b[2J"]]))
    assert rows[1] == ("Dòng\ufffdhai\ufffd[2J",)


def test_a_sheet_name_is_made_legal() -> None:
    data = write_workbook("a/b:c*d?[e]" * 5, ["a"], [])
    name = load_workbook(io.BytesIO(data)).active.title
    assert len(name) <= 31 and not set(name) & set("/\\:*?[]")


def test_empty_cells_and_many_columns() -> None:
    headers = [f"c{i}" for i in range(30)]
    rows = read(write_workbook("wide", headers, [[None] * 29 + ["last"]]))
    assert rows[0][26] == "c26" and rows[1][29] == "last" and rows[1][0] is None
