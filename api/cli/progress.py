"""A progress bar for long loads, drawn on a terminal only.

The loader reports bytes read (``on_progress(path, done, total)``); this
draws them as one line redrawn in place on stderr, at most ten times a
second, and stays silent when stderr is not a terminal (CI logs, pipes).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

_WIDTH = 30
_INTERVAL_S = 0.1


class ProgressBar:
    """Callable as the loader's ``on_progress``; ``close()`` ends the line."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()
        self._drawn = 0.0
        self._open = False

    def __call__(self, path: Path, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._drawn < _INTERVAL_S and done < total):
            return
        self._drawn = now
        self._open = True
        self.stream.write("\r" + render(path.name, done, total, now - self.started))
        self.stream.flush()

    def close(self) -> None:
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False


def render(name: str, done: int, total: int, elapsed: float) -> str:
    """One line: ``loading big.nt [#####-----]  50% 10.0/20.0 MB 1.2 s``."""
    share = min(done / max(total, 1), 1.0)
    bar = "#" * int(share * _WIDTH) + "-" * (_WIDTH - int(share * _WIDTH))
    amounts = f"{done / 1e6:,.1f}/{total / 1e6:,.1f} MB"
    return f"loading {name} [{bar}] {share:4.0%} {amounts} {elapsed:5.1f} s"
