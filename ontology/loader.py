"""Loading: files and folders -> a :class:`~ontology.store.Store`.

One function, :func:`load_regulation`, used by every surface. It parses with
Oxigraph's parsers, which never touch the network (a JSON-LD remote
``@context`` is refused, ``owl:imports`` is just a triple) and report the line
and column of an error. Everything is parsed before anything is served: a bad
file raises :class:`~ontology.errors.DataError` and no half-loaded store exists.
"""

from __future__ import annotations

import gc
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from ontology.errors import DataError
from ontology.folding import fold
from ontology.screening import (
    LINE_FORMATS,
    RELATIVE_BASE,
    check_json_ld,
    passes_term_checks,
    position,
    read_checked,
    shorten,
    term_problem,
)
from ontology.store import ENGINES, Store, plain_graph
from ontology.store_oxigraph import OxigraphStore, from_ox
from ontology.store_rdflib import MemoryStore
from ontology.store_remote import RemoteStore

HERE = Path(__file__).resolve().parent
VOCABULARY = HERE / "vocabulary.ttl"
# vi/en labels of the ORG, SKOS, PROV, ELI, ODRL, FOAF terms orgkg shows.
VOCABULARY_LABELS = HERE / "vocabulary-labels.ttl"
GENERIC_SHAPES = HERE / "shapes"
REGULATIONS = HERE / "regulations"
BUNDLED = REGULATIONS / "qd-426-2018"
# ``--data bundled:all`` names every bundled data folder, ``bundled:NAME`` one.
BUNDLED_SCHEME = "bundled:"

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
SHAPES_FOLDER = "shapes"
_BULK_BYTES = 8 * 1024 * 1024
_READ_CHUNK = 1 << 20
OnProgress = Callable[[Path, int, int], None]
_FREEZE_TRIPLES = 200_000


@dataclass(frozen=True)
class Sources:
    """The files one load reads: data into the store, shapes beside it."""

    data: tuple[Path, ...]
    shapes: tuple[Path, ...]


def find_sources(paths: Sequence[Path | str] = ()) -> Sources:
    """Resolve ``--data`` paths (files or folders) into data and shapes files.

    With no paths, the bundled regulation. The vocabulary and the generic
    shapes are always included. Inside a folder, files under a ``shapes/``
    folder are shapes; everything else with a known RDF extension is data.
    """
    data: list[Path] = [VOCABULARY, VOCABULARY_LABELS]
    shapes: list[Path] = sorted(GENERIC_SHAPES.glob("*.ttl"))
    for path in (p for given in paths or (BUNDLED,) for p in expand_data(given)):
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.suffix in FORMATS):
                _check_inside(file, path)
                if not file.is_file():
                    continue  # a folder named like a file, a socket, a pipe
                relative = file.relative_to(path)
                (shapes if SHAPES_FOLDER in relative.parts[:-1] else data).append(file)
        elif path.exists() and not path.is_file():
            raise DataError("not a regular file or folder", path=path)
        elif path.is_file():
            if path.suffix not in FORMATS:
                raise DataError(
                    f"unknown RDF format {path.suffix!r} (use one of {', '.join(sorted(FORMATS))})",
                    path=path,
                )
            data.append(path)
        else:
            raise DataError("no such file or folder", path=path)
    return Sources(tuple(dict.fromkeys(data)), tuple(dict.fromkeys(shapes)))


def expand_data(given: Path | str) -> list[Path]:
    """A ``--data`` value as paths: ``bundled:all`` / ``bundled:NAME`` name bundled folders."""
    text = str(given)
    if not text.startswith(BUNDLED_SCHEME):
        return [Path(given)]
    name = text.removeprefix(BUNDLED_SCHEME)
    bundled = sorted(p for p in REGULATIONS.iterdir() if p.is_dir())
    if name == "all":
        return bundled
    chosen = [p for p in bundled if p.name == name]
    if not chosen:
        names = ", ".join(["all", *(p.name for p in bundled)])
        raise DataError(f"no bundled dataset {name!r} (there are: {names})", path=text)
    return chosen


