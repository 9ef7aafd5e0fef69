"""Answers rendered straight from the engine's values to JSON or CSV.

The general path (:func:`queries.run_query`, then :func:`render_result`)
builds an rdflib term per distinct value, an :class:`~queries.answer.Answer`
and a dict per row before encoding. For SPARQL questions this module goes
from the engine's plain :class:`~ontology.paging.Value` s to bytes in one
pass: each column keeps the bytes of every distinct value it has seen, with
the tidying of :func:`queries.runner.tidy` (bound columns dropped, ``"; "``
lists sorted) done when a value is first met, so a row costs a lookup per
cell and a join. The output is byte for byte what the general path gives
(tested on every question).

A page is cut from the counted rows: every row is counted (so the page knows
the total) but only the window's rows are encoded.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
from abc import ABC, abstractmethod
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from json.encoder import encode_basestring  # what json.dumps uses with ensure_ascii=False
from operator import itemgetter

from ontology.formats import SOLUTION_FORMATS
from ontology.paging import FULL, Page, Value, ValueRow
from ontology.store import Store
from queries.analysis import memo_of
from queries.answer import FORMULA_STARTS, NUMERIC
from queries.question import Question
from queries.results import Rendered, render_result
from queries.runner import (
    LIST_SEPARATOR,
    bind_parameters,
    dropped_columns,
    natural_key,
    run_query,
    sparql_bindings,
)

STREAMED_FORMATS = ("json", "csv")
# Whole answers kept per store (and worker) for paging through them.
MATERIALISED_ANSWERS = 8
_NUMERIC = frozenset(str(datatype) for datatype in NUMERIC)


@dataclass(frozen=True)
class Caps:
    """The most rows and bytes one answer may carry (None: no cap)."""

    rows: int | None = None
    bytes: int | None = None


def answer_rendered(
    store: Store,
    question: Question,
    params: Mapping[str, str] | None = None,
    *,
    lang: str = "vi",
    fmt: str = "json",
    page: Page = FULL,
    caps: Caps | None = None,
) -> Rendered:
    """One question's answer (or a page of it) as JSON or CSV bytes.

    SPARQL questions stream from the engine; networkx questions, and other
    formats, take the general path. Either way ``total`` and ``offset`` say
    which part of the answer the body holds.
    """
    caps = caps or Caps()
    if question.kind != "sparql" or fmt not in STREAMED_FORMATS:
        answer = run_query(store, question, params, lang=lang, page=page)
        rendered = render_result(answer, fmt, max_rows=caps.rows, max_bytes=caps.bytes)
        total = answer.total if answer.total is not None else len(answer.rows)
        return Rendered(
            rendered.body,
            rendered.media_type,
            rendered.truncated,
            total=total,
            offset=page.offset,
            rows=None if rendered.truncated else len(answer.rows),
        )
    if page.whole or not store.cacheable:
        columns, rows = answer_rows(store, question, params or {}, lang)
    else:
        columns, rows = _materialised(store, question, params or {}, lang)
    return writer_for(fmt, columns).render(rows, page, caps)


def writer_for(fmt: str, columns: Columns) -> RowWriter:
    """The writer of ``fmt`` (one of :data:`STREAMED_FORMATS`) for these columns."""
    return _JsonWriter(columns) if fmt == "json" else _CsvWriter(columns)


@dataclass(frozen=True)
class Columns:
    """The answer's columns: where each is in the engine's rows, and which hold lists."""

    variables: tuple[str, ...]
    indices: tuple[int, ...]
    listed: tuple[bool, ...]


def answer_rows(
    store: Store, question: Question, params: Mapping[str, str], lang: str
) -> tuple[Columns, Iterable[ValueRow]]:
    """The answer's columns and the engine's rows as it yields them (tidied when written)."""
    bindings = bind_parameters(store, question, params)
    stream = store.stream_values(question.text, sparql_bindings(question, bindings, lang))
    dropped = dropped_columns(question, bindings)
    keep = tuple(i for i, name in enumerate(stream.variables) if name not in dropped)
    columns = Columns(
        tuple(stream.variables[i] for i in keep),
        keep,
        tuple(stream.variables[i] in question.lists for i in keep),
    )
    return columns, stream.rows


def _materialised(
    store: Store, question: Question, params: Mapping[str, str], lang: str
) -> tuple[Columns, list[ValueRow]]:
    """The whole answer, kept per store version for the pages that follow.

    The questions sort their rows, so the engine evaluates the whole answer
    for any page: the next pages are then cut from what the first one kept.
    """
    kept: OrderedDict[Hashable, tuple[Columns, list[ValueRow]]]
    kept = memo_of(store).setdefault("materialised", OrderedDict())
    key = (question.id, lang, tuple(sorted(params.items())))
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    columns, rows = answer_rows(store, question, params, lang)
    kept[key] = (columns, list(rows))
    while len(kept) > MATERIALISED_ANSWERS:
        kept.popitem(last=False)
    return kept[key]


def _tidied(value: Value, listed: bool) -> Value | None:
    """The value as the answer states it: a list's items sorted, an empty list unbound."""
    if not listed:
        return value
    items = sorted(set(value.value.split(LIST_SEPARATOR)) - {""}, key=_item_key)
    return Value("literal", LIST_SEPARATOR.join(items)) if items else None


# Items repeat from list to list (a role's label in each of its holders'):
# their sort keys (folded text) are worth keeping.
_item_key = functools.lru_cache(maxsize=1 << 16)(natural_key)


