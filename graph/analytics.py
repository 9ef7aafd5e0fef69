"""Analytics over the reporting projection: pure functions, graph first, plain data out.

The *command graph* decides who answers to whom: a node follows its
``reportsTo`` edges; a node with none follows the posts it ``holds`` (a
person), else the bodies it ``heads``, else its container (``within``: a
post's unit, a unit's parent, an agent's organisation). ``okg:sitsIn`` is
not a container: an ex officio seat is membership, not where a post answers.

>>> g = nx.DiGraph()
>>> g.add_edge("clerk", "office", relation="within")
>>> g.add_edge("office", "minister", relation="reportsTo")
>>> [step.node for step in chain_of_command(g, "clerk")]
['clerk', 'office', 'minister']
"""

from __future__ import annotations

import heapq
from collections import defaultdict, deque
from collections.abc import Mapping
from typing import NamedTuple

import networkx as nx

# Which out-edges a node follows up the command graph, best first.
PRECEDENCE = ("reportsTo", "holds", "heads", "within")
RANK: dict[object, int] = {relation: index for index, relation in enumerate(PRECEDENCE)}
UNRANKED = len(PRECEDENCE)  # an edge of another relation is not followed
# Chains start from posts and units: a person's chain is their posts' chains.
_NOT_CHAIN_STARTS = frozenset({"person", "agent"})


class ChainStep(NamedTuple):
    """One node on the way up: how far, reached from which node, along what."""

    node: str
    step: int
    below: str | None
    relation: str | None


def reporting_only(graph: nx.DiGraph) -> nx.DiGraph:
    """The subgraph of ``reportsTo`` edges (every node kept).

    >>> g = nx.DiGraph([("a", "b", {"relation": "within"}), ("a", "c", {"relation": "reportsTo"})])
    >>> sorted(reporting_only(g).edges())
    [('a', 'c')]
    """
    kept = nx.DiGraph()
    kept.add_nodes_from(graph.nodes(data=True))
    kept.add_edges_from(
        (u, v, d) for u, v, d in graph.edges(data=True) if d.get("relation") == "reportsTo"
    )
    return kept


def command_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """Each node keeps only the out-edges of its best relation (see PRECEDENCE).

    >>> g = nx.DiGraph([("a", "b", {"relation": "within"}), ("a", "c", {"relation": "reportsTo"})])
    >>> sorted(command_graph(g).edges())
    [('a', 'c')]
    """
    command = nx.DiGraph()
    command.add_nodes_from(graph.nodes(data=True))
    command.add_edges_from(
        (node, superior, graph.edges[node, superior])
        for node, above in command_superiors(graph).items()
        for superior in above
    )
    return command


def command_superiors(graph: nx.DiGraph) -> dict[str, list[str]]:
    """:func:`superiors` of every node, in node order: the command graph as plain lists.

    >>> g = nx.DiGraph([("a", "b", {"relation": "within"}), ("a", "c", {"relation": "reportsTo"})])
    >>> command_superiors(g)
    {'a': ['c'], 'b': [], 'c': []}
    """
    return {node: sorted(_best_targets(targets)) for node, targets in graph.adjacency()}


def _best_targets(targets: Mapping[str, Mapping[str, object]]) -> list[str]:
    """The targets of the best relation among a node's out-edges (``targets``), in edge order.

    >>> _best_targets({"b": {"relation": "within"}, "c": {"relation": "reportsTo"}, "d": {}})
    ['c']
    """
    best = UNRANKED
    chosen: list[str] = []
    for target, data in targets.items():
        level = RANK.get(data.get("relation"), UNRANKED)
        if level < best:
            best, chosen = level, [target]
        elif level == best and level < UNRANKED:
            chosen.append(target)
    return chosen


def superiors(graph: nx.DiGraph, node: str) -> list[str]:
    """Whom ``node`` answers to: the targets of its best relation, in node order.

    >>> g = nx.DiGraph([("a", "b", {"relation": "within"}), ("a", "c", {"relation": "reportsTo"})])
    >>> superiors(g, "a")
    ['c']
    """
    by_relation: dict[str, list[str]] = {}
    for _, target, relation in graph.out_edges(node, data="relation"):
        by_relation.setdefault(relation, []).append(target)
    best = next((r for r in PRECEDENCE if r in by_relation), None)
    return sorted(by_relation[best]) if best else []


