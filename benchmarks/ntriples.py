"""A fast, streaming N-Triples writer for the generator.

N-Triples is written line by line with no parser or term objects in the way:
at 5M triples, building rdflib terms would cost more than the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_CHUNK_LINES = 50_000


def quote(text: str) -> str:
    """The N-Triples string form of ``text`` (only the four escapes the syntax needs)."""
    return '"' + text.translate(_ESCAPES) + '"'


class TripleWriter:
    """Buffers triples as N-Triples lines and writes them in large chunks.

    Subjects, predicates and IRI objects are full IRIs without angle brackets.
    The writer never deduplicates: the generator emits each triple once, so
    ``count`` is exactly the number of triples a store will hold.
    """

    def __init__(self, stream: TextIO, on_flush: Callable[[int], None] | None = None) -> None:
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
