"""``orgkg ask``: says what it understood, answers like ``orgkg query``, refuses to guess."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from api.cli import app
from ontology import Store
from queries import run_query
from tests.cli.conftest import RunOrgkg

GROUP = "https://w3id.org/orgkg/id/tct-cpdt/unit/nhom-truyen-thong"


def test_ask_from_a_fresh_shell_answers_the_chain_of_command(orgkg: RunOrgkg) -> None:
    result = orgkg("ask", "nhom truyen thong bao cao cho ai")
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()[:2]
    assert first == "Hiểu là: Chuỗi chỉ huy, from = Nhóm Truyền thông"
    assert second.startswith("Câu hỏi khác: ") and "reporting-lines" in second
    assert "Lãnh đạo Tổ công tác" in result.stdout


def test_ask_json_is_the_documented_shape(runner: CliRunner, store: Store) -> None:
    result = runner.invoke(app, ["ask", "Nhóm Truyền thông báo cáo cho ai?", "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert list(body) == ["question", "params", "understood", "alternatives", "answer"]
    assert body["params"] == {"from": GROUP}
    assert body["answer"] == run_query(store, "chain-of-command", {"from": GROUP}).to_json()


def test_explain_names_the_matched_words_and_entity(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["--lang", "en", "ask", "who reports to the Head of the Working Group", "--explain"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Understood as: Reporting lines, recipient = Head of the Working Group"
    )
    assert "entity: 'head of the working group' (whole label)" in result.stdout
    assert "as recipient" in result.stdout
    assert "question: reporting-lines" in result.stdout


def test_not_understood_is_exit_2_with_the_closest_questions(orgkg: RunOrgkg) -> None:
    result = orgkg("ask", "giá vàng hôm nay")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "orgkg: no question matches 'giá vàng hôm nay' well enough; closest: "
    )
    assert "Traceback" not in result.stderr


def test_a_missing_parameter_is_named_with_candidates(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "cấp trên của ai"])
    assert result.exit_code == 2
    assert "needs 'from'" in result.stderr
    assert "candidates: " in result.stderr
