"""api.cli.output: files are replaced atomically and a failure leaves nothing behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from api.cli.output import write_output
from ontology.errors import OutputError


def test_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old content that is longer", encoding="utf-8")
    write_output("new", target)
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_mode_follows_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_output(b"x", tmp_path / "out.bin")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out.bin").stat().st_mode) == 0o644


def test_failure_mid_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    target = tmp_path / "out.txt"
    with pytest.raises(OutputError, match="No space left"):
        write_output("data", target)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="no such folder"):
        write_output("data", tmp_path / "nope" / "out.txt")


def test_dash_means_stdout(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    write_output("hello\n", "-")
    assert capfdbinary.readouterr().out == b"hello\n"
