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
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ontology.big_files import OnProgress, load_big_file
from ontology.errors import DataError, StoreError
from ontology.folding import fold
from ontology.hidden_labels import folded_quads
from ontology.known_labels import LabelReader
from ontology.persistent import (
    MANIFEST,
    Manifest,
    build_into,
    changed_files,
    describe_inputs,
    engine_folder,
    open_read_only,
    version_of,
)
from ontology.screening import checked_quads, read_checked
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
# About 200,000 statements of N-Triples: past it, freeze the collector's
# generations (decided by size: counting a store of a million triples costs
# 0.15 s, and nobody may ask for the count).
_FREEZE_BYTES = 32 * 2**20


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
    if engine.startswith(("http://", "https://")):
        return RemoteStore(
            engine,
            shapes=parse_graph(sources.shapes),
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
        shapes=plain_graph(), version=version, sources=tuple(str(p) for p in sources.data)
    )

    def read_shapes() -> None:  # while a big file is parsed, if there is one
        loaded.shapes = parse_graph(sources.shapes)

    _fill(loaded, sources.data, on_progress, beside=read_shapes)
    result: Store = loaded
    if engine == "memory":
        result = MemoryStore(
            plain_graph(loaded.triples()),
            shapes=loaded.shapes,
            version=version,
            sources=loaded.sources,
        )
        result.known_labels = loaded.known_labels
    if sum(path.stat().st_size for path in sources.data) > _FREEZE_BYTES:
        # Millions of long-lived objects: spare every later GC pass the walk.
        gc.collect()
        gc.freeze()
    return result


def _fill(
    store: OxigraphStore,
    data: Iterable[Path],
    on_progress: OnProgress | None,
    beside: Callable[[], None] | None = None,
) -> None:
    """Load every data file into ``store`` with the folded forms of its labels.

    Each file brings its own folded labels (from its parsed quads, or read
    off an N-Triples text); only a file neither way fits makes the loader
    fold every label of the store by query afterwards. The small files are
    parsed (and ``beside`` called) while Oxigraph parses the first big file;
    their quads go in after it (Oxigraph's ``extend`` would wait for it).
    The labels found on the way give the store its ``known_labels``
    (:mod:`ontology.known_labels`), worked out while the last big file parses.
    """
    paths = list(data)
    big = [path for path in paths if path.stat().st_size > _BULK_BYTES]
    parsed: list[list[ox.Quad]] = []
    labels = LabelReader()

    def read_small() -> None:
        for path in paths:
            if path not in big:
                quads = parse_file(path)
                labels.add_quads(quads)
                parsed.extend((quads, folded_quads(quads)))
        if beside is not None:
            beside()

    if not big:
        read_small()
    folded_by_file = True
    for index, path in enumerate(big):
        folded_by_file &= load_big_file(
            store,
            path,
            FORMATS[path.suffix],
            on_progress,
            read_small if index == 0 else None,
            labels=labels,
            meanwhile=labels.labels if index == len(big) - 1 else None,
        )
    for quads in parsed:
        store.add_quads(quads)
    if not folded_by_file:
        store.add_folded_labels(fold)
        labels.give_up()
    store.known_labels = labels.labels()


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
    keep: Callable[[Store], object] | None = None,
) -> Built:
    """Build the on-disk store of ``paths`` at ``into`` (unless it is up to date).

    The same screening and folding as :func:`load_regulation`; a bad file
    raises DataError before anything replaces ``into``. Open the result with
    ``load_regulation(engine="oxigraph:" + str(into))``. ``keep(store)``,
    called once the data is in, may keep what it derives from the store in
    the store's ``kept_in`` folder (``orgkg load``: the reporting projection).
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

    def fill(native: ox.Store, folder: Path) -> None:
        store = OxigraphStore(
            shapes=shapes, version=version_of(inputs), native=native, kept_in=folder
        )
        _fill(store, sources.data, on_progress)
        if keep is not None:
            keep(store)

    manifest = build_into(into, inputs, fill, started=started)
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
        on_disk=True,
        kept_in=folder,
    )


def parse_file(path: Path) -> list[ox.Quad]:
    """Parse one file fully, or raise DataError naming where it is wrong."""
    return list(checked_quads(path, read_checked(path), FORMATS[path.suffix]))


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
