"""``check`` reads source.txt: every quote is its span of the text, and what is left to model.

Each case edits one quote of the hand-modelled Hanoi folder
(tests/ontology/data/regulations/ha-noi-bcd) the way an analyst might slip,
and expects one violation naming that sentence, with both texts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ontology import DataError, load_regulation
from ontology.fidelity import QUOTE_SHAPE
from ontology.profiles import check_with_profile
from ontology.report import Report, Severity

HANOI = Path(__file__).resolve().parent / "data" / "regulations" / "ha-noi-bcd"
REPORT_SENTENCE = "Sở TT&TT có trách nhiệm báo cáo Ban chỉ đạo hằng tháng về tiến độ thực hiện."


def checked(folder: Path) -> Report:
    return check_with_profile(load_regulation([folder]), [folder])


def edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the Hanoi folder with every ``old`` of source.ttl made ``new``."""
    folder = tmp_path / "ha-noi-bcd"
    shutil.copytree(HANOI, folder)
    source = folder / "source.ttl"
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new), encoding="utf-8")
    return folder


@pytest.mark.parametrize("folder", [HANOI, HANOI.parent / "qd-54-tct66"], ids=lambda p: p.name)
def test_the_hand_models_match_their_texts(folder: Path) -> None:
    report = checked(folder)
    assert report.conforms, report.to_text("en")
    # Every sentence has a fact; the only finding is a duty whose bearer the text leaves open.
    assert {r.shape.rsplit("#")[-1] for r in report.results} <= {"DutyBearerShape"}


# Sentence quotes come after their paragraph's in source.ttl: replace the last one.
@pytest.mark.parametrize(
    ("case", "new"),
    [
        ("invented word", REPORT_SENTENCE.replace("hằng tháng", "hằng tuần")),
        ("dropped full stop", REPORT_SENTENCE[:-1]),
        ("extra words", REPORT_SENTENCE.replace("Ban chỉ đạo", "Ban chỉ đạo và UBND")),
    ],
)
def test_a_tampered_sentence_is_named_with_both_texts(tmp_path: Path, case: str, new: str) -> None:
    folder = tmp_path / "ha-noi-bcd"
    shutil.copytree(HANOI, folder)
    source = folder / "source.ttl"
    text = source.read_text(encoding="utf-8")
    at = text.rindex(f'"{REPORT_SENTENCE}"')
    source.write_text(text[:at] + f'"{new}"' + text[at + len(REPORT_SENTENCE) + 2 :], "utf-8")
    report = checked(folder)
    quotes = [r for r in report.results if r.shape == QUOTE_SHAPE]
    assert len(quotes) == 1, case
    assert quotes[0].sources == ("para_4__sent_1",)
    assert f"«{new}»" in quotes[0].message_en and f"«{REPORT_SENTENCE}»" in quotes[0].message_en
    assert report.exit_code == 1


def test_a_sentence_edited_with_its_paragraph_is_still_named(tmp_path: Path) -> None:
    folder = edited(tmp_path, "hằng tháng về tiến độ", "hằng quý về tiến độ")
    named = {s for r in checked(folder).results if r.shape == QUOTE_SHAPE for s in r.sources}
    assert named == {"para_4", "para_4__sent_1"}


def test_a_folder_without_its_source_text_cannot_be_checked(tmp_path: Path) -> None:
    folder = tmp_path / "ha-noi-bcd"
    shutil.copytree(HANOI, folder)
    (folder / "source.txt").unlink()
    with pytest.raises(DataError) as caught:
        checked(folder)
    assert caught.value.path == str(folder / "source.txt")
    assert caught.value.exit_code == 2


def test_uncovered_sentences_are_reported_as_info(tmp_path: Path) -> None:
    folder = tmp_path / "ha-noi-bcd"
    shutil.copytree(HANOI, folder)
    model = folder / "structure.ttl"
    text = model.read_text(encoding="utf-8")
    model.write_text(text.replace("src:para_2__sent_3", "src:para_2__sent_1"), encoding="utf-8")
    report = checked(folder)
    infos = [r for r in report.results if r.severity is Severity.INFO]
    assert [r.sources for r in infos] == [("para_2__sent_3",)]
    assert report.conforms
    assert '"info": 1' in report.to_json()
    assert "para_2__sent_3" in report.to_junit("en")
