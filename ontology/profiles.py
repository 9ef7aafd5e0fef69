"""Check profiles: a regulation modelled from its text, or just an organisation.

``regulation`` (the default when the data has a source text): every shape,
generic and the regulation's own, plus the quotes against ``source.txt`` and
the modelling-coverage report (:mod:`ontology.fidelity`).

``organisation`` (the default otherwise): structure only. The shapes that
ask for Vietnamese and English labels and for provenance are left out; a
label in any one language is enough (``profiles/organisation.ttl``); ORG's
inverse pairs count as stated when either side is, so the missing side is
added to the checked copy of the data before validation.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from rdflib import Graph, URIRef

from ontology.fidelity import check_coverage, check_quotes, source_texts
from ontology.loader import expand_data
from ontology.namespaces import OKGSH, ORG, SH
from ontology.report import Report, merge
from ontology.sparql import read_sparql
from ontology.store import Store
from ontology.validation import in_memory, validate

PROFILE_SHAPES = Path(__file__).resolve().parent / "profiles"
# ORG's inverse pairs (and org:postIn / org:hasPost).
INVERSES: tuple[tuple[URIRef, URIRef], ...] = (
    (ORG.unitOf, ORG.hasUnit),
    (ORG.holds, ORG.heldBy),
    (ORG.memberOf, ORG.hasMember),
    (ORG.subOrganizationOf, ORG.hasSubOrganization),
    (ORG.postIn, ORG.hasPost),
)
# Regulation-profile shapes the organisation profile leaves out.
_REGULATION_ONLY = (
    OKGSH.BilingualLabelShape,
    OKGSH.ProvenanceShape,
    OKGSH.CitedPassageShape,
    # Modelling conventions of a text, not structure: a qualified
    # okg:ReportingLine beside every org:reportsTo, a post's role (below).
    OKGSH.QualifiedReportsToShape,
)
_REGULATION_ONLY_PROPERTIES = (OKGSH.PostRoleShape,)
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


class Profile(StrEnum):
    regulation = "regulation"
    organisation = "organisation"


def default_profile(store: Store, paths: Sequence[Path | str] = ()) -> Profile:
    """``regulation`` when the data has a source text (or a source.txt), else ``organisation``."""
    if store.ask(read_sparql("has-source-document")):
        return Profile.regulation
    folders = [Path(p) if Path(p).is_dir() else Path(p).parent for p in paths]
    if any((folder / "source.txt").is_file() for folder in folders):
        return Profile.regulation
    return Profile.organisation


def check_with_profile(
    store: Store, paths: Sequence[Path | str] = (), profile: Profile | None = None
) -> Report:
    """The compliance report of ``store`` under ``profile`` (default: by the data).

    ``paths`` are ``--data`` values: ``bundled:all`` finds the bundled folders' texts.
    """
    paths = [path for given in paths for path in expand_data(given)]
    chosen = profile or default_profile(store, paths)
    data = in_memory(store.data_graph())
    if chosen is Profile.regulation:
        shacl = validate(data, store.shapes)
        quotes = check_quotes(data, source_texts(paths))
        return merge((shacl, quotes, check_coverage(data, store.shapes)))
    return validate(with_inverses(data), organisation_shapes(store.shapes))


def with_inverses(data: Graph) -> Graph:
    """A copy of ``data`` where each ORG inverse pair is stated both ways."""
    closed = Graph()
    for prefix, namespace in data.namespaces():
        closed.bind(prefix, namespace)
    closed += data.triples((None, None, None))
    for forward, backward in INVERSES:
        closed += ((o, backward, s) for s, o in data.subject_objects(forward))
        closed += ((o, forward, s) for s, o in data.subject_objects(backward))
    return closed


def organisation_shapes(shapes: Graph) -> Graph:
    """``shapes`` without the regulation-only shapes' targets, plus the profile's own."""
    kept = Graph()
    for prefix, namespace in shapes.namespaces():
        kept.bind(prefix, namespace)
    kept += (
        (s, p, o)
        for s, p, o in shapes.triples((None, None, None))
        if not (s in _REGULATION_ONLY and p in _TARGETS)
        and not (p == SH.property and o in _REGULATION_ONLY_PROPERTIES)
    )
    for path in sorted(PROFILE_SHAPES.glob("*.ttl")):
        kept.parse(path, format="turtle")
    return kept


__all__ = [
    "INVERSES",
    "Profile",
    "check_with_profile",
    "default_profile",
    "organisation_shapes",
    "with_inverses",
]
