"""One entity as plain data (``GET /entities/{id}``), and label search.

>>> from ontology import load_regulation
>>> card = describe_entity(load_regulation(), "vpcp", lang="en")
>>> card["label"]
'Government Office'
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import Literal, URIRef

from ontology.errors import NotFound, ParameterError
from ontology.namespaces import ID
from ontology.sparql import read_sparql
from ontology.store import Store, Table, Term
from queries.answer import Answer, compact
from queries.lookup import resolve_entity
from queries.runner import run_query

# An id as the API's path carries it: the part of a data IRI after ``id/``.
_ID_PATH = re.compile(r"^[a-z0-9][a-z0-9._~-]*(?:/[a-z0-9._~-]+)*$")


def search(store: Store, q: str, *, lang: str = "vi") -> Answer:
    """Entities whose labels contain ``q``, ignoring case and diacritics; best first."""
    return run_query(store, "search", {"q": q}, lang=lang)


def find_entity(store: Store, iri_or_id: str) -> URIRef:
    """The IRI of an entity given as an IRI, an id (``vpcp/seal``), a slug or a label."""
    text = iri_or_id.strip()
    if _ID_PATH.match(text) and _exists(store, URIRef(str(ID) + text)):
        return URIRef(str(ID) + text)
    try:
        return resolve_entity(store, text, parameter="id")
    except ParameterError as exc:
        raise NotFound(exc.message.replace("parameter 'id': ", "")) from None


def describe_entity(store: Store, iri_or_id: str, *, lang: str = "vi") -> dict[str, Any]:
    """Labels (vi, en), abbreviations, types, relations out and in with labels, sources.

    Raises NotFound when nothing is known about the entity.
    """
    entity = find_entity(store, iri_or_id)
    bindings: dict[str, Term] = {"entity": entity, "lang": Literal(lang)}
    card = store.select(read_sparql("entity-card"), bindings)
    out = store.select(read_sparql("entity-out"), bindings)
    into = store.select(read_sparql("entity-in"), bindings)
    if not (card.rows or out.rows or into.rows):
        raise NotFound(f"nothing is known about {compact(str(entity))}")
    sources = store.select(read_sparql("entity-sources"), bindings)
    labels: dict[str, str] = {}
    for record in _records(card, "label"):
        value = record["value"]
        if isinstance(value, Literal):
            labels.setdefault(value.language or "", str(value))
    return {
        "iri": str(entity),
        "id": compact(str(entity)),
        "label": labels.get(lang) or next(iter(labels.values()), None),
        "labels": labels,
        "altLabels": sorted({str(r["value"]) for r in _records(card, "alt")}),
        "types": [
            {"iri": str(r["value"]), "label": _text(r["valueLabel"])}
            for r in _records(card, "type")
        ],
        "out": [
            {
                "predicate": str(r["predicate"]),
                "predicateLabel": _text(r["predicateLabel"]),
                "object": str(r["object"]),
                "objectKind": "iri" if isinstance(r["object"], URIRef) else "literal",
                "objectLabel": _text(r["objectLabel"]),
            }
            for r in out.records()
        ],
        "in": [
            {
                "subject": str(r["subject"]),
                "subjectLabel": _text(r["subjectLabel"]),
                "predicate": str(r["predicate"]),
                "predicateLabel": _text(r["predicateLabel"]),
            }
            for r in into.records()
        ],
        "sources": [
            {
                "sentence": str(r["sentence"]),
                "id": _text(r["sourceId"]),
                "text": _text(r["text"]),
                "document": _text(r["document"]),
                "documentLabel": _text(r["documentLabel"]),
            }
            for r in sources.records()
        ],
    }


def _records(table: Table, field: str) -> list[dict[str, Term | None]]:
    return [r for r in table.records() if str(r["field"]) == field]


def _text(term: Term | None) -> str | None:
    return None if term is None else str(term)


def _exists(store: Store, entity: URIRef) -> bool:
    table = store.select(read_sparql("entity-exists"), {"entity": entity})
    return bool(table.rows)
