"""Each command through typer's CliRunner: output equals the library's answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from ontology import Store
from queries import load_catalogue, run_query, run_sparql
from queries.presentation import render_answer_table

UNITS = (
    "SELECT ?unit ?label WHERE { ?unit a org:OrganizationalUnit ; skos:prefLabel ?label . "
    'FILTER(lang(?label) = "en") } ORDER BY ?unit'
)


def test_queries_lists_the_catalogue(runner: CliRunner) -> None:
    result = runner.invoke(app, ["queries"])
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(load_catalogue())


def test_queries_in_english(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "en", "queries"])
    assert result.exit_code == 0
    catalogue = load_catalogue()
    for question in catalogue.values():
        assert question.title_in("en") in result.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_query_json_is_the_runner_answer(runner: CliRunner, store: Store, lang: str) -> None:
    result = runner.invoke(app, ["query", "posts", "--format", "json", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == run_query(store, "posts", {}, lang=lang).to_json()


def test_global_lang_applies_to_query(runner: CliRunner, store: Store) -> None:
    result = runner.invoke(app, ["--lang", "en", "query", "units", "-f", "json"])
    assert json.loads(result.stdout) == run_query(store, "units", {}, lang="en").to_json()


def test_query_csv_and_table(runner: CliRunner, store: Store) -> None:
    csv_out = runner.invoke(app, ["query", "units", "--format", "csv"])
    assert csv_out.exit_code == 0
    assert csv_out.stdout_bytes == run_query(store, "units", {}).to_csv().encode()
    table = runner.invoke(app, ["query", "units"], env={"COLUMNS": "100"})
    assert table.exit_code == 0
    assert table.stdout == render_answer_table(run_query(store, "units", {}), "vi", 100) + "\n"


def test_query_with_parameters(runner: CliRunner, store: Store) -> None:
    result = runner.invoke(app, ["query", "search", "--param", "q=to truong", "-f", "json"])
    assert result.exit_code == 0, result.output
    expected = run_query(store, "search", {"q": "to truong"}).to_json()
    assert json.loads(result.stdout) == expected


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["query", "no-such-question"], "no-such-question"),
        (["query", "posts", "--param", "colour=red"], "colour"),
        (["query", "search"], "q"),
        (["sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "SERVICE"),
        (["sparql", "SELECT * FROM <http://example.org/> WHERE { ?s ?p ?o }"], "FROM"),
        (["sparql", "DELETE WHERE { ?s ?p ?o }"], "read-only"),
        (["sparql", "SELECT * WHERE { ?s ?p }"], "syntax"),
        (["sparql", "SELECT * WHERE { ?s ?p ?o }", "--format", "ttl"], "ttl"),
        (["--data", "/no/such/file.ttl", "query", "posts"], "/no/such/file.ttl"),
        (["--store", "sqlite", "query", "posts"], "sqlite"),
    ],
)
def test_orgkg_errors_are_one_line_and_exit_2(
    runner: CliRunner, args: list[str], needle: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("orgkg: ")
    assert needle in lines[0]


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["query", "posts", "--format", "yaml"], "--format"),
        (["query", "posts", "--param", "novalue"], "--param"),
        (["--lang", "fr", "queries"], "--lang"),
        (["export", "--format", "docx"], "--format"),
        (["check", "--format", "html"], "--format"),
    ],
)
def test_bad_option_values_name_the_option(runner: CliRunner, args: list[str], option: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert option in result.stderr


def test_sparql_inline_and_from_file(runner: CliRunner, store: Store, tmp_path: Path) -> None:
    expected = run_sparql(store, UNITS).to_json()  # type: ignore[union-attr]
    inline = runner.invoke(app, ["sparql", UNITS, "--format", "json"])
    assert inline.exit_code == 0, inline.output
    assert json.loads(inline.stdout) == expected
    query_file = tmp_path / "units.rq"
    query_file.write_text(UNITS, encoding="utf-8")
    from_file = runner.invoke(app, ["sparql", f"@{query_file}", "--format", "json"])
    assert json.loads(from_file.stdout) == expected


def test_sparql_missing_file_names_it(runner: CliRunner) -> None:
    result = runner.invoke(app, ["sparql", "@/no/such.rq"])
    assert result.exit_code == 2
    assert "/no/such.rq" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xml", "table"])
def test_sparql_select_formats(runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(app, ["sparql", UNITS, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def test_sparql_ask_and_construct(runner: CliRunner) -> None:
    ask = runner.invoke(app, ["sparql", "ASK { ?s a org:Post }"])
    assert ask.stdout.strip() == "true"
    construct = runner.invoke(
        app, ["sparql", "CONSTRUCT { ?s a org:Post } WHERE { ?s a org:Post }"]
    )
    assert construct.exit_code == 0
    assert "org:Post" in construct.stdout or "http://www.w3.org/ns/org#Post" in construct.stdout


def test_check_exit_code_and_formats(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    as_json = runner.invoke(app, ["check", "--format", "json", "--output", str(report)])
    assert as_json.exit_code in (0, 1)
    body = json.loads(report.read_text(encoding="utf-8"))
    assert body["conforms"] is (as_json.exit_code == 0)
    junit = runner.invoke(app, ["check", "--format", "junit", "--lang", "en"])
    assert junit.exit_code == as_json.exit_code
    assert junit.stdout.startswith("<?xml")


def test_view_writes_one_page(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "org.html"
    result = runner.invoke(app, ["view", "--output", str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert str(page) in result.stderr


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
def test_export_to_file(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left


def test_export_into_a_missing_folder_fails_cleanly(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "graph.ttl"
    result = runner.invoke(app, ["export", "--output", str(target)])
    assert result.exit_code == 2
    assert str(target) in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "is_zip"), [("org.csv", False), ("org.zip", True), ("org.CSV", False)]
)
def test_csv_export_is_one_table_unless_the_name_is_a_zip(
    runner: CliRunner, tmp_path: Path, name: str, is_zip: bool
) -> None:
    target = tmp_path / name
    result = runner.invoke(app, ["export", "--format", "csv", "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"PK") is is_zip
    if not is_zip:
        assert data.decode("utf-8").splitlines()[0].startswith("id,label,")


def test_csv_export_to_the_terminal_is_text_with_bom_on_request(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--table", "edges", "--bom"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfsource,target,relation")
