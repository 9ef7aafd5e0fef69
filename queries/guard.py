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

import re
from collections.abc import Iterator
from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from ontology.errors import ForbiddenQuery, QueryError
from ontology.namespaces import PREFIXES

FORMS = {
    "SelectQuery": "SELECT",
    "ConstructQuery": "CONSTRUCT",
    "AskQuery": "ASK",
    "DescribeQuery": "DESCRIBE",
}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_DELIMITERS = frozenset("\"'<>{}()#\\")
_TOO_DEEP = "the query nests groups or expressions too deeply to be read; flatten it"
_FORBIDDEN = {
    "ServiceGraphPattern": "SERVICE is not allowed: orgkg answers from its own store only",
    "DatasetClause": "FROM / FROM NAMED is not allowed: the dataset is the loaded store",
}


def expand_escapes(text: str) -> str:
    """Apply SPARQL's codepoint escapes (``\\u0022`` and the like) to the whole query text.

    The spec applies them before parsing, and rdflib's parser does; Oxigraph
    applies them inside strings and IRIs only. So every engine is handed the
    expanded text, and an escape that spells a delimiter (a quote, ``<``,
    ``{``, ``#``...) is refused: such a query means one thing to the guard and
    another to Oxigraph (``"\\u0022 SERVICE <...> \\u0022"``).
    """
    if "\\u" not in text and "\\U" not in text:
        return text
    for match in _ESCAPE.finditer(text):
        char = chr(int(match.group(1) or match.group(2), 16))
        if char in _DELIMITERS:
            raise ForbiddenQuery(
                f"the escape {match.group(0)} spells the delimiter {char!r}: write it plainly"
            )
    return expandUnicodeEscapes(text)


def parse_query(text: str) -> ParseResults:
    """Parse a read query or raise: ForbiddenQuery for an update, QueryError otherwise.

    The QueryError message names the line and column of the syntax error.
    Nesting deeper than the parser can follow is a QueryError too.
    """
    try:
        return parseQuery(text)
    except ParseException as exc:
        query_error = exc
    except RecursionError:
        raise QueryError(_TOO_DEEP) from None
    try:
        parseUpdate(text)
    except RecursionError:
        raise QueryError(_TOO_DEEP) from None
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
    tree = parse_query(expand_escapes(text))
    declared = set(PREFIXES)
    used: list[str] = []
    for node in _walk(tree):
        if isinstance(node, CompValue):
            reason = _FORBIDDEN.get(node.name)
            if reason is not None:
                raise ForbiddenQuery(reason)
            if node.name == "PrefixDecl":
                declared.add(str(node["prefix"]) if "prefix" in node else "")
            elif node.name == "pname":
                used.append(str(node["prefix"]) if "prefix" in node else "")
    unknown = sorted({prefix for prefix in used if prefix not in declared})
    if unknown:
        names = ", ".join(f"'{prefix}:'" for prefix in unknown)
        raise QueryError(
            f"unknown prefix {names}: declare it (PREFIX {unknown[0]}: <...>) or use one of "
            + ", ".join(f"{name}:" for name in PREFIXES)
        )
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
