"""Answers rendered straight from the engine's values to JSON or CSV.

The general path (:func:`queries.run_query`, then :func:`render_result`)
builds an rdflib term per distinct value, an :class:`~queries.answer.Answer`
and a dict per row before encoding. For SPARQL questions this module goes
from the engine's plain :class:`~ontology.paging.Value` s to bytes, applying
the same tidying as :func:`queries.runner.tidy` (bound columns dropped,
``"; "`` lists sorted) and encoding each distinct value once. The output is
byte for byte what the general path gives (tested on every question).

A page is cut from the counted rows: every row is counted (so the page knows
the total) but only the window's rows are encoded.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass

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
        variables, rows = tidied_answer(store, question, params or {}, lang)
    else:
        variables, rows = _materialised(store, question, params or {}, lang)
    return writer_for(fmt, variables).render(rows, page, caps)


def writer_for(fmt: str, variables: tuple[str, ...]) -> RowWriter:
    """The writer of ``fmt`` (one of :data:`STREAMED_FORMATS`) for these columns."""
    return _JsonWriter(variables) if fmt == "json" else _CsvWriter(variables)


def tidied_answer(
    store: Store, question: Question, params: Mapping[str, str], lang: str
) -> tuple[tuple[str, ...], Iterable[ValueRow]]:
    """The question's variables and its tidied rows, as the engine yields them."""
    bindings = bind_parameters(store, question, params)
    stream = store.stream_values(question.text, sparql_bindings(question, bindings, lang))
    dropped = dropped_columns(question, bindings)
    keep = [i for i, name in enumerate(stream.variables) if name not in dropped]
    variables = tuple(stream.variables[i] for i in keep)
    columns = [(i, stream.variables[i] in question.lists) for i in keep]
    return variables, _tidied(stream.rows, columns)


def _materialised(
    store: Store, question: Question, params: Mapping[str, str], lang: str
) -> tuple[tuple[str, ...], list[ValueRow]]:
    """The whole tidied answer, kept per store version for the pages that follow.

    The questions sort their rows, so the engine evaluates the whole answer
    for any page: the next pages are then cut from what the first one kept.
    """
    kept: OrderedDict[Hashable, tuple[tuple[str, ...], list[ValueRow]]]
    kept = memo_of(store).setdefault("materialised", OrderedDict())
    key = (question.id, lang, tuple(sorted(params.items())))
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    variables, rows = tidied_answer(store, question, params, lang)
    kept[key] = (variables, list(rows))
    while len(kept) > MATERIALISED_ANSWERS:
        kept.popitem(last=False)
    return kept[key]


def _tidied(rows: Iterable[ValueRow], columns: list[tuple[int, bool]]) -> Iterable[ValueRow]:
    """Rows with the bound columns dropped and list cells sorted (each distinct cell once)."""
    lists: dict[Value, Value | None] = {}
    for row in rows:
        out: list[Value | None] = []
        for index, listed in columns:
            value = row[index]
            if listed and value is not None:
                if value not in lists:
                    lists[value] = _sorted_list(value)
                value = lists[value]
            out.append(value)
        yield tuple(out)


def _sorted_list(value: Value) -> Value | None:
    items = sorted(set(value.value.split(LIST_SEPARATOR)) - {""}, key=natural_key)
    return Value("literal", LIST_SEPARATOR.join(items)) if items else None


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


class _Counter(Iterator[ValueRow]):
    """Rows passed through, counted; ``drain`` counts the ones nobody read."""

    def __init__(self, rows: Iterable[ValueRow]) -> None:
        self._rows = iter(rows)
        self.count = 0

    def __next__(self) -> ValueRow:
        row = next(self._rows)
        self.count += 1
        return row

    def drain(self) -> None:
        self.count += sum(1 for _ in self._rows)


class RowWriter(ABC):
    """Encodes rows one by one, each distinct value once; cuts at the page and the caps."""

    media_type: str
    separator: bytes

    def __init__(self, variables: tuple[str, ...]) -> None:
        self.variables = variables
        self._encoded: dict[Value, str] = {}

    def render(self, rows: Iterable[ValueRow], page: Page, caps: Caps) -> Rendered:
        """The page's rows encoded, every row counted (so the page knows the total)."""
        counted = _Counter(rows)
        window = (self.row(row) for row in itertools.islice(counted, page.offset, page.end))
        parts, truncated = fit(window, caps, self.frame_size(), len(self.separator))
        counted.drain()
        return Rendered(
            self.opening() + self.separator.join(parts) + self.closing(),
            self.media_type,
            truncated,
            total=counted.count,
            offset=page.offset,
            rows=len(parts),
        )

    def frame_size(self) -> int:
        """The bytes of the body around its rows."""
        return len(self.opening()) + len(self.closing())

    def cell(self, value: Value, encode: Callable[[Value], str]) -> str:
        found = self._encoded.get(value)
        if found is None:
            found = self._encoded.setdefault(value, encode(value))
        return found

    @abstractmethod
    def opening(self) -> bytes:
        """The bytes before (or after) the rows."""

    @abstractmethod
    def closing(self) -> bytes:
        """The bytes before (or after) the rows."""

    @abstractmethod
    def row(self, row: ValueRow) -> bytes:
        """One row, encoded."""


class _JsonWriter(RowWriter):
    """SPARQL 1.1 Results JSON, spaced as ``json.dumps`` spaces it."""

    media_type = SOLUTION_FORMATS["json"]
    separator = b", "

    def __init__(self, variables: tuple[str, ...]) -> None:
        super().__init__(variables)
        self._names = [json.dumps(name, ensure_ascii=False) + ": " for name in variables]

    def opening(self) -> bytes:
        head = json.dumps({"vars": list(self.variables)}, ensure_ascii=False)
        return f'{{"head": {head}, "results": {{"bindings": ['.encode()

    def closing(self) -> bytes:
        return b"]}}"

    def row(self, row: ValueRow) -> bytes:
        cells = [
            name + self.cell(value, _json_term)
            for name, value in zip(self._names, row, strict=True)
            if value is not None
        ]
        return ("{" + ", ".join(cells) + "}").encode("utf-8")


def _json_term(value: Value) -> str:
    encoded = {"type": value.kind, "value": value.value}
    if value.language:
        encoded["xml:lang"] = value.language
    elif value.datatype is not None:
        encoded["datatype"] = value.datatype
    return json.dumps(encoded, ensure_ascii=False)


class _CsvWriter(RowWriter):
    """CSV with a header row; cells a spreadsheet would run as formulas are quoted."""

    media_type = SOLUTION_FORMATS["csv"]
    separator = b""

    def __init__(self, variables: tuple[str, ...]) -> None:
        super().__init__(variables)
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\r\n")

    def _line(self, cells: list[str]) -> bytes:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow(cells)
        return self._buffer.getvalue().encode("utf-8")

    def opening(self) -> bytes:
        return self._line(list(self.variables))

    def closing(self) -> bytes:
        return b""

    def row(self, row: ValueRow) -> bytes:
        return self._line(["" if value is None else self.cell(value, _csv_cell) for value in row])


def _csv_cell(value: Value) -> str:
    numeric = value.kind == "literal" and value.datatype in _NUMERIC
    if value.value.startswith(FORMULA_STARTS) and not numeric:
        return "'" + value.value
    return value.value
