"""``--limit/--offset`` on ``orgkg query`` and ``orgkg sparql``; a table shows 100 rows a page."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from api.cli import app
from ontology import Store
from ontology.paging import DEFAULT_PAGE_SIZE
from queries import run_query


def test_query_json_page_and_its_note(runner: CliRunner, store: Store) -> None:
    whole = run_query(store, "posts", lang="vi").to_json()["results"]["bindings"]
    result = runner.invoke(app, ["query", "posts", "--format", "json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"]["bindings"] == whole[:3]
    assert f"rows 1-3 of {len(whole)}; next: --offset 3" in result.stderr


def test_query_csv_offset_without_limit_gives_the_rest(runner: CliRunner, store: Store) -> None:
    whole = run_query(store, "units", lang="vi").to_csv().strip().split("\r\n")
    result = runner.invoke(app, ["query", "units", "-f", "csv", "--offset", "4"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines() == [whole[0], *whole[5:]]


def test_a_table_is_one_default_page(runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "posts", "--limit", "2", "--offset", "1"])
    assert result.exit_code == 0, result.output
    assert "rows 2-3 of" in result.stderr
    assert DEFAULT_PAGE_SIZE == 100  # documented in queries/README.md


def test_sparql_page(runner: CliRunner) -> None:
    query = "SELECT ?post WHERE { ?post a org:Post } ORDER BY ?post"
    result = runner.invoke(app, ["sparql", query, "-f", "json", "--limit", "1", "--offset", "2"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["results"]["bindings"]) == 1
    assert "rows 3-3 of" in result.stderr


def test_a_bad_limit_is_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "posts", "--limit", "0"])
    assert result.exit_code == 2
    assert "--limit" in result.output
