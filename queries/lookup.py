"""Turn what a person types for an entity into its IRI.

An IRI parameter accepts a full IRI, a prefixed name (``id:tct-cpdt/post/to-truong``),
a slug or IRI tail (``to-truong``, ``to truong``) or a label in any case, with
or without diacritics (``Nhóm Truyền thông``, ``nhom truyen thong``).
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from ontology.errors import ParameterError
from ontology.folding import fold
from ontology.namespaces import OKG, PREFIXES
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
    candidates = [(row[2], row[3]) for row in table.rows if isinstance(row[2], URIRef)]
    # A code-list concept of the vocabulary (okg:standingUnit, "Bộ phận thường
    # trực") shares labels with the data it classifies; the data is what is meant.
    data = [c for c in candidates if not str(c[0]).startswith(str(OKG))]
    candidates = data or candidates
    if len(candidates) == 1:
        return candidates[0][0]
    if not candidates:
        raise ParameterError(
            f"parameter {parameter!r}: nothing is called or identified by {value!r}",
            parameter=parameter,
        )
    listed = "; ".join(
        f"{compact(str(iri))} ({label})" if label is not None else compact(str(iri))
        for iri, label in candidates[:MAX_CANDIDATES]
    )
    more = (
        f" and {len(candidates) - MAX_CANDIDATES} more" if len(candidates) > MAX_CANDIDATES else ""
    )
    raise ParameterError(
        f"parameter {parameter!r}: {value!r} is ambiguous; give one of: {listed}{more}",
        parameter=parameter,
    )