def chain_of_command(graph: nx.DiGraph, start: str) -> list[ChainStep]:
    """Everyone above ``start``, breadth first, each at its shortest distance.

    Step 0 is ``start`` itself. With several superiors the chain branches; a
    cycle is walked once. Ties are broken by node id, so runs agree.
    """
    steps = [ChainStep(start, 0, None, None)]
    if start not in graph:
        return steps
    # Walk up on the fly: only the nodes above ``start`` are looked at.
    seen = {start}
    queue: deque[ChainStep] = deque(steps)
    while queue:
        current = queue.popleft()
        for superior in superiors(graph, current.node):
            if superior in seen:
                continue
            seen.add(superior)
            relation = graph.edges[current.node, superior].get("relation")
            step = ChainStep(superior, current.step + 1, current.node, relation)
            steps.append(step)
            queue.append(step)
    return sorted(steps, key=lambda s: (s.step, s.node))


def reporting_cycles(graph: nx.DiGraph, *, limit: int = 100) -> list[list[str]]:
    """Reporting loops (``reportsTo`` only), each from its smallest node, shortest first.

    Only the nodes on a loop reach networkx's cycle search (a graph without
    loops costs one linear pass), numbered in the graph's order: networkx
    walks sets of nodes, and sets of strings iterate in an order that
    changes with each process's hash seed, so with more loops than
    ``limit`` the loops kept changed from run to run.

    >>> up = {"relation": "reportsTo"}
    >>> reporting_cycles(nx.DiGraph([("b", "a", up), ("a", "b", up)]))
    [['a', 'b']]
    """
    reports: dict[str, list[str]] = {}
    for u, v, relation in graph.edges(data="relation"):
        if relation == "reportsTo":
            reports.setdefault(u, []).append(v)
    looping = _on_loops(reports)
    names = [node for node in graph if node in looping]
    number = {node: index for index, node in enumerate(names)}
    loops = nx.DiGraph()
    loops.add_nodes_from(range(len(names)))
    loops.add_edges_from(
        (number[u], number[v]) for u in names for v in reports.get(u, ()) if v in number
    )
    cycles = []
    for numbers in nx.simple_cycles(loops):
        cycle = [names[index] for index in numbers]
        first = cycle.index(min(cycle))
        cycles.append(cycle[first:] + cycle[:first])
        if len(cycles) >= limit:
            break
    return sorted(cycles, key=lambda c: (len(c), c))


def _on_loops(successors: Mapping[str, list[str]]) -> set[str]:
    """The nodes on a loop: in a strongly connected part of two or more, or on a self-loop.

    Nodes without a way in or out are peeled off first, over and over (no
    loop passes them); the strongly connected parts are found in what is left.

    >>> sorted(_on_loops({"a": ["b"], "b": ["a", "c"], "c": ["d"], "d": ["d"]}))
    ['a', 'b', 'd']
    """
    predecessors: dict[str, list[str]] = defaultdict(list)
    for node, above in successors.items():
        for superior in above:
            predecessors[superior].append(node)
    nodes = successors.keys() | predecessors.keys()
    outward = {node: len(successors.get(node, ())) for node in nodes}
    inward = {node: len(predecessors.get(node, ())) for node in nodes}
    peeled: set[str] = set()
    queue = [node for node in nodes if not outward[node] or not inward[node]]
    while queue:
        node = queue.pop()
        if node in peeled:
            continue
        peeled.add(node)
        for superior in successors.get(node, ()):
            inward[superior] -= 1
            if not inward[superior] and superior not in peeled:
                queue.append(superior)
        for subordinate in predecessors.get(node, ()):
            outward[subordinate] -= 1
            if not outward[subordinate] and subordinate not in peeled:
                queue.append(subordinate)
    left = nodes - peeled
    if not left:
        return set()
    rest = nx.DiGraph()
    rest.add_edges_from(
        (node, superior)
        for node in left
        for superior in successors.get(node, ())
        if superior in left
    )
    looping = {n for part in nx.strongly_connected_components(rest) if len(part) > 1 for n in part}
    looping.update(u for u, _v in nx.selfloop_edges(rest))
    return looping


