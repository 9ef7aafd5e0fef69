"""Loading a big file: Oxigraph parses it in a thread while Python screens and folds it.

pyoxigraph's ``Store.bulk_load`` releases the GIL for the whole parse, so on
two cores the reading of the labels to fold, the screening (UTF-8, NFC, term
checks) and the parsing of the other (small) files run beside the parse
instead of before it. The parse reads the file itself (``path=``): it starts
at once, while this thread reads its own copy of the bytes to screen (a file
that changes meanwhile is refused). A line format is parsed leniently (at 1M
triples, 0.78x the strict parse): what the engine then leaves unchecked
(IRIs, language tags, line jumps in strings) is checked here, beside it
(:mod:`ontology.strict_syntax`), and a file that check cannot vouch for gets
the exact check, which places any error. Oxigraph's store takes one write at
a time (a second bulk load, or a transaction, waits for the first:
measured), so the folded labels go in after the file, in the same thread, as
text, handed over before the screening: the engine parses and adds them in
one transaction without the GIL while this thread screens and works out the
labels read (``meanwhile``). Parsing them into quads here instead took this
thread 0.4 s beside the parse, and the load was no faster (at 1M,
alternating processes: 3.72-4.54 s against 3.63-4.44 s).
The calling thread always waits for that thread before it returns or raises:
a bad file raises DataError once nothing writes to the store any more, and
the caller drops the store (nothing half-loaded is ever served).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from ontology.errors import DataError, StoreError
from ontology.hidden_labels import TextFolds
from ontology.known_labels import LabelReader
from ontology.screening import (
    BYTE_ORDER_MARK,
    LINE_FORMATS,
    RELATIVE_BASE,
    check_text,
    checked_quads,
    passes_term_checks,
    read_raw,
    sized,
    stat_of,
    syntax_error,
)
from ontology.store_oxigraph import OxigraphStore

OnProgress = Callable[[Path, int, int], None]
# Screened a piece at a time (each ends at a line end): the progress bar
# moves, no single call holds the interpreter for long, and a piece's text
# stays in the core's cache while it is checked (at 1M triples, pieces of
# 1 MB: 560-570 ms; of 8 MB: 630-830 ms).
PIECE_BYTES = 2**20


class _Parse(threading.Thread):
    """A file's ``bulk_load`` into the store, then the folded labels handed over, in a thread.

    ``source`` is the file's bytes when Oxigraph cannot read the file itself
    (a byte order mark); else it reads ``path``. Once the file's parse has
    ended, well or not, the thread waits for :meth:`hand_over` (b"": nothing
    to add) before it ends.
    """

    def __init__(
        self, store: OxigraphStore, path: Path, fmt: ox.RdfFormat, source: bytes | None
    ) -> None:
        super().__init__(name="orgkg-bulk-load", daemon=True)
        self._store, self._path, self._fmt, self._source = store, path, fmt, source
        self._handed: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self.error: Exception | None = None
        self.finished = False

    def hand_over(self, folded: bytes) -> None:
        """The folded labels' N-Triples to add once the file is in (called exactly once)."""
        self._handed.put(folded)

    def run(self) -> None:
        store = self._store
        try:
            source = self._path if self._source is None else self._source
            lenient = self._fmt in LINE_FORMATS  # the rest checked beside it: strict_syntax
            store.bulk_load(source, self._fmt, base_iri=RELATIVE_BASE, lenient=lenient)
        except (SyntaxError, OSError, ValueError) as exc:  # for the calling thread
            self.error = exc
        folded = self._handed.get()
        if self.error is not None:
            return
        try:
            if folded:
                store.add_text(folded, ox.RdfFormat.N_TRIPLES, base_iri=RELATIVE_BASE, lenient=True)
        except (OSError, ValueError) as exc:  # a disk that fills up, for the calling thread
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
    ``meanwhile()`` is called last, while Oxigraph may still parse or add.
    """
    size = sized(path)
    before = _identity(path)
    source = None
    if _starts_with_mark(path):  # Oxigraph refuses the mark: it parses what was read
        source = read_raw(path)
    parse = _Parse(store, path, fmt, source)
    parse.start()
    raw = b""
    added = handed = False
    try:
        if beside is not None:
            beside()
        raw = read_raw(path) if source is None else source
        skipped = size - len(raw)  # a byte order mark: progress counts the file's bytes
        folded = b""
        if fmt == ox.RdfFormat.N_TRIPLES:  # first: the engine adds them once the file is in
            folded, added = _fold(raw, labels)
        if labels is not None and not added:
            labels.give_up()
        parse.hand_over(folded if added else b"")
        handed = True
        if not _screen(path, raw, fmt, on_progress, skipped):
            for _ in checked_quads(path, raw, fmt):  # the exact check, placing any error
                pass
        if meanwhile is not None:
            meanwhile()
    finally:
        if not handed:
            parse.hand_over(b"")
        parse.join()  # the store is never written to once this returns or raises
    if _identity(path) != before:  # what was parsed may not be what was screened
        raise DataError("the file changed while it was loaded; load it again", path=path)
    if parse.error is not None:
        if isinstance(parse.error, SyntaxError):
            raise syntax_error(path, parse.error, raw) from None
        raise parse.error
    if not parse.finished:  # anything else stopped it (memory): never serve a part of the file
        raise StoreError(f"loading {path} stopped before the end of the file")
    if on_progress is not None:
        on_progress(path, size, size)
    return added


def _fold(raw: bytes, labels: LabelReader | None) -> tuple[bytes, bool]:
    """The hidden-label statements of ``raw``, and whether they can be loaded apart from it.

    The folding's tables are freed on return, while the parse still runs.
    """
    folds = TextFolds(on_lines=None if labels is None else labels.add_lines)
    try:
        folded = folds.read(raw)
    except (UnicodeDecodeError, ValueError):  # not UTF-8, an escape past U+10FFFF: refused after
        return b"", False
    return folded, not folds.blank


def _identity(path: Path) -> tuple[int, int, int, int]:
    """What changes when a file is written or replaced: its device, inode, size and time."""
    stat = stat_of(path)
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


def _starts_with_mark(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(BYTE_ORDER_MARK)) == BYTE_ORDER_MARK
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path=path) from None


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
