"""Turtle files of the ontology layer say what they hold in an opening comment.

(That every tracked text file is UTF-8 NFC is checked repository-wide in
tests/test_repository.py.)"""

from __future__ import annotations

from pathlib import Path

from ontology import VOCABULARY

ROOTS = (VOCABULARY.parent, Path(__file__).resolve().parent)
SUFFIXES = {".ttl", ".ru", ".md", ".txt", ".py", ".rq"}
FILES = sorted(
    p
    for root in ROOTS
    for p in root.rglob("*")
    if p.suffix in SUFFIXES and p.is_file() and "__pycache__" not in p.parts
)


def test_turtle_files_open_with_a_comment() -> None:
    turtle = [p for p in FILES if p.suffix in {".ttl", ".ru"}]
    assert turtle
    for path in turtle:
        assert path.read_text(encoding="utf-8").startswith("# "), path
