"""Engines read through rdflib's SPARQL: the ``memory`` engine, and the base of the remote one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pyparsing import ParseBaseException
from rdflib import Graph, Literal
from rdflib.query import Result
from rdflib.term import Identifier, Variable

from ontology.errors import QueryError, StoreError
from ontology.namespaces import PREFIXES
from ontology.sparql import read_sparql
from ontology.store import Row, RowStream, Store, Term


class RdflibStore(Store):
    """A store answered by rdflib's SPARQL over ``graph``."""

    def __init__(
        self, graph: Graph, *, shapes: Graph, version: str, sources: tuple[str, ...] = ()
    ) -> None:
        super().__init__(shapes=shapes, version=version, sources=sources)
        self._graph = graph

    def stream(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> RowStream:
        result = self._query(query, bindings or {})
        if result.type != "SELECT":
            raise QueryError("not a SELECT query")
        names = tuple(str(v) for v in result.vars or ())
        return RowStream(names, _rows(result, len(names)))

    def ask(self, query: str) -> bool:
        result = self._query(query, {})
        if result.type != "ASK":
            raise QueryError("not an ASK query")
        return bool(result.askAnswer)

    def construct(self, query: str) -> Graph:
        result = self._query(query, {})
        if result.graph is None:
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        return result.graph

    def triples(self) -> Iterator[tuple[Term, Term, Term]]:
        yield from self._graph.triples((None, None, None))  # type: ignore[misc]

    def __len__(self) -> int:
        table = self.select(read_sparql("count-triples"))
        value = table.rows[0][0] if table.rows else None
        return int(value) if isinstance(value, Literal) else 0

    def _query(self, query: str, bindings: Mapping[str, Identifier]) -> Result:
        init = {Variable(k): v for k, v in bindings.items()}
        try:
            return self._graph.query(query, initNs=PREFIXES, initBindings=init)  # type: ignore[arg-type]
        except (SyntaxError, ValueError, ParseBaseException) as exc:
            raise QueryError(f"SPARQL error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the store could not answer: {exc}") from exc


class MemoryStore(RdflibStore):
    """rdflib's pure-Python graph: the reference engine (slow above ~100k triples)."""

    engine = "memory"

    def __len__(self) -> int:
        return len(self._graph)

    def data_graph(self) -> Graph:
        return self._graph


def _rows(result: Result, width: int) -> Iterator[Row]:
    for solution in result:
        yield tuple(solution[i] for i in range(width))  # type: ignore[index,misc]
