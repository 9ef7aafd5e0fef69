"""Where to draw an entity's neighbours in its page's mini graph (an inline SVG).

The entity sits in the centre and its directly related entities on a circle
around it; the template draws the lines, the boxes and the labels (escaped).

>>> card = {"iri": "a", "label": "A", "out": [
...     {"predicate": "p#holds", "predicateLabel": None, "object": "b",
...      "objectKind": "iri", "objectLabel": "B"}], "in": []}
>>> drawing = draw_neighbourhood(card)
>>> [(n["label"], n["relation"], n["outgoing"]) for n in drawing["nodes"]]
[('B', 'holds', True)]
"""

from __future__ import annotations

import math
from typing import Any

WIDTH = 640
HEIGHT = 360
RADIUS_X = 230
RADIUS_Y = 130
MAX_NEIGHBOURS = 12
MAX_LABEL = 28


def draw_neighbourhood(card: dict[str, Any]) -> dict[str, Any]:
    """Positions of the entity and of at most ``MAX_NEIGHBOURS`` neighbours."""
    seen: dict[str, dict[str, Any]] = {}
    for relation in card["out"]:
        if relation["objectKind"] == "iri" and relation["object"] != card["iri"]:
            seen.setdefault(
                relation["object"],
                _node(relation["object"], relation["objectLabel"], relation, outgoing=True),
            )
    for relation in card["in"]:
        if relation["subject"] != card["iri"]:
            seen.setdefault(
                relation["subject"],
                _node(relation["subject"], relation["subjectLabel"], relation, outgoing=False),
            )
    nodes = list(seen.values())[:MAX_NEIGHBOURS]
    for index, node in enumerate(nodes):
        angle = 2 * math.pi * index / max(len(nodes), 1) - math.pi / 2
        node["x"] = round(WIDTH / 2 + RADIUS_X * math.cos(angle), 1)
        node["y"] = round(HEIGHT / 2 + RADIUS_Y * math.sin(angle), 1)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "centre": {"x": WIDTH / 2, "y": HEIGHT / 2, "label": _short(card.get("label") or "")},
        "nodes": nodes,
        "more": max(0, len(seen) - MAX_NEIGHBOURS),
    }


def _node(
    iri: str, label: str | None, relation: dict[str, Any], *, outgoing: bool
) -> dict[str, Any]:
    name = relation["predicateLabel"] or relation["predicate"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return {
        "iri": iri,
        "label": _short(label or iri.rsplit("/", 1)[-1]),
        "relation": name,
        "outgoing": outgoing,
    }


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"
