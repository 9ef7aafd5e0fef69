"""SHACL-SPARQL constraints parsed once per process, not once per focus node.

pyshacl evaluates a SPARQL-based constraint once per focus node and hands
rdflib the query *text* each time, which rdflib parses again (pyparsing:
about half of a check on the bundled regulation). :class:`PreparedGraph`
keeps each query it has parsed and gives rdflib the parsed form instead.

pyshacl writes a constraint's ``PREFIX`` lines in an order that changes
from one parse of the shapes to the next, so a query is known by its
prefixes as a set (unless it declares one prefix twice) and its body.

>>> _canonical("PREFIX b: <urn:b>\\nPREFIX a: <urn:a>\\nASK {}")
'PREFIX a: <urn:a>\\nPREFIX b: <urn:b>\\nASK {}'
>>> _canonical("PREFIX a: <urn:1>\\nPREFIX a: <urn:2>\\nASK {}")  # the order decides
'PREFIX a: <urn:1>\\nPREFIX a: <urn:2>\\nASK {}'
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor, Result

# Shapes are few, but a server checks whatever shapes its users load: bounded.
PARSED_QUERIES = 2048

_Key = tuple[str, tuple[tuple[str, str], ...]]
_PREFIX = re.compile(r"^\s*PREFIX\s+([^\s:]*):\s*<([^>]*)>\s*$", re.IGNORECASE)
_PARSED: OrderedDict[_Key, Query] = OrderedDict()
_LOCK = threading.Lock()


class PreparedGraph(Graph):
    """An rdflib graph whose SPARQL query texts are parsed once per process."""

    def query(  # noqa: PLR0917 (rdflib's signature: pyshacl passes them by position)
        self,
        query_object: str | Query,
        processor: str | Processor = "sparql",
        result: str | type[Result] = "sparql",
        initNs: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's name)
        initBindings: Mapping[str, Any] | None = None,  # noqa: N803
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query_object, str) and processor == "sparql":
            namespaces = dict(initNs) if initNs else dict(self.namespaces())
            query_object = parsed_query(query_object, namespaces)
        return super().query(
            query_object,
            processor,
            result,
            initNs,
            initBindings,
            use_store_provided,
            **kwargs,
        )


def prepared_view(graph: Graph) -> PreparedGraph:
    """A :class:`PreparedGraph` over the same triples as ``graph`` (no copy)."""
    if isinstance(graph, PreparedGraph):
        return graph
    return PreparedGraph(
        store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager
    )


def parsed_query(text: str, namespaces: Mapping[str, Any]) -> Query:
    """``text`` parsed with ``namespaces``, or the parse kept from an earlier call."""
    key = (_canonical(text), tuple(sorted((k, str(v)) for k, v in namespaces.items())))
    with _LOCK:
        parsed = _PARSED.get(key)
        if parsed is not None:
            _PARSED.move_to_end(key)
            return parsed
    parsed = prepareQuery(text, initNs=dict(namespaces))  # outside the lock: it is slow
    with _LOCK:
        _PARSED[key] = parsed
        while len(_PARSED) > PARSED_QUERIES:
            _PARSED.popitem(last=False)
    return parsed


def _canonical(query: str) -> str:
    """``query`` with its leading ``PREFIX`` lines sorted, when their order cannot matter."""
    lines = query.splitlines()
    declared: dict[str, str] = {}
    head: list[str] = []
    for line in lines:
        match = _PREFIX.match(line)
        if match is None and line.strip():
            break
        if match is not None and declared.setdefault(match[1], match[2]) != match[2]:
            return query  # one prefix bound twice: the order decides, keep it
        head.append(line)
    return "\n".join([*sorted(head), *lines[len(head) :]])
