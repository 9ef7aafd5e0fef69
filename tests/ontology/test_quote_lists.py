"""Quotes in a source text written as a Markdown list (the 2019-2021 folder):
a list bullet may stand between two sentences of a passage, nothing else may;
and ``bundled:all`` finds each bundled folder's source.txt."""

from __future__ import annotations

import shutil
from pathlib import Path

from ontology import load_regulation
from ontology.dating import parse_at
from ontology.fidelity import QUOTE_SHAPE
from ontology.loader import REGULATIONS
from ontology.profiles import check_with_profile
from ontology.timeline import at

DATED = REGULATIONS / "tct-cpdt-2019-2021"
ITEM = "Bộ trưởng Thông tin và Truyền thông làm Phó Chủ tịch Ủy ban"


def test_every_bundled_folder_checks_against_its_own_text() -> None:
    # As `orgkg --data bundled:all check` does: the store as of a day.
    store = at(load_regulation(["bundled:all"]), parse_at("2021-12-31"))
    report = check_with_profile(store, ["bundled:all"])
    assert report.conforms, report.to_text("en")
    assert not [r for r in report.results if r.shape == QUOTE_SHAPE]


def test_anything_but_a_bullet_between_two_items_is_named(tmp_path: Path) -> None:
    folder = tmp_path / DATED.name
    shutil.copytree(DATED, folder)
    # The same edit in the text and in the passage's quote: only the item's place is wrong.
    for name, old in (("source.txt", f'\n- "{ITEM}'), ("source.ttl", f'\\n- \\"{ITEM}')):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, name
        path.write_text(text.replace(old, old.replace("- ", "- và ", 1)), encoding="utf-8")
    report = check_with_profile(at(load_regulation([folder]), parse_at("2021-12-31")), [folder])
    named = {s for r in report.results if r.shape == QUOTE_SHAPE for s in r.sources}
    assert named == {"sec_1__item_2"}, report.to_text("en")
