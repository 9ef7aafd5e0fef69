"""The graph as compacted JSON-LD with orgkg's published context.

The context (``ontology/context.jsonld``, shipped in the package and served
at ``GET /context.jsonld``) gives the prefixes and short names for the terms
people read (``prefLabel`` as a language map, ``reportsTo``, ``postIn``,
...). The export carries that context inline, so no reader has to fetch it,
and lists its nodes grouped by type (then by IRI), one flat object each,
related nodes referenced by ``@id``, values in a fixed order (the same data
gives the same bytes). The vocabulary (orgkg's own terms, the
code lists, the labels of reused terms) is left out unless asked for.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ontology.namespaces import ID, PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph

    from ontology.store import Store

CONTEXT_FILE = Path(__file__).resolve().parent.parent / "ontology" / "context.jsonld"
CONTEXT_PATH = "/context.jsonld"
# Subjects in these namespaces are the vocabulary, not the data.
VOCABULARY_NAMESPACES = tuple(iri for prefix, iri in PREFIXES.items() if iri != str(ID))


@functools.cache
def context_document() -> dict[str, Any]:
    """The published context document: ``{"@context": {...}}``."""
    document: dict[str, Any] = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    return document


def export_jsonld(store: Store, *, vocabulary: bool = False) -> bytes:
    """The loaded graph as compacted JSON-LD, nodes grouped by type; vocabulary only if asked."""
    graph = stable_blank_nodes(store.data_graph() if vocabulary else data_only(store.data_graph()))
    compacted = json.loads(
        graph.serialize(format="json-ld", context=context_document()["@context"])
    )
    nodes = [in_order(node) for node in compacted.get("@graph", [compacted])]
    nodes = [node for node in nodes if "@id" in node]
    nodes.sort(key=lambda node: (_first_type(node), str(node.get("@id", ""))))
    document = {"@context": context_document()["@context"], "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def in_order(value: Any) -> Any:
    """``value`` with every JSON-LD set of values sorted (``@list`` keeps its order).

    rdflib yields a node's values in the order of a Python set, which follows
    the process's hash seed; sorted, the same data gives the same bytes.

    >>> in_order({"@type": ["org:Post", "okg:Seal"], "x": {"@list": [2, 1]}})
    {'@type': ['okg:Seal', 'org:Post'], 'x': {'@list': [2, 1]}}
    """
    if isinstance(value, dict):
        ordered: dict[str, Any] = {}
        for key, item in value.items():
            is_list = key == "@list" and isinstance(item, list)
            ordered[key] = [in_order(member) for member in item] if is_list else in_order(item)
        return ordered
    if isinstance(value, list):
        return sorted((in_order(item) for item in value), key=_sort_key)
    return value


_BLANK_NODE_ROUNDS = 4


def stable_blank_nodes(graph: Graph) -> Graph:
    """``graph`` with each blank node labelled by what it says, not by chance.

    A parser names blank nodes at random, so two exports of the same data
    would differ in their ``_:`` labels. Here each is named by a digest of
    its own statements and those pointing at it, a neighbouring blank node
    standing for its digest of the round before (a few rounds, each linear
    in the triples: no full canonicalisation), and nodes with the same
    digest are numbered in turn; only blank nodes whose surroundings are
    alike that many steps away can still swap labels between runs.
    """
    from rdflib import BNode
    from rdflib import Graph as RdfGraph

    touching = [(s, p, o) for s, p, o in graph if isinstance(s, BNode) or isinstance(o, BNode)]
    if not touching:
        return graph
    digests: dict[BNode, str] = {}
    for _ in range(_BLANK_NODE_ROUNDS):
        lines: dict[BNode, list[str]] = {}
        for s, p, o in touching:
            if isinstance(s, BNode):
                shown = f"_{digests.get(o, '')}" if isinstance(o, BNode) else o.n3()
                lines.setdefault(s, []).append(f"> {p.n3()} {shown}")
            if isinstance(o, BNode):
                shown = f"_{digests.get(s, '')}" if isinstance(s, BNode) else s.n3()
                lines.setdefault(o, []).append(f"< {shown} {p.n3()}")
        refined = {
            node: hashlib.sha256("\n".join(sorted(said)).encode("utf-8")).hexdigest()[:16]
            for node, said in lines.items()
        }
        settled = len(set(refined.values())) == len(set(digests.values()))
        digests = refined
        if settled:
            break
    labels: dict[BNode, BNode] = {}
    seen: dict[str, int] = {}
    for node in sorted(digests, key=lambda item: digests[item]):
        count = seen.get(digests[node], 0)
        seen[digests[node]] = count + 1
        labels[node] = BNode(f"b{digests[node]}{'' if count == 0 else f'-{count}'}")
    relabelled = RdfGraph()
    for prefix, iri in graph.namespaces():
        relabelled.bind(prefix, iri)
    for s, p, o in graph:
        relabelled.add(
            (
                labels.get(s, s) if isinstance(s, BNode) else s,
                p,
                labels.get(o, o) if isinstance(o, BNode) else o,
            )
        )
    return relabelled


def _sort_key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def data_only(graph: Graph) -> Graph:
    """``graph`` without the triples about vocabulary terms.

    Blank nodes only a vocabulary term reaches (an ``owl:unionOf`` list, a
    shape's property) go with it; one the data also uses stays.
    """
    from rdflib import BNode
    from rdflib import Graph as RdfGraph

    def is_vocabulary(term: object) -> bool:
        return str(term).startswith(VOCABULARY_NAMESPACES) and not isinstance(term, BNode)

    data_reached = {o for s, _, o in graph if isinstance(o, BNode) and not is_vocabulary(s)}
    vocabulary_nodes: set[BNode] = set()
    frontier = [o for s, _, o in graph if is_vocabulary(s) and isinstance(o, BNode)]
    while frontier:
        node = frontier.pop()
        if node in vocabulary_nodes:
            continue
        vocabulary_nodes.add(node)
        frontier.extend(o for o in graph.objects(node, None) if isinstance(o, BNode))
    # A blank node the data reaches directly (not through the vocabulary's own nodes) stays.
    dropped = vocabulary_nodes - {
        o for s, _, o in graph if o in data_reached and s not in vocabulary_nodes
    }
    kept = RdfGraph()
    for prefix, iri in graph.namespaces():
        kept.bind(prefix, iri)
    for triple in graph:
        subject = triple[0]
        if not is_vocabulary(subject) and subject not in dropped:
            kept.add(triple)
    return kept


def _first_type(node: dict[str, Any]) -> str:
    types = node.get("@type", [])
    listed = types if isinstance(types, list) else [types]
    return min((str(t) for t in listed), default="~")  # untyped nodes last