def _check_inside(file: Path, folder: Path) -> None:
    """Refuse a link in a data folder that leads out of it, or nowhere.

    Pointing orgkg at a folder must not make it read (and serve) files from
    elsewhere on the machine.
    """
    if not file.is_symlink():
        return
    target = file.resolve()
    if not target.exists():
        raise DataError("broken link: the file it points to does not exist", path=file)
    if not target.is_relative_to(folder.resolve()):
        raise DataError("link to a file outside the data folder: refused", path=file)


def load_regulation(
    paths: Sequence[Path | str] = (),
    *,
    engine: str = "oxigraph",
    on_progress: OnProgress | None = None,
) -> Store:
    """Load the regulation(s) at ``paths`` (default: the bundled one) into a store.

    ``engine`` is ``oxigraph`` (default), ``memory``, or the URL of a SPARQL 1.1
    query endpoint, which is queried as it is (data is loaded there by its own
    tools; only the shapes of ``paths`` are read here). ``on_progress(path,
    done, total)`` hears how many bytes of a big file the store has read, so
    a terminal can draw a bar; this layer never prints.
    """
    sources = find_sources(paths)
    shapes = parse_graph(sources.shapes)
    if engine.startswith(("http://", "https://")):
        return RemoteStore(
            engine,
            shapes=shapes,
            version=_fingerprint(sources.shapes) + "@" + engine,
            sources=tuple(str(p) for p in sources.data),
        )
    if engine not in ENGINES:
        raise DataError(
            f"unknown store {engine!r}: use oxigraph, memory or a http(s):// SPARQL endpoint"
        )
    version = _fingerprint(sources.data + sources.shapes)
    loaded = OxigraphStore(
        shapes=shapes, version=version, sources=tuple(str(p) for p in sources.data)
    )
    for path in sources.data:
        _load_file(loaded, path, on_progress)
    loaded.add_folded_labels(fold)
    result: Store = loaded
    if engine == "memory":
        result = MemoryStore(
            plain_graph(loaded.triples()),
            shapes=shapes,
            version=version,
            sources=loaded.sources,
        )
    if len(loaded) > _FREEZE_TRIPLES:
        # Millions of long-lived objects: spare every later GC pass the walk.
        gc.collect()
        gc.freeze()
    return result


def parse_file(path: Path) -> list[ox.Quad]:
    """Parse one file fully, or raise DataError naming where it is wrong."""
    return list(_checked_quads(path, read_checked(path)))


def _load_file(store: OxigraphStore, path: Path, on_progress: OnProgress | None = None) -> None:
    if path.stat().st_size > _BULK_BYTES:
        raw = read_checked(path)
        fmt = FORMATS[path.suffix]
        # Parsing into Python costs as much as the load itself (3 s a million
        # triples): skip it when a line-based file provably passes the checks.
        if not (fmt in LINE_FORMATS and passes_term_checks(raw)):
            for _ in _checked_quads(path, raw):  # check streaming, then let Rust load it
                pass
        source: bytes | io.BufferedReader = raw
        if on_progress is not None:
            source = io.BufferedReader(_ReadCounter(path, raw, on_progress), _READ_CHUNK)
        try:
            store.bulk_load(source, fmt, base_iri=RELATIVE_BASE)
        except SyntaxError as exc:
            raise _syntax_error(path, exc, raw) from None
        return
    store.add_quads(parse_file(path))


class _ReadCounter(io.RawIOBase):
    """The bytes of a file, telling ``on_progress`` how far Oxigraph has read."""

    def __init__(self, path: Path, raw: bytes, on_progress: OnProgress) -> None:
        super().__init__()
        self._path = path
        self._view = memoryview(raw)
        self._done = 0
        self._on_progress = on_progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), len(self._view) - self._done)
        buffer[:count] = self._view[self._done : self._done + count]
        self._done += count
        self._on_progress(self._path, self._done, len(self._view))
        return count


