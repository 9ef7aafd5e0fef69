"""Loading a big file draws a progress bar on a terminal, and nothing elsewhere."""

from __future__ import annotations

import io
from pathlib import Path

from api.cli.progress import ProgressBar, render
from ontology import load_regulation


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def big_file(folder: Path, triples: int) -> Path:
    path = folder / "big.nt"
    with path.open("w", encoding="utf-8") as out:
        for n in range(triples):
            out.write(f'<http://example.org/s{n}> <http://example.org/p> "value {n}" .\n')
    return path


def test_the_loader_reports_every_byte_of_a_big_file(tmp_path: Path) -> None:
    """The bulk path (> 8 MB) tells on_progress how far it read, up to the whole file."""
    path = big_file(tmp_path, 200_000)
    heard: list[tuple[int, int]] = []
    store = load_regulation([path], on_progress=lambda _p, done, total: heard.append((done, total)))
    assert len(store) > 200_000
    assert heard[-1] == (path.stat().st_size, path.stat().st_size)
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)


def test_the_bar_is_drawn_on_a_terminal_only(tmp_path: Path) -> None:
    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(stream)
        bar(tmp_path / "big.nt", 50, 100)
        bar(tmp_path / "big.nt", 100, 100)
        bar.close()
    assert pipe.getvalue() == ""
    assert terminal.getvalue().startswith("\rloading big.nt [")
    assert "100%" in terminal.getvalue() and terminal.getvalue().endswith("\n")


def test_render_shows_share_and_megabytes() -> None:
    line = render("big.nt", 5_000_000, 10_000_000, 1.25)
    assert "[###############---------------]" in line
    assert " 50% 5.0/10.0 MB   1.2 s" in line