def span_of_control(graph: nx.DiGraph) -> list[tuple[str, int]]:
    """Direct reports (``reportsTo`` in-degree) of every superior, most first.

    >>> up = {"relation": "reportsTo"}
    >>> span_of_control(nx.DiGraph([("a", "c", up), ("b", "c", up)]))
    [('c', 2)]
    """
    reports = reporting_only(graph)
    spans = [(node, reports.in_degree(node)) for node in reports if reports.in_degree(node)]
    return sorted(spans, key=lambda item: (-item[1], item[0]))


def longest_chains(graph: nx.DiGraph, *, limit: int = 10) -> list[list[str]]:
    """The longest ways up the command graph, from a post or unit to a top, longest first.

    Loops are cut where a depth-first walk (in node order) closes them.

    >>> g = nx.DiGraph([("a", "b", {"relation": "reportsTo"}), ("b", "c", {"relation": "within"}),
    ...                 ("d", "c", {"relation": "reportsTo"})])
    >>> longest_chains(g)
    [['a', 'b', 'c'], ['d', 'c']]
    """
    dag = command_superiors(graph)
    order = _tops_first(dag, _below(dag))
    if order is None:  # a loop: cut where a depth-first walk closes it
        dag = _acyclic(dag)
        height = _heights(dag)
    else:
        height = {}
        for node in order:
            above = dag[node]
            height[node] = 1 + max(map(height.__getitem__, above)) if above else 1
    kinds = dict(graph.nodes(data="kind"))
    # A post or unit below a node starts a longer chain through it.
    covered = {
        superior
        for node, above in dag.items()
        if kinds[node] not in _NOT_CHAIN_STARTS
        for superior in above
    }
    starts = [
        node
        for node, above in dag.items()
        if above and node not in covered and kinds[node] not in _NOT_CHAIN_STARTS
    ]
    # A chain is as long as its start is high, and starts differ: the
    # longest chains, longest first and then by path, are those of the
    # highest starts, highest first and then by node.
    chosen = heapq.nsmallest(limit, starts, key=lambda node: (-height[node], node))
    return [_upward(dag, height, node) for node in chosen]


def _upward(dag: Mapping[str, list[str]], height: Mapping[str, int], start: str) -> list[str]:
    """The way up from ``start``, each time to the highest superior (the first in node order)."""
    chain = [start]
    while above := dag[chain[-1]]:
        chain.append(above[0] if len(above) == 1 else min(above, key=lambda s: (-height[s], s)))
    return chain


def _below(dag: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Each node's direct subordinates, in node order."""
    below: dict[str, list[str]] = {node: [] for node in dag}
    for node, above in dag.items():
        for superior in above:
            below[superior].append(node)
    return below


def _tops_first(dag: Mapping[str, list[str]], below: Mapping[str, list[str]]) -> list[str] | None:
    """Every node after all its superiors (one linear pass), or None when there is a loop."""
    waiting = {node: len(above) for node, above in dag.items()}
    order = [node for node, count in waiting.items() if not count]
    for node in order:  # grows while it is walked
        for subordinate in below[node]:
            waiting[subordinate] -= 1
            if not waiting[subordinate]:
                order.append(subordinate)
    return order if len(order) == len(waiting) else None


def _heights(dag: Mapping[str, list[str]]) -> dict[str, int]:
    """Nodes on the longest way up from each node (1 for a top), superiors first."""
    height: dict[str, int] = {}
    for root in dag:
        if root in height:
            continue
        stack = [(root, iter(dag[root]))]
        while stack:
            node, superiors = stack[-1]
            for superior in superiors:
                if superior not in height:
                    stack.append((superior, iter(dag[superior])))
                    break
            else:
                stack.pop()
                height[node] = 1 + max((height[s] for s in dag[node]), default=0)
    return height


def _acyclic(graph: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """``graph`` (sorted superiors) without the edges a depth-first walk in node order
    finds closing a loop."""
    dag = {node: list(above) for node, above in graph.items()}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for root in sorted(graph):
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(graph[root]))]
        while stack:
            node, successors = stack[-1]
            for successor in successors:
                if state.get(successor) == 1:
                    dag[node].remove(successor)
                elif successor not in state:
                    state[successor] = 1
                    stack.append((successor, iter(graph[successor])))
                    break
            else:
                state[node] = 2
                stack.pop()
    return dag