def _checked_quads(path: Path, raw: bytes) -> Iterator[ox.Quad]:
    """Parse ``raw`` lazily, checking every term the parser lets through.

    Oxigraph keeps ill-typed literals ("abc"^^xsd:integer) and RDF 1.2 terms
    that the layers above cannot carry; both are refused here, at the place
    they are written. So are relative IRIs: resolved against the file's path
    they would publish where the file lives and change when it moves.
    """
    fmt = FORMATS[path.suffix]
    if fmt == ox.RdfFormat.JSON_LD:
        check_json_ld(path, raw)
    count = 0
    try:
        for quad in ox.parse(raw, format=fmt, base_iri=RELATIVE_BASE):
            for term in (quad.subject, quad.predicate, quad.object):
                problem = term_problem(term)
                if problem is not None:
                    reason, needle = problem
                    line, column = _locate(raw, needle)
                    raise DataError(reason, path=path, line=line, column=column)
            count += 1
            yield quad
    except SyntaxError as exc:
        raise _syntax_error(path, exc, raw) from None
    if count == 0:
        raise DataError("no triples in the file", path=path, line=1, column=1)


def _locate(raw: bytes, needle: str) -> tuple[int | None, int | None]:
    """Line and column (1-based, in characters) where ``needle`` is written.

    Skips comment lines, prefers an occurrence right after a quote or ``<``
    (a literal's lexical form, an IRI), and tries the text as written and
    with Turtle/JSON escapes; None if it is not found.
    """
    text = raw.decode("utf-8")
    escaped = needle.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    first: int | None = None
    for candidate in dict.fromkeys((needle, escaped, needle[:40], escaped[:40])):
        start = text.find(candidate) if candidate else -1
        for _ in range(1000):  # a short needle may occur everywhere: look a while only
            if start == -1:
                break
            line_start = text.rfind("\n", 0, start) + 1
            if not text[line_start:start].lstrip().startswith("#"):
                if start > 0 and text[start - 1] in "\"'<":
                    return position(text, start)
                first = start if first is None else first
            start = text.find(candidate, start + 1)
    return position(text, first) if first is not None else (None, None)


def _syntax_error(path: Path, exc: SyntaxError, raw: bytes) -> DataError:
    reason = str(exc.msg if exc.msg else exc)
    # Oxigraph prefixes its own position; keep only the reason.
    if reason.startswith("Parser error at line") and ": " in reason:
        reason = reason.split(": ", 1)[1]
    line, column = exc.lineno, exc.offset
    if line is not None and column is not None and reason.startswith("Unexpected character"):
        reason = _explain_unexpected(raw, line, column, reason)
    if line is None:  # JSON-LD processing errors carry no position: point at the JSON-LD
        line, column = _locate(raw, "@context") if "context" in reason else (1, 1)
        if line is None:
            line, column = 1, 1
    return DataError(reason, path=path, line=line, column=column)


def _explain_unexpected(raw: bytes, line: int, column: int, reason: str) -> str:
    """Name the language tag when that is what the unexpected character broke."""
    lines = raw.decode("utf-8").split("\n")
    if line > len(lines):
        return reason
    tag = re.search(r"@([A-Za-z][A-Za-z0-9-]*)$", lines[line - 1][: column - 1])
    if tag is None:
        return reason
    written = tag.group(1) + re.split(r"[\s,;.]", lines[line - 1][column - 1 :], maxsplit=1)[0]
    return f'"@{shorten(written)}" is not a language tag (BCP 47: vi, en, en-GB)'


def parse_graph(paths: Iterable[Path]) -> Graph:
    """Files parsed (and screened) into one plain rdflib graph, for tools that read a model."""
    graph = plain_graph()
    for path in paths:
        graph += (
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))  # type: ignore[misc]
            for q in parse_file(path)
        )
    return graph


def _fingerprint(paths: Iterable[Path]) -> str:
    """A short id of this version of the inputs (names, sizes, times: no re-read)."""
    digest = hashlib.sha256()
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
