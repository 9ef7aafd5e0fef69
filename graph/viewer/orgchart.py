"""The view projection: every kind of node the org-chart page draws.

Unlike the analysts' projections (:mod:`graph.projection`), this one keeps
everything a reader may want to see: bodies, units, posts, persons, seals,
duties and permissions, reporting lines and the source sentences, each with
both labels, the folded search form and the quotes it comes from.

>>> from ontology import load_regulation
>>> view = project_view(load_regulation())  # doctest: +SKIP
>>> view.nodes["https://w3id.org/orgkg/id/tct-cpdt/post/to-truong"]["kind"]  # doctest: +SKIP
'post'
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import networkx as nx
from rdflib import Literal, URIRef

from ontology import Store, Term, fold
from ontology.languages import LANGUAGES
from ontology.namespaces import ID, OKG, ORG, SKOS
from ontology.sparql import read_sparql

# Drawing order matters: an entity typed as two kinds is drawn as the first.
KINDS: tuple[str, ...] = (
    "body",
    "unit",
    "post",
    "person",
    "seal",
    "reporting",
    "duty",
    "permission",
    "source",
)
# Where a node belongs (for the unit filter and for collapsing big graphs),
# by kind: the relations to follow, in order of preference, "out" to the
# target or "in" from the source; the first end that belongs to a unit wins.
_ANCHORS: dict[str, tuple[tuple[str, str], ...]] = {
    "post": (("out", "heads"), ("out", "postIn"), ("out", "sitsIn"), ("out", "memberOf")),
    "seal": (("out", "sealOf"),),
    "person": (("out", "holds"), ("out", "heads"), ("out", "memberOf")),
    "reporting": (("in", "reportsTo"), ("out", "reportsTo")),
    "duty": (("in", "bears"), ("out", "concerns")),
    "permission": (
        ("in", "bears"),
        ("in", "mayUseSeal"),
        ("out", "concerns"),
        ("out", "mayUseSeal"),
    ),
}
# How each relation ranks the org chart (the page computes the levels of
# whatever is shown from this): "up" draws the target above the source (a
# unit above its posts, a recipient above its reporter, a post above its
# holder), "down" the source above the target (a bearer above its duty, the
# holder of a permission above the seal) and None ranks nothing.
RANKING: dict[str, str | None] = {
    "reportsTo": "up",
    "unitOf": "up",
    "postIn": "up",
    "heads": "up",
    "sitsIn": "up",
    "memberOf": "up",
    "holds": "up",
    "exOfficio": None,
    "assists": "up",
    "sealOf": "up",
    "mayUseSeal": "down",
    "bears": "down",
    "concerns": None,
    "derivedFrom": None,
}
# Every relation the view draws, in the legend's order.
RELATIONS: tuple[str, ...] = tuple(RANKING)


class Source(NamedTuple):
    """A sentence of the source text: its IRI, stable id (eId) and exact text."""

    iri: str
    identifier: str
    text: str


def project_view(store: Store) -> nx.DiGraph:
    """Project the store into the viewer's directed graph, keyed by IRI.

    Node attributes: ``kind``, ``label_vi``, ``label_en``, ``alt`` (other
    labels), ``fold`` (folded search text), ``sources`` (:class:`Source`
    tuples), ``details`` ((property, value vi, value en) triples), ``unit``
    (the unit or body it belongs to, or None). Edge attribute: ``relation``
    (one of :data:`RELATIONS`). ``view.graph["title"]``: see :func:`read_title`.
    """
    view: nx.DiGraph = nx.DiGraph()
    for row in store.select(read_sparql("viewer-nodes")):
        node, kind = str(row[0]), str(row[1])
        known = view.nodes[node]["kind"] if node in view else None
        if known is None or KINDS.index(kind) < KINDS.index(known):
            view.add_node(node, kind=kind)
    _add_sources(view, store)
    _add_labels(view, store)
    _add_details(view, store)
    _add_edges(view, store)
    assign_units(view)
    view.graph["title"] = read_title(store)
    return view


def read_title(store: Store) -> dict[str, str] | None:
    """The regulation's name in each language, with its decision and date under it.

    ``{"vi": ..., "en": ..., "sub_vi": ..., "sub_en": ...}`` or None when the
    data names no legal resource. The rulebook (an ``odrl:Set``) wins over
    the decision issuing it; ties go to the smallest IRI, so the choice never
    depends on the engine's row order.
    """
    best: dict[str, tuple[tuple[int, str], str, str]] = {}
    for resource, label, is_set, parent, date in store.select(read_sparql("viewer-title")):
        if not isinstance(label, Literal):
            continue
        lang = (label.language or "vi")[:2]
        preference = (0 if str(is_set).lower() in ("true", "1") else 1, str(resource))
        under = " · ".join(str(part) for part in (parent, date) if part is not None)
        if lang not in best or preference < best[lang][0]:
            best[lang] = (preference, str(label), under)
    if not best:
        best = _fallback_titles(store)
    if not best:
        return None
    vi = best.get("vi") or best.get("en") or next(iter(best.values()))
    en = best.get("en") or vi
    return {"vi": vi[1], "en": en[1], "sub_vi": vi[2], "sub_en": en[2]}


def _fallback_titles(store: Store) -> dict[str, tuple[tuple[int, str], str, str]]:
    """The source document's title, else the label of the organisation holding the most.

    Keyed by language like :func:`read_title`'s choices; an untagged label
    stands for both languages when neither is given.
    """
    best: dict[str, tuple[tuple[int, int, str], str]] = {}
    for node, label, rank, size in store.select(read_sparql("viewer-title-fallback")):
        if not isinstance(label, Literal):
            continue
        lang = (label.language or "")[:2]
        preference = (_number(rank), -_number(size), str(node))
        if lang not in best or preference < best[lang][0]:
            best[lang] = (preference, str(label))
    untagged = best.pop("", None)
    if untagged is not None and not best:
        best = {"vi": untagged, "en": untagged}
    return {lang: ((choice[0][0], choice[0][2]), choice[1], "") for lang, choice in best.items()}


def _add_sources(view: nx.DiGraph, store: Store) -> None:
    cited: dict[str, set[tuple[tuple[int, int], Source]]] = defaultdict(set)
    rows = store.select(read_sparql("viewer-sources"))
    for subject, sentence, identifier, text, order, passage_order in rows:
        iri = str(sentence)
        name = str(identifier) if identifier is not None else local_name(iri)
        source = Source(iri, name, str(text))
        cited[str(subject)].add(((_number(passage_order), _number(order)), source))
        if iri not in view:
            # A sentence is drawn only when something cites it.
            view.add_node(iri, kind="source", text=source.text, identifier=source.identifier)
    for node, sources in cited.items():
        if node in view:
            ordered = sorted(sources, key=lambda pair: (pair[0], pair[1].identifier))
            view.nodes[node]["sources"] = tuple(dict.fromkeys(source for _, source in ordered))


def _number(term: Term | None) -> int:
    """An okg:order value, or "last" when there is none."""
    return int(term) if isinstance(term, Literal) and str(term).isdigit() else 1 << 30


def _add_labels(view: nx.DiGraph, store: Store) -> None:
    preferred: dict[str, dict[str, str]] = defaultdict(dict)
    others: dict[str, set[str]] = defaultdict(set)
    for subject, prop, label in store.select(read_sparql("viewer-labels")):
        key = str(subject)
        if key not in view or not isinstance(label, Literal):
            continue
        lang = (label.language or "").lower()[:2]
        if prop == SKOS.prefLabel and lang in (*LANGUAGES, ""):
            # Several preferred labels in one language: keep the shortest, then
            # the first in code-point order, so the result never depends on
            # the engine's row order.
            slot = lang or "any"
            current = preferred[key].get(slot)
            text = str(label)
            if current is None or (len(text), text) < (len(current), current):
                preferred[key][slot] = text
        else:
            others[key].add(str(label))
    for node, data in view.nodes(data=True):
        labels = preferred.get(node, {})
        fallback = data.get("identifier") or local_name(node)
        data["label_vi"] = labels.get("vi") or labels.get("any") or labels.get("en") or fallback
        data["label_en"] = labels.get("en") or labels.get("any") or labels.get("vi") or fallback
        data["alt"] = tuple(sorted(others.get(node, ())))
        data.setdefault("sources", ())
        data.setdefault("details", ())
        words = {data["label_vi"], data["label_en"], *data["alt"], local_name(node)}
        data["fold"] = " | ".join(sorted(fold(word) for word in words))


def _add_details(view: nx.DiGraph, store: Store) -> None:
    labels: dict[tuple[str, str, Term], dict[str, str]] = defaultdict(dict)
    for subject, prop, value, label in store.select(read_sparql("viewer-details")):
        key = str(subject)
        if key not in view or value is None:
            continue
        slot = labels[(key, local_name(str(prop)), value)]
        if isinstance(value, Literal):
            slot[(value.language or "vi")[:2]] = str(value)
        elif isinstance(label, Literal):
            slot.setdefault((label.language or "vi")[:2], str(label))
        else:
            slot.setdefault("id", local_name(str(value)))
        if prop == ORG.role and isinstance(value, URIRef):
            view.nodes[key].setdefault("roles", set()).add(str(value))
    details: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (owner, name, _), names in labels.items():
        plain = names.get("id", "")
        vi = names.get("vi") or names.get("en") or plain
        details[owner].append((name, vi, names.get("en") or vi))
    for node, items in details.items():
        view.nodes[node]["details"] = tuple(sorted(items))


def _add_edges(view: nx.DiGraph, store: Store) -> None:
    edges = sorted(
        (str(source), str(relation), str(target))
        for source, relation, target in store.select(read_sparql("viewer-edges"))
    )
    kinds = {node: kind for node, kind in view.nodes(data="kind")}
    reporters: dict[str, set[str]] = defaultdict(set)
    recipients: dict[str, set[str]] = defaultdict(set)
    for source, relation, target in edges:
        if relation == "reportsTo" and kinds.get(target) == "reporting":
            reporters[target].add(source)
        elif relation == "reportsTo" and kinds.get(source) == "reporting":
            recipients[source].add(target)
    # A direct org:reportsTo that a qualified reporting line already states
    # would draw the same fact twice.
    covered = {(s, t) for line in reporters for s in reporters[line] for t in recipients[line]}
    heads = {node for node, roles in view.nodes(data="roles") if roles and str(OKG.head) in roles}
    for source, stated, target in edges:
        if source not in kinds or target not in kinds or source == target:
            continue
        if stated == "reportsTo" and (source, target) in covered:
            continue
        if stated == "derivedFrom" and kinds[target] != "source":
            continue
        # The org chart reads "heads", not "is a post in", for a head's post.
        relation = "heads" if stated == "postIn" and source in heads else stated
        view.add_edge(source, target, relation=relation)


def assign_units(view: nx.DiGraph) -> None:
    """Set each node's ``unit``: the body or unit it belongs to (None if none).

    Bodies and units belong to themselves; a post to the unit it heads or is
    in; a seal to its body; a person to the unit of a post they hold; a
    reporting line to its reporter's unit; a duty or permission to its
    bearer's. Kinds are resolved in that order (:data:`_ANCHORS`), so each
    can use the ones before.
    """
    for node, data in view.nodes(data=True):
        data["unit"] = node if data["kind"] in ("body", "unit") else None
    for kind, rules in _ANCHORS.items():
        for node, data in view.nodes(data=True):
            if data["kind"] == kind:
                data["unit"] = _anchor_of(view, node, rules)


def _anchor_of(view: nx.DiGraph, node: str, rules: tuple[tuple[str, str], ...]) -> str | None:
    for direction, wanted in rules:
        if direction == "out":
            ends = [t for _, t, r in view.out_edges(node, data="relation") if r == wanted]
        else:
            ends = [s for s, _, r in view.in_edges(node, data="relation") if r == wanted]
        for other in sorted(ends):
            unit = view.nodes[other].get("unit")
            if unit is not None:
                return str(unit)
    return None


def local_name(iri: str) -> str:
    """The readable tail of an IRI: the part after the data base, else the last segment."""
    if iri.startswith(str(ID)):
        return iri[len(str(ID)) :]
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
