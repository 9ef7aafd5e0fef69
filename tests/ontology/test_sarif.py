"""``orgkg check --format sarif``: valid SARIF 2.1.0, located at the offending lines.

The schema is the OASIS SARIF 2.1.0 JSON schema, vendored in
``tests/ontology/data/sarif-schema-2.1.0.json`` (see its NOTICE). The
broken example (``examples/broken-regulation``) is rebuilt as CI sees it
and each violation must point at the line of the triple the edit wrote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from api.cli import app
from ontology import load_regulation
from ontology.report import Report, Result, Severity
from ontology.sarif import Locator, render_sarif, to_sarif
from ontology.validation import check
from tests.bdd.recipes import BROKEN, MODEL, assemble

DATA = Path(__file__).resolve().parent / "data"
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
README = (BROKEN / "README.md").read_text(encoding="utf-8")


def valid(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def line_of(path: Path, text: str) -> int:
    """The line (from 1) where ``text`` first occurs in ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    repo = assemble(tmp_path_factory.mktemp("broken") / "repo", broken=True)
    store = load_regulation([repo / MODEL])
    return repo, json.loads(render_sarif(store, check(store), lang="vi", root=repo))


def errors(log: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Shape name -> (file:line, result) of every error-level result."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for result in log["runs"][0]["results"]:
        if result["level"] == "error":
            where = result["locations"][0]["physicalLocation"]
            place = f"{where['artifactLocation']['uri']}:{where['region']['startLine']}"
            found[result["ruleId"].rsplit("#", 1)[-1]] = (place, result)
    return found


def test_the_schema_is_sarif_2_1_0() -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert "2.1.0" in SCHEMA["properties"]["version"]["enum"]


def test_the_bundled_regulation_gives_a_valid_log_without_errors() -> None:
    store = load_regulation()
    log = json.loads(render_sarif(store, check(store), lang="en"))
    valid(log)
    assert {r["level"] for r in log["runs"][0]["results"]} <= {"note"}


def test_the_broken_example_is_valid_sarif(broken: tuple[Path, dict[str, Any]]) -> None:
    valid(broken[1])


def test_each_violation_points_at_the_line_the_edit_wrote(
    broken: tuple[Path, dict[str, Any]],
) -> None:
    repo, log = broken
    model = repo / MODEL
    found = {shape: place for shape, (place, _) in errors(log).items()}
    assert found == {
        # the edited triple: "okg:frequency okg:monthly" (para_10__sent_2)
        "GroupLineWeeklyShape": f"{MODEL}/reporting.ttl:"
        f"{line_of(model / 'reporting.ttl', 'okg:frequency okg:monthly')}",
        # the group that no longer reports weekly
        "GroupsReportWeeklyShape": f"{MODEL}/structure.ttl:"
        f"{line_of(model / 'structure.ttl', '<tct-cpdt/unit/nhom-truyen-thong> a ')}",
        # the new post, defined in the new file (para_6__sent_1)
        "StandingUnitCompositionShape": f"{MODEL}/to-pho-thu-ba.ttl:"
        f"{line_of(model / 'to-pho-thu-ba.ttl', '<tct-cpdt/post/to-pho-thu-ba> a ')}",
        "LeadershipCompositionShape": f"{MODEL}/to-pho-thu-ba.ttl:"
        f"{line_of(model / 'to-pho-thu-ba.ttl', '<tct-cpdt/post/to-pho-thu-ba> a ')}",
        # a count has no one culprit: the Working Group, the posts in it beside
        "WgDeputyCountShape": f"{MODEL}/structure.ttl:"
        f"{line_of(model / 'structure.ttl', '<tct-cpdt> a ')}",
    }
    related = errors(log)["WgDeputyCountShape"][1]["relatedLocations"]
    assert f"{MODEL}/to-pho-thu-ba.ttl" in {
        r["physicalLocation"]["artifactLocation"]["uri"] for r in related
    }


def test_messages_are_in_the_language_asked_and_quote_the_sentence(
    broken: tuple[Path, dict[str, Any]],
) -> None:
    _, result = errors(broken[1])["GroupLineWeeklyShape"]
    assert result["message"]["text"].startswith("Tuyến báo cáo Nhóm Truyền thông")
    sentence = result["properties"]["sentences"][0]
    assert sentence["id"] == "para_10__sent_2"
    assert sentence["text"].startswith("Định kỳ hàng tuần các nhóm thuộc Tổ công tác")
    assert f"“{sentence['text']}”" in result["message"]["text"]
    assert result["properties"]["path"] == "https://w3id.org/orgkg/ns#frequency"


def test_the_example_readme_shows_every_annotation(broken: tuple[Path, dict[str, Any]]) -> None:
    for shape, (place, _) in errors(broken[1]).items():
        assert f"`{place}`" in README and shape in README, (shape, place)


def test_the_command_line_writes_sarif(tmp_path: Path) -> None:
    repo = assemble(tmp_path / "repo", broken=True)
    output = tmp_path / "orgkg.sarif"
    result = CliRunner().invoke(
        app,
        ["--data", str(repo / MODEL), "--lang", "en", "check", "-f", "sarif", "-o", str(output)],
    )
    assert result.exit_code == 1, result.output
    log = json.loads(output.read_text(encoding="utf-8"))
    valid(log)
    assert log["runs"][0]["language"] == "en"
    assert "GroupLineWeeklyShape" in {
        r["ruleId"].rsplit("#", 1)[-1] for r in log["runs"][0]["results"]
    }


# --------------------------------------------------------------------------
# the locator, on a small file
# --------------------------------------------------------------------------

TURTLE = """\
# a comment line
@prefix ex: <https://example.org/> .
@base <https://example.org/id/> .

<unit> a ex:Unit ;
    ex:label "Unit" .

ex:post a ex:Post ;
    ex:postIn <unit> ;   # a trailing comment
    ex:role ex:head .
"""


def test_the_locator_finds_subjects_predicates_and_objects(tmp_path: Path) -> None:
    path = tmp_path / "small.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    locator = Locator.of_files([path])
    unit, post = "https://example.org/id/unit", "https://example.org/post"
    assert locator.subjects[unit].line == 5
    assert locator.subjects[post].line == 8
    on_role = Result(Severity.VIOLATION, "s", post, path="https://example.org/role")
    assert [p.line for p in locator.locate(on_role)] == [10, 8]
    inverse = Result(Severity.VIOLATION, "s", unit, path="^https://example.org/postIn", value=post)
    assert next(p.line for p in locator.locate(inverse)) == 9
    unknown = Result(Severity.VIOLATION, "s", "https://example.org/nowhere")
    assert locator.locate(unknown) == []


def test_a_result_the_files_do_not_place_still_validates() -> None:
    report = Report(results=(Result(Severity.WARNING, "urn:shape", "urn:focus", message_en="m"),))
    log = to_sarif(report, Locator.empty(), {}, lang="en")
    valid(log)
    assert "physicalLocation" not in log["runs"][0]["results"][0]["locations"][0]
