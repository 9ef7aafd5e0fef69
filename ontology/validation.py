"""Validation: SHACL shapes over a plain rdflib graph -> a :class:`Report`.

pyshacl is ~60x slower on an oxrdflib-backed graph than on rdflib's memory
store, so :func:`validate` copies any other graph into memory first (a
:class:`~ontology.store.Store` gives one with ``data_graph()``). Inference
is off by default: the vocabulary's sub-class axioms are in the data graph
(the store always loads it) or given as ``vocabulary``, and SHACL's
``sh:targetClass`` follows ``rdfs:subClassOf`` in the data graph by itself;
RDFS inference would only add domain/range types that no shape needs, and
costs a copy of the graph. Each SPARQL constraint is parsed once per
process (:mod:`ontology.parsed_queries`), not once per focus node.

The command line maps the outcome to exit codes: ``report.exit_code`` is 0
(conforms) or 1 (violations); a check that cannot run raises
:class:`~ontology.errors.DataError` (exit code 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import pyshacl
from pyshacl.errors import ReportableRuntimeError
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.plugins.stores.memory import Memory, SimpleMemory
from rdflib.term import Node

from ontology.errors import DataError
from ontology.languages import LANGUAGES
from ontology.namespaces import DCT, OKG, PROV, RDF, SH, SKOS
from ontology.parsed_queries import PreparedGraph, prepared_view
from ontology.report import Report, Result, Severity
from ontology.store import Store

Inference = Literal["none", "rdfs"]

_SEVERITIES: dict[Node, Severity] = {
    SH.Violation: Severity.VIOLATION,
    SH.Warning: Severity.WARNING,
    SH.Info: Severity.INFO,
}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def check(store: Store) -> Report:
    """Check a loaded store against its shapes (the generic ones and its regulation's).

    What ``orgkg check``, ``GET /check`` and the BDD steps run. pyshacl is
    fast on a plain in-memory copy and slow on an Oxigraph-backed graph, so
    it is handed ``store.data_graph()``.
    """
    return validate(store.data_graph(), store.shapes)


def validate(
    data: Graph,
    shapes: Graph,
    *,
    vocabulary: Graph | None = None,
    inference: Inference = "none",
) -> Report:
    """Check ``data`` against ``shapes`` and return the report.

    ``vocabulary`` is merged into a copy of the data when the data does not
    already contain it (a store's ``data_graph()`` does). Raises
    :class:`DataError` when the shapes cannot be used (a malformed shape, a
    SPARQL constraint pyshacl rejects).
    """
    plain = in_memory(data)
    if vocabulary is not None:
        # pyshacl mixes an ont_graph in only when it infers; merge it ourselves.
        plain = _merged(plain, vocabulary)
    try:
        _, outcome, _ = pyshacl.validate(
            plain,
            shacl_graph=shapes,
            inference=inference,
            allow_warnings=True,
            allow_infos=True,
            abort_on_first=False,
        )
    except ReportableRuntimeError as exc:
        raise DataError(f"cannot validate: {exc.message}") from exc
    if not isinstance(outcome, Graph):
        # pyshacl returns its ValidationFailure instead of raising it.
        message = getattr(outcome, "message", str(outcome))
        raise DataError(f"cannot validate: {message}")
    # Only the report's own results: nested ones (sh:detail) explain them.
    results = tuple(
        _result(outcome, node, plain, shapes)
        for report in outcome.subjects(RDF.type, SH.ValidationReport)
        for node in outcome.objects(report, SH.result)
    )
    checked = checked_shapes(shapes)
    return Report(
        results=results,
        shapes=tuple(str(s) for s in checked),
        enforced=enforced_sentences(plain, shapes, checked),
    )


def in_memory(graph: Graph) -> Graph:
    """``graph``'s triples in an rdflib memory store, queried with each query parsed once.

    A memory graph is viewed as it is; any other graph is copied.
    """
    if isinstance(graph.store, (Memory, SimpleMemory)):
        return prepared_view(graph)
    copy = PreparedGraph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    copy += graph.triples((None, None, None))
    return copy


def _merged(data: Graph, vocabulary: Graph) -> Graph:
    merged = PreparedGraph()
    for graph in (data, vocabulary):
        for prefix, namespace in graph.namespaces():
            merged.bind(prefix, namespace, override=False)
        merged += graph.triples((None, None, None))
    return merged


def checked_shapes(shapes: Graph) -> list[URIRef]:
    """The named shapes that validation visits: targeted shapes and their property shapes."""
    targeted = {s for p in _TARGETS for s in shapes.subjects(p, None) if isinstance(s, URIRef)}
    nested = {o for s in targeted for o in shapes.objects(s, SH.property) if isinstance(o, URIRef)}
    return sorted(targeted | nested)


def enforced_sentences(data: Graph, shapes: Graph, checked: Iterable[Node]) -> tuple[str, ...]:
    """Ids of the sentences the ``checked`` shapes (or their owners) enforce."""
    cited = {
        sentence
        for shape in checked
        for owner in (shape, *shapes.subjects(SH.property, shape))
        for sentence in shapes.objects(owner, OKG.enforces)
    }
    return tuple(sorted({str(data.value(s, DCT.identifier) or s) for s in cited}))


def _term(node: Node) -> str:
    """A term as plain text: an IRI in full, a literal's lexical form, ``[]`` for a blank node."""
    return "[]" if isinstance(node, BNode) else str(node)


def _path(report: Graph, node: Node) -> str:
    """A SHACL result path as text; an inverse path as ``^iri``."""
    inverse = report.value(node, SH.inversePath) if isinstance(node, BNode) else None
    return "^" + _term(inverse) if inverse is not None else _term(node)


def _result(report: Graph, node: Node, data: Graph, shapes: Graph) -> Result:
    shape = report.value(node, SH.sourceShape)
    focus = report.value(node, SH.focusNode)
    path = report.value(node, SH.resultPath)
    value = report.value(node, SH.value)
    component = report.value(node, SH.sourceConstraintComponent)
    level = report.value(node, SH.resultSeverity)
    # A missing or custom severity counts as a violation (SHACL's default).
    severity = Severity.VIOLATION if level is None else _SEVERITIES.get(level, Severity.VIOLATION)
    messages = {
        (m.language or ""): str(m)
        for m in report.objects(node, SH.resultMessage)
        if isinstance(m, RdfLiteral)
    }
    if not set(LANGUAGES) <= messages.keys():
        # pyshacl hands back one untagged message for SPARQL constraints, in
        # whichever language it met first: rebuild both from the shape.
        constraint = report.value(node, SH.sourceConstraint)
        own = _shape_messages(shapes, (constraint, shape), data, focus=focus, value=value)
        messages = {**own, **{k: v for k, v in messages.items() if k}}
    fallback = messages.get("", next(iter(messages.values()), ""))
    return Result(
        severity=severity,
        shape=_shape_name(shapes, shape),
        focus=_term(focus) if focus is not None else "",
        path=_path(report, path) if path is not None else None,
        value=_term(value) if value is not None else None,
        component=_term(component) if component is not None else "",
        message_vi=messages.get("vi", fallback),
        message_en=messages.get("en", fallback),
        sources=_sources(data, shapes, shape, focus),
    )


_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")


def _shape_messages(
    shapes: Graph,
    owners: Iterable[Node | None],
    data: Graph,
    *,
    focus: Node | None,
    value: Node | None,
) -> dict[str, str]:
    """The shape's own sh:message per language, with {?value}/{$this} filled in."""
    bound = {"this": focus, "value": value, "focusNode": focus}
    for owner in owners:
        if owner is None:
            continue
        found = {
            m.language: m
            for m in shapes.objects(owner, SH.message)
            if isinstance(m, RdfLiteral) and m.language
        }
        if found:
            return {lang: _fill(str(text), bound, data, lang) for lang, text in found.items()}
    return {}


def _fill(template: str, bound: dict[str, Node | None], data: Graph, lang: str) -> str:
    """Replace SHACL message placeholders by labels in ``lang``; leave unknown ones."""

    def replace(match: re.Match[str]) -> str:
        return _label(data, bound.get(match.group(1)), lang) or match.group(0)

    return _PLACEHOLDER.sub(replace, template)


def _label(data: Graph, node: Node | None, lang: str) -> str | None:
    """A node's label in ``lang`` (else its text), for messages a person reads."""
    if node is None:
        return None
    labels = {
        m.language: str(m) for m in data.objects(node, SKOS.prefLabel) if isinstance(m, RdfLiteral)
    }
    return labels.get(lang) or next(iter(labels.values()), None) or _term(node)


def _shape_name(shapes: Graph, shape: Node | None) -> str:
    """A blank property shape is named after the named shape holding it."""
    if shape is None:
        return ""
    if isinstance(shape, BNode):
        parent = shapes.value(None, SH.property, shape)
        if parent is not None:
            return _term(parent)
    return _term(shape)


def _sources(data: Graph, shapes: Graph, shape: Node | None, focus: Node | None) -> tuple[str, ...]:
    cited: Iterable[Node] = ()
    if shape is not None:
        owners = [shape, *shapes.subjects(SH.property, shape)]
        cited = [s for owner in owners for s in shapes.objects(owner, OKG.enforces)]
    if not cited and focus is not None:
        cited = list(data.objects(focus, PROV.wasDerivedFrom))
    ids = {str(data.value(s, DCT.identifier) or s) for s in cited}
    return tuple(sorted(ids, key=_passage_order))


def _passage_order(eid: str) -> tuple[object, ...]:
    """Sort ``para_10__sent_2`` after ``para_9__sent_1`` (numbers compare as numbers)."""
    parts: list[object] = []
    for chunk in eid.replace("__", "_").split("_"):
        parts.append((0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk))
    return tuple(parts)
