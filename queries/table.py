"""Plain-text tables that stay aligned with Vietnamese and wide characters.

A terminal draws an East Asian wide character in two cells and a combining
mark in none, so column widths are measured in display cells, not ``len``.

>>> print(render_table(("id", "tên"), [("1", "Tổ trưởng")]))
id  tên
--  ---------
1   Tổ trưởng
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ontology.printable import printable

GAP = "  "
MIN_COLUMN = 6


def measure(text: str) -> int:
    """Display cells ``text`` takes in a terminal.

    >>> measure("Nhóm"), measure("中文"), measure("e\u0301")
    (4, 4, 1)
    """
    cells = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        cells += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return cells


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` cells, at spaces when possible.

    >>> wrap("Nhóm Truyền thông", 10)
    ['Nhóm', 'Truyền', 'thông']
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if measure(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            *full, current = _cut(word, width)
            lines.extend(full)
        lines.append(current)
    return lines


def _cut(word: str, width: int) -> list[str]:
    """Hard-break a word longer than the column (IRIs, long ids)."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and measure(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    if current or not pieces:
        pieces.append(current)
    return pieces


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` display cells."""
    return text + " " * max(0, width - measure(text))


def fit_widths(
    natural: Sequence[int], width: int | None, minimums: Sequence[int] = ()
) -> list[int]:
    """Shrink the widest columns until the row fits in ``width`` cells.

    No column goes below its ``minimums`` entry (e.g. its longest IRI, which
    must not be cut) or ``MIN_COLUMN``: then the row stays wider than ``width``.

    >>> fit_widths([10, 40, 5], 40)
    [10, 21, 5]
    >>> fit_widths([10, 40, 5], 40, minimums=[0, 30, 0])
    [6, 30, 5]
    """
    widths = list(natural)
    if width is None:
        return widths
    floors = [
        min(natural[i], max(MIN_COLUMN, minimums[i] if i < len(minimums) else 0))
        for i in range(len(widths))
    ]
    budget = width - len(GAP) * (len(widths) - 1)
    while sum(widths) > budget:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None = None,
    *,
    minimums: Sequence[int] = (),
) -> str:
    """Aligned columns, cells wrapped so a row fits in ``width`` cells (None: no limit).

    ``minimums`` are widths below which a column is not shrunk (see :func:`fit_widths`).

    Control characters are shown as escapes: a label must not drive the terminal.
    """
    headers = [printable(h) for h in headers]
    rows = [[_printable_cell(cell) for cell in row] for row in rows]
    natural = [measure(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            longest = max((measure(line) for line in cell.splitlines()), default=0)
            natural[index] = max(natural[index], longest)
    widths = fit_widths(natural, width, minimums)
    lines = _render_row(headers, widths)
    lines.append(GAP.join("-" * w for w in widths).rstrip())
    for row in rows:
        lines.extend(_render_row(row, widths))
    return "\n".join(lines)


def _printable_cell(cell: str) -> str:
    """Escape what a terminal would obey, keeping the cell's own line breaks."""
    return "\n".join(printable(line) for line in cell.split("\n"))


def _render_row(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    wrapped = [wrap(cell, w) for cell, w in zip(cells, widths, strict=True)]
    height = max((len(w) for w in wrapped), default=1)
    out = []
    for line in range(height):
        parts = [
            pad(column[line] if line < len(column) else "", w)
            for column, w in zip(wrapped, widths, strict=True)
        ]
        out.append(GAP.join(parts).rstrip())
    return out
