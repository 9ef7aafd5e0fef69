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
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from ontology.errors import DataError
from ontology.folding import fold
from ontology.namespaces import PREFIXES
from ontology.store import Store, from_ox

HERE = Path(__file__).resolve().parent
VOCABULARY = HERE / "vocabulary.ttl"
GENERIC_SHAPES = HERE / "shapes"
REGULATIONS = HERE / "regulations"
BUNDLED = REGULATIONS / "qd-426-2018"

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
SHAPES_FOLDER = "shapes"
_FOLD_QUERY = """
SELECT ?s ?label WHERE {
  { ?s skos:prefLabel ?label } UNION { ?s skos:altLabel ?label } UNION { ?s rdfs:label ?label }
  FILTER(isLiteral(?label))
}"""
_BULK_BYTES = 8 * 1024 * 1024
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
    data: list[Path] = [VOCABULARY]
    shapes: list[Path] = sorted(GENERIC_SHAPES.glob("*.ttl"))
    for given in paths or (BUNDLED,):
        path = Path(given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.suffix in FORMATS and p.is_file()):
                relative = file.relative_to(path)
                (shapes if SHAPES_FOLDER in relative.parts[:-1] else data).append(file)
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


def load_regulation(paths: Sequence[Path | str] = (), *, engine: str = "oxigraph") -> Store:
    """Load the regulation(s) at ``paths`` (default: the bundled one) into a store.

    ``engine`` is ``oxigraph`` (default), ``memory``, or the URL of a SPARQL 1.1
    query endpoint, which is queried as it is (data is loaded there by its own
    tools; only the shapes of ``paths`` are read here).
    """
    sources = find_sources(paths)
    shapes = _parse_into_rdflib(sources.shapes)
    if engine.startswith(("http://", "https://")):
        remote = Graph(store=SPARQLStore(query_endpoint=engine, returnFormat="json"))
        return Store(
            engine="sparql",
            shapes=shapes,
            version=_fingerprint(sources.shapes) + "@" + engine,
            sources=tuple(str(p) for p in sources.data),
            endpoint=engine,
            _graph=remote,
        )
    if engine not in ("oxigraph", "memory"):
        raise DataError(
            f"unknown store {engine!r}: use oxigraph, memory or a http(s):// SPARQL endpoint"
        )
    store = ox.Store()
    for path in sources.data:
        _load_file(store, path)
    _add_folded_labels(store)
    version = _fingerprint(sources.data + sources.shapes)
    common = {"shapes": shapes, "version": version, "sources": tuple(str(p) for p in sources.data)}
    if engine == "memory":
        graph = Graph()
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri)
        graph += (
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))  # type: ignore[misc]
            for q in store
        )
        result = Store(engine="memory", _graph=graph, **common)  # type: ignore[arg-type]
    else:
        result = Store(engine="oxigraph", _ox=store, **common)  # type: ignore[arg-type]
    if len(store) > _FREEZE_TRIPLES:
        # Millions of long-lived objects: spare every later GC pass the walk.
        gc.collect()
        gc.freeze()
    return result


def parse_file(path: Path) -> list[ox.Quad]:
    """Parse one file fully, or raise DataError naming where it is wrong."""
    raw = _read_checked(path)
    try:
        return list(ox.parse(raw, format=FORMATS[path.suffix], base_iri=path.resolve().as_uri()))
    except SyntaxError as exc:
        raise _syntax_error(path, exc) from None


def _load_file(store: ox.Store, path: Path) -> None:
    if path.stat().st_size > _BULK_BYTES:
        _read_checked(path)
        try:
            store.bulk_load(path=str(path), format=FORMATS[path.suffix], to_graph=ox.DefaultGraph())
        except SyntaxError as exc:
            raise _syntax_error(path, exc) from None
        return
    store.extend(
        ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in parse_file(path)
    )


def _read_checked(path: Path) -> bytes:
    """Read a file and check it is non-empty UTF-8 in NFC, naming the place if not."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path=path) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            f"not UTF-8 (byte 0x{raw[exc.start]:02x})", path=path, line=line, column=column
        ) from None
    if not text.strip():
        raise DataError("empty file: no RDF in it", path=path, line=1, column=1)
    if not unicodedata.is_normalized("NFC", text):
        for number, line_text in enumerate(text.splitlines(), start=1):
            if not unicodedata.is_normalized("NFC", line_text):
                column = _first_non_nfc(line_text)
                raise DataError(
                    "text is not Unicode NFC (decomposed diacritics); normalise the file to NFC",
                    path=path,
                    line=number,
                    column=column,
                )
    return raw


def _first_non_nfc(line: str) -> int:
    for index in range(len(line)):
        if not unicodedata.is_normalized("NFC", line[: index + 1]):
            return index
    return 1


def _syntax_error(path: Path, exc: SyntaxError) -> DataError:
    reason = str(exc.msg if exc.msg else exc)
    # Oxigraph prefixes its own position; keep only the reason.
    if reason.startswith("Parser error at line") and ": " in reason:
        reason = reason.split(": ", 1)[1]
    return DataError(reason, path=path, line=exc.lineno, column=exc.offset)


def _add_folded_labels(store: ox.Store) -> None:
    """Add skos:hiddenLabel, the folded search form, beside every label."""
    hidden = ox.NamedNode(PREFIXES["skos"] + "hiddenLabel")
    solutions = store.query(_FOLD_QUERY, prefixes=PREFIXES)
    additions: list[ox.Quad] = []
    for solution in solutions:  # type: ignore[union-attr]
        label = solution["label"]
        folded = fold(label.value)
        if folded:
            additions.append(
                ox.Quad(
                    solution["s"],
                    hidden,
                    ox.Literal(folded, language=label.language) if label.language else ox.Literal(folded),
                    ox.DefaultGraph(),
                )
            )
    store.extend(additions)


def _parse_into_rdflib(paths: Iterable[Path]) -> Graph:
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
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
