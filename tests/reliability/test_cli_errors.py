"""Command-line errors: exit 2, one clear line, no traceback, no partial output file.

The bad-data corpus goes through ``orgkg check`` and ``orgkg query``; then
unknown questions, missing and malformed parameters, unknown formats and
unwritable outputs. Most run in-process (typer's runner, same code path);
a few run the installed command as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from api.cli import app
from tests.reliability.support import BAD, CORPUS, HOSTILE, assert_clean_failure, run_orgkg


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def assert_one_line_failure(result: Result, *, code: int = 2) -> str:
    """Exit ``code``; stderr is one line, no traceback; stdout is empty."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == "", result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, "a failure must say why"
    return result.stderr


@pytest.mark.parametrize(("name", "line", "column", "reason"), CORPUS, ids=[c[0] for c in CORPUS])
@pytest.mark.parametrize("command", [["check"], ["query", "posts"]], ids=["check", "query"])
def test_bad_data_ends_the_command_with_its_place(
    command: list[str], name: str, line: int | None, column: int | None, reason: str
) -> None:
    """`orgkg --data BAD check|query posts`: exit 2, `orgkg: file:line:column: reason`, one line."""
    path = BAD / name
    stderr = assert_one_line_failure(invoke("--data", str(path), *command))
    where = ":".join(str(p) for p in (path, line, column) if p is not None)
    assert stderr.strip().startswith(f"orgkg: {where}: "), stderr
    assert len(stderr.strip().splitlines()) == 1


def test_installed_command_reports_bad_data_in_one_line() -> None:
    """The real `orgkg` process: exit 2, one stderr line with file:line:column, nothing else."""
    path = BAD / "ill_typed_date.ttl"
    result = run_orgkg(["--data", str(path), "check"])
    message = assert_clean_failure(result)
    assert message == f'orgkg: {path}:6:27: "2018-13-45" is not a valid xsd:date'
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ["query", "no-such-question"],
        ["query", "chain-of-command"],
        ["query", "chain-of-command", "--param", "from="],
        ["query", "chain-of-command", "--param", "from=<script>"],
        ["query", "chain-of-command", "--param", "from"],
        ["query", "chain-of-command", "--param", "=x"],
        ["query", "posts", "--param", "bogus=1"],
        ["query", "posts", "--format", "xls"],
        ["query", "posts", "--lang", "fr"],
        ["sparql", "SELEKT * WHERE {}"],
        ["sparql", ""],
        ["sparql", "@/no/such/file.rq"],
        ["sparql", "ASK {}", "--format", "pdf"],
        ["sparql", "DROP ALL"],
        ["check", "--format", "html"],
        ["export", "--format", "pdf"],
        ["view", "--depth", "0"],
        ["--store", "postgres", "check"],
        ["--data", "/no/such/folder", "check"],
        ["no-such-command"],
    ],
    ids=lambda a: " ".join(a)[:50],
)
def test_bad_command_line_exits_2_without_traceback(args: list[str]) -> None:
    """Unknown question, missing/malformed parameter, unknown format or option: exit 2, a reason."""
    given_data = args[0] in {"--data", "--store"}
    result = invoke(*args) if given_data else invoke("--data", str(HOSTILE), *args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.strip(), "a failure must say why"


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "ttl"],
        ["check", "--format", "junit"],
        ["view"],
    ],
    ids=["export", "check", "view"],
)
@pytest.mark.parametrize("target", ["missing-folder", "parent-is-a-file", "is-a-folder"])
def test_unwritable_output_exits_2_and_leaves_nothing(
    tmp_path: Path, command: list[str], target: str
) -> None:
    """--output into a missing folder, under a file, or onto a folder: exit 2, no file left."""
    blocker = tmp_path / "file.txt"
    blocker.write_text("keep me")
    (tmp_path / "folder").mkdir()
    output = {
        "missing-folder": tmp_path / "missing" / "out",
        "parent-is-a-file": blocker / "out",
        "is-a-folder": tmp_path / "folder",
    }[target]
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = invoke("--data", str(HOSTILE), *command, "--output", str(output))
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    assert str(output) in result.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert blocker.read_text() == "keep me"


def test_bad_data_never_leaves_a_partial_output(tmp_path: Path) -> None:
    """A data error before writing: the previous output file is untouched, no temp file stays."""
    output = tmp_path / "export.ttl"
    output.write_text("previous export")
    result = invoke("--data", str(BAD / "syntax_error.ttl"), "export", "--output", str(output))
    assert_one_line_failure(result)
    assert output.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.ttl"]
