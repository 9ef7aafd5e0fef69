"""The read-only guard: refuse what would write or reach outside, before evaluation.

rdflib and Oxigraph both execute ``SERVICE`` (outbound HTTP) and an rdflib
Dataset fetches ``FROM <http…>`` / reads ``FROM <file:…>``; updates must never
run. So a query is parsed (rdflib's parser, which every engine's input must
pass) and its parse tree is searched, nested groups and sub-queries included.

>>> check_read_only("SELECT * WHERE { ?s ?p ?o }")
'SELECT'
>>> check_read_only("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
ontology.errors.ForbiddenQuery: SERVICE is not allowed: orgkg answers from its own store only
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from ontology.errors import ForbiddenQuery, QueryError

FORMS = {
    "SelectQuery": "SELECT",
    "ConstructQuery": "CONSTRUCT",
    "AskQuery": "ASK",
    "DescribeQuery": "DESCRIBE",
}
_FORBIDDEN = {
    "ServiceGraphPattern": "SERVICE is not allowed: orgkg answers from its own store only",
    "DatasetClause": "FROM / FROM NAMED is not allowed: the dataset is the loaded store",
}


def parse_query(text: str) -> ParseResults:
    """Parse a read query or raise: ForbiddenQuery for an update, QueryError otherwise.

    The QueryError message names the line and column of the syntax error.
    """
    try:
        return parseQuery(text)
    except ParseException as exc:
        query_error = exc
    try:
        parseUpdate(text)
    except ParseException:
        raise QueryError(
            f"SPARQL syntax error at line {query_error.lineno}, column {query_error.col}: "
            f"{query_error.msg}"
        ) from None
    raise ForbiddenQuery(
        "updates (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, ...) are not allowed: "
        "the store is read-only"
    )


def check_read_only(text: str) -> str:
    """Raise ForbiddenQuery unless ``text`` is one read query touching only the store.

    Returns the query form: ``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE``.
    """
    tree = parse_query(text)
    for node in _walk(tree):
        if isinstance(node, CompValue):
            reason = _FORBIDDEN.get(node.name)
            if reason is not None:
                raise ForbiddenQuery(reason)
    query = tree[1]
    if not isinstance(query, CompValue) or query.name not in FORMS:
        raise QueryError("not a SPARQL query")
    return FORMS[query.name]


def _walk(node: Any) -> Iterator[Any]:
    """Every node of the parse tree, depth first (iterative: deep nesting is fine)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, CompValue):
            stack.extend(current.values())
        elif isinstance(current, ParseResults | list | tuple):
            stack.extend(current)
