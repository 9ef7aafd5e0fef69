"""validate() and the Report: plain-graph validation, errors that stop a
check, stable ordering, and the text / JSON / JUnit renderings."""

from __future__ import annotations

import doctest
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Graph

from ontology import DataError
from ontology import report as report_module
from ontology.report import Report, Result, Severity, compact, merge
from ontology.validation import in_memory, validate

DATA = Path(__file__).resolve().parent / "data"
OKGSH = "https://w3id.org/orgkg/shapes#"

BAD_SPARQL = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
<https://example.org/S> a sh:NodeShape ;
    sh:targetNode <https://example.org/x> ;
    sh:sparql [ sh:select "SELECT $this WHERE { VALUES ?x { 1 } }" ] .
"""
BAD_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
<https://example.org/S> a sh:PropertyShape ;
    sh:targetNode <https://example.org/x> ;
    sh:path <https://example.org/p> ;
    sh:minCount "many" .
"""


def result(severity: Severity, shape: str, focus: str, message: str = "m") -> Result:
    return Result(
        severity=severity,
        shape=OKGSH + shape,
        focus=focus,
        message_vi=f"{message} (vi)",
        message_en=message,
        sources=("para_1__sent_1",),
    )


@pytest.fixture
def mixed() -> Report:
    return Report(
        results=(
            result(Severity.INFO, "DutyBearerShape", "https://w3id.org/orgkg/id/b"),
            result(Severity.VIOLATION, "PostInShape", "https://w3id.org/orgkg/id/z", "<bad> & 'x'"),
            result(Severity.WARNING, "PostRoleShape", "https://w3id.org/orgkg/id/a"),
            result(Severity.VIOLATION, "PostInShape", "https://w3id.org/orgkg/id/a"),
            result(Severity.VIOLATION, "PostInShape", "https://w3id.org/orgkg/id/a"),
        ),
        shapes=(OKGSH + "PostInShape", OKGSH + "PostRoleShape", OKGSH + "SealOfShape"),
    )


def test_docstring_examples() -> None:
    assert doctest.testmod(report_module).failed == 0


def test_results_are_deduplicated_and_sorted_most_serious_first(mixed: Report) -> None:
    assert [(r.severity, compact(r.focus)) for r in mixed.results] == [
        (Severity.VIOLATION, "id:a"),
        (Severity.VIOLATION, "id:z"),
        (Severity.WARNING, "id:a"),
        (Severity.INFO, "id:b"),
    ]
    assert Report(results=tuple(reversed(mixed.results))).results == mixed.results


def test_conformance_fails_on_violations_only(mixed: Report) -> None:
    assert not mixed.conforms and mixed.exit_code == 1
    lenient = Report(results=tuple(r for r in mixed.results if r.severity != Severity.VIOLATION))
    assert lenient.conforms and lenient.exit_code == 0
    assert mixed.counts() == {"violation": 2, "warning": 1, "info": 1}


def test_text_in_both_languages(mixed: Report) -> None:
    vi, en = mixed.to_text("vi"), mixed.to_text("en")
    assert vi.startswith("Tuân thủ: không (2 vi phạm, 1 cảnh báo, 1 thông tin)")
    assert en.startswith("Conforms: no (2 violations, 1 warnings, 1 infos)")
    assert "[VI PHẠM] okgsh:PostInShape — id:a: m (vi) [nguồn: para_1__sent_1]" in vi
    assert "[WARNING] okgsh:PostRoleShape — id:a: m [source: para_1__sent_1]" in en


def test_json_carries_everything(mixed: Report) -> None:
    data = json.loads(mixed.to_json())
    assert data["conforms"] is False
    assert data["counts"]["violation"] == 2
    first = data["results"][0]
    assert first["severity"] == "violation"
    assert first["focus"] == "https://w3id.org/orgkg/id/a"
    assert first["sources"] == ["para_1__sent_1"]
    assert {"message_vi", "message_en", "shape", "path", "value", "component"} <= set(first)


def test_junit_is_escaped_xml_with_a_testcase_per_shape_and_focus(mixed: Report) -> None:
    root = ET.fromstring(mixed.to_junit())
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    names = [(c.get("classname"), c.get("name")) for c in cases]
    assert ("okgsh:PostInShape", "id:a") in names
    assert ("okgsh:PostInShape", "id:z") in names
    assert ("okgsh:SealOfShape", "all focus nodes") in names
    assert len(cases) == int(suite.get("tests", "0")) == 5
    assert suite.get("failures") == root.get("failures") == "2"
    failing = [c for c in cases if c.find("failure") is not None]
    messages = {c.find("failure").get("message") for c in failing}  # type: ignore[union-attr]
    assert "<bad> & 'x'" in messages
    assert "&lt;bad&gt; &amp;" in mixed.to_junit()


def test_merge_combines_reports(mixed: Report) -> None:
    merged = merge([mixed, Report(results=(), shapes=(OKGSH + "Other",))])
    assert merged.results == mixed.results
    assert OKGSH + "Other" in merged.shapes


def test_validate_copies_a_graph_that_is_not_in_memory(
    vocabulary: Graph, generic_shapes: Graph
) -> None:
    oxigraph = Graph(store="Oxigraph")
    oxigraph.parse(DATA / "invalid_post_in.ttl")
    oxigraph.parse(DATA / "base.ttl")
    oxigraph += vocabulary
    copy = in_memory(oxigraph)
    assert copy.store is not oxigraph.store and len(copy) == len(oxigraph)
    plain = Graph()
    assert in_memory(plain).store is plain.store  # viewed, not copied
    report = validate(oxigraph, generic_shapes)
    assert {compact(r.shape) for r in report.results} == {"okgsh:PostInShape"}


def test_validate_merges_the_vocabulary_when_given(
    vocabulary: Graph, generic_shapes: Graph
) -> None:
    data = Graph().parse(DATA / "base.ttl")
    data.parse(DATA / "invalid_sentence_in_parent.ttl")
    report = validate(data, generic_shapes, vocabulary=vocabulary)
    assert {compact(r.shape) for r in report.results} == {"okgsh:SentenceInParentShape"}
    # The shape cites no sentence; the focus (the document) derives from none.
    assert report.results[0].sources == ()


@pytest.mark.parametrize("shapes", [BAD_SPARQL, BAD_SHAPE], ids=["values-clause", "bad-count"])
def test_shapes_that_cannot_run_raise_data_error(shapes: str) -> None:
    with pytest.raises(DataError, match="cannot validate"):
        validate(Graph(), Graph().parse(data=shapes, format="turtle"))


def test_the_report_of_the_bundled_data_cites_sentences(bundled_report: Report) -> None:
    assert bundled_report.shapes
    for finding in bundled_report.results:
        assert finding.sources
        assert all(s.startswith("para_") for s in finding.sources)
