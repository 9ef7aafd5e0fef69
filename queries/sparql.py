"""Ad hoc read-only SPARQL (``orgkg sparql``, ``/sparql``): guarded, then run."""

from __future__ import annotations

from rdflib import Graph

from ontology.store import Store
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
    if form == "ASK":
        return store.ask(text)
    return store.construct(text)
