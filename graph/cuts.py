"""Cut points of an undirected graph and the pieces each one holds alone (Tarjan, linear).

The graph is a list of neighbour sets over nodes numbered ``0..n-1``
(:func:`graph.analytics.single_points_of_failure` numbers the command
graph's nodes in graph order): plain lists and ints walk faster than
dicts of IRIs, and the pieces do not depend on the order of the walk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence


def separated_pieces(graph: Sequence[Iterable[int]]) -> Iterator[tuple[int, list[int], int]]:
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
