"""The store: one interface over the engines, one class per engine.

:class:`Store` is what every layer above holds. Each engine owns how it
answers (``select``, the plain-value fast path ``select_values``, ``ask``,
``construct``, streaming of rows, serialisation) and says whether its
answers may be kept (``cacheable``) and whether it needs the network:

- :class:`~ontology.store_oxigraph.OxigraphStore` (``oxigraph``): pyoxigraph,
  in memory or on disk; cacheable.
- :class:`~ontology.store_rdflib.MemoryStore` (``memory``): rdflib's memory
  graph, the reference engine; cacheable.
- :class:`~ontology.store_remote.RemoteStore` (an ``http(s)://`` URL): any
  SPARQL 1.1 endpoint; never cached (its data can change), needs the network.

Every catalogue question must answer alike on all of them, so the
differences (how parameters are bound, how terms come back, how errors are
reported) stop in these modules. :func:`ontology.load_regulation` only
chooses the class.
"""

from __future__ import annotations

import typing
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from ontology.namespaces import PREFIXES
from ontology.paging import XSD_STRING, Page, Value
from ontology.term_text import TermLines, lines_of

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from ontology.known_labels import Labels

Term = URIRef | BNode | Literal
Row = tuple[Term | None, ...]
Cell = str | None
# What a cell of Store.select_values must hold for its row to be kept.
CellKind = typing.Literal["iri", "literal"]
# The rows of a query started earlier (Store.select_values_later), kept to the first cells given.
ValuesLater = Callable[[Collection[str] | None], list[tuple[Cell, ...]]]
# The local engines (a remote one is named by its URL).
ENGINES: tuple[str, ...] = ("oxigraph", "memory")
# RDF format name -> rdflib serialiser name.
_RDFLIB_NAMES = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt11", "rdfxml": "xml"}


class ValuesQuery(NamedTuple):
    """One query of :meth:`Store.select_values_each`, with what ``select_values`` takes."""

    text: str
    bindings: Mapping[str, str] | None = None
    # What the first cells of a row must be (rows with other terms there are dropped).
    kinds: Sequence[CellKind] = ()


def _is_of_kind(kind: CellKind, term: Term | None) -> bool:
    """Whether ``term`` is an IRI (``kind`` ``iri``) or a literal (``literal``)."""
    return isinstance(term, URIRef if kind == "iri" else Literal)


