"""Ad hoc read-only SPARQL (``orgkg sparql``, ``/sparql``): guarded, then run."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from ontology.errors import QueryError, StoreError
from ontology.namespaces import PREFIXES
from ontology.store import Store, from_ox
from queries.answer import Answer, normalise_row
from queries.guard import check_read_only, expand_escapes


def run_sparql(store: Store, text: str) -> Answer | Graph | bool:
    """Run one read query: SELECT -> Answer, CONSTRUCT/DESCRIBE -> Graph, ASK -> bool.

    >>> from ontology import load_regulation
    >>> run_sparql(load_regulation(), "ASK { ?s a <http://www.w3.org/ns/org#Post> }")
    True
    """
    text = expand_escapes(text)
    form = check_read_only(text)
    if form == "SELECT":
        table = store.select(text)
        return Answer(table.variables, tuple(normalise_row(row) for row in table.rows))
    if store.oxigraph is not None:
        return _run_on_oxigraph(store.oxigraph, text)
    result = store.query(text)
    if form == "ASK":
        return bool(result.askAnswer)
    if result.graph is None:
        raise QueryError(f"the store returned no graph for a {form} query")
    return result.graph


def _run_on_oxigraph(store: ox.Store, text: str) -> Graph | bool:
    """ASK / CONSTRUCT / DESCRIBE straight on pyoxigraph (no rdflib round trip)."""
    try:
        result = store.query(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise StoreError(f"the store could not answer: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("expected a graph or a boolean from the store")
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    for triple in result:
        graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))  # type: ignore[arg-type]
    return graph
