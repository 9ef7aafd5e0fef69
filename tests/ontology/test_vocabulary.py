"""The vocabulary: every project term is documented in both languages, code
lists are complete SKOS, frequencies compare, and the README lists the terms."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef

from ontology import BUNDLED, VOCABULARY
from ontology.namespaces import ODRL, OKG, ORG, OWL, RDF, RDFS, SKOS

TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
SCHEMES = (
    "frequencies",
    "channels",
    "workingRegimes",
    "meetingKinds",
    "staffingModes",
    "unitKinds",
    "topics",
    "actions",
    "roles",
)


def terms(vocabulary: Graph) -> list[URIRef]:
    found = {
        s
        for t in TERM_TYPES
        for s in vocabulary.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(str(OKG))
    }
    return sorted(found)


def languages(graph: Graph, node: URIRef, predicate: URIRef) -> list[str]:
    return sorted(
        o.language or "" for o in graph.objects(node, predicate) if isinstance(o, Literal)
    )


def test_every_term_has_label_and_comment_in_vi_and_en(vocabulary: Graph) -> None:
    assert len(terms(vocabulary)) > 30
    for term in terms(vocabulary):
        assert languages(vocabulary, term, RDFS.label) == ["en", "vi"], term
        assert languages(vocabulary, term, RDFS.comment) == ["en", "vi"], term


@pytest.mark.parametrize("scheme", SCHEMES)
def test_code_lists_are_skos_schemes_of_bilingual_concepts(vocabulary: Graph, scheme: str) -> None:
    node = OKG[scheme]
    assert (node, RDF.type, SKOS.ConceptScheme) in vocabulary
    members = set(vocabulary.subjects(SKOS.inScheme, node))
    assert members, scheme
    assert members == set(vocabulary.objects(node, SKOS.hasTopConcept))
    for concept in members:
        assert isinstance(concept, URIRef)
        assert (concept, RDF.type, SKOS.Concept) in vocabulary
        assert languages(vocabulary, concept, SKOS.prefLabel) == ["en", "vi"], concept


def test_actions_are_odrl_actions_and_roles_are_org_roles(vocabulary: Graph) -> None:
    for action in vocabulary.subjects(SKOS.inScheme, OKG.actions):
        assert (action, RDF.type, ODRL.Action) in vocabulary
    for role in vocabulary.subjects(SKOS.inScheme, OKG.roles):
        assert (role, RDF.type, ORG.Role) in vocabulary


def period(vocabulary: Graph, frequency: URIRef) -> Decimal:
    value = vocabulary.value(frequency, OKG.periodDays)
    assert isinstance(value, Literal)
    result = value.toPython()
    assert isinstance(result, Decimal)
    return result


def test_frequencies_compare_by_period(vocabulary: Graph) -> None:
    ordered = [OKG.daily, OKG.weekly, OKG.monthly, OKG.quarterly, OKG.yearly]
    periods = [period(vocabulary, f) for f in ordered]
    assert periods == sorted(periods)
    assert periods[1] == 7
    assert vocabulary.value(OKG.adHoc, OKG.periodDays) is None


def test_every_okg_term_the_data_uses_is_declared(vocabulary: Graph, bundled_files: Graph) -> None:
    used = {
        node
        for triple in bundled_files
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(str(OKG))
    }
    declared = set(vocabulary.subjects())
    assert used - declared == set()


def test_readme_table_names_every_project_class_and_property(vocabulary: Graph) -> None:
    readme = (VOCABULARY.parent / "README.md").read_text(encoding="utf-8")
    missing = [t for t in terms(vocabulary) if f"okg:{t.removeprefix(str(OKG))}" not in readme]
    assert missing == []


def test_regulation_readme_exists() -> None:
    assert (BUNDLED / "README.md").read_text(encoding="utf-8").startswith("# ")
