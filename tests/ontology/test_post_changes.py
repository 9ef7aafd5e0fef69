"""Posts over time: ``orgkg diff`` between two organogram snapshots of one body.

The expected counts are computed here straight from the published CSVs
(the senior files: one row per post), by the rules the module states, not
through the importer: the import and the comparison must agree with them.
Real files (OGL v3.0, see data/organograms/README.md).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ontology import load_regulation
from ontology.organogram import import_organogram
from ontology.post_changes import compare_posts
from tests.cli.conftest import run_orgkg

DATA = Path(__file__).resolve().parent / "data" / "organograms"
STATUSES = {"n/d", "vacant", "eliminated"}
TOP = {"XX", "xx"}
Row = dict[str, str]


def senior_rows(path: Path) -> dict[str, Row]:
    """Reference -> row: the first row of each non-blank reference, as the importer keeps."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows: dict[str, Row] = {}
        for row in csv.DictReader(handle):
            ref = (row.get("Post Unique Reference") or "").strip()
            if ref and ref not in rows:
                rows[ref] = row
    return rows


def field_of(row: Row, name: str) -> str:
    return " ".join((row.get(name) or "").split())


def manager(ref: str, rows: dict[str, Row]) -> str | None:
    boss = field_of(rows[ref], "Reports to Senior Post")
    return boss if boss and boss not in TOP and boss in rows else None


def named_holder(row: Row) -> str | None:
    name = field_of(row, "Name")
    return name.casefold() if name and name.lower() not in STATUSES else None


def eliminated(row: Row) -> bool:
    return field_of(row, "Name").lower() == "eliminated"


def expected_counts(old_csv: Path, new_csv: Path) -> dict[str, int]:
    old, new = senior_rows(old_csv), senior_rows(new_csv)
    both = [ref for ref in old if ref in new]

    def count(test: Callable[[str], bool]) -> int:
        return sum(1 for ref in both if test(ref))

    return {
        "created": sum(1 for ref in new if ref not in old and not eliminated(new[ref])),
        "eliminated": sum(
            1
            for ref in old
            if not eliminated(old[ref]) and (ref not in new or eliminated(new[ref]))
        ),
        "regraded": count(
            lambda r: (
                field_of(old[r], "Grade (or equivalent)")
                != field_of(new[r], "Grade (or equivalent)")
            )
        ),
        "moved": count(lambda r: manager(r, old) != manager(r, new)),
        "new_holder": count(
            lambda r: (
                None not in (named_holder(old[r]), named_holder(new[r]))
                and named_holder(old[r]) != named_holder(new[r])
            )
        ),
    }


PAIRS = [
    pytest.param("department_for_international_development", "2011-03-31", "2011-09-30", id="dfid"),
    pytest.param("human_tissue_authority", "2011-03-31", "2011-09-30", id="hta"),
]


def import_pair(tmp_path: Path, body: str, first: str, second: str) -> Path:
    files = sorted(DATA.glob(f"{body}-{first}-*.csv")) + sorted(DATA.glob(f"{body}-{second}-*.csv"))
    import_organogram(files, tmp_path / "org")
    return tmp_path / "org"


@pytest.mark.parametrize(("body", "first", "second"), PAIRS)
def test_post_changes_match_the_counts_read_from_the_csvs(
    tmp_path: Path, body: str, first: str, second: str
) -> None:
    folder = import_pair(tmp_path, body, first, second)
    found = compare_posts(load_regulation([folder / first]), load_regulation([folder / second]))
    expected = expected_counts(
        DATA / f"{body}-{first}-senior.csv", DATA / f"{body}-{second}-senior.csv"
    )
    assert found.counts() == expected
    assert found.total > 0  # the pairs were chosen because their posts changed


def test_dfid_counts_are_the_ones_read_by_hand() -> None:
    """The independent reading itself, pinned: DFID, March to September 2011."""
    counts = expected_counts(
        DATA / "department_for_international_development-2011-03-31-senior.csv",
        DATA / "department_for_international_development-2011-09-30-senior.csv",
    )
    assert counts == {"created": 6, "eliminated": 8, "regraded": 0, "moved": 4, "new_holder": 1}


def test_the_same_snapshot_has_no_post_change(tmp_path: Path) -> None:
    folder = import_pair(tmp_path, "human_tissue_authority", "2011-03-31", "2011-09-30")
    store = load_regulation([folder / "2011-03-31"])
    assert compare_posts(store, store).total == 0


def test_orgkg_diff_lists_the_post_changes(tmp_path: Path) -> None:
    folder = import_pair(
        tmp_path, "department_for_international_development", "2011-03-31", "2011-09-30"
    )
    done = run_orgkg("diff", str(folder / "2011-03-31"), str(folder / "2011-09-30"), "-f", "json")
    assert done.returncode == 1, done.stderr
    posts = json.loads(done.stdout)["posts"]
    assert posts["counts"] == {
        "created": 6,
        "eliminated": 8,
        "regraded": 0,
        "moved": 4,
        "new_holder": 1,
    }
    moved = [c for c in posts["changes"] if c["kind"] == "moved"]
    assert {"label": moved[0]["label"], "old": moved[0]["old"]} == {
        "label": "Chief Scientific Advisor / Director Research & Evidence",
        "old": ["DG Middle East and North Africa"],
    }
    text = run_orgkg("diff", str(folder / "2011-03-31"), str(folder / "2011-09-30")).stdout
    assert "Posts over time: 6 created, 8 eliminated, 0 re-graded" in text


FIXTURE = Path(__file__).resolve().parent / "data" / "post_changes"


@pytest.mark.parametrize("engine", ["oxigraph", "memory"])
def test_each_kind_of_post_change_and_what_is_not_one(engine: str) -> None:
    """The cases old.ttl describes, on both local engines."""
    found = compare_posts(
        load_regulation([FIXTURE / "old.ttl"], engine=engine),
        load_regulation([FIXTURE / "new.ttl"], engine=engine),
    )
    fx = "https://example.org/fx/"
    assert [(c.kind, c.post.removeprefix(fx), c.old, c.new) for c in found.changes] == [
        ("created", "new", (), ()),
        ("eliminated", "cut", (), ()),
        ("eliminated", "gone", (), ()),
        ("regraded", "grade", ("SCS1",), ("SCS2",)),
        ("moved", "move", (fx + "top",), (fx + "grade",)),
        ("new_holder", "top", (fx + "an",), (fx + "binh",)),
    ]
