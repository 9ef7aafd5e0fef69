"""The ``oxigraph`` engine: pyoxigraph queried directly (no rdflib round trip).

The store behind it is in memory (no ``location``, what the loader builds)
or on disk (``location``, a folder); this class answers the same either way.
The loader fills it through the loading methods (``add_quads``,
``bulk_load``, ``add_text``, ``add_folded_labels``) before anything reads it.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from ontology.errors import QueryError, StoreError
from ontology.namespaces import PREFIXES
from ontology.paging import Page
from ontology.plain_values import Cells, plain_rows
from ontology.sparql import read_sparql
from ontology.store import (
    Cell,
    CellKind,
    Row,
    RowStream,
    Store,
    Table,
    Term,
    ValuesLater,
    ValuesQuery,
    plain_graph,
)
from ontology.term_text import TermLines, read_lines

_RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
# The results formats whose Oxigraph writer matches orgkg's own output. orgkg
# writes the others: CSV and TSV quote cells a spreadsheet would run, and XML
# drops the control characters XML 1.0 cannot hold (Oxigraph writes them).
_RESULTS_FORMATS = {"json": ox.QueryResultsFormat.JSON}
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
# The niceness of a thread reading for later (select_values_later).
LATER_NICENESS = 10
# Queries evaluated at once (select_values_each) take no more threads than there are cores.
_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class OxigraphStore(Store):
    """A pyoxigraph store; the embedded default (8-80x rdflib's speed at 1M triples)."""

    engine = "oxigraph"

    def __init__(
        self,
        *,
        shapes: Graph,
        version: str,
        sources: tuple[str, ...] = (),
        location: Path | None = None,
        native: ox.Store | None = None,
        triples: int | None = None,
        on_disk: bool = False,
        kept_in: Path | None = None,
    ) -> None:
        super().__init__(shapes=shapes, version=version, sources=sources)
        self.on_disk = on_disk or location is not None
        self.kept_in = kept_in
        if native is not None:
            self._store = native
        else:
            self._store = ox.Store() if location is None else ox.Store(str(location))
        # Counting an on-disk store reads all of it: its manifest knows the count.
        self._triples = triples

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph store itself (the benchmark measures the engine's floor on it)."""
        return self._store

    # -- loading (before anything reads the store) -------------------------

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add parsed quads, each into the default graph."""
        self._triples = None  # counted again when asked
        default = ox.DefaultGraph()
        self._store.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in quads)

    def add_triples(self, triples: Iterable[tuple[Term, Term, Term]]) -> None:
        """Add rdflib triples into the default graph (a view built from another store)."""
        self._triples = None  # counted again when asked
        default = ox.DefaultGraph()
        self._store.extend(
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), default)  # type: ignore[arg-type]
            for s, p, o in triples
        )

    def bulk_load(
        self, source: bytes | BinaryIO | Path, fmt: ox.RdfFormat, *, base_iri: str, lenient: bool
    ) -> None:
        """Let Oxigraph parse and load a big file (its bytes, or read from its path itself).

        ``lenient``: without the engine's checks of IRIs, language tags and line jumps in
        strings, for a text its caller checks (:mod:`ontology.strict_syntax`) or wrote.
        """
        self._triples = None  # counted again when asked
        path, data = (source, None) if isinstance(source, Path) else (None, source)
        self._store.bulk_load(
            data, fmt, path=path, base_iri=base_iri, to_graph=ox.DefaultGraph(), lenient=lenient
        )

    def add_text(self, text: bytes, fmt: ox.RdfFormat, *, base_iri: str, lenient: bool) -> None:
        """A text's triples in one transaction (``lenient`` as for :meth:`bulk_load`): into a
        store holding a big file, cheaper than a second ``bulk_load`` (0.75 s against 1.05 s)."""
        self._triples = None  # counted again when asked
        self._store.load(
            input=text, format=fmt, base_iri=base_iri, to_graph=ox.DefaultGraph(), lenient=lenient
        )

    def add_folded_labels(self, fold: Callable[[str], str]) -> None:
        """Add ``skos:hiddenLabel``, the folded search form, beside every label."""
        self._triples = None  # counted again when asked
        hidden = ox.NamedNode(PREFIXES["skos"] + "hiddenLabel")
        default = ox.DefaultGraph()
        # Labels repeat (names, titles, code lists): fold each distinct one once.
        folds: dict[tuple[str, str | None], ox.Literal | None] = {}
        additions: list[ox.Quad] = []
        for subject, label in self._solutions(read_sparql("fold-labels"), {}):  # type: ignore[misc]
            key = (label.value, label.language)
            if key not in folds:
                folds[key] = _folded_literal(label, fold)
            literal = folds[key]
            if literal is not None:
                additions.append(ox.Quad(subject, hidden, literal, default))
        self._store.extend(additions)

    # -- reading -------------------------------------------------------------

    def stream(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> RowStream:
        solutions = self._solutions(query, {k: to_ox(v) for k, v in (bindings or {}).items()})
        variables = tuple(v.value for v in solutions.variables)
        return RowStream(variables, _converted_rows(solutions))

    def select_values(
        self,
        query: str,
        bindings: Mapping[str, str] | None = None,
        *,
        first_in: Collection[str] | None = None,
        kinds: Sequence[CellKind] = (),
    ) -> list[tuple[Cell, ...]]:
        return plain_rows(self._tsv(query, bindings), first_in, kinds=kinds)

    def select_values_each(self, queries: Sequence[ValuesQuery]) -> list[list[tuple[Cell, ...]]]:
        """The engine evaluates the queries at once, one thread each.

        pyoxigraph releases the GIL while it evaluates and writes an answer
        as TSV, so on two cores the engine's parts overlap, and Python reads
        each answer (holding the GIL) while the engine still writes the others.
        The answers share one cache of cells: an IRI in several of them is
        read once, and is the same string in each.
        """
        if len(queries) < 2:
            return [self.select_values(q.text, q.bindings, kinds=q.kinds) for q in queries]
        cells = Cells()
        with ThreadPoolExecutor(max_workers=min(len(queries), _CORES)) as pool:
            answers = {
                pool.submit(self._tsv, q.text, q.bindings): index for index, q in enumerate(queries)
            }
            read: dict[int, list[tuple[Cell, ...]]] = {}
            for answer in as_completed(answers):  # read one while the engine writes the others
                index = answers[answer]
                kinds = queries[index].kinds
                read[index] = plain_rows(answer.result(), cells=cells, kinds=kinds)
        return [read[index] for index in range(len(queries))]

    def select_values_later(self, query: str, kinds: Sequence[CellKind] = ()) -> ValuesLater:
        """The engine starts now, in a thread of its own (it releases the GIL), at low priority.

        What is read for later must not slow what the caller needs first: on two
        cores, reading every label beside the projection's queries at the same
        priority made cold single points of failure at 1M triples 0.12 s slower
        (medians of 9 interleaved calls: 1.42 against 1.30 s).
        """
        pool = ThreadPoolExecutor(max_workers=1)

        def evaluate() -> bytes:
            _lower_priority()
            return self._tsv(query, None)

        answer = pool.submit(evaluate)
        pool.shutdown(wait=False)  # the thread ends with the evaluation

        def rows(first_in: Collection[str] | None = None) -> list[tuple[Cell, ...]]:
            return plain_rows(answer.result(), first_in, kinds=kinds)

        return rows

    def _tsv(self, query: str, bindings: Mapping[str, str] | None) -> bytes:
        """The SELECT answer written by the engine as TSV (evaluated with the GIL released)."""
        solutions = self._solutions(
            query, {k: ox.NamedNode(v) for k, v in (bindings or {}).items()}
        )
        return _written_tsv(solutions)

    def serialise_results(self, query: str, fmt: str) -> bytes | None:
        """Oxigraph's own results writers: no Python object per cell."""
        writer = _RESULTS_FORMATS.get(fmt)
        if writer is None:
            return None
        result = self._query(query, {})
        if isinstance(result, ox.QueryTriples):
            return None
        try:
            body = result.serialize(format=writer)
        except (RuntimeError, ValueError) as exc:  # raised while evaluating lazily
            raise QueryError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(f"the store could not answer: {exc}") from exc
        return body if body is not None else b""

    def select_page(
        self, query: str, page: Page, bindings: Mapping[str, Identifier] | None = None
    ) -> tuple[Table, int]:
        """Count every solution, convert only those inside ``page``."""
        solutions = self._solutions(query, {k: to_ox(v) for k, v in (bindings or {}).items()})
        variables = tuple(v.value for v in solutions.variables)
        start, end = page.offset, page.end
        kept: list[ox.QuerySolution] = []
        total = 0
        for solution in solutions:
            if total >= start and (end is None or total < end):
                kept.append(solution)
            total += 1
        return Table(variables, tuple(_converted_rows(iter(kept)))), total

    def select_lines(
        self, query: str, bindings: Mapping[str, Identifier] | None = None
    ) -> TermLines:
        # Written by the engine, kept as its lines (ontology.term_text).
        solutions = self._solutions(query, {k: to_ox(v) for k, v in (bindings or {}).items()})
        return read_lines(_written_tsv(solutions))

    def ask(self, query: str) -> bool:
        result = self._query(query, {})
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("not an ASK query")
        return bool(result)

    def construct(self, query: str) -> Graph:
        result = self._query(query, {})
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        return plain_graph(
            (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))  # type: ignore[misc]
            for t in result
        )

    def triples(self) -> Iterator[tuple[Term, Term, Term]]:
        for quad in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)  # type: ignore[misc]

    def __len__(self) -> int:
        if self._triples is None:
            self._triples = len(self._store)
        return self._triples

    def serialise(self, fmt: str) -> bytes:
        """Oxigraph's own serialisers: fast, and literals keep the store's lexical forms."""
        quads = self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        data = ox.serialize(
            (quad.triple for quad in quads), format=_RDF_FORMATS[fmt], prefixes=PREFIXES
        )
        return data if data is not None else b""

    def _solutions(self, query: str, substitutions: Mapping[str, OxTerm]) -> ox.QuerySolutions:
        solutions = self._query(query, substitutions)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("not a SELECT query")
        return solutions

    def _query(
        self, query: str, substitutions: Mapping[str, OxTerm]
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        try:
            return self._store.query(
                query,
                prefixes=PREFIXES,
                substitutions={ox.Variable(k): v for k, v in substitutions.items()},
            )
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except RuntimeError as exc:  # e.g. a bound variable missing from the projection
            raise QueryError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(f"the store could not answer: {exc}") from exc


def from_ox(term: OxTerm | ox.Triple | None) -> Term | None:
    """Convert a pyoxigraph term to the rdflib term every layer above uses."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"unsupported RDF term from the store: {term!r}")


def to_ox(term: Identifier) -> OxTerm:
    """Convert an rdflib term to a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"unsupported RDF term: {term!r}")


