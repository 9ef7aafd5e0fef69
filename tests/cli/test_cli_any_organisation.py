"""The newcomer's path on the command line: init, check, draft, import organogram.

Exit codes: 0 done or conforms, 1 violations, 2 cannot run (with the place).
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / "tests" / "ontology" / "data" / "texts"
ORGANOGRAMS = ROOT / "tests" / "ontology" / "data" / "organograms"


def test_init_check_tamper_check(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "ha-noi"
    result = runner.invoke(app, ["init", str(folder), "--from", str(TEXTS / "article-hanoi.txt")])
    assert result.exit_code == 0, result.output
    assert "8 sentences" in result.output
    checked = runner.invoke(app, ["--data", str(folder), "check", "--format", "json"])
    assert checked.exit_code == 0, checked.output
    report = json.loads(checked.stdout)
    assert report["counts"]["info"] == 7  # the sentences left to model
    source = folder / "source.ttl"
    text = source.read_text(encoding="utf-8")
    at = text.rindex("Ban chỉ đạo được sử dụng con dấu")
    source.write_text(text[:at] + text[at:].replace("con dấu", "con dấu riêng", 1), "utf-8")
    tampered = runner.invoke(app, ["--data", str(folder), "--lang", "en", "check"])
    assert tampered.exit_code == 1
    assert "para_4__sent_2" in tampered.stdout and "con dấu riêng" in tampered.stdout


def test_check_without_source_text_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "qd"
    assert (
        runner.invoke(
            app, ["init", str(folder), "--from", str(TEXTS / "decision-54.txt")]
        ).exit_code
        == 0
    )
    (folder / "source.txt").unlink()
    result = runner.invoke(app, ["--data", str(folder), "check"])
    assert result.exit_code == 2
    assert str(folder / "source.txt") in result.output


def test_init_into_a_used_folder_or_from_nothing_is_exit_2(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x.ttl").write_text("", encoding="utf-8")
    used = runner.invoke(app, ["init", str(tmp_path / "used"), "--from", str(TEXTS / "bare.txt")])
    missing = runner.invoke(
        app, ["init", str(tmp_path / "new"), "--from", str(tmp_path / "no.txt")]
    )
    assert (used.exit_code, missing.exit_code) == (2, 2)
    assert not (tmp_path / "new").exists()


def test_draft_writes_a_file_that_is_never_loaded(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "ha-noi"
    runner.invoke(app, ["init", str(folder), "--from", str(TEXTS / "article-hanoi.txt")])
    result = runner.invoke(app, ["draft", str(folder)])
    assert result.exit_code == 0, result.output
    draft = (folder / "draft" / "candidates.ttl.txt").read_text(encoding="utf-8")
    assert "# [seal] para_4__sent_2: «sử dụng con dấu của UBND thành phố»" in draft
    assert runner.invoke(app, ["--data", str(folder), "check"]).exit_code == 0


def test_import_organogram_then_check_the_organisation(runner: CliRunner, tmp_path: Path) -> None:
    files = [str(p) for p in sorted(ORGANOGRAMS.glob("human_tissue_authority-*.csv"))]
    result = runner.invoke(app, ["import", "organogram", *files, "--output", str(tmp_path / "hta")])
    assert result.exit_code == 0, result.output
    snapshot = tmp_path / "hta" / "2011-09-30"
    checked = runner.invoke(app, ["--data", str(snapshot), "check", "--profile", "organisation"])
    assert checked.exit_code == 0, checked.output
    as_regulation = runner.invoke(
        app, ["--data", str(snapshot), "check", "--profile", "regulation"]
    )
    assert as_regulation.exit_code == 1


def test_import_reports_messy_rows_by_file_and_row(runner: CliRunner, tmp_path: Path) -> None:
    files = [str(p) for p in sorted(ORGANOGRAMS.glob("messy-body-2020-03-31-*.csv"))]
    result = runner.invoke(app, ["import", "organogram", *files, "-o", str(tmp_path / "m")])
    assert result.exit_code == 0
    assert "messy-body-2020-03-31-senior.csv:8: post E1 reports to Z9" in result.output
    bad = runner.invoke(
        app, ["import", "organogram", str(TEXTS / "bare.txt"), "-o", str(tmp_path / "b")]
    )
    assert bad.exit_code == 2 and "bare.txt:1" in bad.output
