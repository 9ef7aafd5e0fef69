"""Loading a big file: Oxigraph parses it in a thread while Python screens and folds it.

pyoxigraph's ``Store.bulk_load`` of a ``bytes`` input releases the GIL for
the whole parse, so on two cores the screening (UTF-8, NFC, term checks)
and the reading of the labels to fold run beside the parse instead of
before it. The calling thread always waits for the parse before it returns
or raises: a bad file raises DataError once nothing writes to the store any
more, and the caller drops the store (nothing half-loaded is ever served).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from ontology.errors import StoreError
from ontology.hidden_labels import TextFolds
from ontology.screening import (
    LINE_FORMATS,
    RELATIVE_BASE,
    check_text,
    checked_quads,
    passes_term_checks,
    read_raw,
    syntax_error,
)
from ontology.store_oxigraph import OxigraphStore

OnProgress = Callable[[Path, int, int], None]
# Screened a piece at a time (each ends at a line end): the progress bar
# moves, and no single call holds the interpreter for long.
PIECE_BYTES = 8 * 2**20


class _Parse(threading.Thread):
    """``bulk_load`` of one text into the store, in a thread of its own."""

    def __init__(self, store: OxigraphStore, raw: bytes, fmt: ox.RdfFormat) -> None:
        super().__init__(name="orgkg-bulk-load", daemon=True)
        self._store, self._raw, self._fmt = store, raw, fmt
        self.error: Exception | None = None
        self.finished = False

    def run(self) -> None:
        try:
            self._store.bulk_load(self._raw, self._fmt, base_iri=RELATIVE_BASE)
        except (SyntaxError, OSError, ValueError) as exc:  # handed to the calling thread
            self.error = exc
        else:
            self.finished = True


def load_big_file(
    store: OxigraphStore, path: Path, fmt: ox.RdfFormat, on_progress: OnProgress | None
) -> bool:
    """Load ``path`` into ``store`` with the folded forms of its labels when it can.

    Returns whether the folded labels were added (an N-Triples file that
    passed the quick term checks, with no blank node labelled); else the
    caller folds by query once every file is in. Raises DataError naming
    file:line:column, after the parse thread has ended.
    """
    raw = read_raw(path)
    size = path.stat().st_size
    skipped = size - len(raw)  # a byte order mark: progress counts the file's bytes
    parse = _Parse(store, raw, fmt)
    parse.start()
    try:
        screened, folds, folded = _screen(path, raw, fmt, on_progress, skipped)
        if not screened:
            for _ in checked_quads(path, raw, fmt):  # the exact check, placing any error
                pass
    finally:
        parse.join()  # the store is never written to once this returns or raises
    if parse.error is not None:
        if isinstance(parse.error, SyntaxError):
            raise syntax_error(path, parse.error, raw) from None
        raise parse.error
    if not parse.finished:  # anything else stopped it (memory): never serve a part of the file
        raise StoreError(f"loading {path} stopped before the end of the file")
    added = screened and folds is not None and not folds.blank
    if added and folded:
        store.bulk_load(folded, ox.RdfFormat.N_TRIPLES, base_iri=RELATIVE_BASE)
    if on_progress is not None:
        on_progress(path, size, size)
    return added


def _screen(
    path: Path, raw: bytes, fmt: ox.RdfFormat, on_progress: OnProgress | None, skipped: int
) -> tuple[bool, TextFolds | None, bytes]:
    """Check ``raw`` piece by piece: (whether it surely passes the term checks, folds, text).

    UTF-8 and NFC errors raise DataError here; a term problem only makes the
    result False (the exact check then places it). The folded labels are
    read only from an N-Triples text that passes.
    """
    folds = TextFolds() if fmt == ox.RdfFormat.N_TRIPLES else None
    screened = fmt in LINE_FORMATS
    nonblank = False
    folded: list[bytes] = []
    total = len(raw) + skipped
    for start, end in _pieces(raw):
        piece = raw[start:end]
        nonblank |= check_text(path, piece, offset=start, whole=raw)
        screened = screened and passes_term_checks(piece)
        if screened and folds is not None:
            folded.append(folds.read(piece))
        if on_progress is not None:
            on_progress(path, min(end + skipped, total - 1), total)
    if not nonblank:
        check_text(path, raw)  # raises: an empty file
    return screened, folds if screened else None, b"".join(folded)


def _pieces(raw: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of about PIECE_BYTES, each ending after a line end."""
    start = 0
    while start < len(raw):
        newline = raw.find(b"\n", start + PIECE_BYTES)
        end = len(raw) if newline == -1 else newline + 1
        yield start, end
        start = end
