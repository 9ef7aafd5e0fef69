"""An answer the engine wrote as TSV, read as rows of plain values (the projections' fast path).

A plain value is an IRI, a blank node id or a literal's lexical form, as a
``str`` (None when unbound): what :meth:`ontology.store.Store.select_values`
gives, without an rdflib term per cell.
"""

from __future__ import annotations

from collections.abc import Collection

from ontology.store import Cell
from ontology.term_text import parse_term, read_lines


def plain_rows(
    tsv: bytes, first_in: Collection[str] | None = None, *, cells: Cells | None = None
) -> list[tuple[Cell, ...]]:
    """The rows of an answer the engine wrote as TSV, each cell a plain string or None.

    Plain strings are IRIs, blank node ids and lexical forms. Each distinct
    cell is read once (``cells`` may carry the cells read from other
    answers); an IRI and a literal without escapes are sliced in place,
    anything else goes through :func:`ontology.term_text.parse_term`.
    With ``first_in`` (IRIs), a row whose first cell is none of them is
    dropped before any of its cells is read.

    >>> plain_rows(b'?a\\t?b\\n<http://x/p>\\t"Ban"@vi\\n_:b1\\t\\n"a\\\\"b"\\t7\\n')
    [('http://x/p', 'Ban'), ('b1', None), ('a"b', '7')]
    >>> plain_rows(b'?a\\t?b\\n<http://x/p>\\t1\\n<http://x/q>\\t2\\n', {"http://x/q"})
    [('http://x/q', '2')]
    """
    answer = read_lines(tsv if first_in is None else _kept_lines(tsv, first_in))
    if not answer.variables:  # one empty row per solution
        return [() for _ in answer.lines]
    read = (Cells() if cells is None else cells).__getitem__
    return [tuple(map(read, line.split("\t"))) for line in answer.lines]


def _kept_lines(tsv: bytes, first_in: Collection[str]) -> bytes:
    """``tsv`` with its header and only the rows whose first cell is one of ``first_in``.

    The rows are chosen as bytes, before anything is decoded: keeping 62k
    of every label's 223k rows at 1M triples, this is a fifth of the work of
    decoding them all first. An answer without variables, or without its
    last new line (:func:`ontology.term_text.read_lines` says so), is kept whole.

    >>> _kept_lines(b'?a\\t?b\\n<http://x/p>\\t1\\n<http://x/q>\\t2\\n', {"http://x/q"})
    b'?a\\t?b\\n<http://x/q>\\t2\\n'
    """
    head, _, body = tsv.partition(b"\n")
    if not head or not tsv.endswith(b"\n"):
        return tsv
    written = {f"<{iri}>".encode() for iri in first_in}
    kept = [line for line in body.split(b"\n")[:-1] if line.partition(b"\t")[0] in written]
    return b"\n".join([head, *kept, b""])


class Cells(dict[str, Cell]):
    """Cell texts of TSV answers and their plain values, each read when first asked for."""

    def __missing__(self, text: str) -> Cell:
        value: Cell
        if not text:
            value = None
        elif text[0] == "<" and text[1] != "<":
            value = text[1:-1]
        elif text[0] == '"' and "\\" not in text:
            value = text[1 : text.rindex('"')]
        else:
            term = parse_term(text)
            value = None if term is None else term.value
        self[text] = value
        return value
