"""An answer as a workbook keeps its types, never runs a formula, and holds any text."""

from __future__ import annotations

import io

import openpyxl
from rdflib import Literal, URIRef

from queries.answer import Answer
from queries.workbook import answer_workbook

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_cells_are_typed_safe_and_hold_any_text() -> None:
    answer = Answer(
        ("who", "count", "vacant", "note"),
        (
            (
                URIRef("https://example.org/a"),
                Literal("3", datatype=URIRef(XSD + "integer")),
                Literal("true", datatype=URIRef(XSD + "boolean")),
                Literal('=HYPERLINK("http://x")'),
            ),
            (None, None, None, Literal("bell\x07 and tab\tkept")),
        ),
        question="demo",
    )
    sheet = openpyxl.load_workbook(io.BytesIO(answer_workbook(answer))).active
    assert sheet is not None and sheet.title == "demo"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("who", "count", "vacant", "note")
    assert rows[1] == ("https://example.org/a", 3, True, '=HYPERLINK("http://x")')
    assert sheet["D2"].data_type == "s"  # text, not a formula
    assert rows[2] == (None, None, None, "bell\ufffd and tab\tkept")
