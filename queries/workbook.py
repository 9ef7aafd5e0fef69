"""Excel workbooks: any answer as one sheet, the whole model as seven.

The model workbook holds the catalogue's own answers (so it says exactly
what ``orgkg query`` says), one sheet each: units, posts, people, reporting
lines, seals, duties and sources, named and labelled in the language asked.
Numbers and booleans are typed cells; text that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@``) is kept as text, and control characters
a workbook cannot hold become U+FFFD (as in the SPARQL XML results).
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ontology.formats import SOLUTION_FORMATS
from queries.answer import Answer
from queries.catalogue import load_catalogue
from queries.runner import run_query

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from ontology.store import Store

MEDIA_TYPE = SOLUTION_FORMATS["xlsx"]
# (question, sheet name in vi, sheet name in en), in the workbook's order.
MODEL_SHEETS: tuple[tuple[str, str, str], ...] = (
    ("units", "Đơn vị", "Units"),
    ("posts", "Chức vụ", "Posts"),
    ("most-roles", "Người", "People"),
    ("reporting-lines", "Tuyến báo cáo", "Reporting lines"),
    ("seal-authorities", "Con dấu", "Seals"),
    ("duties", "Nghĩa vụ", "Duties"),
    ("documents", "Nguồn", "Sources"),
)
_MAX_SHEET_NAME = 31  # Excel's limit
_NUMERIC = ("integer", "decimal", "double", "float", "long", "int", "short")


def answer_workbook(answer: Answer, *, title: str | None = None) -> bytes:
    """One answer as a workbook of one sheet (header row, then one row per answer row)."""
    return _workbook([(title or answer.question or "answer", answer)])


def model_workbook(store: Store, *, lang: str = "vi") -> bytes:
    """The whole model: one sheet per question of :data:`MODEL_SHEETS`, in ``lang``."""
    catalogue = load_catalogue()
    sheets = [
        (vi if lang == "vi" else en, run_query(store, catalogue[question], {}, lang=lang))
        for question, vi, en in MODEL_SHEETS
    ]
    return _workbook(sheets)


def table_workbook(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[str | int | float | None]]
) -> bytes:
    """One sheet of plain values (a header row first): numbers stay numbers, the rest text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_sheet_title(title))
    sheet.freeze_panes = "A2"
    sheet.append([_text_cell(sheet, header, font=Font(bold=True)) for header in headers])
    for row in rows:
        sheet.append(
            [
                value
                if value is None or isinstance(value, int | float)
                else _text_cell(sheet, value)
                for value in row
            ]
        )
    return _saved(book)


def _workbook(sheets: Sequence[tuple[str, Answer]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, answer in sheets:
        sheet = book.create_sheet(title=_sheet_title(name))
        sheet.freeze_panes = "A2"
        sheet.append([_text_cell(sheet, variable, font=bold) for variable in answer.variables])
        for row in answer.rows:
            sheet.append([_cell(sheet, term) for term in row])
    return _saved(book)


def _saved(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str) -> str:
    """A legal sheet name: none of ``/\\:*?[]``, at most 31 characters, never empty."""
    return re.sub(r"[/\\:*?\[\]]", " ", name)[:_MAX_SHEET_NAME].strip() or "sheet"


def _plain_cell(sheet: WriteOnlyWorksheet, value: str | int | float | None) -> Any:
    """Numbers and blanks as they are; text as text."""
    if value is None or isinstance(value, int | float):
        return value
    return _text_cell(sheet, value)


def _cell(sheet: WriteOnlyWorksheet, term: Any) -> Any:
    """A typed cell for an RDF term: numbers and booleans as such, the rest as text."""
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None:
        kind = str(term.datatype).rsplit("#", 1)[-1]
        value = term.toPython()
        if kind == "boolean" and isinstance(value, bool):
            return value
        if kind in _NUMERIC and isinstance(value, int | float):
            return value
        if kind == "decimal":
            return float(value)
    return _text_cell(sheet, str(term))


def _text_cell(sheet: WriteOnlyWorksheet, text: str, *, font: Any = None) -> Any:
    """A text cell; code points a workbook (XML) cannot hold become U+FFFD, as in SPARQL XML."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
    cell.data_type = "s"  # never a formula, whatever the text starts with
    if font is not None:
        cell.font = font
    return cell
