"""The org-chart page: one self-contained, offline HTML file.

pyvis turns the view projection (:func:`graph.viewer.orgchart.project_view`) into
vis-network nodes, edges and options; the page's own template puts them in a
``<script type="application/json">`` block, never into markup, and inlines
vis-network and the page's script and style, so the file needs no network.
Every text from the data reaches the reader through ``textContent`` only.

>>> from ontology import load_regulation
>>> html = render_html(load_regulation(), lang="en")  # doctest: +SKIP
>>> html.startswith("<!DOCTYPE html>")  # doctest: +SKIP
True
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape

from graph.viewer import legend
from graph.viewer.network import OrgNetwork
from graph.viewer.orgchart import KINDS, RANKING, RELATIONS, local_name, project_view
from ontology import Store
from ontology.languages import Lang
from ontology.namespaces import OKG

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
# Above this many nodes the page opens collapsed to bodies and units: drawing
# thousands of boxes at once makes the first paint take seconds.
COLLAPSE_ABOVE = 1500

# Inlined in this order: the drawing library, then the page's own modules.
SCRIPTS = (
    "vis-network.min.js",
    "layout.js",
    "viewer.js",
    "panel.js",
    "ask.js",
    "export.js",
    "timeline.js",
)

Layout = Literal["org", "force"]

# Characters that could end the JSON block early or open a comment inside it;
# JSON lets each be written as a \\u escape without changing its meaning.
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def render_html(
    store: Store,
    *,
    lang: str = "vi",
    focus: str | None = None,
    depth: int = 2,
    layout: str = "org",
    as_of: str | None = None,
    timeline: Sequence[Mapping[str, object]] = (),
) -> str:
    """The org-chart page of ``store`` as one HTML document (a str).

    ``lang`` picks the labels shown first (the page toggles vi/en);
    ``focus`` (an IRI or the part after ``https://w3id.org/orgkg/id/``)
    opens the page on that entity and its neighbours ``depth`` steps away;
    ``layout`` is ``org`` (levels from the reporting tree) or ``force``.
    The page's URL parameters (``?focus=...&depth=...&lang=...``) override
    these when it is opened. ``as_of`` (an ISO day) is the day ``store``
    shows and ``timeline`` the dataset's dated days (``ontology.timeline.
    timeline_days``): the page's date control and timeline then redraw the
    chart for another day (``?at=DAY``, served pages).
    """
    return render_view(
        project_view(store),
        lang=lang,
        focus=focus,
        depth=depth,
        layout=layout,
        as_of=as_of,
        timeline=timeline,
    )


def render_view(
    view: nx.DiGraph,
    *,
    lang: str = "vi",
    focus: str | None = None,
    depth: int = 2,
    layout: str = "org",
    as_of: str | None = None,
    timeline: Sequence[Mapping[str, object]] = (),
) -> str:
    """Render an already projected view (see :func:`render_html`).

    ``view.graph["title"]`` (``{"vi", "en", "sub_vi", "sub_en"}``), when set,
    heads the page.
    """
    chosen_lang: Lang = "en" if lang == "en" else "vi"
    chosen_layout: Layout = "force" if layout == "force" else "org"
    network = build_network(view, chosen_lang)
    nodes, edges, _heading, _height, _width, options = network.get_network_data()
    payload = {
        "lang": chosen_lang,
        "layout": chosen_layout,
        "focus": focus or None,
        "depth": max(0, min(int(depth), 10)),
        "collapsed": view.number_of_nodes() > COLLAPSE_ABOVE,
        "title": view.graph.get("title"),
        "nodes": nodes,
        "edges": edges,
        "sentences": collect_sentences(view),
        "options": {"org": json.loads(options), "force": force_options()},
        "kinds": [kind for kind in KINDS if kind in legend.KIND_STYLES],
        "relations": [relation for relation in RELATIONS if relation in legend.RELATION_STYLES],
        "kindNames": legend.names_of(legend.KIND_STYLES),
        "relationNames": legend.names_of(legend.RELATION_STYLES),
        "edgeStyles": legend.edge_styles(),
        "hiddenKinds": list(legend.HIDDEN_KINDS),
        "hiddenRelations": list(legend.HIDDEN_RELATIONS),
        "bridgedKinds": list(legend.BRIDGED_KINDS),
        "ranking": RANKING,
        "text": legend.page_text(),
        "timeline": {"asOf": as_of, "days": [dict(day) for day in timeline]},
    }
    data = to_script_json(payload)
    scripts = tuple(static_text(name) for name in SCRIPTS)
    title = view.graph.get("title") or {}
    heading = title.get(chosen_lang) or legend.TEXT["title"][0 if chosen_lang == "vi" else 1]
    page: str = page_template().render(
        lang=chosen_lang,
        heading=heading,
        data=data,
        style=static_text("viewer.css"),
        scripts=scripts,
        script_hashes=[csp_hash(text) for text in scripts],
    )
    return page


def build_network(view: nx.DiGraph, lang: Lang) -> OrgNetwork:
    """The pyvis network of the view: one vis node per node, one edge per edge.

    Besides what vis-network draws (label, shape, group), each node
    carries the page's own fields: both labels, the folded search text,
    kind, unit, details and the IRIs of its source sentences.
    """
    network = OrgNetwork(directed=True, cdn_resources="in_line")
    network.options = org_options()
    for node, data in view.nodes(data=True):
        kind = data["kind"]
        network.add_node(
            node,
            label=data[f"label_{lang}"],
            shape=legend.KIND_STYLES[kind]["shape"],
            group=kind,
            kind=kind,
            key=local_name(node),
            label_vi=data["label_vi"],
            label_en=data["label_en"],
            alt=list(data.get("alt", ())),
            fold=data.get("fold", ""),
            unit=data.get("unit"),
            details=[list(detail) for detail in data.get("details", ())],
            sources=[source.iri for source in data.get("sources", ())],
            lead=lead_of(data.get("roles")),
        )
    for source, target, relation in view.edges(data="relation"):
        network.add_edge(source, target, relation=relation)
    return network


def lead_of(roles: set[str] | None) -> str | None:
    """``"head"`` or ``"deputy"`` for a post leading its unit (org:role), else None.

    The layout draws a unit's leading posts in the row just under it.
    """
    if roles and str(OKG.head) in roles:
        return "head"
    if roles and str(OKG.deputyHead) in roles:
        return "deputy"
    return None


def collect_sentences(view: nx.DiGraph) -> dict[str, dict[str, str]]:
    """Every cited sentence once, by IRI: its id and exact text (for the panel)."""
    sentences: dict[str, dict[str, str]] = {}
    for _, data in view.nodes(data=True):
        for source in data.get("sources", ()):
            sentences[source.iri] = {"id": source.identifier, "text": source.text}
    return sentences


def org_options() -> dict[str, Any]:
    """vis-network options for the org chart: positions given, no physics."""
    return {
        "groups": legend.vis_groups(),
        # Positions come from the page's own layered layout (layout.js):
        # vis-network's hierarchical layout ignores node widths.
        "layout": {"hierarchical": {"enabled": False}, "randomSeed": 7},
        "physics": {"enabled": False},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": {
                "enabled": True,
                "type": "cubicBezier",
                "forceDirection": "vertical",
                "roundness": 0.45,
            },
            "selectionWidth": 1.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def force_options() -> dict[str, Any]:
    """vis-network options for the free layout: physics until stable, then still."""
    options = org_options()
    options["physics"] = {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -60,
            "springLength": 120,
            "avoidOverlap": 0.4,
        },
        "stabilization": {"enabled": True, "iterations": 250, "fit": True},
    }
    options["edges"]["smooth"] = {"enabled": True, "type": "continuous"}
    return options


def to_script_json(payload: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become \\u escapes, so no ``</script>`` or
    ``<!--`` can appear and end or comment out the block.
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _JSON_ESCAPES:  # str.replace: 10x faster than translate here
        text = text.replace(character, escape)
    return text


def csp_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def static_text(name: str) -> str:
    """A file of graph/viewer/static, checked safe to inline in a ``<script>``/``<style>``."""
    text = (STATIC / name).read_text(encoding="utf-8")
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise ValueError(
            f"graph/viewer/static/{name} cannot be inlined: it would close its element"
        )
    return text


@cache
def page_template() -> Any:
    """The page's Jinja template; autoescaping is on for every value."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    return environment.get_template("viewer.html")
