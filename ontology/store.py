"""The store: one interface over the three engines.

``oxigraph`` is pyoxigraph in memory, queried directly (no rdflib round trip);
``memory`` is rdflib's pure-Python graph, the reference engine; an
``http(s)://`` URL is any SPARQL 1.1 endpoint, read through rdflib's
SPARQLStore. Every catalogue question must answer alike on all three, so the
differences (how parameters are bound, how terms come back) stop here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Identifier, Variable

from ontology.dialect import Dialect, probe_dialect
from ontology.errors import QueryError, StoreError
from ontology.namespaces import PREFIXES

Term = URIRef | BNode | Literal
Row = tuple[Term | None, ...]
EngineName = TypingLiteral["oxigraph", "memory", "sparql"]

ENGINES: tuple[str, ...] = ("oxigraph", "memory")


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
        index = self.variables.index(name)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> Term | None:
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


def _converted_rows(solutions: ox.QuerySolutions) -> tuple[Row, ...]:
    """The solutions as rows of rdflib terms, each distinct term converted once.

    Building an rdflib Literal is the slow part of a large answer, and answers
    repeat terms (a unit's label on each of its posts): memoising cuts the
    conversion of a 3,000-row answer by two thirds.
    """
    converted: dict[object, Term | None] = {None: None}
    rows: list[Row] = []
    for solution in solutions:
        row: list[Term | None] = []
        for value in solution:
            if value in converted:
                row.append(converted[value])
            else:
                row.append(converted.setdefault(value, from_ox(value)))
        rows.append(tuple(row))
    return tuple(rows)


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
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


@dataclass
class Store:
    """A loaded knowledge graph plus the shapes that check it.

    Build one with :func:`ontology.load_regulation`; never mutate it after.
    """

    engine: EngineName
    shapes: Graph
    version: str
    sources: tuple[str, ...] = ()
    endpoint: str | None = None
    _ox: ox.Store | None = field(default=None, repr=False)
    _graph: Graph | None = field(default=None, repr=False)
    _dialect: Dialect | None = field(default=None, repr=False)

    # -- reading ---------------------------------------------------------

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> Table:
        """Run a SELECT query; ``bindings`` pre-bind variables to RDF terms.

        A bound variable must appear in the SELECT projection (Oxigraph's
        substitution semantics, SEP-0007); the other engines are held to it.
        """
        bindings = dict(bindings or {})
        if self._ox is not None:
            try:
                solutions = self._ox.query(
                    query,
                    prefixes=PREFIXES,
                    substitutions={ox.Variable(k): to_ox(v) for k, v in bindings.items()},
                )
            except SyntaxError as exc:
                raise QueryError(f"SPARQL syntax error: {exc}") from exc
            except RuntimeError as exc:  # e.g. a bound variable missing from the projection
                raise QueryError(str(exc)) from exc
            except OSError as exc:
                raise StoreError(f"the store could not answer: {exc}") from exc
            if not isinstance(solutions, ox.QuerySolutions):
                raise QueryError("not a SELECT query")
            variables = tuple(v.value for v in solutions.variables)
            return Table(variables, _converted_rows(solutions))
        result = self.query(query, bindings)
        if result.type != "SELECT":
            raise QueryError("not a SELECT query")
        names = tuple(str(v) for v in result.vars or ())
        out_rows: list[Row] = []
        for solution in result:
            out_rows.append(tuple(solution[i] for i in range(len(names))))  # type: ignore[index,misc]
        return Table(names, tuple(out_rows))

    def query(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run any read query and return rdflib's Result (for the SPARQL endpoint)."""
        graph = self.rdflib_graph()
        init = {Variable(k): v for k, v in (bindings or {}).items()}
        text = query
        namespaces: Mapping[str, str] = PREFIXES
        if self.engine == "sparql":
            if init:
                text, init = _inject_values(query, init), {}
            text, namespaces = self._remote_dialect().prepare(text, PREFIXES), {}
        try:
            return graph.query(text, initNs=namespaces, initBindings=init)  # type: ignore[arg-type]
        except (SyntaxError, ValueError) as exc:
            raise QueryError(f"SPARQL error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the store could not answer: {exc}") from exc

    def _remote_dialect(self) -> Dialect:
        """The remote server's dialect, asked once (see :mod:`ontology.dialect`)."""
        if self._dialect is None:
            self._dialect = probe_dialect(self.endpoint or "")
        return self._dialect

    def triples(self) -> Iterator[tuple[Term, Term, Term]]:
        """Every triple of the default graph, as rdflib terms."""
        if self._ox is not None:
            for quad in self._ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
                yield from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)  # type: ignore[misc]
            return
        yield from self.rdflib_graph().triples((None, None, None))  # type: ignore[misc]

    def __len__(self) -> int:
        if self._ox is not None:
            return len(self._ox)
        table = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        value = table.rows[0][0] if table.rows else None
        return int(value) if isinstance(value, Literal) else 0

    # -- views -----------------------------------------------------------

    def rdflib_graph(self) -> Graph:
        """A queryable rdflib view of the store (oxrdflib for oxigraph)."""
        if self._graph is None:
            if self._ox is None:
                raise StoreError("the store holds no graph")
            from oxrdflib import OxigraphStore  # noqa: PLC0415 (only /sparql needs it)

            # The data sits in Oxigraph's default graph: name it, or rdflib
            # would query a fresh, empty graph of its own.
            self._graph = Graph(
                store=OxigraphStore(store=self._ox), identifier=DATASET_DEFAULT_GRAPH_ID
            )
        return self._graph

    def data_graph(self) -> Graph:
        """A plain in-memory rdflib copy (pyshacl and serialisers are fast on it)."""
        if self.engine == "memory" and self._graph is not None:
            return self._graph
        copy = Graph()
        for prefix, iri in PREFIXES.items():
            copy.bind(prefix, iri)
        copy += self.triples()
        return copy

    @property
    def oxigraph(self) -> ox.Store | None:
        """The pyoxigraph store behind the ``oxigraph`` engine, for hot paths."""
        return self._ox


