"""The one-pass writers encode a cell exactly as json.dumps and the csv module would."""

from __future__ import annotations

import csv
import io
import json

from ontology.paging import FULL, Value
from ontology.term_text import lines_of
from queries.stream import Caps, Columns, writer_for

INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
TRICKY = [
    Value("literal", 'a, "quoted"\nline'),
    Value("literal", "=SUM(A1)"),
    Value("literal", "-3", None, INTEGER),
    Value("literal", "-not a number"),
    Value("literal", "Tổ trưởng \u2028 tab\t", "vi"),
    Value("uri", "https://example.org/x?a=1&b=\\"),
    Value("literal", ""),
    Value("literal", " padded "),
]


def test_json_cells_are_what_json_dumps_writes() -> None:
    columns = Columns(("x", "y"), (0, 1), (False, True))
    rows: list[tuple[Value | None, ...]] = [(v, Value("literal", "b; a; a; ")) for v in TRICKY]
    lines = lines_of(columns.variables, [*rows, (None, None)]).lines
    body = writer_for("json", columns).render(lines, FULL, Caps()).body
    expected = []
    for value in TRICKY:
        term: dict[str, str] = {"type": value.kind, "value": value.value}
        if value.language:
            term["xml:lang"] = value.language
        elif value.datatype:
            term["datatype"] = value.datatype
        expected.append({"x": term, "y": {"type": "literal", "value": "a; b"}})
    assert json.loads(body)["results"]["bindings"] == [*expected, {}]
    spaced = json.dumps({"x": expected[0]["x"]}, ensure_ascii=False).encode()
    assert spaced[1:-1] in body  # spaced as json.dumps spaces it


def test_csv_cells_are_what_the_csv_module_writes() -> None:
    columns = Columns(("x", "y"), (0, 1), (False, False))
    rows = [(value, None) for value in TRICKY]
    body = (
        writer_for("csv", columns)
        .render(lines_of(columns.variables, rows).lines, FULL, Caps())
        .body
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["x", "y"])
    for value in TRICKY:
        numeric = value.datatype == INTEGER
        text = value.value
        writer.writerow(
            [
                "'" + text
                if text.startswith(("=", "+", "-", "@", "\t", "\r")) and not numeric
                else text,
                "",
            ]
        )
    assert body.decode() == out.getvalue()


def test_a_lone_empty_csv_cell_is_quoted_as_the_csv_module_quotes_it() -> None:
    columns = Columns(("x",), (0,), (True,))
    rows = [(Value("literal", ""),), (Value("literal", "a"),)]
    body = (
        writer_for("csv", columns)
        .render(lines_of(columns.variables, rows).lines, FULL, Caps())
        .body
    )
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([["x"], [""], ["a"]])
    assert body.decode() == out.getvalue()
