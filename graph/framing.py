"""The graph as JSON-LD framed per entity type: one tree per post, unit, person...

A flat JSON-LD export (:mod:`graph.jsonld`) lists every node once and links
them by ``@id``; a web developer who wants "every post with its unit and
holder" would have to join them. A frame (JSON-LD 1.1 Framing, run by pyld,
the reference implementation) selects the nodes of one type and embeds the
nodes they point to. The frames are data (``ontology/frames.json``): each
names the types it selects and, per link, what it embeds; a link is
followed both ways (``hasPost`` and ``postIn`` read in reverse, under
``@reverse``), since data may state either. Embedded nodes
carry only their labels (``@explicit``), so no tree repeats the whole graph
and every selected node keeps all its own statements; any other link stays
an ``@id`` reference. Nothing is invented: the framed document, read back as
RDF, is a part of the model.

The output is compacted with orgkg's published context (``@context`` as in
the flat export), nodes sorted by ``@id``, always under ``@graph``, and
every value list in a fixed order, so the same data gives the same bytes.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.jsonld import context_document, data_only, stable_blank_nodes
from ontology.errors import ParameterError

if TYPE_CHECKING:
    from ontology.store import Store

FRAMES_FILE = Path(__file__).resolve().parent.parent / "ontology" / "frames.json"
# Links not named in a frame are references, never embedded copies.
_OPTIONS = {"embed": "@never", "omitDefault": True, "omitGraph": False}


@functools.cache
def frames() -> dict[str, dict[str, Any]]:
    """Every shipped frame by name: ``{"about": ..., "frame": {...}}``."""
    shipped: dict[str, dict[str, Any]] = json.loads(FRAMES_FILE.read_text(encoding="utf-8"))
    return shipped


def frame_names() -> tuple[str, ...]:
    """The names ``--frame`` accepts, in the order the frames file lists them.

    >>> frame_names()[:3]
    ('post', 'unit', 'person')
    """
    return tuple(frames())


def find_frame(name: str) -> dict[str, Any]:
    """The JSON-LD frame called ``name`` with the published context, or ParameterError."""
    try:
        spec = frames()[name]
    except KeyError:
        raise ParameterError(
            f"unknown frame {name!r}: use one of {', '.join(frame_names())}", parameter="frame"
        ) from None
    return {"@context": context_document()["@context"], **spec["frame"]}


def export_framed(store: Store, name: str, *, vocabulary: bool = False) -> bytes:
    """The loaded graph framed by the frame ``name``: one tree per node of its types."""
    from pyld import jsonld

    frame = find_frame(name)
    graph = stable_blank_nodes(store.data_graph() if vocabulary else data_only(store.data_graph()))
    # rdflib's expanded JSON-LD: pyld need not expand a compacted document first.
    expanded = _in_order(json.loads(graph.serialize(format="json-ld")))
    framed: dict[str, Any] = jsonld.frame(expanded, frame, dict(_OPTIONS))
    nodes = sorted(framed.get("@graph", []), key=lambda node: str(node.get("@id", "")))
    for node in nodes:
        _drop_repeated_reverse(node)
    document = {"@context": context_document()["@context"], "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _drop_repeated_reverse(node: dict[str, Any]) -> None:
    """Drop from ``@reverse`` the nodes already embedded through a forward link.

    A frame follows a link both ways (``hasPost``, and ``postIn`` read in
    reverse) because data may state either; where it states both, the
    node would be embedded twice. Embedded nodes are cleaned the same way.
    """
    forward: set[str] = set()
    for key, values in node.items():
        if key.startswith("@"):
            continue
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict):
                _drop_repeated_reverse(value)
                forward.add(str(value.get("@id")))
    reverse = node.get("@reverse")
    if not isinstance(reverse, dict):
        return
    for key in list(reverse):
        values = reverse[key] if isinstance(reverse[key], list) else [reverse[key]]
        kept = [v for v in values if not (isinstance(v, dict) and str(v.get("@id")) in forward)]
        for value in kept:
            if isinstance(value, dict):
                _drop_repeated_reverse(value)
        if kept:
            reverse[key] = kept if len(kept) > 1 else kept[0]
        else:
            del reverse[key]
    if not reverse:
        del node["@reverse"]


def _in_order(expanded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Expanded nodes by ``@id``, each property's values sorted (rdflib's order is a set's)."""
    ordered = []
    for node in sorted(expanded, key=lambda item: str(item.get("@id", ""))):
        ordered.append(
            {
                key: sorted(values, key=_value_key) if isinstance(values, list) else values
                for key, values in sorted(node.items())
            }
        )
    return ordered


def _value_key(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