def _converted_rows(solutions: Iterator[ox.QuerySolution] | ox.QuerySolutions) -> Iterator[Row]:
    """The solutions as rows of rdflib terms, each distinct term converted once.

    Building an rdflib Literal is the slow part of a large answer, and answers
    repeat terms (a unit's label on each of its posts): memoising cuts the
    conversion of a 3,000-row answer by two thirds.
    """
    converted: dict[object, Term | None] = {None: None}
    for solution in solutions:
        row: list[Term | None] = []
        for value in solution:
            if value in converted:
                row.append(converted[value])
            else:
                row.append(converted.setdefault(value, from_ox(value)))
        yield tuple(row)


def _written_tsv(solutions: ox.QuerySolutions) -> bytes:
    """The solutions written by the engine as TSV (evaluated with the GIL released)."""
    try:
        tsv = solutions.serialize(format=ox.QueryResultsFormat.TSV)
    except (RuntimeError, ValueError) as exc:  # raised while evaluating lazily
        raise QueryError(str(exc)) from exc
    except OSError as exc:
        raise StoreError(f"the store could not answer: {exc}") from exc
    return tsv or b""


def select_variables(query: str) -> tuple[str, ...] | None:
    """The variables a query projects (None: not a SELECT), found without any data.

    Runs it on an empty store, so nothing is read and nothing reaches out;
    a syntax error is a QueryError carrying Oxigraph's message.
    """
    try:
        solutions = ox.Store().query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        return None
    return tuple(variable.value for variable in solutions.variables)


def _folded_literal(label: ox.Literal, fold: Callable[[str], str]) -> ox.Literal | None:
    """The folded form of a label, in its language; None when nothing is left."""
    folded = fold(label.value)
    if not folded:
        return None
    return ox.Literal(folded, language=label.language) if label.language else ox.Literal(folded)


def _lower_priority() -> None:
    """Lower the calling thread's CPU priority where a thread has its own (Linux: a thread id
    is a process id to ``setpriority``; elsewhere it would name the whole process)."""
    if sys.platform != "linux":
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LATER_NICENESS)
    except OSError:
        return
