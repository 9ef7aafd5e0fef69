"""Run the CI recipes of ``examples/ci`` here, as GitHub, GitLab and pre-commit would.

A user's repository keeps the model in ``regulation/`` and runs orgkg from a
source checkout named by ``ORGKG_HOME``. Here that checkout is this
repository, orgkg is the one installed beside the running Python, and the
user's repository is assembled in a temporary folder: a copy of the bundled
regulation, with ``examples/broken-regulation/changes.patch`` applied for the
broken one. Steps that fetch or install orgkg are not run (they need the
network); every step that runs ``orgkg`` or ``pytest`` is.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # no stubs in the pinned test deps

ROOT = Path(__file__).resolve().parents[2]
RECIPES = ROOT / "examples" / "ci"
BROKEN = ROOT / "examples" / "broken-regulation"
BUNDLED = ROOT / "ontology" / "regulations" / "qd-426-2018"
MODEL = "regulation"
RUNS_ORGKG = ("orgkg ", "pytest")
TIMEOUT = 120


@dataclass(frozen=True)
class Run:
    """What one recipe did in one repository."""

    recipe: str
    repo: Path
    returncodes: tuple[int, ...]
    output: str

    @property
    def failed(self) -> bool:
        return any(self.returncodes)

    def report(self, name: str) -> Path:
        return self.repo / "reports" / name


def load(name: str) -> dict[Any, Any]:
    """One recipe file, parsed."""
    data = yaml.safe_load((RECIPES / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{name} is not a YAML mapping"
    return data


def github_job(workflow: dict[Any, Any]) -> dict[str, Any]:
    job: dict[str, Any] = workflow["jobs"]["orgkg"]
    return job


def github_scripts(workflow: dict[Any, Any]) -> list[str]:
    """The ``run:`` scripts of the workflow that run orgkg or pytest, in order."""
    runs = [step.get("run", "") for step in github_job(workflow)["steps"]]
    return [r for r in runs if any(word in r for word in RUNS_ORGKG) and "pip install" not in r]


def gitlab_script(job: dict[str, Any]) -> str:
    """The job's ``script:`` as the one shell script GitLab runs."""
    return "\n".join(job["script"])


def precommit_entries(config: dict[Any, Any]) -> list[list[str]]:
    """Each hook's entry as the argv pre-commit executes (``language: system``)."""
    return [shlex.split(hook["entry"]) for repo in config["repos"] for hook in repo["hooks"]]


def commands(script: str, env: dict[str, str]) -> set[tuple[str, ...]]:
    """The simple commands of a script, variables expanded, control words dropped.

    Lets the three recipes be compared: they must run the same commands.
    """
    found: set[tuple[str, ...]] = set()
    for line in script.replace("&&", "\n").splitlines():
        argv = shlex.split(_expand(line.split("||")[0], env))
        if argv[:2] == ["sh", "-c"]:
            found |= commands(argv[2], env)
        elif argv and not argv[0].startswith(("status=", "exit")):
            found.add(tuple(argv))
    return found


def _expand(text: str, env: dict[str, str]) -> str:
    for name, value in env.items():
        text = text.replace(f'"${name}"', value).replace(f"${name}", value)
    return text


def environment(recipe_env: dict[str, str]) -> dict[str, str]:
    """The recipe's variables over ours, with orgkg found where this Python runs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGKG_")}
    env.update({k: str(v) for k, v in recipe_env.items()})
    env["ORGKG_HOME"] = str(ROOT)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def assemble(target: Path, *, broken: bool) -> Path:
    """A user's repository: ``regulation/`` = the bundled regulation (+ the broken edits)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(BUNDLED, target / MODEL)
    if broken:
        subprocess.run(
            ["git", "apply", "--whitespace=error", str(BROKEN / "changes.patch")],
            cwd=target,
            check=True,
            capture_output=True,
        )
    return target


def _shell(script: str, repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def run_github(repo: Path) -> Run:
    """The workflow's orgkg steps, one after the other, as ``bash -e`` runs them."""
    workflow = load("github-actions.yml")
    env = environment(workflow.get("env", {}))
    done = [_shell(script, repo, env) for script in github_scripts(workflow)]
    return Run(
        "github-actions.yml",
        repo,
        tuple(p.returncode for p in done),
        "\n".join(p.stdout + p.stderr for p in done),
    )


def run_gitlab(repo: Path) -> Run:
    """The job's script, whole, as GitLab runs it (``before_script`` fetches orgkg: skipped)."""
    job = load("gitlab-ci.yml")["orgkg"]
    done = _shell(gitlab_script(job), repo, environment(job.get("variables", {})))
    return Run("gitlab-ci.yml", repo, (done.returncode,), done.stdout + done.stderr)


def run_check_json(repo: Path) -> subprocess.CompletedProcess[str]:
    """``orgkg check --format json``: both languages of every message."""
    return subprocess.run(
        ["orgkg", "--data", MODEL, "check", "--format", "json"],
        cwd=repo,
        env=environment({}),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@dataclass(frozen=True)
class CiRuns:
    """The recipes run once per session, side by side (each takes seconds)."""

    good: Run  # GitHub's steps on the bundled regulation: must pass
    broken: Run  # GitLab's job on the broken example: must fail
    broken_check: subprocess.CompletedProcess[str]  # orgkg check --format json on it


def run_all(workspace: Path) -> CiRuns:
    good = assemble(workspace / "good", broken=False)
    broken = assemble(workspace / "broken", broken=True)
    with ThreadPoolExecutor(max_workers=3) as pool:
        github = pool.submit(run_github, good)
        gitlab = pool.submit(run_gitlab, broken)
        check = pool.submit(run_check_json, broken)
        return CiRuns(github.result(), gitlab.result(), check.result())
