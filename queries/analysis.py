"""The answers of the questions networkx answers (:mod:`queries.graph_questions`).

Each ``answer_*`` turns a :mod:`graph.analytics` function's plain data into
a table of RDF terms, with labels in the asked language, so to the user both
kinds of question look the same; the projections and the answers are kept
per store version (:func:`memo_of`).
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Container, Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph.analytics import chain_of_command, longest_chains, reporting_cycles
from graph.cuts import failures_of
from graph.kept import is_kept, keep, read_kept
from graph.projection import (
    PlainReporting,
    edge_sources,
    every_label_later,
    node_labels,
    paused_collection,
    project_reporting,
    read_reporting,
)
from ontology.known_labels import Labels
from ontology.sparql import read_sparql
from ontology.store import Row, Store, Table, Term, ValuesLater
from queries.question import GraphAnswer

ARROW = " → "
T = TypeVar("T")
CACHE_SIZE = 4
# Store id -> (the store, its version, what was computed from it). A store is
# never mutated once loaded, so its projection and the graph answers can be
# reused; a remote endpoint's data can change, so it is never cached.
_MEMOS: dict[int, tuple[weakref.ref[Store], str, dict[Hashable, Any]]] = {}


def memo_of(store: Store) -> dict[Hashable, Any]:
    """What has been computed from ``store`` so far (empty and unkept for a remote one)."""
    if not store.cacheable:
        return {}
    cached = _MEMOS.get(id(store))
    if cached is not None and cached[0]() is store and cached[1] == store.version:
        return cached[2]
    while len(_MEMOS) >= CACHE_SIZE:
        _MEMOS.pop(next(iter(_MEMOS)))
    memo: dict[Hashable, Any] = {}
    _MEMOS[id(store)] = (weakref.ref(store), store.version, memo)
    return memo


def reporting_of(store: Store) -> nx.DiGraph:
    """The reporting projection of ``store`` (kinds, no labels), built once per store version.

    An on-disk store built with its projection kept (:func:`keep_projection`,
    :mod:`graph.kept`) gives it, and every node's labels, from there.
    """
    memo = memo_of(store)
    if "reporting" not in memo:
        kept = read_kept(store)
        if kept is None:
            if _PLAIN not in memo:
                memo[_PLAIN] = read_reporting(store)
            with paused_collection():
                memo["reporting"] = memo[_PLAIN].graph()
        else:
            memo["reporting"] = kept[0]
            memo.setdefault("labels", {}).update(kept[1])
    graph: nx.DiGraph = memo["reporting"]
    return graph


def plain_reporting_of(store: Store) -> PlainReporting:
    """The reporting projection of ``store`` as plain data, once per store version.

    From the engine, unless the DiGraph was built (or kept) already.
    """
    memo = memo_of(store)
    if _PLAIN not in memo:
        if "reporting" in memo or is_kept(store):
            graph = reporting_of(store)  # reads the engine itself when the kept file cannot be
            if _PLAIN not in memo:
                memo[_PLAIN] = PlainReporting.of(graph)
        else:
            memo[_PLAIN] = read_reporting(store)
    plain: PlainReporting = memo[_PLAIN]
    return plain


def keep_projection(store: Store) -> Path | None:
    """Read ``store``'s reporting projection and every node's labels, and keep them in its
    ``kept_in`` folder; where (None: nothing kept). ``orgkg load`` does it as it builds a store.
    """
    if store.kept_in is None:
        return None
    every = every_label_later(store)  # the engine reads them while the projection is built
    graph = project_reporting(store, labels=False)
    return keep(store, graph, node_labels(store, graph, every=every))


def labels_of(
    store: Store, graph: Container[str], nodes: Iterable[str], *, every: ValuesLater | None = None
) -> Mapping[str, Labels]:
    """The labels of the projection's ``nodes`` an answer shows, read once per store version.

    A node outside ``graph`` (the projection's nodes) has none (the answers look it up otherwise);
    ``every``: a read of every label already started (:func:`every_label_later`).
    """
    memo = memo_of(store)
    known: dict[str, Labels] = memo.setdefault("labels", {})
    missing = {node for node in nodes if node in graph and node not in known}
    if missing:
        known.update(node_labels(store, missing, every=every))
    return known


def derived(store: Store, name: str, compute: Callable[[nx.DiGraph], T]) -> T:
    """``compute(reporting projection)``, once per store version, kept beside the projection.

    The analytics of a question without parameters (articulation points,
    strongly connected parts, longest chains) do not depend on the language
    asked: every language's answer reads the same result.
    """
    memo = memo_of(store)
    key = _derived_key(name)
    if key not in memo:
        graph = reporting_of(store)
        with paused_collection():  # the walks allocate per node: no collector passes
            memo[key] = compute(graph)
    result: T = memo[key]
    return result


def _derived_key(name: str) -> tuple[str, str]:
    """Where :func:`derived` keeps what it computed for question ``name``."""
    return ("derived", name)


_FAILURES = _derived_key("single-points-of-failure")
_PLAIN = "reporting-plain"


def remembered(answer: GraphAnswer) -> GraphAnswer:
    """``answer``, computed once per store, language and parameters."""

    @functools.wraps(answer)  # pages name the function that answers
    def cached(store: Store, params: Mapping[str, Term], lang: str) -> Table:
        memo = memo_of(store)
        key = (answer.__name__, lang, tuple(sorted((k, str(v)) for k, v in params.items())))
        if key not in memo:
            with paused_collection():  # tens of thousands of rows, none of them garbage
                memo[key] = answer(store, params, lang)
        table: Table = memo[key]
        return table

    return cached


def label(labels: Mapping[str, Labels], node: str, lang: str) -> Literal | None:
    """A node's label in ``lang`` (else the other language) as a tagged literal.

    >>> label({"n": (None, "Office")}, "n", "vi")
    rdflib.term.Literal('Office', lang='en')
    """
    found = labels.get(node)
    if found is None:
        return None
    vi, en = found
    for language, text in (("vi", vi), ("en", en)) if lang == "vi" else (("en", en), ("vi", vi)):
        if text:
            return _tagged(text, language)
    return None


@functools.lru_cache(maxsize=1 << 16)
def _tagged(text: str, language: str) -> Literal:
    """A tagged literal, kept: thousands of posts share a few thousand names (31k rows, 6.6k
    names in the single points of failure at 1M triples)."""
    return Literal(text, lang=language)


@functools.lru_cache(maxsize=4096)
def integer(value: int) -> Literal:
    """An xsd:integer literal (kept: answers repeat small counts thousands of times)."""
    return Literal(value, datatype=XSD.integer)


@functools.lru_cache(maxsize=64)
def _literal(text: str) -> Literal:
    return Literal(text)


def _path(labels: Mapping[str, Labels], nodes: list[str], lang: str) -> Literal:
    return Literal(ARROW.join(str(label(labels, n, lang) or n) for n in nodes))


def answer_chain(store: Store, params: Mapping[str, Term], lang: str) -> Table:
    """Rows of :func:`graph.analytics.chain_of_command` from ``params["from"]``."""
    graph = reporting_of(store)
    start = str(params["from"])
    rows: list[Row] = []
    chain = chain_of_command(graph, start)
    labels = labels_of(store, graph, (step.node for step in chain))
    for step in chain:
        node_label = label(labels, step.node, lang) or _label_from_store(store, start, lang)
        sources = (
            edge_sources(store, step.below, step.node, step.relation or "") if step.below else []
        )
        rows.append(
            (
                integer(step.step),
                URIRef(step.node),
                node_label,
                Literal(graph.nodes[step.node]["kind"]) if step.node in graph else None,
                Literal(step.relation) if step.relation else None,
                URIRef(step.below) if step.below else None,
                label(labels, step.below, lang) if step.below else None,
                Literal("; ".join(sources)) if sources else None,
            )
        )
    variables = ("step", "node", "nodeLabel", "kind", "relation", "below", "belowLabel", "source")
    return Table(variables, tuple(rows))


def answer_cycles(store: Store, params: Mapping[str, Term], lang: str) -> Table:
    """One row per reporting loop: its length, first node and the path back to it."""
    graph = reporting_of(store)
    cycles = derived(store, "reporting-cycles", reporting_cycles)
    labels = labels_of(store, graph, (node for cycle in cycles for node in cycle))
    rows: list[Row] = [
        (
            integer(n),
            integer(len(c)),
            URIRef(c[0]),
            label(labels, c[0], lang),
            _path(labels, [*c, c[0]], lang),
        )
        for n, c in enumerate(cycles, start=1)
    ]
    return Table(("cycle", "length", "first", "firstLabel", "path"), tuple(rows))


def answer_failures(store: Store, params: Mapping[str, Term], lang: str) -> Table:
    """One row per single point of failure, with how many nodes it cuts off.

    Thousands of nodes show: unless they are known already, the read of
    every label starts first and the engine evaluates it while the
    projection and its walk are computed.
    """
    memo = memo_of(store)
    # A store with its projection kept (graph.kept) has every label once the projection is read.
    every = None if _FAILURES in memo or is_kept(store) else every_label_later(store)
    plain = plain_reporting_of(store)  # no networkx graph needed
    if _FAILURES not in memo:
        with paused_collection():  # the walk allocates per node: no collector passes
            memo[_FAILURES] = failures_of(list(plain.kinds), plain.edges)
    failures: list[tuple[str, int]] = memo[_FAILURES]
    kinds = plain.kinds
    labels = labels_of(store, kinds, (node for node, _separated in failures), every=every)
    rows: list[Row] = [
        (URIRef(node), label(labels, node, lang), _literal(kinds[node]), integer(separated))
        for node, separated in failures
    ]
    return Table(("node", "nodeLabel", "kind", "separated"), tuple(rows))


def answer_chains(store: Store, params: Mapping[str, Term], lang: str) -> Table:
    """One row per longest chain: where it starts, where it ends, the path."""
    graph = reporting_of(store)
    chains = derived(store, "longest-chains", longest_chains)
    labels = labels_of(store, graph, (node for chain in chains for node in chain))
    rows: list[Row] = [
        (
            integer(n),
            integer(len(c)),
            URIRef(c[0]),
            label(labels, c[0], lang),
            URIRef(c[-1]),
            label(labels, c[-1], lang),
            _path(labels, c, lang),
        )
        for n, c in enumerate(chains, start=1)
    ]
    variables = ("chain", "length", "start", "startLabel", "top", "topLabel", "path")
    return Table(variables, tuple(rows))


def _label_from_store(store: Store, entity: str, lang: str) -> Term | None:
    """The label of an entity outside the projection (no reporting or containment edge)."""
    table = store.select(
        read_sparql("entity-label"), {"entity": URIRef(entity), "lang": Literal(lang)}
    )
    return table.rows[0][2] if table.rows else None
