"""Answer renderings: aligned wrapped tables with Vietnamese and wide text, JSON, safe CSV."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef

from ontology import Store
from queries import Answer, run_query
from queries.table import measure, render_table, wrap

INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")


def test_display_width_counts_cells_not_code_points() -> None:
    assert measure("Tổ trưởng") == 9
    assert measure("To\u0302\u0309 tru\u031bo\u031b\u0300ng") == 9  # decomposed: marks take no cell
    assert measure("中文") == 4
    assert measure("ｱ") == 1  # half-width katakana


def test_wrap_breaks_at_spaces_and_cuts_long_words() -> None:
    assert wrap("Nhóm Truyền thông", 10) == ["Nhóm", "Truyền", "thông"]
    assert wrap("https://w3id.org/orgkg", 10) == ["https://w3", "id.org/org", "kg"]
    assert wrap("中文中文中文", 5) == ["中文", "中文", "中文"]
    assert all(measure(line) <= 7 for line in wrap("Tổ công tác giúp việc Chủ tịch", 7))


def test_table_columns_line_up_with_wide_and_marked_text() -> None:
    text = render_table(
        ("tên", "ghi chú"),
        [("Tổ trưởng", "中文 text"), ("Nhóm Truyền thông", "x")],
        width=None,
    )
    header, rule, first, second = text.splitlines()
    # The second column starts at the same display cell on every line.
    offsets = {
        measure(header[: header.index("ghi")]),
        measure(rule[: rule.index("  -") + 2]),
        measure(first[: first.index("中")]),
        measure(second[: second.index("x")]),
    }
    assert offsets == {measure("Nhóm Truyền thông  ")}


def test_table_fits_the_width(bundled_ox: Store) -> None:
    answer = run_query(bundled_ox, "reporting-lines")
    for width in (60, 100, 140):
        table = answer.to_table(width)
        assert max(measure(line) for line in table.splitlines()) <= width
    assert "Nhóm Truyền thông" in answer.to_table(200)


def test_table_shows_labels_instead_of_iris(bundled_ox: Store) -> None:
    answer = run_query(bundled_ox, "seal-authorities")
    header = answer.to_table(200).splitlines()[0].split()
    assert "bearerLabel" in header and "bearer" not in header
    assert "bearer" in answer.to_table(400, show_iris=True).splitlines()[0].split()


def test_json_terms() -> None:
    answer = Answer(
        ("a", "b", "c", "d"),
        (
            (URIRef("http://x/a"), Literal("Tổ", lang="vi"), Literal(3, datatype=INTEGER), None),
            (BNode("b1"), Literal("plain"), None, None),
        ),
    )
    assert answer.to_json() == {
        "head": {"vars": ["a", "b", "c", "d"]},
        "results": {
            "bindings": [
                {
                    "a": {"type": "uri", "value": "http://x/a"},
                    "b": {"type": "literal", "value": "Tổ", "xml:lang": "vi"},
                    "c": {"type": "literal", "value": "3", "datatype": str(INTEGER)},
                },
                {"a": {"type": "bnode", "value": "b1"}, "b": {"type": "literal", "value": "plain"}},
            ]
        },
    }
    json.dumps(answer.to_json(), ensure_ascii=False)


def test_csv_neutralises_formulas_but_not_numbers() -> None:
    cells = ['=HYPERLINK("http://evil")', "+1", "-cmd", "@SUM(A1)", "\tx", "safe, with comma"]
    answer = Answer(
        ("text", "n"),
        tuple((Literal(cell), Literal(-5, datatype=INTEGER)) for cell in cells),
    )
    rows = list(csv.reader(io.StringIO(answer.to_csv())))
    assert rows[0] == ["text", "n"]
    assert [row[0] for row in rows[1:]] == [
        '\'=HYPERLINK("http://evil")',
        "'+1",
        "'-cmd",
        "'@SUM(A1)",
        "'\tx",
        "safe, with comma",
    ]
    assert {row[1] for row in rows[1:]} == {"-5"}


def test_csv_of_a_question_keeps_vietnamese(bundled_ox: Store) -> None:
    answer = run_query(bundled_ox, "units")
    rows = list(csv.reader(io.StringIO(answer.to_csv())))
    assert rows[0] == list(answer.variables)
    assert len(rows) == len(answer) + 1
    assert any("Văn phòng Chính phủ" in cell for row in rows for cell in row)
