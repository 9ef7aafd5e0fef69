"""``orgkg query NAME --format xlsx --output FILE`` writes a workbook openpyxl reads.

A workbook is never written to stdout (a terminal or a pipe): without
``--output FILE`` the command exits 2 naming ``--output``, before loading
anything. The file is written atomically: a failure leaves an earlier file
as it was and no temporary file behind.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ontology import Store
from queries import run_query
from tests.cli.conftest import RunOrgkg


@pytest.mark.parametrize("output", [[], ["--output", "-"]], ids=["no-output", "stdout"])
def test_a_workbook_is_refused_on_stdout_naming_the_option(
    orgkg: RunOrgkg, output: list[str]
) -> None:
    done = orgkg("query", "units", "--format", "xlsx", *output)
    assert done.returncode == 2
    assert "--output" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_workbook_holds_the_answer_row_for_row(
    orgkg: RunOrgkg, store: Store, tmp_path: Path, lang: str
) -> None:
    target = tmp_path / "units.xlsx"
    done = orgkg("--lang", lang, "query", "units", "--format", "xlsx", "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    answer = run_query(store, "units", lang=lang)
    sheet = openpyxl.load_workbook(target, read_only=True).worksheets[0]
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header == answer.variables
    assert len(rows) == len(answer.rows)
    labels = answer.variables.index("unitLabel")
    assert sorted(str(row[labels]) for row in rows) == sorted(str(r[labels]) for r in answer.rows)
    assert [p.name for p in tmp_path.iterdir()] == ["units.xlsx"]  # no temporary file left


def test_a_failed_run_leaves_the_earlier_file_untouched(orgkg: RunOrgkg, tmp_path: Path) -> None:
    target = tmp_path / "answer.xlsx"
    target.write_bytes(b"earlier")
    done = orgkg("query", "no-such-question", "--format", "xlsx", "--output", str(target))
    assert done.returncode != 0
    assert target.read_bytes() == b"earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["answer.xlsx"]


def test_a_missing_folder_is_an_error_naming_the_file(orgkg: RunOrgkg, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "units.xlsx"
    done = orgkg("query", "units", "--format", "xlsx", "--output", str(target))
    assert done.returncode == 2
    assert str(target) in done.stderr
    assert not target.parent.exists()
