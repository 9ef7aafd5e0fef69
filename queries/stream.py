"""Answers rendered straight from the engine's text to JSON or CSV.

The general path (:func:`queries.run_query`, then :func:`render_result`)
builds an rdflib term per distinct value, an :class:`~queries.answer.Answer`
and a dict per row before encoding. For SPARQL questions this module goes
from the engine's TSV lines (:mod:`ontology.term_text`) to bytes: each column
keeps the bytes of every distinct cell text it has seen, with the tidying of
:func:`queries.runner.tidy` (bound columns dropped, ``"; "`` lists sorted)
done when a text is first met, so a row costs a split, a lookup per cell
and a join, all in C. The output is byte for byte what the general path
gives (tested on every question).

A page is a slice of the answer's lines: only the window's rows are encoded.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring  # what json.dumps uses with ensure_ascii=False
from operator import itemgetter
from typing import cast

from ontology.formats import SOLUTION_FORMATS
from ontology.paging import FULL, Page, Value
from ontology.store import Store
from ontology.term_text import parse_term, split_quoted
from queries.analysis import memo_of
from queries.answer import FORMULA_STARTS, NUMERIC
from queries.label_index import question_text
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
        columns, lines = answer_lines(store, question, params or {}, lang)
    else:
        columns, lines = _materialised(store, question, params or {}, lang)
    return writer_for(fmt, columns).render(lines, page, caps)


def writer_for(fmt: str, columns: Columns) -> RowWriter:
    """The writer of ``fmt`` (one of :data:`STREAMED_FORMATS`) for these columns."""
    return _JsonWriter(columns) if fmt == "json" else _CsvWriter(columns)


@dataclass(frozen=True)
class Columns:
    """The answer's columns: where each is in the engine's rows, and which hold lists."""

    variables: tuple[str, ...]
    indices: tuple[int, ...]
    listed: tuple[bool, ...]


def answer_lines(
    store: Store, question: Question, params: Mapping[str, str], lang: str
) -> tuple[Columns, list[str]]:
    """The answer's columns and the engine's row lines (tidied when written)."""
    bindings = bind_parameters(store, question, params)
    text = question_text(store, question, bindings)  # search: ranked by the label index
    answer = store.select_lines(text, sparql_bindings(question, bindings, lang))
    dropped = dropped_columns(question, bindings)
    keep = tuple(i for i, name in enumerate(answer.variables) if name not in dropped)
    columns = Columns(
        tuple(answer.variables[i] for i in keep),
        keep,
        tuple(answer.variables[i] in question.lists for i in keep),
    )
    return columns, answer.lines


def _materialised(
    store: Store, question: Question, params: Mapping[str, str], lang: str
) -> tuple[Columns, list[str]]:
    """The whole answer, kept per store version for the pages that follow.

    The questions sort their rows, so the engine evaluates the whole answer
    for any page: the next pages are then cut from what the first one kept.
    """
    kept: OrderedDict[Hashable, tuple[Columns, list[str]]]
    kept = memo_of(store).setdefault("materialised", OrderedDict())
    key = (question.id, lang, tuple(sorted(params.items())))
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    kept[key] = answer_lines(store, question, params, lang)
    while len(kept) > MATERIALISED_ANSWERS:
        kept.popitem(last=False)
    return kept[key]


def _tidied(value: Value | None, listed: bool) -> Value | None:
    """The value as the answer states it: a list's items sorted, an empty list unbound."""
    if not listed or value is None:
        return value
    items = _sorted_items(value.value)
    return Value("literal", items) if items else None


def _sorted_items(text: str) -> str:
    """A list's distinct items in their natural order ("" when it has none)."""
    if LIST_SEPARATOR not in text:
        return text
    return LIST_SEPARATOR.join(sorted(set(text.split(LIST_SEPARATOR)) - {""}, key=_item_key))


# Items repeat from list to list (a role's label in each of its holders'):
# their sort keys (folded text) are worth keeping.
_item_key = functools.lru_cache(maxsize=1 << 16)(natural_key)


def fit(
    window: Iterable[bytes], caps: Caps, frame: int, separator: int
) -> tuple[list[bytes], bool]:
    """The encoded rows of ``window`` that fit in the caps, and whether any did not.

    A cap keeps a prefix of the window: the first row over it ends the body.
    """
    if caps.rows is None and caps.bytes is None:
        return list(window), False
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


# A column's encoding of one cell's text: bytes, or None when the cell is left out.
Encode = Callable[[str], bytes | None]
_GET = dict.__getitem__


class _Encoded(dict[str, bytes | None]):
    """One column's bytes for each distinct cell text, encoded the first time it is met."""

    def __init__(self, encode: Encode, unbound: bytes | None) -> None:
        super().__init__({"": unbound})
        self._encode = encode

    def __missing__(self, text: str) -> bytes | None:
        encoded = self[text] = self._encode(text)
        return encoded


