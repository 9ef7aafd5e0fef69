"""Nothing lost: every RDF export reads back to the same graph, byte-exact text, atomically written.

Turtle, JSON-LD and N-Triples exports of the bundled regulation and of the
hostile dataset (quotes, newlines, control characters, RTL marks, IRIs with
quotes and parentheses) are parsed back and compared as graphs; Vietnamese
passages must come back byte for byte as in ``source.txt``. Outputs are
written through a temporary file and a rename: a failure mid-write leaves
the previous file whole and no temporary file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from graph.dump import export_store
from graph.jsonld import data_only
from ontology import BUNDLED, OutputError, Store, load_regulation
from ontology.store_oxigraph import from_ox
from ontology.writer import write_file
from tests.reliability.support import HOSTILE, Listener, run_orgkg

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
}
OKG_TEXT = URIRef("https://w3id.org/orgkg/ns#text")


def _graph_of(store: Store) -> Graph:
    graph = Graph()
    graph += store.triples()
    return graph


def _parse(data: bytes, fmt: str) -> Graph:
    """Parse an export with Oxigraph (which never fetches a JSON-LD context)."""
    graph = Graph()
    graph += (
        (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))  # type: ignore[misc]
        for q in ox.parse(data, format=RDF_FORMATS[fmt])
    )
    return graph


@pytest.fixture(scope="module")
def bundled() -> Store:
    return load_regulation()


@pytest.fixture(scope="module")
def hostile() -> Store:
    return load_regulation([HOSTILE])


def _expected(store: Store, fmt: str) -> Graph:
    """What an export holds: every triple, but JSON-LD leaves the vocabulary out unless asked."""
    graph = _graph_of(store)
    return data_only(graph) if fmt == "jsonld" else graph


def _assert_same_graph(expected: Graph, actual: Graph) -> None:
    if isomorphic(expected, actual):
        return
    a, b = to_isomorphic(expected), to_isomorphic(actual)
    missing = sorted(str(t)[:200] for t in a - b)[:5]
    extra = sorted(str(t)[:200] for t in b - a)[:5]
    pytest.fail(f"graphs differ; missing {missing}; extra {extra}")


@pytest.mark.parametrize("fmt", RDF_FORMATS)
@pytest.mark.parametrize("dataset", ["bundled", "hostile"])
def test_export_reads_back_to_an_isomorphic_graph(
    fmt: str, dataset: str, request: pytest.FixtureRequest
) -> None:
    """export_store(fmt) parsed back is the store's graph: every triple, every literal."""
    store: Store = request.getfixturevalue(dataset)
    _assert_same_graph(_expected(store, fmt), _parse(export_store(store, fmt), fmt))


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_vietnamese_passages_come_back_byte_exact(bundled: Store, fmt: str) -> None:
    """Every quoted passage (okg:text) survives the export as the exact NFC bytes of source.txt."""
    source = (BUNDLED / "source.txt").read_bytes()
    texts = [
        o for _, _, o in _parse(export_store(bundled, fmt), fmt).triples((None, OKG_TEXT, None))
    ]
    assert len(texts) > 20
    for text in texts:
        assert isinstance(text, Literal)
        assert str(text).encode("utf-8") in source, str(text)[:80]


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_vietnamese_is_written_as_utf8_not_escaped(bundled: Store, fmt: str) -> None:
    """The export is readable UTF-8: Vietnamese appears as itself, not as \\u escapes."""
    data = export_store(bundled, fmt)
    assert "Tổ công tác".encode() in data
    data.decode("utf-8")


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_export_file_loads_back_through_the_command_line(
    tmp_path: Path, hostile: Store, fmt: str, listener: Listener
) -> None:
    """`orgkg export --output F` writes the same graph, and the loader accepts F back."""
    output = tmp_path / f"export.{fmt}"
    result = run_orgkg(["--data", str(HOSTILE), "export", "--format", fmt, "--output", str(output)])
    assert result.returncode == 0, result.stderr
    _assert_same_graph(_expected(hostile, fmt), _parse(output.read_bytes(), fmt))
    # The loader takes it back (its vocabulary's blank nodes then come twice: not compared).
    assert len(load_regulation([output])) >= len(hostile)
    assert listener.connections == []


# -- atomic writes --------------------------------------------------------------


class _DiskFullError(OSError):
    pass


def _no_temp_files(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir()) == ["out.ttl"]


@pytest.mark.parametrize("where", ["write", "fsync", "chmod", "replace"])
def test_failed_write_keeps_the_previous_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A failure at any step of writing: OutputError, the old file intact, no temp file left."""
    target = tmp_path / "out.ttl"
    target.write_bytes(b"previous export\n")

    def fail(*args: object, **kwargs: object) -> None:
        raise _DiskFullError(28, "No space left on device")

    if where == "write":
        real_fdopen = os.fdopen

        def half_writer(fd: int, mode: str = "r", *args: object) -> object:
            handle = real_fdopen(fd, mode)
            real_write = handle.write

            def write(data: bytes) -> int:
                real_write(data[: len(data) // 2])
                raise _DiskFullError(28, "No space left on device")

            handle.write = write  # type: ignore[method-assign,assignment]
            return handle

        monkeypatch.setattr(os, "fdopen", half_writer)
    elif where == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    elif where == "chmod":
        monkeypatch.setattr(Path, "chmod", fail)
    else:
        monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(OutputError, match=r"out\.ttl"):
        write_file(target, b"new export " * 10_000)
    assert target.read_bytes() == b"previous export\n"
    _no_temp_files(tmp_path)


def test_interrupted_write_keeps_the_previous_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C mid-write (KeyboardInterrupt) also leaves the old file whole and cleans up."""
    target = tmp_path / "out.ttl"
    target.write_bytes(b"previous export\n")

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, b"new export")
    assert target.read_bytes() == b"previous export\n"
    _no_temp_files(tmp_path)


def test_successful_write_replaces_in_one_step(tmp_path: Path) -> None:
    """A reader sees the old bytes or the new ones: the target is replaced by rename."""
    target = tmp_path / "out.ttl"
    target.write_bytes(b"previous export\n")
    before = target.stat().st_ino
    write_file(target, b"new export\n")
    assert target.read_bytes() == b"new export\n"
    assert target.stat().st_ino != before, "renamed over, not rewritten in place"
    _no_temp_files(tmp_path)