def fit(
    window: Iterable[bytes], caps: Caps, frame: int, separator: int
) -> tuple[list[bytes], bool]:
    """The encoded rows of ``window`` that fit in the caps, and whether any did not.

    A cap keeps a prefix of the window: the first row over it ends the body.
    """
    parts: list[bytes] = []
    size = frame
    for encoded in window:
        if caps.rows is not None and len(parts) >= caps.rows:
            return parts, True
        extra = len(encoded) + (separator if parts else 0)
        if caps.bytes is not None and size + extra > caps.bytes:
            return parts, True
        parts.append(encoded)
        size += extra
    return parts, False


# A column's encoding of one value: bytes, or None when the cell is left empty.
Encode = Callable[[Value], bytes | None]


class RowWriter(ABC):
    """Encodes rows one by one, each distinct value of a column once; cuts at the page and caps."""

    media_type: str
    separator: bytes

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.variables = columns.variables
        # Per column: its index in the engine's row, its encoded values, how to encode one.
        self._plan: list[tuple[int, dict[Value, bytes | None], Encode]] = [
            (index, {}, self.encoder(name, listed))
            for name, index, listed in zip(
                columns.variables, columns.indices, columns.listed, strict=True
            )
        ]

    def render(self, rows: Iterable[ValueRow], page: Page, caps: Caps) -> Rendered:
        """The page's rows encoded, every row counted (so the page knows the total)."""
        tally = itertools.count()
        # Counted in C as the rows pass (zip stops at the rows' end, the tally never).
        counted = map(itemgetter(0), zip(rows, tally, strict=False))
        window = map(self.row, itertools.islice(counted, page.offset, page.end))
        parts, truncated = fit(window, caps, self.frame_size(), len(self.separator))
        deque(counted, maxlen=0)  # the rows after the page: counted, not encoded
        return Rendered(
            self.opening() + self.separator.join(parts) + self.closing(),
            self.media_type,
            truncated,
            total=next(tally),
            offset=page.offset,
            rows=len(parts),
        )

    def frame_size(self) -> int:
        """The bytes of the body around its rows."""
        return len(self.opening()) + len(self.closing())

    def cells(self, row: ValueRow) -> list[bytes | None]:
        """The row's cells encoded (None: unbound), from each column's memo."""
        out: list[bytes | None] = []
        for index, encoded, encode in self._plan:
            value = row[index]
            if value is None:
                out.append(None)
            elif value in encoded:
                out.append(encoded[value])
            else:
                out.append(encoded.setdefault(value, encode(value)))
        return out

    @abstractmethod
    def encoder(self, name: str, listed: bool) -> Encode:
        """How a value of column ``name`` is written (tidied first when ``listed``)."""

    @abstractmethod
    def opening(self) -> bytes:
        """The bytes before the rows."""

    @abstractmethod
    def closing(self) -> bytes:
        """The bytes after the rows."""

    @abstractmethod
    def row(self, row: ValueRow) -> bytes:
        """One row, encoded."""


class _JsonWriter(RowWriter):
    """SPARQL 1.1 Results JSON, spaced as ``json.dumps`` spaces it."""

    media_type = SOLUTION_FORMATS["json"]
    separator = b", "

    def encoder(self, name: str, listed: bool) -> Encode:
        prefix = encode_basestring(name) + ": "

        def encode(value: Value) -> bytes | None:
            tidied = _tidied(value, listed)
            return None if tidied is None else (prefix + _json_term(tidied)).encode("utf-8")

        return encode

    def opening(self) -> bytes:
        head = json.dumps({"vars": list(self.variables)}, ensure_ascii=False)
        return f'{{"head": {head}, "results": {{"bindings": ['.encode()

    def closing(self) -> bytes:
        return b"]}}"

    def row(self, row: ValueRow) -> bytes:
        return b"{" + b", ".join(cell for cell in self.cells(row) if cell is not None) + b"}"


def _json_term(value: Value) -> str:
    """The term as ``json.dumps`` writes its dict (type, value, then xml:lang or datatype)."""
    kind, lexical = encode_basestring(value.kind), encode_basestring(value.value)
    text = '{"type": ' + kind + ', "value": ' + lexical
    if value.language:
        return text + ', "xml:lang": ' + encode_basestring(value.language) + "}"
    if value.datatype is not None:
        return text + ', "datatype": ' + encode_basestring(value.datatype) + "}"
    return text + "}"


class _CsvWriter(RowWriter):
    """CSV with a header row; cells a spreadsheet would run as formulas are quoted."""

    media_type = SOLUTION_FORMATS["csv"]
    separator = b""

    def __init__(self, columns: Columns) -> None:
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\r\n")
        super().__init__(columns)

    def _line(self, cells: list[str]) -> bytes:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow(cells)
        return self._buffer.getvalue().encode("utf-8")

    def encoder(self, name: str, listed: bool) -> Encode:
        def encode(value: Value) -> bytes | None:
            tidied = _tidied(value, listed)
            text = "" if tidied is None else _csv_cell(tidied)
            # Quoted as the csv module quotes a field (an empty one alone in a row aside).
            return self._line([text])[:-2] if text else None

        return encode

    def opening(self) -> bytes:
        return self._line(list(self.variables))

    def closing(self) -> bytes:
        return b""

    def row(self, row: ValueRow) -> bytes:
        cells = self.cells(row)
        if len(cells) == 1 and cells[0] is None:
            return b'""\r\n'  # the csv module's one empty field, told apart from no field
        return b",".join(b"" if cell is None else cell for cell in cells) + b"\r\n"


def _csv_cell(value: Value) -> str:
    numeric = value.kind == "literal" and value.datatype in _NUMERIC
    if value.value.startswith(FORMULA_STARTS) and not numeric:
        return "'" + value.value
    return value.value
