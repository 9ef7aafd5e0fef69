"""Single points of failure: the cut points of the command graph, and what each cuts off.

:func:`separated_pieces` finds the cut points of an undirected graph and the
pieces each one holds alone (Tarjan, linear), over nodes numbered
``0..n-1`` (:func:`failures_of` numbers the command graph's nodes in the
order given): plain lists and ints walk faster than dicts of IRIs, and the
pieces do not depend on the order of the walk.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from operator import itemgetter

import networkx as nx

from graph.analytics import RANK, UNRANKED


def separated_pieces(graph: Sequence[Collection[int]]) -> Iterator[tuple[int, list[int], int]]:
    """Each node with the sizes of the DFS subtrees that hang on it alone, and the size
    of its connected part (nodes numbered 0..n-1, ``graph`` their neighbours).

    A start of the walk has its whole part but itself hanging on it: 0 in
    the path 0 - 1 - 2 (one piece, not a cut); 1 holds 2 alone.

    >>> sorted(separated_pieces([{1}, {0, 2}, {1}, set()]))
    [(0, [2], 3), (1, [1], 3)]
    """
    order = [0] * len(graph)  # 0: not reached yet, else the rank of the visit
    low = [0] * len(graph)
    size = [1] * len(graph)
    parent = [-1] * len(graph)
    # A node with one neighbour is a piece of one hanging on it, walked no further.
    leaf = [len(neighbours) == 1 for neighbours in graph]
    visited = 0
    for root in range(len(graph)):
        if order[root]:
            continue
        visited += 1
        order[root] = low[root] = visited
        pieces: dict[int, list[int]] = defaultdict(list)
        stack = [(root, iter(graph[root]))]
        while stack:
            node, neighbours = stack[-1]
            for neighbour in neighbours:
                if not order[neighbour]:
                    parent[neighbour] = node
                    visited += 1
                    order[neighbour] = low[neighbour] = visited
                    if leaf[neighbour]:  # as if walked: nothing below it, nothing above node
                        size[node] += 1
                        pieces[node].append(1)
                        continue
                    stack.append((neighbour, iter(graph[neighbour])))
                    break
                if order[neighbour] < low[node] and neighbour != parent[node]:
                    low[node] = order[neighbour]
            else:
                stack.pop()
                above = parent[node]
                if above >= 0:
                    low[above] = min(low[above], low[node])
                    size[above] += size[node]
                    if low[node] >= order[above]:
                        pieces[above].append(size[node])
        for node, sizes in pieces.items():
            yield node, sizes, size[root]


def single_points_of_failure(graph: nx.DiGraph) -> list[tuple[str, int]]:
    """Nodes whose removal splits the command graph, with how many nodes they cut off.

    ``separated`` counts the nodes no longer connected to the largest part
    left. Articulation points of the undirected command graph, found in
    linear time (Tarjan), biggest cut first (:func:`failures_of`).

    >>> up = {"relation": "reportsTo"}
    >>> single_points_of_failure(nx.DiGraph([("x", "m", up), ("y", "m", up), ("m", "top", up)]))
    [('m', 2)]
    """
    edges = {(node, target): data.get("relation") for node, target, data in graph.edges(data=True)}
    return failures_of(list(graph), edges)


def failures_of(
    nodes: Sequence[str], edges: Mapping[tuple[str, str], object]
) -> list[tuple[str, int]]:
    """:func:`single_points_of_failure` of the graph of ``nodes`` and ``edges``
    ((subordinate, superior) -> relation).

    The parts a node's removal leaves do not depend on where the walk starts
    or in which order it goes, so it walks nodes numbered in the order
    given, unsorted; each node keeps the edges of its best relation
    (PRECEDENCE), as :func:`command_superiors` does.

    >>> failures_of(["x", "y", "m", "top"], {("x", "m"): "within", ("y", "m"): "reportsTo",
    ...     ("m", "top"): "reportsTo", ("x", "top"): "reportsTo"})  # x follows reportsTo only
    [('m', 1), ('top', 1)]
    """
    number = dict(zip(nodes, range(len(nodes)), strict=True))
    # Node numbers and ranks mapped in C: a Python loop per edge costs twice as much.
    below = list(map(number.__getitem__, map(itemgetter(0), edges)))
    above = list(map(number.__getitem__, map(itemgetter(1), edges)))
    ranks = list(map(RANK.get, edges.values(), itertools.repeat(UNRANKED)))
    best = [UNRANKED] * len(nodes)  # the best relation of each node's edges
    for node, rank in zip(below, ranks, strict=True):
        if rank < best[node]:  # noqa: PLR1730 (a call to min per edge costs more)
            best[node] = rank
    # Neighbour lists: a pair named twice (a -> b and b -> a) changes no cut.
    undirected: list[list[int]] = [[] for _ in nodes]
    for node, superior, rank in zip(below, above, ranks, strict=True):
        if rank == best[node] < UNRANKED:
            undirected[node].append(superior)
            undirected[superior].append(node)
    found: list[tuple[str, int]] = []
    for cut, sizes, total in separated_pieces(undirected):
        remaining = total - 1 - sum(sizes)
        parts = [*sizes, remaining] if remaining > 0 else sizes
        if len(parts) >= 2:
            found.append((nodes[cut], total - 1 - max(parts)))
    found.sort(key=itemgetter(0))
    found.sort(key=itemgetter(1), reverse=True)  # stable: equal cuts stay in node order
    return found
