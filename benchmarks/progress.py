"""A progress bar for long loads and generation, shown only on a terminal.

Oxigraph's ``bulk_load`` takes a Python file object as well as a path, and
reads it in large chunks, so counting the bytes it reads gives progress at no
measurable cost (the benchmark README has the before/after). This is the
mechanism proposed for the loader (issue 7); here it serves the benchmark:

    python -m benchmarks.progress benchmarks/out/synthetic-1M-s426-v3.nt
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox

_WIDTH = 30
_INTERVAL_S = 0.1
_READ_BUFFER = 1 << 20


def say(message: str) -> None:
    """One timestamped line on stderr: what a long benchmark run is doing now."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Progress:
    """One line redrawn in place on ``stream`` when it is a terminal; silent otherwise."""

    def __init__(self, total: int, label: str, *, unit: str = "MB", stream: TextIO | None = None):
        self.total = max(total, 1)
        self.label = label
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()
        self._drawn = 0.0

    def update(self, done: int) -> None:
        """Redraw for ``done`` out of ``total``, at most ten times a second."""
        now = time.monotonic()
        if not self.enabled or now - self._drawn < _INTERVAL_S:
            return
        self._drawn = now
        self.stream.write("\r" + self.render(done, now - self.started))
        self.stream.flush()

    def render(self, done: int, elapsed: float) -> str:
        """The line for ``done`` after ``elapsed`` seconds (no carriage return)."""
        share = min(done / self.total, 1.0)
        filled = int(share * _WIDTH)
        scale = 1e6 if self.unit == "MB" else 1.0
        amounts = f"{done / scale:,.1f}/{self.total / scale:,.1f} {self.unit}"
        if self.unit != "MB":
            amounts = f"{done:,}/{self.total:,} {self.unit}"
        bar = "#" * filled + "-" * (_WIDTH - filled)
        return f"{self.label} [{bar}] {share:4.0%} {amounts} {elapsed:5.1f} s"

    def close(self) -> None:
        """End the line (only if one was drawn)."""
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()


class ProgressReader(io.RawIOBase):
    """A binary file that reports how far it has been read."""

    def __init__(self, raw: io.BufferedReader, progress: Progress) -> None:
        super().__init__()
        self._raw = raw
        self._progress = progress
        self.done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = self._raw.readinto(buffer)
        self.done += count
        self._progress.update(self.done)
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()


def load_with_progress(store: ox.Store, path: Path, fmt: ox.RdfFormat) -> None:
    """``bulk_load`` ``path`` into ``store``, drawing a bar on a terminal."""
    progress = Progress(path.stat().st_size, f"loading {path.name}")
    with (
        path.open("rb") as raw,
        io.BufferedReader(ProgressReader(raw, progress), _READ_BUFFER) as reader,
    ):
        store.bulk_load(input=reader, format=fmt, to_graph=ox.DefaultGraph())
    progress.close()


def main(argv: list[str] | None = None) -> int:
    """Load the files named on the command line, each with its bar; print the timings."""
    for name in argv if argv is not None else sys.argv[1:]:
        path = Path(name)
        store = ox.Store()
        start = time.perf_counter()
        load_with_progress(
            store, path, ox.RdfFormat.from_extension(path.suffix[1:]) or ox.RdfFormat.N_TRIPLES
        )
        print(f"{path}: {len(store):,} triples in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
