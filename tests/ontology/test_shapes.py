"""The shapes, data-driven (as pySHACL's own tests): each ``invalid_<rule>``
fixture produces exactly the result of its rule's shape, each ``valid_*``
fixture produces none, and every shape is documented and covered.

Generic fixtures (``data/*.ttl``) are added to ``data/base.ttl`` and checked
against the generic shapes. Regulation fixtures (``data/qd-426-2018/*.ru``)
are SPARQL Update patches on the bundled data, checked against all its
shapes: a rule of this text is best tested on the real data with one change,
and removing a fact cannot be written as Turtle.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from ontology.namespaces import OKG, OKGSH, PROV, RDF, RDFS, SH
from ontology.report import Report, Result
from ontology.validation import checked_shapes, validate

DATA = Path(__file__).resolve().parent / "data"

RSH = "https://w3id.org/orgkg/shapes/qd-426-2018#"
PREFIXES = {"okgsh": str(OKGSH), "rsh": RSH}
VIOLATES = re.compile(r"^# violates: (\w+):(\w+)$", re.MULTILINE)
GENERIC = sorted(DATA.glob("*valid_*.ttl"))
PATCHES = sorted((DATA / "qd-426-2018").glob("*valid_*.ru"))


def parse_turtle(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def expected_shapes(path: Path) -> set[str]:
    """The shape named in the fixture's ``# violates:`` line (none for valid_*)."""
    found = {PREFIXES[p] + name for p, name in VIOLATES.findall(path.read_text(encoding="utf-8"))}
    assert bool(found) == path.name.startswith("invalid_"), path.name
    return found


def shapes_of(results: set[Result] | tuple[Result, ...]) -> set[str]:
    return {r.shape for r in results}


def test_base_world_conforms_with_no_result(vocabulary: Graph, generic_shapes: Graph) -> None:
    report = validate(parse_turtle(DATA / "base.ttl") + vocabulary, generic_shapes)
    assert report.results == ()


@pytest.mark.parametrize("fixture", GENERIC, ids=lambda p: p.stem)
def test_generic_fixture(fixture: Path, vocabulary: Graph, generic_shapes: Graph) -> None:
    data = parse_turtle(DATA / "base.ttl", fixture) + vocabulary
    report = validate(data, generic_shapes)
    assert shapes_of(report.results) == expected_shapes(fixture), report.to_text("en")


@pytest.mark.parametrize("patch", PATCHES, ids=lambda p: p.stem)
def test_regulation_patch(
    patch: Path,
    bundled: Graph,
    bundled_report: Report,
    generic_shapes: Graph,
    regulation_shapes: Graph,
) -> None:
    data = Graph()
    data += bundled
    data.update(patch.read_text(encoding="utf-8"))
    report = validate(data, generic_shapes + regulation_shapes)
    new = set(report.results) - set(bundled_report.results)
    assert shapes_of(new) == expected_shapes(patch), report.to_text("en")


def named_shapes(shapes: Graph) -> list[URIRef]:
    """Shapes that can produce a result: targeted ones and their property shapes."""
    return checked_shapes(shapes)


def own_constraints(shapes: Graph, shape: URIRef) -> bool:
    """Whether the shape checks something itself (not only through sh:property)."""
    passive = {
        RDF.type,
        RDFS.comment,
        SH.property,
        SH.message,
        SH.severity,
        SH.targetClass,
        SH.targetNode,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
        OKG.enforces,
        PROV.wasDerivedFrom,
    }
    return any(p not in passive for p in shapes.predicates(shape, None))


def test_every_shape_is_covered_by_an_invalid_fixture(
    generic_shapes: Graph, regulation_shapes: Graph
) -> None:
    covered = {s for path in GENERIC + PATCHES for s in expected_shapes(path)}
    for shapes in (generic_shapes, regulation_shapes):
        for shape in named_shapes(shapes):
            if own_constraints(shapes, shape):
                assert str(shape) in covered, shape


def test_every_fixture_names_a_real_shape(generic_shapes: Graph, regulation_shapes: Graph) -> None:
    known = {str(s) for s in named_shapes(generic_shapes + regulation_shapes)}
    for path in GENERIC + PATCHES:
        assert expected_shapes(path) <= known, path.name


def messages(shapes: Graph, shape: URIRef) -> list[str]:
    return sorted(
        m.language or "" for m in shapes.objects(shape, SH.message) if isinstance(m, Literal)
    )


def test_every_checking_shape_has_messages_and_a_severity(
    generic_shapes: Graph, regulation_shapes: Graph
) -> None:
    for shapes in (generic_shapes, regulation_shapes):
        for shape in named_shapes(shapes):
            if own_constraints(shapes, shape):
                assert messages(shapes, shape) == ["en", "vi"], shape
                assert shapes.value(shape, SH.severity) is not None, shape


def test_every_node_shape_explains_itself(generic_shapes: Graph, regulation_shapes: Graph) -> None:
    for shapes in (generic_shapes, regulation_shapes):
        for shape in shapes.subjects(RDF.type, SH.NodeShape):
            if isinstance(shape, URIRef) and any(shapes.objects(shape, SH.targetClass)):
                assert shapes.value(shape, RDFS.comment) is not None, shape


def test_regulation_shapes_cite_the_sentence_they_enforce(
    regulation_shapes: Graph, bundled: Graph
) -> None:
    shapes = [s for s in named_shapes(regulation_shapes) if str(s).startswith(RSH)]
    assert len(shapes) >= 20
    for shape in shapes:
        enforced = set(regulation_shapes.objects(shape, OKG.enforces))
        assert enforced, shape
        assert enforced <= set(regulation_shapes.objects(shape, PROV.wasDerivedFrom)), shape
        assert regulation_shapes.value(shape, RDFS.comment) is not None, shape
        for sentence in enforced:
            assert isinstance(bundled.value(sentence, OKG.text), Literal), sentence


def test_a_duty_without_bearer_is_information_not_a_violation(generic_shapes: Graph) -> None:
    assert generic_shapes.value(OKGSH.DutyBearerShape, SH.severity) == SH.Info
