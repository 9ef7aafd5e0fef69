"""Reading the engine's TSV answers as plain rows: every shape of answer, and broken ones.

:func:`ontology.plain_values.plain_rows` reads every cell of an answer with
one split; a row with too few or too many cells must then be an error, not
rows shifted by a cell. ``kinds`` must keep exactly the rows whose first
cells are IRIs or literals as asked, whatever else the other rows hold.
"""

from __future__ import annotations

import pytest

from ontology.errors import StoreError
from ontology.plain_values import Cells, plain_rows

A, B = "<http://x/a>", "<http://x/b>"


@pytest.mark.parametrize(
    ("tsv", "rows"),
    [
        (b"", []),
        (b"?a\n", []),
        (b"\n\n\n", [(), ()]),  # no variables: one empty row per solution
        (f"?a\n{A}\n\n".encode(), [("http://x/a",), (None,)]),
        (
            f'?a\t?b\n{A}\t"t\\tab"@vi\n_:n1\t-1.5\n'.encode(),
            [("http://x/a", "t\tab"), ("n1", "-1.5")],
        ),
    ],
    ids=["nothing", "no-rows", "no-variables", "one-column", "escapes-and-bare"],
)
def test_every_shape_of_answer_is_read(tsv: bytes, rows: list[tuple[str | None, ...]]) -> None:
    assert plain_rows(tsv) == rows


@pytest.mark.parametrize(
    "tsv",
    [f"?a\t?b\n{A}\n".encode(), f"?a\t?b\n{A}\t{B}\t{A}\n".encode(), f"?a\n{A}".encode()],
    ids=["cell-missing", "cell-too-many", "no-last-new-line"],
)
def test_a_broken_answer_is_an_error(tsv: bytes) -> None:
    with pytest.raises(StoreError):
        plain_rows(tsv)


def test_kinds_keep_only_rows_whose_first_cells_are_of_those_kinds() -> None:
    lines = [
        f"{A}\t{B}\t1",
        f'{A}\t"b"\t2',
        f"_:b\t{B}\t3",
        f"\t{B}\t4",
        f'{B}\t{A}\t"6"',
    ]
    tsv = ("?s\t?t\t?n\n" + "\n".join(lines) + "\n").encode()
    kept = plain_rows(tsv, kinds=("iri", "iri"))
    assert kept == [("http://x/a", "http://x/b", "1"), ("http://x/b", "http://x/a", "6")]
    assert [row[2] for row in plain_rows(tsv, kinds=("iri",))] == ["1", "2", "6"]


def test_cells_shared_between_answers_still_tell_iris_apart() -> None:
    cells = Cells()
    plain_rows(f'?a\n"{A[1:-1]}"\n'.encode(), cells=cells)  # the IRI's text as a literal first
    assert plain_rows(f"?a\t?b\n{A}\t{B}\n".encode(), cells=cells, kinds=("iri", "iri")) == [
        ("http://x/a", "http://x/b")
    ]
    literal_first = f'?a\t?b\n"{A[1:-1]}"\t{B}\n'.encode()
    assert plain_rows(literal_first, cells=cells, kinds=("iri", "iri")) == []


def test_a_literal_column_keeps_literals_of_every_form() -> None:
    lines = [
        f'{A}\t"Ban"@vi',
        f'{A}\t"x"^^<http://x/t>',
        f"{A}\t42",
        f"{A}\t{B}",
        f"{A}\t_:b",
        f"{A}\t",
        '_:n\t"Ban"@vi',
    ]
    tsv = ("?s\t?label\n" + "\n".join(lines) + "\n").encode()
    kept = plain_rows(tsv, kinds=("iri", "literal"))
    assert kept == [("http://x/a", "Ban"), ("http://x/a", "x"), ("http://x/a", "42")]
