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
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from ontology.errors import DataError, StoreError
from ontology.folding import fold
from ontology.namespaces import PREFIXES
from ontology.persistent import (
    MANIFEST,
    Manifest,
    build_into,
    changed_files,
    describe_inputs,
    engine_folder,
    open_read_only,
)
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
    folder = engine_folder(engine)
    if folder is not None:
        return open_built(folder, paths)
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
            f"unknown store {engine!r}: use oxigraph, oxigraph:DIR (a store built by "
            "orgkg load), memory or a http(s):// SPARQL endpoint"
        )
    version = _fingerprint(sources.data + sources.shapes)
    loaded = OxigraphStore(
        shapes=shapes, version=version, sources=tuple(str(p) for p in sources.data)
    )
    _fill(loaded, sources.data, on_progress)
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


def _fill(store: OxigraphStore, data: Iterable[Path], on_progress: OnProgress | None) -> None:
    """Load every data file into ``store`` with the folded forms of its labels.

    Each file brings its own folded labels (from its parsed quads, or read
    off an N-Triples text); only a file neither way fits makes the loader
    fold every label of the store by query afterwards.
    """
    folded_by_file = True
    for path in data:
        folded_by_file &= _load_file(store, path, on_progress)
    if not folded_by_file:
        store.add_folded_labels(fold)


@dataclass(frozen=True)
class Built:
    """What ``orgkg load`` did: the store's manifest, and whether it was rebuilt."""

    manifest: Manifest
    rebuilt: bool


def build_store(
    paths: Sequence[Path | str],
    into: Path,
    *,
    force: bool = False,
    on_progress: OnProgress | None = None,
) -> Built:
    """Build the on-disk store of ``paths`` at ``into`` (unless it is up to date).

    The same screening and folding as :func:`load_regulation`; a bad file
    raises DataError before anything replaces ``into``. Open the result with
    ``load_regulation(engine="oxigraph:" + str(into))``.
    """
    started = time.perf_counter()
    sources = find_sources(paths)
    if not force and (into / MANIFEST).is_file():
        try:
            current = Manifest.read(into)
        except StoreError:
            current = None
        if current is not None and not changed_files(current, sources.data, sources.shapes):
            return Built(current, rebuilt=False)
    shapes = parse_graph(sources.shapes)  # a bad shapes file fails before the build
    inputs = describe_inputs(sources.data, sources.shapes)
    manifest = build_into(
        into,
        inputs,
        lambda native: _fill(
            OxigraphStore(shapes=shapes, version="building", native=native),
            sources.data,
            on_progress,
        ),
        started=started,
    )
    return Built(manifest, rebuilt=True)


def open_built(folder: Path, paths: Sequence[Path | str] = ()) -> Store:
    """Open the store ``orgkg load`` built at ``folder``, read-only.

    With ``paths``, they must be the data it was built from; without, the
    files its manifest names. Either way a file changed since the build is
    refused, naming it (rebuild with ``orgkg load``).
    """
    manifest = Manifest.read(folder)
    if paths:
        sources = find_sources(paths)
        data, shapes = sources.data, sources.shapes
    else:
        data, shapes = manifest.paths("data"), manifest.paths("shapes")
    reasons = changed_files(manifest, data, shapes)
    if reasons:
        shown = "; ".join(reasons[:3]) + (
            f"; and {len(reasons) - 3} more" if len(reasons) > 3 else ""
        )
        raise StoreError(
            f"the store at {folder} was built from other data: {shown}. "
            f"Rebuild it: orgkg load DATA --into {folder}"
        )
    return OxigraphStore(
        native=open_read_only(folder),
        shapes=parse_graph(shapes),
        version=manifest.version,
        sources=tuple(str(p) for p in data),
        triples=manifest.triples,
    )


def parse_file(path: Path) -> list[ox.Quad]:
    """Parse one file fully, or raise DataError naming where it is wrong."""
    return list(_checked_quads(path, read_checked(path)))


def _load_file(store: OxigraphStore, path: Path, on_progress: OnProgress | None = None) -> bool:
    """Load one file and the folded forms of its labels; False when they are still to add."""
    if path.stat().st_size > _BULK_BYTES:
        raw = read_checked(path)
        fmt = FORMATS[path.suffix]
        # Parsing into Python costs as much as the load itself (3 s a million
        # triples): skip it when a line-based file provably passes the checks.
        screened = fmt in LINE_FORMATS and passes_term_checks(raw)
        if not screened:
            for _ in _checked_quads(path, raw):  # check streaming, then let Rust load it
                pass
        folded = screened and fmt == ox.RdfFormat.N_TRIPLES
        if folded:
            # Written in the same text, so a blank node keeps its label.
            raw = raw + b"\n" + folded_ntriples(raw)
        source: bytes | io.BufferedReader = raw
        if on_progress is not None:
            source = io.BufferedReader(_ReadCounter(path, raw, on_progress), _READ_CHUNK)
        try:
            store.bulk_load(source, fmt, base_iri=RELATIVE_BASE)
        except SyntaxError as exc:
            raise _syntax_error(path, exc, raw) from None
        return folded
    quads = parse_file(path)
    store.add_quads(quads)
    store.add_quads(folded_quads(quads))
    return True


