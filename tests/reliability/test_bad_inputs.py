"""Every case of the bad-input corpus is refused cleanly on its surface.

The cases are files (``data/cases/SURFACE/NAME.toml``); adding one needs no
code. A refusal is clean when the status (HTTP) or exit code (command line,
loader) is the expected one, the message names the place and reason the
case expects, no traceback and no raw hostile text reaches the output, and
no file is left behind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.reliability.cases import SURFACES, Case, Surfaces, find_cases
from tests.reliability.support import CORPUS as BAD_DATA
from tests.reliability.support import ROOT, make_client

CORPUS = find_cases()
# A row of the README's reliability table: | `surface` | count | where |
README_ROW = re.compile(r"^\| `([a-z-]+)` \| (\d+) \| .*tests/reliability/data/", re.MULTILINE)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with make_client(query_timeout=10.0) as test_client:
        yield test_client


def test_the_corpus_has_cases_for_every_surface_it_runs() -> None:
    surfaces = {case.surface for case in CORPUS}
    assert surfaces == set(SURFACES), "a surface folder without a runner, or a runner without cases"


@pytest.mark.parametrize("case", CORPUS, ids=[f"{c.surface}/{c.name}" for c in CORPUS])
def test_bad_input_is_refused_cleanly(case: Case, client: TestClient, tmp_path: Path) -> None:
    run = SURFACES.get(case.surface)
    assert run is not None, f"{case.path}: no runner for the surface {case.surface!r}"
    outcome = run(case, Surfaces(client=client, scratch=tmp_path))
    expect = case.expect
    expected_status = expect.get("status", expect.get("exit"))
    assert outcome.status == expected_status, f"{case.path}: {outcome.output[:500]}"
    if outcome.status >= 400 or "exit" in expect:
        assert outcome.message, f"{case.path}: a refusal must say why"
    if "code" in expect:
        assert outcome.code == expect["code"], outcome.output[:500]
    if "message" in expect:
        assert re.search(expect["message"], outcome.message), outcome.message[:500]
    assert "Traceback" not in outcome.output
    assert "\n" not in outcome.message, "one line"
    for text in expect.get("absent", ()):
        assert text not in outcome.output, f"{case.path}: {text!r} reached the output raw"
    assert outcome.left_behind == [], f"{case.path}: left {outcome.left_behind}"


def test_the_readme_counts_the_corpus() -> None:
    rows = dict(README_ROW.findall((ROOT / "README.md").read_text(encoding="utf-8")))
    counted = Counter(case.surface for case in CORPUS)
    counted["bad-data"] = len(BAD_DATA)
    assert {name: int(n) for name, n in rows.items()} == dict(counted)
