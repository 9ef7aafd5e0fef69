"""orgkg diff (ontology.diff): small hand-checked ORG files, and the bundled
Working Group between 1/12/2018 and 31/12/2019, with the sentences behind both sides."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ontology import REGULATIONS, Store, load_regulation
from ontology.diff import Difference, compare
from ontology.timeline import at

DATA = Path(__file__).resolve().parent / "data" / "diff"
BOTH = [REGULATIONS / "qd-426-2018", REGULATIONS / "tct-cpdt-2019-2021"]


def summary(difference: Difference) -> set[tuple[str, str, str]]:
    return {(c.section, c.change, c.subject) for c in difference.changes}


@pytest.fixture(scope="module")
def small() -> Difference:
    return compare(load_regulation([DATA / "old.ttl"]), load_regulation([DATA / "new.ttl"]))


def test_a_dataset_equals_itself() -> None:
    store = load_regulation([DATA / "old.ttl"])
    difference = compare(store, store)
    assert difference.same and difference.exit_code == 0
    assert "no difference" in difference.to_text()


def test_small_change_hand_checked(small: Difference) -> None:
    assert small.exit_code == 1
    assert summary(small) == {
        ("post", "added", "Thư ký"),
        ("post", "removed", "Phó ban"),
        # Matched by label: a new IRI, the same name.
        ("post", "re-identified", "Trưởng ban"),
        ("holding", "added", "Trưởng ban — Bình"),
        ("holding", "removed", "Trưởng ban — An"),
        ("reporting", "added", "Thư ký — Trưởng ban"),
        ("reporting", "removed", "Phó ban — Trưởng ban"),
    }


def test_markdown_and_json_carry_the_same_changes(small: Difference) -> None:
    markdown = small.to_markdown()
    assert markdown.startswith("### orgkg diff")
    assert "#### Holdings" in markdown and "| + | Trưởng ban — Bình | added |" in markdown
    document = json.loads(small.to_json())
    assert document["same"] is False
    assert len(document["changes"]) == len(small.changes)
    assert document["counts"] == {"added": 3, "removed": 3, "re-identified": 1}


def test_a_re_graded_post_shows_the_old_and_new_value(small: Difference) -> None:
    head = next(c for c in small.changes if c.subject == "Trưởng ban" and c.section == "post")
    assert "https://example.org/fx/grade: SCS2 → SCS3" in head.details


@pytest.fixture(scope="module")
def both() -> Store:
    return load_regulation(BOTH)


def test_2018_to_2019_with_the_sentences_of_both_sides(both: Store) -> None:
    difference = compare(at(both, date(2018, 12, 1)), at(both, date(2019, 12, 31)))
    found = {(c.section, c.change, c.subject): c for c in difference.changes}
    left = found[("holding", "removed", "Tổ trưởng Tổ công tác — Mai Tiến Dũng")]
    assert [c.id for c in left.old_sources] == ["sec_1__heading_1", "sec_1__item_3"]
    came = found[("holding", "added", "Tổ trưởng Tổ công tác — Nguyễn Mạnh Hùng")]
    assert "sec_3__item_1" in {c.id for c in came.new_sources}
    assert (
        "post",
        "removed",
        "Tổ phó Tổ công tác (Bộ trưởng Bộ Thông tin và Truyền thông)",
    ) in found
    renamed = found[
        ("body", "renamed", "Tổ công tác giúp việc Ủy ban Quốc gia về Chính phủ điện tử")
    ]
    assert any(d.startswith("okg:assists:") for d in renamed.details)
    assert {c.id for c in renamed.new_sources} >= {"sec_2__item_3"}
    head = found[("post", "changed", "Tổ trưởng Tổ công tác")]
    # Both sides of the disagreement, each with its own sources.
    assert {c.id for c in head.new_sources} >= {"sec_1__item_4", "sec_3__item_2"}
    removed_seals = {s for (sec, ch, s) in found if sec == "permission" and ch == "removed"}
    assert len(removed_seals) == 2
