"""``orgkg init``: a folder from a text that loads and checks, and ``--update``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ontology import BUNDLED, DataError, OutputError, load_regulation
from ontology.profiles import check_with_profile
from ontology.scaffold import create_folder, read_text, update_folder
from ontology.segmenter import segment

DATA = Path(__file__).resolve().parent / "data"
TEXTS = DATA / "texts"
HANOI = DATA / "regulations" / "ha-noi-bcd"


@pytest.mark.parametrize(
    "text",
    [
        TEXTS / "article-hanoi.txt",
        TEXTS / "article-btp.txt",
        TEXTS / "decision-54.txt",
        TEXTS / "decision-wrapped.txt",
        BUNDLED / "source.txt",
    ],
)
def test_a_new_folder_loads_and_checks_clean(tmp_path: Path, text: Path) -> None:
    folder = tmp_path / "new-regulation"
    create_folder(folder, text)
    assert (folder / "source.txt").read_bytes() == text.read_bytes()
    assert {p.name for p in folder.iterdir()} >= {
        "source.txt",
        "source.ttl",
        "model.ttl",
        "README.md",
        "shapes",
        "features",
    }
    report = check_with_profile(load_regulation([folder]), [folder])
    assert report.conforms, report.to_text("en")
    # Nothing is modelled yet: every sentence the metadata does not cite is left to model.
    sentences = segment(read_text(text)[1]).sentences()
    model = (folder / "model.ttl").read_text(encoding="utf-8")
    cited = [s for s in sentences if f"src:{s.eid}" in model]
    infos = [r for r in report.results if r.shape.endswith("#SentenceCoverage")]
    assert len(infos) == len(sentences) - len(cited) > 0
    # The README lists every passage, from the first.
    readme = (folder / "README.md").read_text(encoding="utf-8")
    first = next(line for line in readme.splitlines() if line.startswith("| `"))
    assert first.startswith(("| `title`", "| `preface__p_1`"))


def test_the_model_holds_only_what_the_text_states(tmp_path: Path) -> None:
    create_folder(tmp_path / "qd", TEXTS / "decision-54.txt")
    model = (tmp_path / "qd" / "model.ttl").read_text(encoding="utf-8")
    assert '"Quyết định 54/QĐ-TCT66"@vi, "Decision 54/QĐ-TCT66"@en' in model
    assert 'eli:date_document "2019-03-12"^^xsd:date' in model
    assert "Lê Văn Cường" in model
    create_folder(tmp_path / "bare", TEXTS / "bare.txt")
    bare = (tmp_path / "bare" / "model.ttl").read_text(encoding="utf-8")
    assert "eli:LegalResource" not in bare and "date_document" not in bare


def test_an_existing_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        create_folder(folder, TEXTS / "article-hanoi.txt")
    assert [p.name for p in folder.iterdir()] == ["notes.md"]


def test_a_text_not_in_nfc_is_refused_with_its_line(tmp_path: Path) -> None:
    text = tmp_path / "nfd.txt"
    text.write_text("Tiêu đề\n\nTô\u0309 công tác.\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        create_folder(tmp_path / "out", text)
    assert caught.value.line == 3
    assert not (tmp_path / "out").exists()


def test_update_keeps_unchanged_ids_and_lists_changed_citations(tmp_path: Path) -> None:
    folder = tmp_path / "ha-noi-bcd"
    shutil.copytree(HANOI, folder)
    text = (folder / "source.txt").read_text(encoding="utf-8")
    changed = tmp_path / "changed.txt"
    changed.write_text(
        text.replace(
            "Phó Trưởng ban là", "Ban có 2 Phó Trưởng ban. Phó Trưởng ban thường trực là"
        ).replace(" Ban chỉ đạo được sử dụng con dấu của UBND thành phố.", ""),
        encoding="utf-8",
    )
    segmentation, changes = update_folder(folder, changed)
    ids = {p.eid: p.text for p in segmentation.passages}
    assert ids["para_2__sent_1"].startswith("Theo quyết định, Trưởng ban")
    assert ids["para_2__sent_3"].startswith("Các thành viên")  # unchanged: same id
    assert "para_2__sent_2" not in ids and "para_4__sent_2" not in ids  # never reused
    described = {c.eid: c for c in changes}
    assert set(described) == {"para_2__sent_2", "para_4__sent_2"}
    assert described["para_2__sent_2"].new_text is not None
    assert "thường trực" in described["para_2__sent_2"].new_text
    assert described["para_4__sent_2"].new_eid is None
    assert (folder / "source.txt").read_text(encoding="utf-8") == changed.read_text(
        encoding="utf-8"
    )
