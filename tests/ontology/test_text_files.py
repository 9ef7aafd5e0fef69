"""Every text file of the ontology layer and its tests is UTF-8 in NFC (NFD
Vietnamese never matches and breaks Gherkin)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ontology import VOCABULARY

ROOTS = (VOCABULARY.parent, Path(__file__).resolve().parent)
SUFFIXES = {".ttl", ".ru", ".md", ".txt", ".py", ".rq"}
FILES = sorted(
    p
    for root in ROOTS
    for p in root.rglob("*")
    if p.suffix in SUFFIXES and p.is_file() and "__pycache__" not in p.parts
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_text_file_is_utf8_nfc(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_turtle_files_open_with_a_comment() -> None:
    turtle = [p for p in FILES if p.suffix in {".ttl", ".ru"}]
    assert turtle
    for path in turtle:
        assert path.read_text(encoding="utf-8").startswith("# "), path