@dataclass(frozen=True)
class Table:
    """A SELECT answer: variable names and rows of rdflib terms (None = unbound)."""

    variables: tuple[str, ...]
    rows: tuple[Row, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def column(self, name: str) -> list[Term | None]:
        """Every value of one variable, row by row."""
        index = self.variables.index(name)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class RowStream:
    """A SELECT answer read row by row: the variables, then rows as the engine yields them."""

    variables: tuple[str, ...]
    rows: Iterator[Row]

    def collect(self) -> Table:
        return Table(self.variables, tuple(self.rows))


class Store(ABC):
    """A loaded knowledge graph plus the shapes that check it.

    Build one with :func:`ontology.load_regulation`; never mutate it after.
    ``engine`` names the engine for people (``/health``).
    """

    engine: ClassVar[str]
    cacheable: ClassVar[bool] = True  # the data never changes while it is open
    needs_network: ClassVar[bool] = False  # workers may be cut off the network

    def __init__(self, *, shapes: Graph, version: str, sources: tuple[str, ...] = ()) -> None:
        self.shapes = shapes
        self.version = version
        self.sources = sources
        # Opened from a folder built once (``orgkg load --into``), not loaded now.
        self.on_disk = False
        # Where what is derived from this version may be kept for later processes
        # (graph.kept): an on-disk store's own folder; None keeps nothing.
        self.kept_in: Path | None = None
        # Every labelled IRI's (label_vi, label_en), read as the data was loaded
        # (ontology.known_labels): graph.projection.node_labels asks the engine otherwise.
        self.known_labels: Mapping[str, Labels] | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(version={self.version!r})"

    # -- reading ---------------------------------------------------------

    @abstractmethod
    def stream(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> RowStream:
        """Run a SELECT query and hand its rows on as the engine yields them.

        ``bindings`` pre-bind variables to RDF terms. A bound variable must
        appear in the SELECT projection (Oxigraph's substitution semantics,
        SEP-0007); every engine is held to it. Errors: QueryError for a bad
        query, StoreError when the engine cannot answer.
        """

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> Table:
        """Run a SELECT query; the whole answer as a :class:`Table`."""
        return self.stream(query, bindings).collect()

    def select_values(
        self,
        query: str,
        bindings: Mapping[str, str] | None = None,
        *,
        first_in: Collection[str] | None = None,
        kinds: Sequence[CellKind] = (),
    ) -> list[tuple[Cell, ...]]:
        """Rows as plain strings (IRIs and lexical forms); ``bindings`` bind IRIs.

        The fast path of the graph projections: an engine may skip building
        rdflib terms, which costs several times the query itself on a big
        store. With ``first_in``, only the rows whose first cell is one of
        those IRIs (an engine may skip the others before reading them). With
        ``kinds``, only the rows whose first cells are of those kinds: the
        test ``FILTER(isIRI(?a) && isLiteral(?b))`` would make, at a fraction
        of the engine's cost for it (a third of a projection's, at 1M triples).
        """
        bound = {key: URIRef(value) for key, value in (bindings or {}).items()}
        rows = [
            tuple(None if value is None else str(value) for value in row)
            for row in self.stream(query, bound).rows
            if all(map(_is_of_kind, kinds, row))
        ]
        return rows if first_in is None else [row for row in rows if row and row[0] in first_in]

    def select_values_each(self, queries: Sequence[ValuesQuery]) -> list[list[tuple[Cell, ...]]]:
        """:meth:`select_values` of each query, in order.

        An engine that can evaluate them at once (Oxigraph, in threads) does;
        this one runs them one after the other.
        """
        return [self.select_values(q.text, q.bindings, kinds=q.kinds) for q in queries]

    def select_values_later(self, query: str, kinds: Sequence[CellKind] = ()) -> ValuesLater:
        """Start :meth:`select_values` of ``query``; the call returned gives its rows.

        The call takes ``first_in``, and this ``kinds``, as :meth:`select_values`
        does. An engine that can evaluate in the background (Oxigraph, in a
        thread) starts now, so the caller's own work overlaps the engine's;
        this one evaluates when called.
        """

        def rows(first_in: Collection[str] | None = None) -> list[tuple[Cell, ...]]:
            return self.select_values(query, first_in=first_in, kinds=kinds)

        return rows

    def serialise_results(self, query: str, fmt: str) -> bytes | None:
        """A SELECT or ASK query's results serialised by the engine itself, or None.

        ``fmt`` is a SPARQL results format (``json``...). None says this
        engine has no native writer for it: the caller builds the answer
        from rows instead. No caps apply here; the caller checks the size.
        """
        return None

    def select_page(
        self, query: str, page: Page, bindings: Mapping[str, Identifier] | None = None
    ) -> tuple[Table, int]:
        """The rows of ``page`` and the number of rows of the whole answer."""
        stream = self.stream(query, bindings)
        rows = tuple(stream.rows)
        return Table(stream.variables, rows[page.slice(len(rows))]), len(rows)

    def select_lines(
        self, query: str, bindings: Mapping[str, Identifier] | None = None
    ) -> TermLines:
        """Run a SELECT query; each row as the TSV line of its terms (:mod:`ontology.term_text`).

        The fast path of big answers: an engine that writes TSV itself hands
        its text on without building a term per cell.
        """
        stream = self.stream(query, bindings)
        converted: dict[Term | None, Value | None] = {None: None}

        def value(term: Term | None) -> Value | None:
            if term not in converted:
                converted[term] = None if term is None else value_of(term)
            return converted[term]

        return lines_of(stream.variables, (tuple(map(value, row)) for row in stream.rows))

    @abstractmethod
    def ask(self, query: str) -> bool:
        """Run an ASK query."""

    @abstractmethod
    def construct(self, query: str) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query; the triples as an rdflib graph."""

    @abstractmethod
    def triples(self) -> Iterator[tuple[Term, Term, Term]]:
        """Every triple of the default graph, as rdflib terms."""

    @abstractmethod
    def __len__(self) -> int:
        """How many triples the default graph holds."""

    def count(self) -> int | None:
        """The number of triples, or None when counting would scan a remote store."""
        return len(self)

    # -- writing out -----------------------------------------------------

    def serialise(self, fmt: str) -> bytes:
        """The default graph as ``ttl``, ``jsonld``, ``nt`` or ``rdfxml``."""
        return serialise_graph(self.data_graph(), fmt)

    def data_graph(self) -> Graph:
        """A plain in-memory rdflib copy (pyshacl and serialisers are fast on it)."""
        return plain_graph(self.triples())


def value_of(term: Term) -> Value:
    """An rdflib term as a plain :class:`~ontology.paging.Value`."""
    if isinstance(term, URIRef):
        return Value("uri", str(term))
    if isinstance(term, BNode):
        return Value("bnode", str(term))
    datatype = None if term.datatype is None else str(term.datatype)
    if term.language or datatype == XSD_STRING:
        datatype = None
    return Value("literal", str(term), term.language or None, datatype)


def plain_graph(triples: Iterable[tuple[Term, Term, Term]] = ()) -> Graph:
    """An rdflib memory graph with the project's prefixes, holding ``triples``."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    graph += triples
    return graph


def serialise_graph(graph: Graph, fmt: str) -> bytes:
    """An rdflib graph as Turtle, JSON-LD (compacted with its prefixes), N-Triples or RDF/XML."""
    name = _RDFLIB_NAMES[fmt]
    if name == "json-ld":
        context = {prefix: str(iri) for prefix, iri in graph.namespaces() if prefix}
        data: bytes = graph.serialize(format="json-ld", context=context, encoding="utf-8")
    else:
        data = graph.serialize(format=name, encoding="utf-8")
    return data