class _ReadCounter(io.RawIOBase):
    """The bytes of a file, telling ``on_progress`` how far Oxigraph has read."""

    def __init__(self, path: Path, raw: bytes, on_progress: OnProgress) -> None:
        super().__init__()
        self._path = path
        self._view = memoryview(raw)
        self._size = path.stat().st_size
        self._done = 0
        self._on_progress = on_progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), len(self._view) - self._done)
        buffer[:count] = self._view[self._done : self._done + count]
        self._done += count
        # The text read may carry the folded labels after the file: report
        # progress in the file's own bytes.
        self._on_progress(self._path, self._done * self._size // len(self._view), self._size)
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


_LABELS = {
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["skos"] + "altLabel",
    PREFIXES["rdfs"] + "label",
}
_HIDDEN = ("<" + PREFIXES["skos"] + "hiddenLabel>").encode()
# An N-Triples statement (one a line) whose object is a literal.
_LITERAL_STATEMENT = re.compile(
    rb'[ \t]*(<[^>\s]*>|_:\S+)[ \t]+(<[^>\s]*>)[ \t]+"([^"\\\n]*(?:\\.[^"\\\n]*)*)"'
    rb"(@[A-Za-z0-9-]+)?(?:\^\^<[^>\s]*>)?[ \t]*\.[ \t]*(?:#.*)?\r?$"
)
_LABEL_PREDICATES = tuple(f"<{iri}>".encode() for iri in sorted(_LABELS))
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def folded_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """``skos:hiddenLabel`` quads, the folded form beside every label among ``quads``."""
    hidden = ox.NamedNode(PREFIXES["skos"] + "hiddenLabel")
    folds: dict[tuple[str, str | None], ox.Literal | None] = {}
    additions: list[ox.Quad] = []
    for quad in quads:
        label = quad.object
        if quad.predicate.value not in _LABELS or not isinstance(label, ox.Literal):
            continue
        key = (label.value, label.language)
        if key not in folds:
            folds[key] = _folded_literal(label)
        literal = folds[key]
        if literal is not None:
            additions.append(ox.Quad(quad.subject, hidden, literal, quad.graph_name))
    return additions


def folded_ntriples(raw: bytes) -> bytes:
    """The ``skos:hiddenLabel`` statements of the labels in an N-Triples text, as N-Triples.

    Read off the text (a regular expression over the label lines), not by
    query after loading: a tenth of the cost on a big file, and the same
    triples (tested against the query).
    """
    folds: dict[tuple[bytes, bytes], bytes | None] = {}
    out: list[bytes] = []
    for predicate in _LABEL_PREDICATES:
        # bytes.find runs at memory speed; a regex search over the whole text
        # would cost as much as a third of the load.
        found = raw.find(predicate)
        while found != -1:
            start = raw.rfind(b"\n", 0, found) + 1
            end = raw.find(b"\n", found)
            end = len(raw) if end == -1 else end
            match = _LITERAL_STATEMENT.match(raw, start, end)
            found = raw.find(predicate, end)
            if match is None or match.group(2) != predicate:
                continue  # a comment, the IRI as a subject or object, no literal
            subject, value, language = match.group(1, 3, 4)
            key = (value, language or b"")
            if key not in folds:
                text = value.decode("utf-8")
                folded = fold(_unescape(text) if "\\" in text else text)
                escaped = folded.replace("\\", "\\\\").replace('"', '\\"')
                folds[key] = f'"{escaped}"'.encode() + (language or b"") if folded else None
            literal = folds[key]
            if literal is not None:
                out.append(b"%s %s %s .\n" % (subject, _HIDDEN, literal))
    return b"".join(out)


def _unescape(text: str) -> str:
    """An N-Triples string's escapes (``\\n``, ``\\u00e9`` ...) read."""

    def replace(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code:
            return chr(int(code, 16))
        return _ESCAPED.get(match.group(3), match.group(0))

    return _ESCAPE.sub(replace, text)


def _folded_literal(label: ox.Literal) -> ox.Literal | None:
    """The folded form of a label, in its language; None when nothing is left."""
    folded = fold(label.value)
    if not folded:
        return None
    return ox.Literal(folded, language=label.language) if label.language else ox.Literal(folded)


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
