"""GraphML and GEXF exports are valid against their official XML Schemas.

The schemas (GraphML 1.0, GEXF 1.2) are vendored in tests/data/schemas with
their attribution; lxml validates offline. Each format is checked on the
bundled regulation in both languages and on data whose labels carry markup
and characters XML 1.0 cannot hold, and the validator is shown to reject
what the exports used to write (IRIs as GraphML ids, the GEXF 1.3 namespace).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from graph import export_graph
from ontology import Store, load_regulation

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "schemas"
DATA = Path(__file__).parent / "data"
SCHEMA_FILES = {"graphml": "graphml.xsd", "gexf": "gexf.xsd"}


@functools.cache
def schema(fmt: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / SCHEMA_FILES[fmt])))


def errors(fmt: str, data: bytes) -> list[str]:
    validator = schema(fmt)
    if validator.validate(etree.fromstring(data)):
        return []
    return [f"line {error.line}: {error.message}" for error in validator.error_log]


@pytest.fixture(scope="module")
def bundled() -> Store:
    return load_regulation()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_is_valid_against_its_schema(bundled: Store, fmt: str, lang: str) -> None:
    assert errors(fmt, export_graph(bundled, fmt, lang=lang)) == []


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_hostile_labels_still_give_a_valid_file(fmt: str) -> None:
    store = load_regulation([DATA / "viewer-hostile.ttl", DATA / "control-characters.ttl"])
    data = export_graph(store, fmt, lang="vi")
    assert errors(fmt, data) == []
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    labels = {d["label"] for _, d in reader(io.BytesIO(data)).nodes(data=True)}
    assert "Phòng Kiểm soát" in labels  # the control characters dropped, the text kept
    assert any("<img" in label for label in labels)  # markup is text, escaped by the writer


def test_graphml_ids_are_tokens_and_each_node_keeps_its_iri(bundled: Store) -> None:
    graph = nx.read_graphml(io.BytesIO(export_graph(bundled, "graphml")))
    assert list(graph) == [f"n{index}" for index in range(graph.number_of_nodes())]
    iris = [data["iri"] for _, data in graph.nodes(data=True)]
    assert iris == sorted(iris) and all(iri.startswith("https://") for iri in iris)


def test_the_validator_rejects_what_the_exports_used_to_write(bundled: Store) -> None:
    graphml = export_graph(bundled, "graphml").replace(
        b'<node id="n0"', b'<node id="https://w3id.org/orgkg/id/x"', 1
    )
    assert any("NMTOKEN" in error for error in errors("graphml", graphml))
    gexf = export_graph(bundled, "gexf").replace(
        b"http://www.gexf.net/1.2draft", b"http://gexf.net/1.3"
    )
    assert errors("gexf", gexf) != []
