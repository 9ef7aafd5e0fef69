"""The installed ``orgkg`` script as a real process: exit codes, stderr, start-up time."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

RunOrgkg = Callable[..., "subprocess.CompletedProcess[str]"]


def test_help_starts_fast_without_heavy_imports(orgkg: RunOrgkg) -> None:
    result = orgkg("--help")
    assert result.returncode == 0
    for command in ("queries", "query", "sparql", "check", "view", "export", "serve"):
        assert command in result.stdout
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, api.cli; print(sorted(m for m in ('rdflib', 'pyshacl', 'pyvis', 'fastapi',"
            " 'networkx', 'pyoxigraph') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "[]"


def test_query_json_exit_0(orgkg: RunOrgkg) -> None:
    result = orgkg("query", "units", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"]["bindings"]


@pytest.mark.parametrize(
    "args",
    [
        ("query", "no-such-question"),
        ("query", "posts", "--param", "colour=red"),
        ("sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
        ("sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
        ("--data", "/no/such/folder", "export"),
    ],
)
def test_orgkg_error_exit_2_one_line_no_traceback(args: tuple[str, ...], orgkg: RunOrgkg) -> None:
    result = orgkg(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("orgkg: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_malformed_data_names_file_line_and_column(tmp_path: Path, orgkg: RunOrgkg) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c\nex:d ex:e .\n", encoding="utf-8"
    )
    result = orgkg("--data", str(bad), "query", "units")
    assert result.returncode == 2
    assert result.stderr.startswith(f"orgkg: {bad}:")
    assert "Traceback" not in result.stderr
    location = result.stderr.removeprefix(f"orgkg: {bad}:").split(":")
    assert location[0].isdigit() and location[1].isdigit()


def test_serve_refuses_bad_data_before_starting(tmp_path: Path, orgkg: RunOrgkg) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle at all", encoding="utf-8")
    result = orgkg("--data", str(bad), "serve", "--port", "9", timeout=60)
    assert result.returncode == 2
    assert str(bad) in result.stderr
    assert "Traceback" not in result.stderr


def test_check_exit_code_matches_conformance(orgkg: RunOrgkg) -> None:
    result = orgkg("check", "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == (0 if report["conforms"] else 1)


def test_check_exit_1_on_violations(tmp_path: Path, orgkg: RunOrgkg) -> None:
    """A post that belongs to no unit violates the generic shapes."""
    data = tmp_path / "orphan.ttl"
    data.write_text(
        "@prefix org: <http://www.w3.org/ns/org#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/orgkg/id/x/post/p> a org:Post ; skos:prefLabel "P"@vi .\n',
        encoding="utf-8",
    )
    result = orgkg("--data", str(data), "check")
    assert result.returncode == 1, result.stdout + result.stderr


def test_export_failure_leaves_nothing(tmp_path: Path, orgkg: RunOrgkg) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    result = orgkg("--data", "/no/such.ttl", "export", "--output", str(target))
    assert result.returncode == 2
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
