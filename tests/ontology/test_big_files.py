"""The big-file path: parse in a thread, screen and fold beside it, piece by piece.

Pieces are made small here (a few hundred bytes) so that a file of a few
kilobytes crosses many piece boundaries: errors must still be placed at the
file's own line and column, and the parse thread must have ended before a
DataError reaches the caller.
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest

from ontology import big_files, loader, screening
from ontology.big_files import load_big_file
from ontology.errors import DataError, StoreError
from ontology.folding import fold
from ontology.hidden_labels import folded_ntriples
from ontology.namespaces import PREFIXES
from ontology.store import plain_graph
from ontology.store_oxigraph import OxigraphStore

SKOS = PREFIXES["skos"]
HIDDEN = ox.NamedNode(SKOS + "hiddenLabel")
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(big_files, "PIECE_BYTES", 300)


def _lines(count: int) -> list[str]:
    return [
        f'<http://ex.org/u{n}> <{SKOS}prefLabel> "Đơn vị số {n}"@vi .\n'
        f'<http://ex.org/u{n}> <http://ex.org/size> "{n}"^^<{XSD_INTEGER}> .\n'
        for n in range(count)
    ]


def _store() -> OxigraphStore:
    return OxigraphStore(shapes=plain_graph(), version="test")


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _named(store: ox.Store) -> set[ox.Quad]:
    """The quads without blank nodes (which each load names afresh)."""
    return {q for q in store if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}


def _no_parse_running() -> bool:
    return not any(t.name == "orgkg-bulk-load" and t.is_alive() for t in threading.enumerate())


def test_a_clean_file_loads_with_every_folded_label(tmp_path: Path) -> None:
    """Folded labels read piece by piece are those of the whole text, and all are loaded."""
    text = "".join(_lines(60))
    store = _store()
    heard: list[tuple[int, int]] = []
    path = _write(tmp_path / "units.nt", text)
    assert load_big_file(store, path, ox.RdfFormat.N_TRIPLES, lambda _p, d, t: heard.append((d, t)))
    hidden = {
        (q.subject.value, q.object.value)
        for q in store.native.quads_for_pattern(None, HIDDEN, None)
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
    }
    assert hidden == {(f"http://ex.org/u{n}", fold(f"Đơn vị số {n}")) for n in range(60)}
    expected = ox.Store()
    raw = text.encode()
    expected.bulk_load(input=raw + folded_ntriples(raw), format=ox.RdfFormat.N_TRIPLES)
    assert len(store.native) == len(expected)
    size = path.stat().st_size
    assert len(heard) > 3 and heard[-1] == (size, size)
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)


@pytest.mark.parametrize(
    ("bad_line", "message", "column"),
    [
        (
            f'<http://ex.org/x> <{SKOS}prefLabel> "{unicodedata.normalize("NFD", "Tổ")}" .\n',
            "not Unicode NFC",
            69,
        ),
        (
            f'<http://ex.org/x> <http://ex.org/size> "many"^^<{XSD_INTEGER}> .\n',
            "not a valid xsd:integer",
            41,
        ),
        ('<http://ex.org/x> <http://ex.org/p> "unterminated .\n', "", None),
    ],
    ids=["not-nfc", "ill-typed", "syntax"],
)
def test_an_error_in_a_late_piece_is_placed_in_the_file(
    tmp_path: Path, bad_line: str, message: str, column: int | None
) -> None:
    """The error's line counts every piece before it; the parse has ended when it is raised."""
    lines = _lines(40)
    text = "".join(lines) + bad_line + "".join(_lines(5))
    path = _write(tmp_path / "bad.nt", text)
    with pytest.raises(DataError) as caught:
        load_big_file(_store(), path, ox.RdfFormat.N_TRIPLES, None)
    assert caught.value.line == 2 * len(lines) + 1
    assert message in str(caught.value)
    if column is not None:
        assert caught.value.column == column
    assert _no_parse_running()


