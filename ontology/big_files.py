"""Loading a big file: Oxigraph parses it in a thread while Python screens and folds it.

pyoxigraph's ``Store.bulk_load`` of a ``bytes`` input releases the GIL for
the whole parse, so on two cores the screening (UTF-8, NFC, term checks),
the reading of the labels to fold and the parsing of the other (small) files
run beside the parse instead of before it. The folded labels are added
after it: Oxigraph's store takes one write at a time (a second bulk load,
or a transaction, waits for the first: measured). While the parse still
runs, this thread parses the folded labels into quads, which cost less to
add than their text; what it had no time for goes in as text.
The calling thread always waits for the parse before it returns or raises:
a bad file raises DataError once nothing writes to the store any more, and
the caller drops the store (nothing half-loaded is ever served).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from ontology.errors import DataError, StoreError
from ontology.hidden_labels import TextFolds
from ontology.known_labels import LabelReader
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
# The folded labels are parsed in smaller pieces: the file's parse may end at any time.
FOLDED_PIECE_BYTES = 2**20


class _Parse(threading.Thread):
    """Reading a file, then its ``bulk_load`` into the store, in a thread of its own.

    ``read`` is set once the bytes are in ``raw`` (or reading failed, in
    ``error``): the calling thread does other work meanwhile.
    """

    def __init__(self, store: OxigraphStore, path: Path, fmt: ox.RdfFormat) -> None:
        super().__init__(name="orgkg-bulk-load", daemon=True)
        self._store, self._path, self._fmt = store, path, fmt
        self.raw = b""
        self.read = threading.Event()
        self.error: Exception | None = None
        self.finished = False

    def run(self) -> None:
        try:
            self.raw = read_raw(self._path)
        except DataError as exc:  # over the size cap, or unreadable: for the calling thread
            self.error = exc
            return
        finally:
            self.read.set()  # after ``error`` is set
        try:
            self._store.bulk_load(self.raw, self._fmt, base_iri=RELATIVE_BASE)
        except (SyntaxError, OSError, ValueError) as exc:  # for the calling thread
            self.error = exc
        else:
            self.finished = True


def load_big_file(
    store: OxigraphStore,
    path: Path,
    fmt: ox.RdfFormat,
    on_progress: OnProgress | None,
    beside: Callable[[], None] | None = None,
    *,
    labels: LabelReader | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> bool:
    """Load ``path`` into ``store`` with the folded forms of its labels when it can.

    Returns whether the folded labels were added (an N-Triples file that
    passed the quick term checks, with no blank node labelled); else the
    caller folds by query once every file is in. Raises DataError naming
    file:line:column, after the parse thread has ended. ``beside()`` is
    called first, while the file is read and parsed (other files, the shapes);
    ``labels`` reads the label statements the folding finds (or gives up);
    ``meanwhile()`` is called last while Oxigraph may still parse.
    """
    size = path.stat().st_size
    parse = _Parse(store, path, fmt)
    parse.start()
    folded = b""
    added = False
    parsed: list[ox.Quad] = []
    done = 0
    try:
        if beside is not None:
            beside()
        parse.read.wait()
        raw = parse.raw
        if parse.error is not None and not raw:
            raise parse.error  # over the size cap, or unreadable
        if not raw and not parse.finished:
            parse.join()  # stopped reading (memory): not an empty file
            raise StoreError(f"reading {path} stopped before the end of the file")
        skipped = size - len(raw)  # a byte order mark: progress counts the file's bytes
        screened = _screen(path, raw, fmt, on_progress, skipped)
        if not screened:
            for _ in checked_quads(path, raw, fmt):  # the exact check, placing any error
                pass
        elif fmt == ox.RdfFormat.N_TRIPLES:
            folds = TextFolds(on_lines=None if labels is None else labels.add_lines)
            folded = folds.read(raw)
            added = not folds.blank
            if added:
                parsed, done = _parse_meanwhile(folded, parse)
        if labels is not None and not added:
            labels.give_up()
        if meanwhile is not None:
            meanwhile()
    finally:
        parse.join()  # the store is never written to once this returns or raises
    if parse.error is not None:
        if isinstance(parse.error, SyntaxError):
            raise syntax_error(path, parse.error, raw) from None
        raise parse.error
    if not parse.finished:  # anything else stopped it (memory): never serve a part of the file
        raise StoreError(f"loading {path} stopped before the end of the file")
    if added and folded:
        store.add_parsed(parsed)
        if done < len(folded):
            store.add_text(folded[done:], ox.RdfFormat.N_TRIPLES, base_iri=RELATIVE_BASE)
    if on_progress is not None:
        on_progress(path, size, size)
    return added


def _parse_meanwhile(folded: bytes, parse: _Parse) -> tuple[list[ox.Quad], int]:
    """The folded labels' quads parsed while the file's own parse runs, and how far that got.

    Adding parsed quads costs less than loading their text (at 1M, 0.8 s
    against 1.1 s), and this thread would otherwise only wait: it parses a
    piece at a time until the file is in, and the rest goes in as text.
    """
    parsed: list[ox.Quad] = []
    done = 0
    for start, end in _pieces(folded, FOLDED_PIECE_BYTES):
        if not parse.is_alive():
            break
        parsed += ox.parse(folded[start:end], format=ox.RdfFormat.N_TRIPLES, base_iri=RELATIVE_BASE)
        done = end
    return parsed, done


def _screen(
    path: Path, raw: bytes, fmt: ox.RdfFormat, on_progress: OnProgress | None, skipped: int
) -> bool:
    """Check ``raw`` piece by piece: whether it surely passes the term checks.

    UTF-8 and NFC errors raise DataError here; a term problem only makes the
    result False (the exact check then places it).
    """
    nonblank = False
    total = len(raw) + skipped
    for start, end in _pieces(raw):
        nonblank |= check_text(path, raw, start=start, end=end)
        if on_progress is not None:
            on_progress(path, min(end + skipped, total - 1), total)
    if not nonblank:
        check_text(path, raw)  # raises: an empty file
    return fmt in LINE_FORMATS and passes_term_checks(raw)


def _pieces(raw: bytes, size: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of about ``size`` bytes (PIECE_BYTES), each ending at a line end."""
    size = size or PIECE_BYTES
    start = 0
    while start < len(raw):
        newline = raw.find(b"\n", start + size)
        end = len(raw) if newline == -1 else newline + 1
        yield start, end
        start = end
