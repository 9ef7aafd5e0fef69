"""Shared fixtures for the ontology tests: the vocabulary, the shapes, and the
bundled regulation loaded once per session (tests never mutate them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from ontology import BUNDLED, VOCABULARY, Store, load_regulation
from ontology.loader import GENERIC_SHAPES
from ontology.report import Report
from ontology.validation import validate


def parse_turtle(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="session")
def vocabulary() -> Graph:
    return parse_turtle(VOCABULARY)


@pytest.fixture(scope="session")
def generic_shapes() -> Graph:
    return parse_turtle(*sorted(GENERIC_SHAPES.glob("*.ttl")))


@pytest.fixture(scope="session")
def regulation_shapes() -> Graph:
    return parse_turtle(*sorted((BUNDLED / "shapes").glob("*.ttl")))


@pytest.fixture(scope="session")
def bundled_store() -> Store:
    return load_regulation(engine="memory")


@pytest.fixture(scope="session")
def bundled(bundled_store: Store) -> Graph:
    """The bundled regulation plus the vocabulary, as the store holds them."""
    return bundled_store.data_graph()


@pytest.fixture(scope="session")
def bundled_files() -> Graph:
    """The bundled regulation's own files only (no vocabulary, no folded labels)."""
    return parse_turtle(*sorted(BUNDLED.glob("*.ttl")))


@pytest.fixture(scope="session")
def bundled_report(bundled: Graph, bundled_store: Store) -> Report:
    return validate(bundled, bundled_store.shapes)
