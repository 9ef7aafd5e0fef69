"""The orgkg diff recipes (examples/ci/*-diff.yml) parse, and the command
they run works on a git history the way a pull request has one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.bdd.recipes import RECIPES, load
from tests.unavailable import unavailable

DIFF_DATA = Path(__file__).resolve().parents[1] / "ontology" / "data" / "diff"
ORGKG = Path(sys.executable).parent / "orgkg"


def github_diff_script() -> str:
    steps = load("github-actions-diff.yml")["jobs"]["diff"]["steps"]
    script = next(s["run"] for s in steps if s.get("name") == "orgkg diff against the base branch")
    return str(script)


def test_both_recipes_run_orgkg_diff_as_markdown_against_the_base() -> None:
    assert "$GITHUB_STEP_SUMMARY" in github_diff_script()
    assert "--format markdown" in github_diff_script()
    gitlab = load("gitlab-ci-diff.yml")["orgkg-diff"]
    script = "\n".join(gitlab["script"])
    assert 'orgkg diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME..HEAD"' in script
    assert "merge_requests/$CI_MERGE_REQUEST_IID/notes" in script
    assert (RECIPES / "gitlab-ci-diff.yml").read_text(encoding="utf-8").isascii()


def test_the_github_step_writes_the_summary_and_passes_on_a_change(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        unavailable("git is not installed")
    repo = tmp_path / "repo"
    model = repo / "regulation"
    model.mkdir(parents=True)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    shutil.copy(DIFF_DATA / "old.ttl", model / "board.ttl")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    subprocess.run([*git, "checkout", "-qb", "change"], check=True)
    shutil.copy(DIFF_DATA / "new.ttl", model / "board.ttl")
    subprocess.run([*git, "commit", "-qam", "change"], check=True)
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGKG_")}
    env |= {
        "PATH": f"{ORGKG.parent}{os.pathsep}{env.get('PATH', '')}",
        "BASE": "main",
        "MODEL": "regulation",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    done = subprocess.run(
        ["bash", "-e", "-c", github_diff_script()],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### orgkg diff `main:regulation`")
    assert "| + | Trưởng ban — Bình | added |" in text