class RowWriter(ABC):
    """Encodes row lines, each distinct text of a column once; cuts at the page and caps."""

    media_type: str
    separator: bytes
    # What an unbound cell is written as.
    unbound: bytes | None = None

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.variables = columns.variables
        self._encoded = [
            _Encoded(self.encoder(name, listed), self.unbound)
            for name, listed in zip(columns.variables, columns.listed, strict=True)
        ]
        self._pick = _picker(columns.indices)

    def render(self, lines: Sequence[str], page: Page, caps: Caps) -> Rendered:
        """The page's rows encoded; ``total`` counts every line."""
        total = len(lines)
        window = map(self.row, lines[page.slice(total)])
        opening, closing = self.opening(), self.closing()
        parts, truncated = fit(window, caps, len(opening) + len(closing), len(self.separator))
        return Rendered(
            opening + self.separator.join(parts) + closing,
            self.media_type,
            truncated,
            total=total,
            offset=page.offset,
            rows=len(parts),
        )

    def cells(self, line: str) -> map[bytes | None]:
        """The kept cells of a row line, encoded, from each column's memo."""
        return map(_GET, self._encoded, self._pick(line.split("\t")))

    @abstractmethod
    def encoder(self, name: str, listed: bool) -> Encode:
        """How a cell text of column ``name`` is written (tidied first when ``listed``)."""

    @abstractmethod
    def opening(self) -> bytes:
        """The bytes before the rows."""

    @abstractmethod
    def closing(self) -> bytes:
        """The bytes after the rows."""

    @abstractmethod
    def row(self, line: str) -> bytes:
        """One row, encoded."""


def _picker(indices: tuple[int, ...]) -> Callable[[list[str]], Sequence[str]]:
    """The cells at ``indices`` of a split line, as a sequence (itemgetter's, in C)."""
    if len(indices) == 1:
        index = indices[0]
        return lambda cells: (cells[index],)
    if not indices:
        return lambda cells: ()
    return itemgetter(*indices)


class _JsonWriter(RowWriter):
    """SPARQL 1.1 Results JSON, spaced as ``json.dumps`` spaces it."""

    media_type = SOLUTION_FORMATS["json"]
    separator = b", "

    def encoder(self, name: str, listed: bool) -> Encode:
        return _json_encoder(name, listed)

    def opening(self) -> bytes:
        return _json_opening(self.variables)

    def closing(self) -> bytes:
        return b"]}}"

    def row(self, line: str) -> bytes:
        return b"{" + b", ".join(filter(None, self.cells(line))) + b"}"


# The same few columns are written answer after answer: their encoders and
# heads are made once (a small answer's fixed cost is mostly such set-up).
@functools.lru_cache(maxsize=512)
def _json_encoder(name: str, listed: bool) -> Encode:
    """How a cell text of column ``name`` is written in JSON (as ``"name": {...}``)."""
    prefix = encode_basestring(name) + ": "
    literal, uri = prefix + _JSON_LITERAL, prefix + _JSON_URI

    def encode_list(text: str) -> bytes | None:
        if text[0] == '"' and listed:  # a list is written as a plain literal of sorted items
            lexical = _sorted_items(split_quoted(text)[0])
            return (literal + encode_basestring(lexical) + "}").encode() if lexical else None
        tidied = _tidied(parse_term(text), listed)
        return None if tidied is None else (prefix + _json_term(tidied)).encode("utf-8")

    def encode(text: str) -> bytes | None:
        # Straight from the TSV text for the usual terms: most cells are distinct.
        if text[0] == '"':
            lexical, suffix = split_quoted(text)
            return (literal + encode_basestring(lexical) + _JSON_TAILS[suffix]).encode("utf-8")
        if text[0] == "<" and text[1] != "<":
            return (uri + encode_basestring(text[1:-1]) + "}").encode("utf-8")
        return encode_list(text)

    return encode_list if listed else encode


@functools.lru_cache(maxsize=512)
def _json_opening(variables: tuple[str, ...]) -> bytes:
    head = json.dumps({"vars": list(variables)}, ensure_ascii=False)
    return f'{{"head": {head}, "results": {{"bindings": ['.encode()


def _json_term(value: Value) -> str:
    """The term as ``json.dumps`` writes its dict (type, value, then xml:lang or datatype)."""
    kind, lexical = encode_basestring(value.kind), encode_basestring(value.value)
    return '{"type": ' + kind + ', "value": ' + lexical + _json_tail(value)


def _json_tail(value: Value) -> str:
    """What follows the term's value in its JSON dict."""
    if value.language:
        return ', "xml:lang": ' + encode_basestring(value.language) + "}"
    if value.datatype is not None:
        return ', "datatype": ' + encode_basestring(value.datatype) + "}"
    return "}"


class _JsonTails(dict[str, str]):
    """The JSON tail of a literal for each text TSV writes after its quotes (``@vi``...)."""

    def __missing__(self, suffix: str) -> str:
        value = parse_term('""' + suffix)
        tail = self[suffix] = _json_tail(value) if value is not None else "}"
        return tail


_JSON_TAILS = _JsonTails()
_JSON_LITERAL = '{"type": "literal", "value": '
_JSON_URI = '{"type": "uri", "value": '


class _CsvWriter(RowWriter):
    """CSV with a header row; cells a spreadsheet would run as formulas are quoted."""

    media_type = SOLUTION_FORMATS["csv"]
    separator = b""
    unbound = b""

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
        def encode(text: str) -> bytes | None:
            tidied = _tidied(parse_term(text), listed)
            cell = "" if tidied is None else _csv_cell(tidied)
            # Quoted as the csv module quotes a field (an empty one alone in a row aside).
            return self._line([cell])[:-2] if cell else b""

        return encode

    def opening(self) -> bytes:
        return self._line(list(self.variables))

    def closing(self) -> bytes:
        return b""

    def row(self, line: str) -> bytes:
        joined = b",".join(cast("map[bytes]", self.cells(line)))  # CSV's unbound cells are b""
        if not joined and len(self.variables) == 1:
            return b'""\r\n'  # the csv module's one empty field, told apart from no field
        return joined + b"\r\n"


def _csv_cell(value: Value) -> str:
    numeric = value.kind == "literal" and value.datatype in _NUMERIC
    if value.value.startswith(FORMULA_STARTS) and not numeric:
        return "'" + value.value
    return value.value
