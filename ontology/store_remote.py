"""The remote engine: any SPARQL 1.1 endpoint, read through rdflib's SPARQLStore.

Its data is loaded there by its own tools and may change at any time, so
its answers are never cached, and the workers that reach it keep the network.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from rdflib.term import Identifier

from ontology.dialect import Dialect, probe_dialect
from ontology.errors import QueryError, StoreError
from ontology.namespaces import PREFIXES
from ontology.store_rdflib import RdflibStore


class RemoteStore(RdflibStore):
    """The SPARQL 1.1 endpoint at ``endpoint`` (Oxigraph server, Fuseki, GraphDB, QLever...)."""

    engine = "sparql"
    cacheable = False
    needs_network = True

    def __init__(
        self, endpoint: str, *, shapes: Graph, version: str, sources: tuple[str, ...] = ()
    ) -> None:
        # No namespaces bound: the store writes the PREFIX lines itself, after
        # what the server's dialect needs first (ontology/dialect.py).
        # POST: a catalogue question with its header and bound values passes the
        # 8 kB URL that servers accept (Oxigraph's among them).
        graph = Graph(
            store=SPARQLStore(query_endpoint=endpoint, returnFormat="json", method="POST_FORM"),
            bind_namespaces="none",
        )
        super().__init__(graph, shapes=shapes, version=version, sources=sources)
        self.endpoint = endpoint
        self._dialect: Dialect | None = None

    def count(self) -> int | None:
        return None

    def _query(self, query: str, bindings: Mapping[str, Identifier]) -> Result:
        # An endpoint has no substitution API: the values go into the text.
        if bindings:
            query = inject_values(query, bindings)
        text = self._remote_dialect().prepare(query, PREFIXES)
        try:
            result = self._graph.query(text)
        except (SyntaxError, ValueError) as exc:
            raise QueryError(f"SPARQL error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the store could not answer: {exc}") from exc
        if isinstance(result, tuple):  # rdflib's connector hands an HTTP error back as a tuple
            status, reason = result[0], result[1]
            if 400 <= status < 500:
                raise QueryError(f"the SPARQL endpoint {self.endpoint} refused the query: {reason}")
            raise StoreError(f"the SPARQL endpoint {self.endpoint} could not answer: {reason}")
        return result

    def _remote_dialect(self) -> Dialect:
        """The server's dialect, asked once (see :mod:`ontology.dialect`)."""
        if self._dialect is None:
            self._dialect = probe_dialect(self.endpoint)
        return self._dialect


# A "{" that opens inline data (VALUES ?x { ... }) rather than a group.
_DATA_BLOCK = re.compile(r"VALUES\s*(?:[?$]\w+|\([^)]*\))\s*\{", re.IGNORECASE)
_SUBSELECT = re.compile(r"\s*SELECT\b", re.IGNORECASE)
_OPAQUE = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|<[^<>\s]*>|#[^\n]*'
)


def inject_values(query: str, bindings: Mapping[str, Identifier]) -> str:
    """Pre-bind variables for a remote endpoint: a VALUES row opens the groups that use them.

    A remote endpoint has no substitution API. One VALUES row joined at the
    start of the outer group, and of every nested group (OPTIONAL, UNION
    branch, EXISTS, sub-select body) that names a bound variable, makes the
    values visible in every scope that uses them, as Oxigraph's
    substitution does. A group that never names one is left alone: the row
    would change nothing there (or, in MINUS, what is removed), and Virtuoso
    loses rows when one sits in an EXISTS beside a UNION (docs/servers.md,
    bug 7). A group holding a sub-select is left to the sub-select's own
    WHERE (SPARQL allows nothing beside it).

    >>> from rdflib import URIRef
    >>> text = "SELECT ?o WHERE { ?x ?p ?o FILTER EXISTS { ?o a ?t } OPTIONAL { ?x ?q ?r } }"
    >>> inject_values(text, {"x": URIRef("urn:x")})
    'SELECT ?o WHERE { VALUES (?x) { (<urn:x>) } ?x ?p ?o FILTER EXISTS { ?o a ?t } \
OPTIONAL { VALUES (?x) { (<urn:x>) } ?x ?q ?r } }'
    """
    blanked = _blank_literals(query)
    data_blocks = {m.end() - 1 for m in _DATA_BLOCK.finditer(blanked)}
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    block = f"VALUES ({names}) {{ ({values}) }}"
    named = re.compile(r"[?$](?:" + "|".join(re.escape(n) for n in bindings) + r")\b")
    pieces: list[str] = []
    start = 0
    for index, end, depth in _groups(blanked):
        if index in data_blocks or _SUBSELECT.match(blanked, index + 1):
            continue
        if depth and not named.search(blanked, index, end):
            continue
        pieces += [query[start : index + 1], " ", block]
        start = index + 1
    if not pieces:
        raise QueryError("cannot bind parameters: the query has no group pattern")
    return "".join([*pieces, query[start:]])


def _groups(blanked: str) -> list[tuple[int, int, int]]:
    """(opening, closing, nesting depth) of every ``{ }`` pair, in order of opening."""
    found: dict[int, tuple[int, int]] = {}
    open_at: list[int] = []
    for index, char in enumerate(blanked):
        if char == "{":
            open_at.append(index)
        elif char == "}" and open_at:
            opening = open_at.pop()
            found[opening] = (index, len(open_at))
    return [(opening, end, depth) for opening, (end, depth) in sorted(found.items())]


def _blank_literals(query: str) -> str:
    """The query with strings, IRIs and comments blanked (same length)."""
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), query)
