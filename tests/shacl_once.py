"""``orgkg check`` for the tests: each SPARQL constraint parsed once per process.

pyshacl evaluates a SPARQL-based constraint once per focus node and hands
rdflib the query *text* each time, which rdflib parses again (pyparsing:
about half of a check on the bundled regulation). The mutation runs, the
compliance scenarios and the shape tests check the same shapes on many
models, so :class:`PreparedGraph` keeps each query it has parsed and gives
rdflib the parsed form instead. pyshacl
writes a constraint's ``PREFIX`` lines in an order that changes from one
parse of the shapes to the next, so a query is known by its prefixes as a
set (unless it declares one prefix twice) and its body. The report is
:func:`ontology.validation.validate`'s, the same as ``check``'s: only the
parsing is shared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor, Result

from ontology import Store
from ontology.report import Report
from ontology.validation import validate
from tests.bdd.model import Compliance

_Key = tuple[str, tuple[tuple[str, str], ...]]
_PREFIX = re.compile(r"^\s*PREFIX\s+([^\s:]*):\s*<([^>]*)>\s*$", re.IGNORECASE)


class PreparedGraph(Graph):
    """An in-memory graph whose SPARQL queries are parsed once per process."""

    _parsed: dict[_Key, Query] = {}  # noqa: RUF012 (shared on purpose: one cache per process)

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
            bound = tuple(sorted((k, str(v)) for k, v in namespaces.items()))
            key = (_canonical(query_object), bound)
            parsed = self._parsed.get(key)
            if parsed is None:
                parsed = self._parsed[key] = prepareQuery(query_object, initNs=namespaces)
            query_object = parsed
        return super().query(
            query_object,
            processor,
            result,
            initNs,
            initBindings,
            use_store_provided,
            **kwargs,
        )


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


def check_once_parsed(store: Store) -> Report:
    """What :func:`ontology.validation.check` reports on ``store``, with parsing shared."""
    data = PreparedGraph()
    source = store.data_graph()
    for prefix, namespace in source.namespaces():
        data.bind(prefix, namespace)
    data += source.triples((None, None, None))
    return validate(data, store.shapes)


class SharedCompliance(Compliance):
    """The scenarios' ``orgkg check`` (one report per store), with parsing shared."""

    def report(self, store: Store) -> Report:
        if id(store) not in self._reports:  # the store is kept, so its id stays unique
            self._reports[id(store)] = (store, check_once_parsed(store))
        return self._reports[id(store)][1]