def test_not_utf8_in_a_late_piece_is_placed_in_the_file(tmp_path: Path) -> None:
    raw = "".join(_lines(40)).encode() + b'<http://ex.org/x> <http://ex.org/p> "caf\xe9" .\n'
    path = tmp_path / "latin1.nt"
    path.write_bytes(raw)
    with pytest.raises(DataError, match="not UTF-8") as caught:
        load_big_file(_store(), path, ox.RdfFormat.N_TRIPLES, None)
    assert (caught.value.line, caught.value.column) == (81, 41)
    assert _no_parse_running()


def test_blank_node_labels_are_left_to_the_query(tmp_path: Path) -> None:
    """A blank node's folded label cannot be loaded apart from it: the caller folds by query."""
    text = "".join(_lines(10)) + f'_:b1 <{SKOS}prefLabel> "Đảng ủy"@vi .\n'
    store = _store()
    assert not load_big_file(store, _write(tmp_path / "b.nt", text), ox.RdfFormat.N_TRIPLES, None)
    assert not list(store.native.quads_for_pattern(None, HIDDEN, None))
    store.add_folded_labels(fold)
    blank = [
        q.object.value
        for q in store.native.quads_for_pattern(None, HIDDEN, None)
        if isinstance(q.subject, ox.BlankNode) and isinstance(q.object, ox.Literal)
    ]
    assert blank == ["dang uy"]


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="empty file"):
        load_big_file(_store(), _write(tmp_path / "e.nt", "\n" * 700), ox.RdfFormat.N_TRIPLES, None)
    assert _no_parse_running()


def test_a_parse_that_dies_is_never_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever stops the parse thread (here MemoryError), the load fails instead of returning."""

    def die(*_args: object, **_kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(OxigraphStore, "bulk_load", die)
    monkeypatch.setattr(threading, "excepthook", lambda _args: None)
    path = _write(tmp_path / "units.nt", "".join(_lines(10)))
    with pytest.raises(StoreError, match="stopped before the end"):
        load_big_file(_store(), path, ox.RdfFormat.N_TRIPLES, None)


@pytest.mark.parametrize(
    "odd_line",
    [
        f'<http://ex.org/x> <http://ex.org/size> "7"^^ <{XSD_INTEGER}> .\n',
        '<http://ex.org/x> <http://ex.org/note> "a ^^ b"@en .\n',
        '<http://ex.org/x> <http://ex.org/note> "a << b"@en .\n',
        '<http://ex.org/x> <http://ex.org/note> "see <a b> and <c>"@en .\n',
        "<http://ex.org/x> <http://ex.org/page> <http://ex.org/B%E1%BB%99> .\n",
        '<http://ex.org/x> <http://ex.org/note> "x" . # a "comment\n',
    ],
    ids=[
        "datatype-apart",
        "carets-in-a-literal",
        "angles-in-a-literal",
        "iri-like-text-in-a-literal",
        "percent-escapes",
        "quote-in-a-comment",
    ],
)
def test_what_the_quick_check_cannot_read_is_checked_exactly(tmp_path: Path, odd_line: str) -> None:
    """Not sure is not wrong: the exact check passes a good file, with every folded label."""
    text = "".join(_lines(30)) + odd_line
    store = _store()
    assert load_big_file(store, _write(tmp_path / "odd.nt", text), ox.RdfFormat.N_TRIPLES, None)
    expected = ox.Store()
    raw = text.encode()
    expected.bulk_load(input=raw + folded_ntriples(raw), format=ox.RdfFormat.N_TRIPLES)
    assert _named(store.native) == _named(expected)


def test_an_on_disk_store_gets_the_folded_labels_after_the_parse(tmp_path: Path) -> None:
    """On disk as in memory, the folded labels are all loaded."""
    native = ox.Store(str(tmp_path / "db"))
    store = OxigraphStore(shapes=plain_graph(), version="test", native=native)
    path = _write(tmp_path / "units.nt", "".join(_lines(40)))
    assert load_big_file(store, path, ox.RdfFormat.N_TRIPLES, None)
    hidden = {
        q.object.value
        for q in native.quads_for_pattern(None, HIDDEN, None)
        if isinstance(q.object, ox.Literal)
    }
    assert hidden == {fold(f"Đơn vị số {n}") for n in range(40)}


def test_small_files_and_shapes_are_read_while_the_big_file_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beside the parse: the store holds every file's triples and labels, and the shapes."""
    monkeypatch.setattr(loader, "_BULK_BYTES", 2_000)
    big = _write(tmp_path / "big.nt", "".join(_lines(60)))
    small = _write(
        tmp_path / "small.ttl", f'<http://ex.org/s> <{SKOS}prefLabel> "Văn phòng"@vi .\n'
    )
    loaded = loader.load_regulation([big, small])
    assert isinstance(loaded, OxigraphStore)
    expected = ox.Store()
    for path in loader.find_sources([big, small]).data:
        expected.extend(loader.parse_file(path))
    OxigraphStore(shapes=plain_graph(), version="test", native=expected).add_folded_labels(fold)
    assert len(loaded.native) == len(expected)
    assert _named(loaded.native) == _named(expected)
    assert len(loaded.shapes) == len(loader.parse_graph(loader.find_sources([big, small]).shapes))


