"""Document metadata: read where the text states it, absent where it does not."""

from __future__ import annotations

from pathlib import Path

from ontology import BUNDLED
from ontology.metadata import Metadata, read_metadata
from ontology.segmenter import segment

TEXTS = Path(__file__).resolve().parent / "data" / "texts"


def meta_of(path: Path) -> Metadata:
    return read_metadata(segment(path.read_text(encoding="utf-8")))


def test_a_formal_decision_states_number_date_title_signer_and_body() -> None:
    meta = meta_of(TEXTS / "decision-54.txt")
    assert meta.kind == "Quyết định" and meta.kind_en == "Decision"
    assert (meta.number and meta.number.value, meta.number and meta.number.source) == (
        "54/QĐ-TCT66",
        "preface__p_5",
    )
    assert meta.date is not None and meta.date.value == "2019-03-12"
    assert meta.title is not None and meta.title.value.startswith("Về việc thành lập")
    assert meta.signer is not None and meta.signer.value == "Lê Văn Cường"
    assert meta.signer_title is not None and meta.signer_title.value == "CỤC TRƯỞNG"
    assert meta.issuer is not None and meta.issuer.value == "CỤC THUẾ TỈNH HÒA BÌNH"


def test_a_news_article_states_the_decision_it_reports() -> None:
    meta = meta_of(BUNDLED / "source.txt")
    assert (meta.kind, meta.number and meta.number.value) == ("Quyết định", "426")
    assert meta.date is not None and meta.date.value == "2018-10-18"
    assert meta.signer is not None and meta.signer.value == "Mai Tiến Dũng"
    assert meta.signer.source == "para_1__sent_1"
    # Not stated by the article: stays absent.
    assert meta.title is None and meta.issuer is None


def test_a_place_name_before_the_signer_is_not_part_of_the_name() -> None:
    meta = meta_of(TEXTS / "article-hanoi.txt")
    assert meta.signer is not None and meta.signer.value == "Nguyễn Đức Chung"
    assert (
        meta.signer_title is not None
        and meta.signer_title.value == "Chủ tịch UBND thành phố Hà Nội"
    )


def test_adverbs_and_a_source_tag_are_not_part_of_the_signer() -> None:
    meta = meta_of(TEXTS / "article-btp.txt")
    assert meta.number is not None and meta.number.value == "1520/QĐ-BTP"
    assert meta.signer is not None and meta.signer.value == "Lê Thành Long"
    assert meta.signer_title is not None and meta.signer_title.value == "Bộ trưởng Bộ Tư pháp"
    assert meta.date is None  # the article does not say when it was signed


def test_nothing_stated_nothing_found() -> None:
    meta = read_metadata(segment("Tin ngắn\n\nTổ công tác họp hằng tháng.\n"))
    assert meta == Metadata()
