"""Turn what a person types for an entity into its IRI.

An IRI parameter accepts a full IRI, a prefixed name (``id:tct-cpdt/post/to-truong``),
a slug or IRI tail (``to-truong``, ``to truong``) or a label in any case, with
or without diacritics (``Nhóm Truyền thông``, ``nhom truyen thong``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rdflib import Literal, URIRef

from ontology.errors import ParameterError
from ontology.folding import fold
from ontology.namespaces import PREFIXES
from ontology.sparql import read_sparql
from ontology.store import Store
from queries.answer import compact

_ABSOLUTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|urn:)")
_PREFIXED = re.compile(r"^(?P<prefix>[A-Za-z][\w-]*):(?P<local>[^\s<>\"{}|^`\\]+)$")
_FORBIDDEN_IRI = re.compile(r"[\s<>\"{}|^`\\]")
MAX_CANDIDATES = 10


def resolve_entity(store: Store, text: str, *, parameter: str = "entity") -> URIRef:
    """The IRI ``text`` names, or ParameterError (none, or ambiguous with candidates).

    >>> from ontology import load_regulation
    >>> str(resolve_entity(load_regulation(), "id:vpcp"))
    'https://w3id.org/orgkg/id/vpcp'
    """
    value = text.strip()
    if not value:
        raise ParameterError(f"parameter {parameter!r} is empty", parameter=parameter)
    prefixed = _PREFIXED.match(value)
    if prefixed and prefixed["prefix"] in PREFIXES:
        return URIRef(PREFIXES[prefixed["prefix"]] + prefixed["local"])
    if _ABSOLUTE.match(value):
        if _FORBIDDEN_IRI.search(value):
            raise ParameterError(
                f"parameter {parameter!r}: {value!r} is not a valid IRI", parameter=parameter
            )
        return URIRef(value)
    folded = fold(value)
    suffix = "/" + "-".join(folded.split())
    table = store.select(
        read_sparql("resolve-entity"), {"folded": Literal(folded), "suffix": Literal(suffix)}
    )
    exact = [(row[2], row[3]) for row in table.rows if isinstance(row[2], URIRef)]
    # A vocabulary term (a code-list concept such as okg:standingUnit, "Bộ phận
    # thường trực", or a reused class such as foaf:Group, "Nhóm") shares labels
    # with the data it classifies; the data is what is meant, exactly named
    # first, then named in part ("nhom" in "Nhóm Truyền thông").
    data = [c for c in exact if not _is_vocabulary(c[0])]
    if data:
        return _only(data, value, parameter)
    if " ".join(folded.split()):
        padded = f" {' '.join(folded.split())} "
        rows = store.select(read_sparql("resolve-entity-partial"), {"padded": Literal(padded)})
        partial = [
            (row[1], row[2])
            for row in rows.rows
            if isinstance(row[1], URIRef) and not _is_vocabulary(row[1])
        ]
        if partial:
            # Labels that start with the text first, then the shortest (the units
            # "Nhóm ..." before the rules that mention them).
            partial.sort(
                key=lambda c: (not fold(str(c[1] or "")).startswith(folded), len(str(c[1] or "")))
            )
            return _only(partial, value, parameter)
    if exact:
        return _only(exact, value, parameter)
    raise ParameterError(
        f"parameter {parameter!r}: nothing is called or identified by {value!r}",
        parameter=parameter,
    )


_VOCABULARY = tuple(iri for prefix, iri in PREFIXES.items() if prefix != "id")


def _is_vocabulary(iri: URIRef) -> bool:
    return str(iri).startswith(_VOCABULARY)


def _only(candidates: Sequence[tuple[URIRef, object]], value: str, parameter: str) -> URIRef:
    """The one candidate, or ParameterError listing them (ambiguous)."""
    if len(candidates) == 1:
        return candidates[0][0]
    listed = "; ".join(
        f"{compact(str(iri))} ({label})" if label is not None else compact(str(iri))
        for iri, label in candidates[:MAX_CANDIDATES]
    )
    more = (
        f" and {len(candidates) - MAX_CANDIDATES} more" if len(candidates) > MAX_CANDIDATES else ""
    )
    raise ParameterError(
        f"parameter {parameter!r}: {value!r} is ambiguous ({len(candidates)} match); "
        f"give one of: {listed}{more}",
        parameter=parameter,
    )