def test_an_error_in_a_small_file_waits_for_the_big_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "_BULK_BYTES", 2_000)
    big = _write(tmp_path / "big.nt", "".join(_lines(60)))
    small = _write(tmp_path / "small.ttl", "<http://ex.org/s> <http://ex.org/p> .\n")
    with pytest.raises(DataError) as caught:
        loader.load_regulation([big, small])
    assert caught.value.path == str(small)
    assert caught.value.line == 1
    assert _no_parse_running()


def test_a_big_file_that_cannot_be_read_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read in the parse thread, a refusal (here the size cap) still reaches the caller."""
    monkeypatch.setattr(screening, "MAX_FILE_BYTES", 1_000)
    path = _write(tmp_path / "units.nt", "".join(_lines(40)))
    with pytest.raises(DataError, match="over the limit") as caught:
        load_big_file(_store(), path, ox.RdfFormat.N_TRIPLES, None)
    assert caught.value.path == str(path)
    assert _no_parse_running()


def test_a_big_file_with_a_byte_order_mark_loads_as_without(tmp_path: Path) -> None:
    """Oxigraph refuses the mark when it reads the file itself: the bytes read are parsed."""
    text = "".join(_lines(30))
    marked, plain = _store(), _store()
    path = tmp_path / "marked.nt"
    path.write_bytes(screening.BYTE_ORDER_MARK + text.encode())
    assert load_big_file(marked, path, ox.RdfFormat.N_TRIPLES, None)
    assert load_big_file(plain, _write(tmp_path / "plain.nt", text), ox.RdfFormat.N_TRIPLES, None)
    assert set(marked.native) == set(plain.native)


def test_a_file_that_changes_while_it_loads_is_refused(tmp_path: Path) -> None:
    """The parse and the screening read the file apart: a write between them is never served."""
    path = _write(tmp_path / "units.nt", "".join(_lines(30)))

    def rewrite() -> None:  # called while the file is parsed
        _write(path, "".join(_lines(31)))

    with pytest.raises(DataError, match="changed while it was loaded") as caught:
        load_big_file(_store(), path, ox.RdfFormat.N_TRIPLES, None, rewrite)
    assert caught.value.path == str(path)
    assert _no_parse_running()


def test_the_labels_are_worked_out_while_the_folded_labels_are_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``meanwhile`` runs once the folded labels are handed over, not after they are in."""
    worked_out = threading.Event()
    seen: list[bool] = []
    add_text = OxigraphStore.add_text

    def add_once_worked_out(
        store: OxigraphStore, text: bytes, fmt: ox.RdfFormat, *, base_iri: str, lenient: bool
    ) -> None:
        seen.append(worked_out.wait(timeout=10))
        add_text(store, text, fmt, base_iri=base_iri, lenient=lenient)

    monkeypatch.setattr(OxigraphStore, "add_text", add_once_worked_out)
    store = _store()
    path = _write(tmp_path / "units.nt", "".join(_lines(30)))
    assert load_big_file(store, path, ox.RdfFormat.N_TRIPLES, None, meanwhile=worked_out.set)
    assert seen == [True]
    assert len(list(store.native.quads_for_pattern(None, HIDDEN, None))) == 30
