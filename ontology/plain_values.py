"""An answer the engine wrote as TSV, read as rows of plain values (the projections' fast path).

A plain value is an IRI, a blank node id or a literal's lexical form, as a
``str`` (None when unbound): what :meth:`ontology.store.Store.select_values`
gives, without an rdflib term per cell.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from itertools import compress

from ontology.errors import StoreError
from ontology.store import Cell, CellKind
from ontology.term_text import parse_term


def plain_rows(
    tsv: bytes,
    first_in: Collection[str] | None = None,
    *,
    cells: Cells | None = None,
    kinds: Sequence[CellKind] = (),
) -> list[tuple[Cell, ...]]:
    """The rows of an answer the engine wrote as TSV, each cell a plain string or None.

    Plain strings are IRIs, blank node ids and lexical forms. Each distinct
    cell is read once (``cells`` may carry the cells read from other
    answers); an IRI and a literal without escapes are sliced in place,
    anything else goes through :func:`ontology.term_text.parse_term`.
    With ``first_in`` (IRIs), a row whose first cell is none of them is
    dropped before any of its cells is read; with ``kinds``, a row whose
    first cells are not of those kinds (an IRI, a literal) is dropped.

    >>> plain_rows(b'?a\\t?b\\n<http://x/p>\\t"Ban"@vi\\n_:b1\\t\\n"a\\\\"b"\\t7\\n')
    [('http://x/p', 'Ban'), ('b1', None), ('a"b', '7')]
    >>> plain_rows(b'?a\\t?b\\n<http://x/p>\\t1\\n<http://x/q>\\t2\\n', {"http://x/q"})
    [('http://x/q', '2')]
    >>> plain_rows(b'?a\\t?b\\n<http://x/p>\\t<http://x/q>\\n_:b\\t<http://x/q>\\n<http://x/p>\\t"q"\\n',
    ...            kinds=("iri", "iri"))
    [('http://x/p', 'http://x/q')]
    """
    if first_in is not None:
        tsv = _kept_lines(tsv, first_in)
    if not tsv:  # no answer written at all
        return []
    text = tsv.decode("utf-8")
    if not text.endswith("\n"):
        raise StoreError("the engine's TSV answer does not end with a new line")
    head, _, body = text.partition("\n")
    if not head:  # no variables: one empty row per solution
        return [()] * body.count("\n")
    width = head.count("\t") + 1
    # Cells hold no tab or new line (TSV escapes them): one split reads every cell,
    # and each distinct one is read once (``known``).
    texts = body.replace("\n", "\t").split("\t")
    texts.pop()  # after the last new line
    if len(texts) != width * body.count("\n"):
        raise StoreError(f"a row of the engine's TSV answer does not have {width} cells")
    known = Cells() if cells is None else cells
    values = iter(list(map(known.__getitem__, texts)))
    rows = list(zip(*[values] * width, strict=True))  # each row's cells, in turn
    return _rows_of_kinds(rows, texts, width, kinds[:width], known) if kinds else rows


def _rows_of_kinds(
    rows: list[tuple[Cell, ...]],
    texts: list[str],
    width: int,
    kinds: Sequence[CellKind],
    known: Cells,
) -> list[tuple[Cell, ...]]:
    """The ``rows`` whose first cells were written as terms of ``kinds`` (``texts``: every cell).

    ``known`` has read every text and kept those that are not IRIs, and
    those that are neither IRIs nor literals: when every cell of those
    columns is of its kind, as in most data, the rows are kept whole after
    one look-up per cell, made in C.
    """
    columns = [texts[column::width] for column in range(len(kinds))]
    if all(known.is_all(kind, column) for kind, column in zip(kinds, columns, strict=True)):
        return rows
    kept = [
        all(known.is_all(kind, (text,)) for kind, text in zip(kinds, cells, strict=True))
        for cells in zip(*columns, strict=True)
    ]
    return list(compress(rows, kept))


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
    """Cell texts of TSV answers and their plain values, each read when first asked for.

    It also keeps which texts were not IRIs, and which were not literals
    either (blank nodes, unbound cells), for :meth:`is_all`.
    """

    def __init__(self) -> None:
        super().__init__()
        self._not_iris: set[str] = set()
        self._not_literals: set[str] = set()  # of the texts that are not IRIs

    def is_all(self, kind: CellKind, texts: Iterable[str]) -> bool:
        """Whether every one of ``texts`` (read already) is a term of ``kind``."""
        if kind == "iri":
            return self._not_iris.isdisjoint(texts)
        texts = list(texts)
        return self._not_iris.issuperset(texts) and self._not_literals.isdisjoint(texts)

    def __missing__(self, text: str) -> Cell:
        value: Cell
        if text and text[0] == "<" and text[1] != "<":
            value = self[text] = text[1:-1]
            return value
        self._not_iris.add(text)
        if not text or text.startswith(("_:", "<<")):
            self._not_literals.add(text)
        if not text:
            value = None
        elif text[0] == '"' and "\\" not in text:
            value = text[1 : text.rindex('"')]
        else:
            term = parse_term(text)
            value = None if term is None else term.value
        self[text] = value
        return value
