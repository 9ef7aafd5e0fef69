"""``orgkg draft``: candidate facts, each citing its sentence and words, never loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

from ontology import BUNDLED, load_regulation
from ontology.drafting import DRAFT_FILE, draft_folder, folder_graph, measure, propose

REGULATIONS = Path(__file__).resolve().parent / "data" / "regulations"
HANOI = REGULATIONS / "ha-noi-bcd"
DECISION = REGULATIONS / "qd-54-tct66"


def test_each_pattern_proposes_its_kind_with_the_words() -> None:
    found = propose(
        [
            ("s1", "Tổ trưởng và Phó Tổ trưởng được sử dụng con dấu của Cục Thuế."),
            ("s2", "Tổ công tác họp định kỳ mỗi quý một lần và họp đột xuất."),
            ("s3", "Các nhóm báo cáo Tổ trưởng hằng tuần về kết quả."),
            ("s4", "Thành viên có trách nhiệm tham gia đầy đủ."),
            ("s5", "Các thành viên làm việc theo chế độ kiêm nhiệm."),
        ]
    )
    got = {(c.kind, c.eid, c.words) for c in found}
    assert {
        ("post", "s1", "Tổ trưởng"),
        ("post", "s1", "Phó Tổ trưởng"),
        ("seal", "s1", "sử dụng con dấu của Cục Thuế"),
        ("meeting", "s2", "họp định kỳ"),
        ("meeting", "s2", "họp đột xuất"),
        ("reporting", "s3", "báo cáo Tổ trưởng hằng tuần về kết quả"),
        ("duty", "s4", "có trách nhiệm"),
        ("regime", "s5", "chế độ kiêm nhiệm"),
    } <= got
    reporting = next(c for c in found if c.kind == "reporting")
    assert "okg:frequency okg:weekly" in reporting.turtle
    deputy = next(c for c in found if c.words == "Phó Tổ trưởng")
    assert "org:role okg:deputyHead" in deputy.turtle


def test_the_draft_is_never_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "ha-noi-bcd"
    shutil.copytree(HANOI, folder)
    before = len(load_regulation([folder]))
    candidates, text = draft_folder(folder)
    (folder / DRAFT_FILE).parent.mkdir()
    (folder / DRAFT_FILE).write_text(text, encoding="utf-8")
    assert len(load_regulation([folder])) == before
    assert all(f"src:{c.eid}" in c.turtle or c.kind == "regime" for c in candidates)


def test_precision_and_recall_are_measured_against_a_model() -> None:
    # Figures in the README come from this measure (and `orgkg draft --measure`).
    for folder in (BUNDLED, HANOI, DECISION):
        candidates, _ = draft_folder(folder)
        score = measure(candidates, folder_graph(folder))
        assert score.true_positives > 0
        assert 0.5 <= score.precision <= 1 and 0.5 <= score.recall <= 1
