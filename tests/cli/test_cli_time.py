"""The command line over time: --at, "as of today", the history question and
orgkg diff (folders, dates, git revisions) with its exit codes 0/1/2."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

from tests.cli.conftest import RunOrgkg
from tests.unavailable import unavailable

DIFF_DATA = Path(__file__).resolve().parents[1] / "ontology" / "data" / "diff"


def heads(output: str) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO(output))
    return [r for r in rows if r["post"].endswith("/tct-cpdt/post/to-truong")]


def test_the_two_arrangements_with_their_holders(orgkg: RunOrgkg) -> None:
    before = orgkg("--data", "bundled:all", "--at", "2018-12-01", "query", "posts", "-f", "csv")
    assert before.returncode == 0, before.stderr
    assert "answers as of 2018-12-01" in before.stderr
    assert [r["holderLabels"] for r in heads(before.stdout)] == ["Mai Tiến Dũng"]
    after = orgkg("--data", "bundled:all", "--at", "2019-12-31", "query", "posts", "-f", "csv")
    rows = heads(after.stdout)
    # The sources disagree on the Head's basis: both are shown, neither picked.
    assert sorted(r["exOfficioLabel"] for r in rows) == [
        "Bộ trưởng Bộ Thông tin và Truyền thông",
        "Thứ trưởng Bộ Thông tin và Truyền thông",
    ]
    assert {r["holderLabels"] for r in rows} == {"Nguyễn Mạnh Hùng"}


def test_dated_data_without_at_answers_as_of_today_and_says_so(orgkg: RunOrgkg) -> None:
    dated = orgkg("--data", "bundled:all", "query", "units", "-f", "csv")
    assert dated.returncode == 0 and "(today; --at DATE for another day)" in dated.stderr
    plain = orgkg("query", "units", "-f", "csv")
    assert plain.returncode == 0 and "answers as of" not in plain.stderr


def test_a_bad_at_is_exit_2_naming_the_option(orgkg: RunOrgkg) -> None:
    result = orgkg("--at", "2019-02-30", "query", "posts")
    assert result.returncode == 2
    assert "--at" in result.stderr and "2019-02-30" in result.stderr


def test_history_of_a_person(orgkg: RunOrgkg) -> None:
    result = orgkg(
        "--data", "bundled:all", "query", "history", "-p", "entity=Nguyễn Mạnh Hùng", "-f", "csv"
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    spans = {(r["property"].rsplit("#", 1)[-1], r["from"], r["until"]) for r in rows}
    assert ("heldBy", "", "2019-09-09") in spans  # the 2018 Deputy Head post, ended
    assert ("heldBy", "2019-12-03", "") in spans  # Head from Decision 1737


def test_diff_exit_codes(orgkg: RunOrgkg, tmp_path: Path) -> None:
    old, new = str(DIFF_DATA / "old.ttl"), str(DIFF_DATA / "new.ttl")
    assert orgkg("diff", old, old).returncode == 0
    differs = orgkg("diff", old, new, "--format", "markdown")
    assert differs.returncode == 1 and "#### Holdings" in differs.stdout
    missing = orgkg("diff", old, str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "nowhere" in missing.stderr


def test_diff_between_two_days(orgkg: RunOrgkg) -> None:
    result = orgkg("--data", "bundled:all", "diff", "--at", "2018-12-01", "--to", "2019-12-31")
    assert result.returncode == 1, result.stderr
    assert "- Tổ trưởng Tổ công tác — Mai Tiến Dũng (removed)" in result.stdout


def test_diff_between_two_git_revisions(orgkg: RunOrgkg, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        unavailable("git is not installed")
    folder = tmp_path / "model"
    folder.mkdir()
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    shutil.copy(DIFF_DATA / "old.ttl", folder / "board.ttl")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "old"], check=True)
    shutil.copy(DIFF_DATA / "new.ttl", folder / "board.ttl")
    subprocess.run([*git, "commit", "-qam", "new"], check=True)
    result = orgkg("diff", "HEAD~1..HEAD", str(folder), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert '"re-identified"' in result.stdout
    assert orgkg("diff", "HEAD..HEAD", str(folder)).returncode == 0
    assert orgkg("diff", "nosuchrev..HEAD", str(folder)).returncode == 2
