"""Segmentation of Vietnamese texts into passages and sentences with eIds.

The bundled article must come out exactly as the hand-made source.ttl (ids,
parents, orders and texts); a formal decision written for these tests
(tests/ontology/data/texts/decision-54.txt) must give Akoma Ntoso ids for
its chapters, sections, articles, clauses and points.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from ontology import BUNDLED
from ontology.namespaces import DCT, OKG
from ontology.segmenter import segment, split_sentences

TEXTS = Path(__file__).resolve().parent / "data" / "texts"


def bundled_passages() -> dict[str, tuple[str, str | None, int]]:
    """eId -> (text, parent eId or None for the document, order) of the hand-made file."""
    graph = Graph().parse(BUNDLED / "source.ttl")
    found = {}
    for node, text in graph.subject_objects(OKG.text):
        parent = graph.value(node, DCT.isPartOf)
        in_passage = parent is not None and graph.value(parent, OKG.text) is not None
        parent_id = str(graph.value(parent, DCT.identifier)) if in_passage else None
        order = int(str(graph.value(node, OKG.order)))
        found[str(graph.value(node, DCT.identifier))] = (str(text), parent_id, order)
    return found


def test_the_bundled_article_gives_the_hand_made_ids_texts_and_orders() -> None:
    seg = segment((BUNDLED / "source.txt").read_text(encoding="utf-8"))
    mine = {p.eid: (p.text, p.parent, p.order) for p in seg.passages}
    assert seg.genre == "article"
    assert mine == bundled_passages()
    # The page furniture the hand-made file also skips.
    assert [text for _, text in seg.skipped] == ["In bài viết", "Banner", "Banner home right"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ông Nguyễn V. A. là Tổ trưởng. Bà B ký.", ["Ông Nguyễn V. A. là Tổ trưởng.", "Bà B ký."]),
        (
            "Theo Quyết định số 5/QĐ-TTg. Bộ TT&TT thi hành.",
            ["Theo Quyết định số 5/QĐ-TTg.", "Bộ TT&TT thi hành."],
        ),
        (
            "Ngày 18/10/2018. Kinh phí 1.000 triệu đồng.",
            ["Ngày 18/10/2018.", "Kinh phí 1.000 triệu đồng."],
        ),
        (
            "Tổ công tác (gọi tắt là Tổ. Nhóm) họp. Xong.",
            ["Tổ công tác (gọi tắt là Tổ. Nhóm) họp.", "Xong."],
        ),
        ("TP. Hà Nội và ThS. Lan dự họp.", ["TP. Hà Nội và ThS. Lan dự họp."]),
        ("Lần thứ nhất. tiếp tục viết thường.", ["Lần thứ nhất. tiếp tục viết thường."]),
        (
            "Hai tổ họp\u00a0(Nguồn ảnh: Chinhphu.vn)\u00a0",
            ["Hai tổ họp", "(Nguồn ảnh: Chinhphu.vn)"],
        ),
    ],
)
def test_sentences_respect_abbreviations_numbers_and_brackets(
    text: str, expected: list[str]
) -> None:
    assert [s for _, s in split_sentences(text)] == expected


def test_every_sentence_is_an_exact_substring_at_its_offset() -> None:
    text = (TEXTS / "decision-54.txt").read_text(encoding="utf-8")
    for passage in segment(text).passages:
        assert text[passage.offset : passage.offset + len(passage.text)] == passage.text


def test_a_caption_ending_with_its_photo_credit() -> None:
    seg = segment((TEXTS / "article-btp.txt").read_text(encoding="utf-8"))
    ids = {p.eid: p.text for p in seg.passages}
    assert ids["caption_1__sent_2"] == "Ảnh: Minh Hiếu"
    assert ids["para_3__sent_1"].startswith("“Hội đồng họp định kỳ 6 tháng một lần”, Quyết định")
    assert ids["attribution"] == "Theo Báo Pháp luật Việt Nam"


def test_hard_wrapped_lines_are_joined_keeping_the_line_break() -> None:
    text = (TEXTS / "decision-wrapped.txt").read_text(encoding="utf-8")
    ids = {p.eid: p.text for p in segment(text).passages}
    assert ids["art_1__para_1__sent_1"] == (
        "Tổ công tác có trách nhiệm báo cáo Cục trưởng\nhằng tháng về kết quả."
    )
    assert ids["art_1__para_1__sent_2"] == "Tổ trưởng được sử dụng\ncon dấu của Cục Thuế."
    assert ids["art_1__para_2"].startswith("2. ")


def test_a_formal_decision_gets_akoma_ntoso_ids() -> None:
    seg = segment((TEXTS / "decision-54.txt").read_text(encoding="utf-8"))
    ids = {p.eid: p for p in seg.passages}
    assert seg.genre == "decision"
    assert ids["preface__p_5"].text == "Số: 54/QĐ-TCT66"
    assert ids["preamble__citation_2"].text.startswith("Căn cứ Quyết định số 245/QĐ-TCT")
    assert ids["preamble__formula_1"].text == "QUYẾT ĐỊNH:"
    assert ids["chp_2"].text == "Chương II"
    assert ids["chp_2__heading"].text == "NHIỆM VỤ VÀ CHẾ ĐỘ LÀM VIỆC"
    assert ids["chp_2__sec_1"].parent == "chp_2"
    assert ids["art_3"].parent == "chp_2__sec_1"
    assert ids["art_3__para_1"].parent == "art_3"
    assert ids["art_2__para_1__sent_1"].text == "Tổ trưởng là ông Nguyễn V. A., Phó Cục trưởng."
    assert ids["art_3__para_1__sent_1"].text.endswith("kinh phí 1.000 triệu đồng.")
    assert ids["art_2__para_3__point_a__sent_1"].text == "Đại diện Phòng Tổ chức cán bộ;"
    assert ids["art_2__para_3__point_dd"].text.startswith("đ) ")
    assert ids["art_1__p_1"].parent == "art_1"
    assert ids["conclusions__p_5"].text == "Lê Văn Cường"
    # Orders are positions among siblings, from 1, never repeated.
    siblings: dict[str | None, list[int]] = {}
    for p in seg.passages:
        siblings.setdefault(p.parent, []).append(p.order)
    assert all(sorted(o) == list(range(1, len(o) + 1)) for o in siblings.values())
