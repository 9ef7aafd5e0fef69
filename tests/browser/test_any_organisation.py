"""The org chart of organisations that are not the bundled regulation.

A made-up department described in English only, and a real organogram
imported from the UK schema: the page ranks posts by who reports to whom
(the top post at the top, each post below its boss), the heading names the
organisation, labels fall back to the other language instead of an IRI, and
the page asks nothing of any other host.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import render_html
from ontology import load_regulation
from ontology.organogram import import_organogram

from .conftest import OpenPage, PageRun

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DEPARTMENT = ROOT / "tests" / "browser" / "data" / "made-up-department.ttl"
ORGANOGRAMS = ROOT / "tests" / "ontology" / "data" / "organograms"
DEPT = "https://example.org/dept/"
CHAIN = [
    f"{DEPT}post/{name}" for name in ("director-general", "director", "head-of-team", "officer")
]
HTA = "https://w3id.org/orgkg/id/human-tissue-authority/post/"


def heights(run: PageRun, nodes: list[str]) -> list[float]:
    where = [run.js("(id) => orgkgView.domPosition(id)", node) for node in nodes]
    assert all(w is not None for w in where), f"not all of {nodes} are drawn"
    return [w["y"] for w in where]


def assert_offline(run: PageRun) -> None:
    assert run.errors == [], "the page logged errors"
    assert run.blocked == [], "the page tried to reach another host"
    assert all(url.startswith("http://127.0.0.1:") for url in run.requests), run.requests


def test_made_up_department_is_ranked_by_reporting_lines(open_page: OpenPage) -> None:
    store = load_regulation([DEPARTMENT])
    run = open_page(render_html(store, lang="vi"))
    ys = heights(run, CHAIN)
    assert ys == sorted(ys) and len(set(ys)) == len(ys), ys
    # Vietnamese asked, English only in the data: the English label, never an IRI.
    assert run.page.locator("#heading").inner_text() == "Department of Lighthouses"
    assert_offline(run)


def test_imported_organogram_is_ranked_by_reporting_lines(
    open_page: OpenPage, tmp_path: Path
) -> None:
    files = sorted(ORGANOGRAMS.glob("human_tissue_authority-2011-03-31-*.csv"))
    imported = import_organogram(files, tmp_path / "hta")
    run = open_page(render_html(load_regulation(imported.folders), lang="en"))
    # Post 5 (Director of Regulation) reports to post 1 (Chief Executive, "XX").
    chief, director = heights(run, [f"{HTA}1", f"{HTA}5"])
    assert chief < director
    assert run.page.locator("#heading").inner_text() == "Human Tissue Authority"
    assert_offline(run)
