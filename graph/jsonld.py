"""The graph as compacted JSON-LD with orgkg's published context.

The context (``ontology/context.jsonld``, shipped in the package and served
at ``GET /context.jsonld``) gives the prefixes and short names for the terms
people read (``prefLabel`` as a language map, ``reportsTo``, ``postIn``,
...). The export carries that context inline, so no reader has to fetch it,
and lists its nodes grouped by type (then by IRI), one flat object each,
related nodes referenced by ``@id``. The vocabulary (orgkg's own terms, the
code lists, the labels of reused terms) is left out unless asked for.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import functools
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
    graph = store.data_graph() if vocabulary else data_only(store.data_graph())
    compacted = json.loads(
        graph.serialize(format="json-ld", context=context_document()["@context"])
    )
    nodes = compacted.get("@graph", [compacted] if "@id" in compacted else [])
    nodes.sort(key=lambda node: (_first_type(node), str(node.get("@id", ""))))
    document = {"@context": context_document()["@context"], "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


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
