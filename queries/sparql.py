"""Ad hoc read-only SPARQL (``orgkg sparql``, ``/sparql``): guarded, then run.

:func:`answer_sparql` is the endpoint's path: the guard's verdict on a query
text is kept (the guard parses with rdflib, which costs more than Oxigraph's
whole evaluation of a small query), and the engine writes the results itself
when it can, so no rdflib term is built per cell.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping

from rdflib import Graph

from ontology.errors import NotAcceptableError
from ontology.formats import SOLUTION_FORMATS
from ontology.paging import FULL, Page
from ontology.store import Store
from queries.answer import Answer, normalise_row
from queries.guard import check_read_only, expand_escapes
from queries.results import Rendered, media_types_for, render_result

# Query form -> the kind of result it gives (see queries.results.RESULT_KINDS).
FORM_KINDS = {"SELECT": "solutions", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}
# The fewest bytes one solution takes in a results format: an answer shorter
# than ``max_rows`` times this cannot hold more than ``max_rows`` solutions.
_MIN_SOLUTION_BYTES = {"json": len("{},")}
_GUARD_MEMORY = 512  # query texts whose verdict is kept, per process


@functools.lru_cache(maxsize=_GUARD_MEMORY)
def guarded_form(text: str) -> tuple[str, str]:
    """``(expanded text, form)`` of an allowed query; raises as the guard does (never kept)."""
    expanded = expand_escapes(text)
    return expanded, check_read_only(expanded)


def answer_sparql(
    store: Store,
    text: str,
    formats: Mapping[str, str | None],
    *,
    accept: str | None = None,
    max_rows: int | None = None,
    max_bytes: int | None = None,
    page: Page = FULL,
) -> Rendered:
    """Guard, evaluate and render one query in the format ``formats`` gives its kind.

    The kind (solutions, boolean, graph) is known from the guard's parse, so
    a kind without a format is a 406 before evaluation. A whole answer the
    engine writes itself is sent as is when it provably fits the caps;
    otherwise (a page, or an engine without a writer) it is built from rows
    and cut, and a page carries the answer's total row count.
    """
    expanded, form = guarded_form(text)
    kind = FORM_KINDS[form]
    fmt = formats.get(kind)
    if fmt is None:
        raise NotAcceptableError(
            f"cannot answer in any type of Accept: {accept}; "
            f"available: {', '.join(media_types_for(kind))}"
        )
    if kind != "graph" and page.whole:
        body = store.serialise_results(expanded, fmt)
        if body is not None and _within_caps(body, fmt, max_rows, max_bytes):
            return Rendered(body, SOLUTION_FORMATS[fmt])
    result = _evaluate(store, expanded, form, page)
    rendered = render_result(result, fmt, max_rows=max_rows, max_bytes=max_bytes)
    if not isinstance(result, Answer) or result.total is None or rendered.truncated:
        return rendered
    return dataclasses.replace(
        rendered, total=result.total, offset=page.offset, rows=len(result.rows)
    )


def _within_caps(body: bytes, fmt: str, max_rows: int | None, max_bytes: int | None) -> bool:
    if max_bytes is not None and len(body) > max_bytes:
        return False
    # A format with no known floor is never trusted to fit: 0 sends it to the rows path.
    return max_rows is None or len(body) < max_rows * _MIN_SOLUTION_BYTES.get(fmt, 0)


def run_sparql(store: Store, text: str, *, page: Page = FULL) -> Answer | Graph | bool:
    """Run one read query: SELECT -> Answer, CONSTRUCT/DESCRIBE -> Graph, ASK -> bool.

    A ``page`` cuts a SELECT answer inside the engine's store: every row is
    counted (``total``), only the page's rows become terms.

    >>> from ontology import load_regulation
    >>> run_sparql(load_regulation(), "ASK { ?s a <http://www.w3.org/ns/org#Post> }")
    True
    """
    text, form = guarded_form(text)
    return _evaluate(store, text, form, page)


def _evaluate(store: Store, text: str, form: str, page: Page = FULL) -> Answer | Graph | bool:
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
