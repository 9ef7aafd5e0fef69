"""Every export opens in the reader of the tool it is for, with human labels.

GraphML and GEXF are read back by networkx (what Gephi and yEd read), CSV by
the csv module as Excel would (BOM), JSON-LD by rdflib and by pyld (the
JSON-LD reference algorithms), Popolo against the Popolo JSON Schemas
(tests/graph/data/popolo, CC BY 4.0), the workbook by openpyxl.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import networkx as nx
import openpyxl
import pytest
from pyld import jsonld
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from referencing import Registry
from referencing.jsonschema import DRAFT3

from graph import export_graph
from graph.dump import ExportOptions
from graph.jsonld import context_document, data_only, stable_blank_nodes
from ontology import Store, load_regulation
from queries.exports import export

DATA = Path(__file__).parent / "data"
POPOLO = DATA / "popolo"
POPOLO_BASE = "http://www.popoloproject.com/schemas/"
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


@pytest.fixture(scope="module")
def store() -> Store:
    return load_regulation()


@pytest.mark.parametrize(
    ("lang", "label"), [("vi", "Tổ trưởng Tổ công tác"), ("en", "Head of the Working Group")]
)
def test_graphml_reads_back_with_labels_and_types(store: Store, lang: str, label: str) -> None:
    data = export_graph(store, "graphml", lang=lang)
    assert b"&#" not in data and label.encode("utf-8") in data
    graph = nx.read_graphml(io.BytesIO(data))
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert label in labels and not any(text.startswith("http") for text in labels)
    some = next(iter(graph.nodes(data=True)))[1]
    assert isinstance(some["in_degree"], int) and isinstance(some["kind"], str)
    edge = next(iter(graph.edges(data=True)))[2]
    assert isinstance(edge["source_count"], int) and "networkx_key" not in edge


@pytest.mark.parametrize(("lang", "relation"), [("vi", "báo cáo cho"), ("en", "reports to")])
def test_gexf_reads_back_with_labels_and_no_internal_keys(
    store: Store, lang: str, relation: str
) -> None:
    data = export_graph(store, "gexf", lang=lang)
    assert b"networkx" not in data and b"&#" not in data
    graph = nx.read_gexf(io.BytesIO(data))
    assert all(not d["label"].startswith("http") for _, d in graph.nodes(data=True))
    relations = {d.get("relation_label") for _, _, d in graph.edges(data=True)}
    assert relation in relations
    node = next(iter(graph.nodes(data=True)))[1]
    assert isinstance(node["out_degree"], int)
    reporting = nx.read_graphml(io.BytesIO(export_graph(store, "graphml", lang=lang)))
    assert graph.number_of_edges() == reporting.number_of_edges()


@pytest.mark.parametrize("table", ["nodes", "edges"])
def test_csv_is_one_table_and_bom_only_when_asked(store: Store, table: str) -> None:
    plain = export_graph(store, "csv", table=table)
    assert not plain.startswith(b"\xef\xbb\xbf")
    with_bom = export_graph(store, "csv", table=table, bom=True)
    assert with_bom == b"\xef\xbb\xbf" + plain
    rows = list(csv.reader(io.StringIO(with_bom.decode("utf-8-sig"))))
    assert rows[0][0] == ("id" if table == "nodes" else "source")
    assert len({len(row) for row in rows}) == 1


def test_csv_zip_holds_both_tables(store: Store) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export_graph(store, "csv-zip")))
    assert archive.namelist() == ["nodes.csv", "edges.csv"]


def _plain(graph: Graph) -> Graph:
    """xsd:string literals as plain ones (the same term in RDF 1.1)."""
    out = Graph()
    for s, p, o in graph:
        is_string = isinstance(o, Literal) and o.datatype == XSD_STRING
        out.add((s, p, Literal(str(o)) if is_string else o))
    return out


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
def test_jsonld_round_trips_through_rdflib_without_the_vocabulary(store: Store) -> None:
    document = json.loads(export(store, "jsonld"))
    assert document["@context"] == context_document()["@context"]
    parsed = Graph().parse(data=json.dumps(document), format="json-ld")
    assert isomorphic(_plain(parsed), _plain(data_only(store.data_graph())))
    firsts = [_first_type(node) for node in document["@graph"]]
    assert firsts == sorted(firsts)  # grouped by type
    everything = Graph().parse(
        data=export(store, "jsonld", ExportOptions(vocabulary=True)), format="json-ld"
    )
    assert len(everything) == len(store.data_graph()) > len(parsed)


def test_jsonld_round_trips_through_pyld(store: Store) -> None:
    document = json.loads(export(store, "jsonld"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    from_pyld = Graph().parse(data=nquads, format="nt")
    assert isomorphic(_plain(from_pyld), _plain(data_only(store.data_graph())))
    compacted = jsonld.compact(jsonld.expand(document), context_document())
    assert "@graph" in compacted


def _first_type(node: dict[str, Any]) -> str:
    types = node.get("@type", [])
    return min(types if isinstance(types, list) else [types], default="~")


def _popolo_validators() -> dict[str, Any]:
    resources = []
    for path in POPOLO.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((POPOLO_BASE + path.name, DRAFT3.create_resource(contents)))
    registry: Registry[Any] = Registry().with_resources(resources)
    return {
        key: jsonschema.Draft3Validator(
            json.loads((POPOLO / f"{name}.json").read_text(encoding="utf-8")), registry=registry
        )
        for key, name in (
            ("organizations", "organization"),
            ("posts", "post"),
            ("persons", "person"),
            ("memberships", "membership"),
        )
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_popolo_is_valid_against_the_popolo_schemas(store: Store, lang: str) -> None:
    document = json.loads(export(store, "popolo", ExportOptions(lang=lang)))
    validators = _popolo_validators()
    for key, validator in validators.items():
        assert document[key], key
        for item in document[key]:
            validator.validate(item)
    names = {o["name"] for o in document["organizations"]}
    assert ("Tổ công tác" if lang == "vi" else "Working Group") in " ".join(names)
    post_ids = {p["id"] for p in document["posts"]}
    assert any(m.get("post_id") in post_ids for m in document["memberships"])


def test_popolo_carries_membership_dates() -> None:
    store = load_regulation([DATA / "dated-membership.ttl"])
    document = json.loads(export(store, "popolo", ExportOptions(lang="en")))
    validators = _popolo_validators()
    for key, validator in validators.items():
        for item in document[key]:
            validator.validate(item)
    dated = [m for m in document["memberships"] if "start_date" in m]
    assert [(m["start_date"], m["end_date"]) for m in dated] == [("2019-01-15", "2021-06-30")]
    assert {p["name"] for p in document["persons"]} == {"Nguyễn Văn An", "Trần Thị Bình"}
    office = next(o for o in document["organizations"] if o["name"] == "Office")
    assert office["parent_id"] == "https://example.org/ministry/ministry"


@pytest.mark.parametrize(
    ("lang", "sheets"),
    [
        ("en", ["Units", "Posts", "People", "Reporting lines", "Seals", "Duties", "Sources"]),
        ("vi", ["Đơn vị", "Chức vụ", "Người", "Tuyến báo cáo", "Con dấu", "Nghĩa vụ", "Nguồn"]),
    ],
)
def test_workbook_opens_in_openpyxl_with_every_sheet(
    store: Store, lang: str, sheets: list[str]
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(export(store, "xlsx", ExportOptions(lang=lang))))
    assert book.sheetnames == sheets
    units = book[sheets[0]]
    header = [cell.value for cell in units[1]]
    assert "unitLabel" in header
    counts = [row[header.index("posts")] for row in units.iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(value, int) for value in counts)
    assert units.max_row > 2


def test_blank_nodes_get_the_same_labels_from_every_parse() -> None:
    # A dated membership nests blank nodes: [ memberDuring [ hasBeginning [ ... ] ] ].
    parses = [Graph().parse(DATA / "dated-membership.ttl", format="turtle") for _ in range(2)]
    assert set(parses[0]) != set(parses[1])  # the parser names blank nodes at random
    stable = [stable_blank_nodes(graph) for graph in parses]
    assert set(stable[0]) == set(stable[1])
    assert isomorphic(stable[0], parses[0])
    nested = [o for o in stable[0].objects() if isinstance(o, BNode)]
    assert len(nested) == len(set(nested)) == 3  # the interval, its beginning, its end


def test_jsonld_bytes_do_not_follow_the_hash_seed() -> None:
    data = str(DATA / "dated-membership.ttl")
    outputs = [
        subprocess.run(
            [sys.executable, "-m", "api.cli", "--data", data, "export", "-f", "jsonld"],
            capture_output=True,
            timeout=120,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1] and b'"_:b' in outputs[0]
