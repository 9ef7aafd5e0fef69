"""JSON-LD framed per entity type: one tree per node, read back as a part of the model.

Each shipped frame (ontology/frames.json) is run on the bundled regulation
and read back by rdflib and by pyld (the JSON-LD reference algorithms): the
triples are all in the model (nothing invented), every node of the frame's
types is a tree of its own with all its statements, the nodes it links to
are embedded with their labels, both ways a link may be stated are
followed, and the vocabulary is left out. The command line and
``GET /export/jsonld?frame=`` refuse an unknown frame or a frame on another
format with a message naming the option.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from api.cli.commands import app
from graph.dump import ExportOptions
from graph.framing import find_frame, frame_names, frames
from graph.jsonld import VOCABULARY_NAMESPACES, context_document, data_only
from ontology import Store, load_regulation
from ontology.errors import ParameterError
from queries.exports import export

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
DATA = Path(__file__).parent / "data"
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
ORG = "http://www.w3.org/ns/org#"
PREFIXES = {
    key: value for key, value in context_document()["@context"].items() if isinstance(value, str)
}


@pytest.fixture(scope="module")
def bundled() -> Store:
    return load_regulation()


@functools.cache
def model(store: Store) -> Graph:
    return _plain(data_only(store.data_graph()))


def _plain(graph: Graph) -> Graph:
    """xsd:string literals as plain ones (the same term in RDF 1.1)."""
    out = Graph()
    for s, p, o in graph:
        is_string = isinstance(o, Literal) and o.datatype == XSD_STRING
        out.add((s, p, Literal(str(o)) if is_string else o))
    return out


def _framed(store: Store, name: str, **options: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        export(store, "jsonld", ExportOptions(frame=name, **options))
    )
    return document


def _types(name: str) -> set[URIRef]:
    listed = find_frame(name)["@type"]
    compact = listed if isinstance(listed, list) else [listed]
    return {URIRef(PREFIXES[t.split(":")[0]] + t.split(":")[1]) for t in compact}


def _expand(iri: str) -> str:
    prefix, _, local = iri.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES and not local.startswith("//") else iri


@pytest.mark.parametrize("name", frame_names())
def test_framed_output_is_a_part_of_the_model_with_each_node_whole(
    bundled: Store, name: str
) -> None:
    document = _framed(bundled, name)
    assert document["@context"] == context_document()["@context"]
    parsed = _plain(Graph().parse(data=json.dumps(document), format="json-ld"))
    whole = model(bundled)
    assert len(parsed) > 0
    assert set(parsed) <= set(whole), "the frame invented triples"
    selected = {s for t in _types(name) for s in whole.subjects(RDF.type, t)}
    tops = {URIRef(_expand(node["@id"])) for node in document["@graph"]}
    assert tops == selected  # one tree per node of the frame's types, no other
    for node in selected:
        assert set(whole.triples((node, None, None))) <= set(parsed), node


@pytest.mark.parametrize("name", frame_names())
def test_pyld_reads_the_same_triples_as_rdflib(bundled: Store, name: str) -> None:
    document = _framed(bundled, name)
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    from_pyld = _plain(Graph().parse(data=nquads, format="nt"))
    from_rdflib = _plain(Graph().parse(data=json.dumps(document), format="json-ld"))
    assert isomorphic(from_pyld, from_rdflib)


def test_posts_embed_their_unit_and_holder_with_labels(bundled: Store) -> None:
    posts = _framed(bundled, "post")["@graph"]
    held = [post for post in posts if "heldBy" in post]
    assert held, "the bundled regulation names post holders"
    for post in held:
        holders = post["heldBy"] if isinstance(post["heldBy"], list) else [post["heldBy"]]
        assert all(set(holder) >= {"@id", "prefLabel"} for holder in holders)
    unit = posts[0]["postIn"]
    assert isinstance(unit, dict) and "prefLabel" in unit and "hasPost" not in unit


def test_a_link_stated_only_one_way_is_still_followed() -> None:
    # dated-membership.ttl states org:postIn and org:unitOf, never org:hasPost or org:hasUnit.
    store = load_regulation([DATA / "dated-membership.ttl"])
    units = {node["@id"]: node for node in _framed(store, "unit")["@graph"]}
    ministry = units["https://example.org/ministry/ministry"]
    minister = ministry["@reverse"]["postIn"]
    assert minister["prefLabel"] == {"vi": "Bộ trưởng", "en": "Minister"}
    assert minister["heldBy"]["prefLabel"] == {"vi": "Nguyễn Văn An"}
    assert ministry["@reverse"]["unitOf"]["@id"] == "https://example.org/ministry/office"


def test_a_node_linked_both_ways_is_embedded_once(bundled: Store) -> None:
    whole = model(bundled)
    both = [
        (unit, post)
        for unit, post in whole.subject_objects(URIRef(ORG + "hasPost"))
        if (post, URIRef(ORG + "postIn"), unit) in whole
    ]
    assert both, "the bundled regulation states hasPost and postIn"
    units = {URIRef(_expand(node["@id"])): node for node in _framed(bundled, "unit")["@graph"]}
    for unit, post in both:
        node = units[URIRef(str(unit))]
        reversed_posts = node.get("@reverse", {}).get("postIn", [])
        listed = reversed_posts if isinstance(reversed_posts, list) else [reversed_posts]
        assert all(URIRef(_expand(item["@id"])) != post for item in listed)


def test_the_vocabulary_only_when_asked(bundled: Store) -> None:
    document = _framed(bundled, "unit")
    parsed = Graph().parse(data=json.dumps(document), format="json-ld")
    assert not [s for s in parsed.subjects() if str(s).startswith(VOCABULARY_NAMESPACES)]
    with_vocabulary = _framed(bundled, "unit", vocabulary=True)
    assert len(with_vocabulary["@graph"]) == len(document["@graph"])


def test_the_same_data_gives_the_same_bytes_whatever_the_hash_seed() -> None:
    # rdflib iterates sets, whose order follows the string hash seed of the process.
    outputs = [
        subprocess.run(
            [sys.executable, "-m", "api.cli", "export", "-f", "jsonld", "--frame", "unit"],
            capture_output=True,
            timeout=120,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"{")


def test_every_frame_says_what_it_gives() -> None:
    assert set(frame_names()) >= {"post", "unit", "person", "document"}
    assert all(spec["about"] and "@type" in spec["frame"] for spec in frames().values())


def test_an_unknown_frame_or_another_format_is_refused(bundled: Store) -> None:
    with pytest.raises(ParameterError, match=r"unknown frame .nhom.*post, unit"):
        export(bundled, "jsonld", ExportOptions(frame="nhom"))
    for fmt in ("ttl", "xlsx", "graphml"):
        with pytest.raises(ParameterError, match="JSON-LD only"):
            export(bundled, fmt, ExportOptions(frame="post"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "jsonld", "--frame", "nhom"], "--frame: unknown frame 'nhom'"),
        (["-f", "ttl", "--frame", "post"], "--frame shapes JSON-LD only"),
    ],
)
def test_the_command_line_refuses_with_exit_2(args: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "export", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and message in done.stderr and done.stdout == ""


def test_the_command_line_writes_a_framed_file(tmp_path: Path) -> None:
    target = tmp_path / "posts.jsonld"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "api.cli",
            "export",
            "-f",
            "jsonld",
            "--frame",
            "post",
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(target.read_text(encoding="utf-8"))
    assert {node["@type"] for node in document["@graph"]} == {"org:Post"}


def test_the_help_names_every_shipped_frame() -> None:
    shown = CliRunner().invoke(app, ["export", "--help"], env={"COLUMNS": "400"})
    assert shown.exit_code == 0
    text = " ".join(shown.output.split())
    assert all(name in text for name in frame_names()), text
