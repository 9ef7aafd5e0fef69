"""Repository-wide conventions that are cheap to check and costly to break."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {
    ".py",
    ".feature",
    ".ttl",
    ".rq",
    ".ru",
    ".md",
    ".html",
    ".js",
    ".css",
    ".toml",
    ".txt",
    ".yml",
    ".yaml",
    ".json",
    ".jsonld",
    ".nt",
    "",
}
# The loader's error tests need files that are wrong on purpose (NFD, not UTF-8).
BROKEN_ON_PURPOSE = "tests/reliability/data/"


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    files = [ROOT / name.decode() for name in listed if name]
    return [f for f in files if f.suffix in TEXT_SUFFIXES and f.is_file()]


def test_every_tracked_text_file_is_utf8_nfc() -> None:
    """Vietnamese Gherkin in NFD does not parse and NFD text never matches a step."""
    bad: list[str] = []
    for path in tracked_text_files():
        name = path.relative_to(ROOT).as_posix()
        if name.startswith(BROKEN_ON_PURPOSE):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            bad.append(f"{name}: not UTF-8")
            continue
        if not unicodedata.is_normalized("NFC", text):
            bad.append(f"{name}: not NFC")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", ["utils.py", "helpers.py", "misc.py"])
def test_no_grab_bag_modules(name: str) -> None:
    """Modules are named for what they hold; grab-bags hide design."""
    assert not [p for p in tracked_text_files() if p.name == name]
