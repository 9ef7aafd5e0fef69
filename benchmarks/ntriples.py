"""A fast, streaming N-Triples writer for the generator.

N-Triples is written line by line with no parser or term objects in the way:
at 5M triples, building rdflib terms would cost more than the benchmark.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Protocol, TextIO

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_CHUNK_LINES = 50_000


class Sink(Protocol):
    """Where N-Triples text goes: a text file, or :class:`PartFiles`."""

    def write(self, text: str, /) -> int: ...


def quote(text: str) -> str:
    """The N-Triples string form of ``text`` (only the four escapes the syntax needs)."""
    return '"' + text.translate(_ESCAPES) + '"'


class TripleWriter:
    """Buffers triples as N-Triples lines and writes them in large chunks.

    Subjects, predicates and IRI objects are full IRIs without angle brackets.
    The writer never deduplicates: the generator emits each triple once, so
    ``count`` is exactly the number of triples a store will hold.
    """

    def __init__(self, stream: Sink, on_flush: Callable[[int], None] | None = None) -> None:
        self._stream = stream
        self._lines: list[str] = []
        self._on_flush = on_flush
        self.count = 0

    def link(self, subject: str, predicate: str, obj: str) -> None:
        self._lines.append(f"<{subject}> <{predicate}> <{obj}> .\n")
        self._tick()

    def text(self, subject: str, predicate: str, value: str, lang: str | None = None) -> None:
        tag = f"@{lang}" if lang else ""
        self._lines.append(f"<{subject}> <{predicate}> {quote(value)}{tag} .\n")
        self._tick()

    def typed(self, subject: str, predicate: str, value: str, datatype: str) -> None:
        self._lines.append(f"<{subject}> <{predicate}> {quote(value)}^^<{datatype}> .\n")
        self._tick()

    def flush(self) -> None:
        if self._lines:
            self._stream.write("".join(self._lines))
            self._lines.clear()
            if self._on_flush is not None:
                self._on_flush(self.count)

    def _tick(self) -> None:
        self.count += 1
        if len(self._lines) >= _CHUNK_LINES:
            self.flush()


class PartFiles:
    """A folder of numbered N-Triples files, each closed once it passes ``part_bytes``.

    The loader refuses one file over 512 MB (it is read whole), so the big
    sizes are written as parts of a folder, which it loads file by file. Writes
    are whole lines (the writer's chunks), so a part never splits a triple.
    """

    def __init__(self, folder: Path, part_bytes: int) -> None:
        self.folder = folder
        self.part_bytes = part_bytes
        self.parts = 0
        self._file: TextIO | None = None
        self._written = 0
        if folder.exists():
            shutil.rmtree(folder)  # a half-written folder from an interrupted run
        folder.mkdir(parents=True)

    def write(self, text: str, /) -> int:
        if self._file is None or self._written >= self.part_bytes:
            self._file = self._next_part()
        self._written += len(text.encode("utf-8"))
        return self._file.write(text)

    def _next_part(self) -> TextIO:
        self.close()
        self.parts += 1
        self._written = 0
        path = self.folder / f"part-{self.parts:03d}.nt"
        return path.open("w", encoding="utf-8", newline="\n")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> PartFiles:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
