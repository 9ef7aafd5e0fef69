"""Ad hoc read-only SPARQL (``orgkg sparql``, ``/sparql``): guarded, then run."""

from __future__ import annotations

from rdflib import Graph

from ontology.paging import FULL, Page
from ontology.store import Store
from queries.answer import Answer, normalise_row
from queries.guard import check_read_only, expand_escapes


def run_sparql(store: Store, text: str, *, page: Page = FULL) -> Answer | Graph | bool:
    """Run one read query: SELECT -> Answer, CONSTRUCT/DESCRIBE -> Graph, ASK -> bool.

    A ``page`` cuts a SELECT answer inside the engine's store: every row is
    counted (``total``), only the page's rows become terms.

    >>> from ontology import load_regulation
    >>> run_sparql(load_regulation(), "ASK { ?s a <http://www.w3.org/ns/org#Post> }")
    True
    """
    text = expand_escapes(text)
    form = check_read_only(text)
    if form == "SELECT":
        if page.whole:
            table, total = store.select(text), None
        else:
            table, total = store.select_page(text, page)
        rows = tuple(normalise_row(row) for row in table.rows)
        return Answer(table.variables, rows, offset=page.offset, total=total)
    if form == "ASK":
        return store.ask(text)
    return store.construct(text)