# RDF format name -> rdflib serialiser name.
_RDFLIB_NAMES = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt11", "rdfxml": "xml"}


def serialise_graph(graph: Graph, fmt: str) -> bytes:
    """An rdflib graph as Turtle, JSON-LD (compacted with its prefixes), N-Triples or RDF/XML."""
    name = _RDFLIB_NAMES[fmt]
    if name == "json-ld":
        context = {prefix: str(iri) for prefix, iri in graph.namespaces() if prefix}
        data: bytes = graph.serialize(format="json-ld", context=context, encoding="utf-8")
    else:
        data = graph.serialize(format=name, encoding="utf-8")
    return data


# A "{" that opens inline data (VALUES ?x { ... }) rather than a group.
_DATA_BLOCK = re.compile(r"VALUES\s*(?:[?$]\w+|\([^)]*\))\s*\{", re.IGNORECASE)
_SUBSELECT = re.compile(r"\s*SELECT\b", re.IGNORECASE)
_OPAQUE = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|<[^<>\s]*>|#[^\n]*'
)


def _inject_values(query: str, bindings: Mapping[Variable, Identifier]) -> str:
    """Pre-bind variables for a remote endpoint: a VALUES block opens every group.

    A remote endpoint has no substitution API. One VALUES row joined at the
    start of each group (outer WHERE, OPTIONAL, UNION branches, EXISTS,
    sub-select bodies) makes the values visible in every scope, as
    Oxigraph's substitution does; a group holding a sub-select is left to
    the sub-select's own WHERE (SPARQL allows nothing beside it).
    """
    blanked = _blank_literals(query)
    data_blocks = {m.end() - 1 for m in _DATA_BLOCK.finditer(blanked)}
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    pieces: list[str] = []
    start = 0
    for index, char in enumerate(blanked):
        if char != "{" or index in data_blocks or _SUBSELECT.match(blanked, index + 1):
            continue
        pieces += [query[start : index + 1], block]
        start = index + 1
    if not pieces:
        raise QueryError("cannot bind parameters: the query has no group pattern")
    return "".join([*pieces, query[start:]])


def _blank_literals(query: str) -> str:
    """The query with strings, IRIs and comments blanked (same length)."""
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), query)
