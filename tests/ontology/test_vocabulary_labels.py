"""The standard terms orgkg shows carry labels in Vietnamese and English."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from ontology import Store
from ontology.loader import VOCABULARY_LABELS, find_sources
from queries import describe_entity

LABELS = Graph().parse(VOCABULARY_LABELS, format="turtle")
NAMESPACES = {
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def test_the_labels_file_is_always_loaded() -> None:
    assert VOCABULARY_LABELS in find_sources().data


@pytest.mark.parametrize("term", sorted({str(s) for s in LABELS.subjects(RDFS.label, None)}))
def test_every_labelled_term_has_exactly_one_vi_and_one_en_label(term: str) -> None:
    languages = sorted(
        str(getattr(label, "language", "")) for label in LABELS.objects(URIRef(term), RDFS.label)
    )
    assert languages == ["en", "vi"]


@pytest.mark.parametrize("prefix", list(NAMESPACES))
def test_each_reused_vocabulary_is_labelled(prefix: str) -> None:
    assert any(str(s).startswith(NAMESPACES[prefix]) for s in LABELS.subjects(RDFS.label, None))


def test_every_standard_term_the_bundled_data_uses_is_labelled(bundled_store: Store) -> None:
    """Each predicate and type of the data from ORG, SKOS, PROV, ELI or FOAF has a label."""
    used = {str(p) for _, p, _ in bundled_store.triples()} | {
        str(o) for _, p, o in bundled_store.triples() if str(p).endswith("#type")
    }
    standard = {iri for iri in used if iri.startswith(tuple(NAMESPACES.values()))}
    labelled = {str(s) for s in LABELS.subjects(RDFS.label, None)}
    assert standard and standard <= labelled, sorted(standard - labelled)


@pytest.mark.parametrize(("lang", "expected"), [("vi", "do người này giữ"), ("en", "held by")])
def test_entity_pages_name_org_terms(bundled_store: Store, lang: str, expected: str) -> None:
    holder = next(
        s for s, p, _ in bundled_store.triples() if str(p) == NAMESPACES["org"] + "heldBy"
    )
    card = describe_entity(bundled_store, str(holder), lang=lang)
    held_by = [r for r in card["out"] if r["predicate"] == NAMESPACES["org"] + "heldBy"]
    assert held_by and all(r["predicateLabel"] == expected for r in held_by)
    assert {t["label"] for t in card["types"]} == {"Chức vụ" if lang == "vi" else "Post"}
