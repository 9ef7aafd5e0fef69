"""The streamed Turtle of the importer says what the rdflib-built one said.

``data/organograms/expected/`` holds, per fixture body and snapshot, the
output of the importer before it stopped building an rdflib Graph
(gzipped Turtle), and the notes it printed. The new output must parse to an
isomorphic graph, with the same notes in the same order.
"""

from __future__ import annotations

import gzip
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from ontology.namespaces import SKOS
from ontology.organogram import import_organogram
from ontology.triples import Triples, decimal, iri, literal

DATA = Path(__file__).resolve().parent / "data" / "organograms"
EXPECTED = DATA / "expected"
BODIES = ["human_tissue_authority", "messy-body", "department_for_international_development"]


@pytest.mark.parametrize("body", BODIES)
def test_the_output_graph_is_the_one_rdflib_built(body: str, tmp_path: Path) -> None:
    imported = import_organogram(sorted(DATA.glob(f"{body}-*.csv")), tmp_path)
    assert imported.folders
    for folder in imported.folders:
        new = Graph().parse(folder / "organogram.ttl", format="turtle")
        old = Graph().parse(
            data=gzip.decompress((EXPECTED / f"{body}-{folder.name}.ttl.gz").read_bytes()),
            format="turtle",
        )
        _, only_old, only_new = graph_diff(old, new)
        assert isomorphic(old, new), (
            f"{folder.name}: lost {sorted(only_old)[:3]}, gained {sorted(only_new)[:3]}"
        )
    notes = [f"{Path(n.path).name}:{n.row}: {n.message}" for n in imported.notes]
    assert notes == (EXPECTED / f"{body}.notes").read_text(encoding="utf-8").splitlines()


def test_text_that_needs_escaping_survives_the_round_trip(tmp_path: Path) -> None:
    hostile = 'a "quoted" \\ back\\slash\nnew line\r\ttab, ; . @en """ <x> ^^ é ✓'
    subject = iri("https://example.org/s")
    triples = Triples()
    triples.add(subject, iri(str(SKOS.prefLabel)), literal(hostile, lang="en"))
    triples.add(subject, iri(str(SKOS.note)), literal(hostile))
    triples.add(subject, iri(str(SKOS.notation)), decimal(Decimal("2")))
    path = tmp_path / "t.ttl"
    path.write_text("".join(triples.turtle({"skos": str(SKOS)})), encoding="utf-8")
    graph = Graph().parse(path, format="turtle")
    s = URIRef("https://example.org/s")
    assert graph.value(s, SKOS.prefLabel) == Literal(hostile, lang="en")
    assert graph.value(s, SKOS.note) == Literal(hostile)
    assert str(graph.value(s, SKOS.notation)) == "2.0"
    nt = Graph().parse(data="".join(triples.ntriples()), format="nt")
    assert isomorphic(graph, nt)


def test_a_uri_cell_that_is_not_an_iri_is_left_out(tmp_path: Path) -> None:
    senior = tmp_path / "body-2020-03-31-senior.csv"
    senior.write_text(
        '"Post Unique Reference","Name","Job Title","Reports to Senior Post","URI"\n'
        '"A","Ann","Chief","XX","http://example.org/a"\n'
        '"B","Bob","Deputy","A","http://example.org/<b>"\n',
        encoding="utf-8",
    )
    imported = import_organogram([senior], tmp_path / "out")
    graph = Graph().parse(imported.folders[0] / "organogram.ttl", format="turtle")
    assert set(graph.objects(None, SKOS.exactMatch)) == {URIRef("http://example.org/a")}
