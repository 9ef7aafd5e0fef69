"""The CI recipes in ``examples/ci`` parse, agree, and run here (docs/ci.md).

The GitHub steps run on a copy of the bundled regulation and must pass; the
GitLab job runs on the broken example and must fail (test_examples.py reads
its messages); the pre-commit hooks run the very same commands.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.bdd.recipes import (
    MODEL,
    ROOT,
    CiRuns,
    commands,
    github_job,
    github_scripts,
    gitlab_script,
    load,
    precommit_entries,
)

CHECK_REPORT = "reports/orgkg-check.xml"
SCENARIO_REPORT = "reports/orgkg-scenarios.xml"
SARIF_REPORT = "reports/orgkg-check.sarif"
SARIF = ("orgkg", "--data", MODEL, "check", "--format", "sarif", "--output", SARIF_REPORT)
HOME = str(ROOT)


def junit_totals(path: Path) -> dict[str, int]:
    """tests/failures/errors of a JUnit XML file (a testsuites or testsuite root)."""
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    return {
        key: sum(int(suite.get(key, "0")) for suite in suites)
        for key in ("tests", "failures", "errors")
    }


def github_commands() -> set[tuple[str, ...]]:
    workflow = load("github-actions.yml")
    env = {**workflow["env"], "ORGKG_HOME": HOME}
    return {c for script in github_scripts(workflow) for c in commands(script, env)}


def gitlab_commands() -> set[tuple[str, ...]]:
    job = load("gitlab-ci.yml")["orgkg"]
    return commands(gitlab_script(job), {**job["variables"], "ORGKG_HOME": HOME})


def precommit_commands() -> set[tuple[str, ...]]:
    entries = precommit_entries(load("pre-commit-config.yaml"))
    assert all(argv[:2] == ["sh", "-c"] and len(argv) == 3 for argv in entries)
    return {c for argv in entries for c in commands(argv[2], {"ORGKG_HOME": HOME})}


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml", "pre-commit-config.yaml"])
def test_recipe_is_yaml(name: str) -> None:
    assert load(name)


def test_github_workflow_publishes_junit() -> None:
    workflow = load("github-actions.yml")
    assert workflow.get("on", workflow.get(True)), "the workflow has triggers"
    steps = github_job(workflow)["steps"]
    reporter = [s for s in steps if "action-junit-report" in s.get("uses", "")]
    assert reporter and reporter[0]["with"]["report_paths"] == "reports/*.xml"
    assert reporter[0]["if"] == "${{ !cancelled() }}", "results show even when a step failed"


def test_github_workflow_uploads_sarif_to_code_scanning() -> None:
    workflow = load("github-actions.yml")
    assert workflow["permissions"]["security-events"] == "write"
    steps = github_job(workflow)["steps"]
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload and upload[0]["with"]["sarif_file"] == SARIF_REPORT
    assert upload[0]["if"] == "${{ !cancelled() }}", "violations are annotated, not hidden"


def test_gitlab_job_publishes_junit_always() -> None:
    job = load("gitlab-ci.yml")["orgkg"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"] == "reports/*.xml"


def test_precommit_hooks_run_on_the_model() -> None:
    hooks = [h for repo in load("pre-commit-config.yaml")["repos"] for h in repo["hooks"]]
    assert {h["id"] for h in hooks} == {"orgkg-check", "orgkg-scenarios"}
    assert all(h["files"] == f"^{MODEL}/" and h["pass_filenames"] is False for h in hooks)


def test_the_three_recipes_run_the_same_commands() -> None:
    github = github_commands()
    # GitHub alone also writes the SARIF its code scanning reads.
    assert SARIF in github
    assert github - {SARIF} == gitlab_commands() == precommit_commands()
    check = ("orgkg", "--data", MODEL, "check", "--format", "junit", "--output", CHECK_REPORT)
    assert check in github
    scenarios = [c for c in github if c[:3] == ("python", "-m", "pytest")]
    assert len(scenarios) == 1
    assert f"{HOME}/tests/bdd/test_features.py" in scenarios[0]
    pairs = set(zip(scenarios[0], scenarios[0][1:], strict=False))
    assert {("--orgkg-data", MODEL), ("--junitxml", SCENARIO_REPORT)} <= pairs


def test_github_steps_pass_on_the_bundled_regulation(ci_runs: CiRuns) -> None:
    run = ci_runs.good
    assert run.returncodes == (0, 0, 0), run.output[-3000:]
    assert junit_totals(run.report("orgkg-check.xml"))["failures"] == 0
    sarif = json.loads(run.report("orgkg-check.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert {r["level"] for r in sarif["runs"][0]["results"]} <= {"note"}
    scenarios = junit_totals(run.report("orgkg-scenarios.xml"))
    assert scenarios["tests"] > 100
    assert scenarios["failures"] == scenarios["errors"] == 0


def test_gitlab_job_fails_on_the_broken_example_and_still_writes_both_reports(
    ci_runs: CiRuns,
) -> None:
    run = ci_runs.broken
    assert run.returncodes == (1,), run.output[-3000:]
    assert junit_totals(run.report("orgkg-check.xml"))["failures"] == 5
    assert junit_totals(run.report("orgkg-scenarios.xml"))["failures"] == 5
