"""A store built once on disk (``orgkg load DATA --into DIR``) and opened read-only.

Building reads, screens and folds the data exactly as an in-memory load does,
into ``DIR.tmp``; the manifest (input files with sizes, times and SHA-256,
the versions of orgkg and pyoxigraph, the triple count) is written last,
then the folder is renamed to ``DIR``. A build killed half-way leaves the old
``DIR`` untouched and a ``DIR.tmp`` that nothing opens (it has no manifest);
the next build clears it.

Opening (``--store oxigraph:DIR``) reads the manifest, checks that the data
it was built from has not changed since (size and time first, the hash only
when those differ) and opens the store with ``pyoxigraph.Store.read_only``:
no parse, no fold, and the data stays on disk until a query reads it.

A process that opens a store holds a shared lock on its ``orgkg-lock`` file
while it lives (a POSIX record lock: the kernel drops it when the process
ends, even by SIGKILL). Any number of servers share a store; a rebuild in
another process asks for the exclusive lock first and is refused while one
has it open (a server keeps answering from the files it opened, so
replacing them under it would leave it on the old data unseen); a process
opening a store that is being rebuilt is refused until the build ends.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ontology.errors import DataError, OutputError, StoreError

MANIFEST = "orgkg-manifest.json"
# Locked shared by every process that opens the store, exclusively by a rebuild.
LOCK = "orgkg-lock"
# Bumped when what a build writes changes: an older store is then refused.
LAYOUT = 1
ENGINE_PREFIX = "oxigraph:"
_HASH_CHUNK = 1 << 22


@dataclass(frozen=True)
class InputFile:
    """One file a store was built from."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    role: str  # "data" or "shapes"


@dataclass(frozen=True)
class Manifest:
    """What a built store holds and how it was made."""

    layout: int
    version: str
    triples: int
    files: tuple[InputFile, ...]
    orgkg: str
    pyoxigraph: str
    built_at: str
    build_seconds: float

    def paths(self, role: str) -> tuple[Path, ...]:
        return tuple(Path(f.path) for f in self.files if f.role == role)

    def to_json(self) -> str:
        document = asdict(self)
        document["files"] = [asdict(f) for f in self.files]
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """The manifest of the store at ``folder``, or StoreError saying why it cannot be used."""
        path = folder / MANIFEST
        if not folder.is_dir():
            leftover = _old(folder)
            hint = (
                f"; {leftover} holds the store a rebuild was replacing" if leftover.is_dir() else ""
            )
            raise StoreError(
                f"no store at {folder} (build it with: orgkg load DATA --into {folder}){hint}"
            )
        try:
            document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise StoreError(
                f"{folder} is not a complete orgkg store: it has no {MANIFEST} "
                f"(a build was interrupted, or it is not a store); rebuild it with "
                f"orgkg load DATA --into {folder}"
            ) from None
        except (OSError, ValueError) as exc:
            raise StoreError(f"{path}: unreadable manifest ({exc}); rebuild the store") from None
        if document.get("layout") != LAYOUT:
            raise StoreError(
                f"{path}: a store of layout {document.get('layout')!r}, this orgkg reads "
                f"layout {LAYOUT}; rebuild it with orgkg load DATA --into {folder}"
            )
        try:
            files = tuple(InputFile(**f) for f in document.pop("files"))
            return cls(files=files, **document)
        except (KeyError, TypeError) as exc:
            raise StoreError(f"{path}: malformed manifest ({exc}); rebuild the store") from None


def engine_folder(engine: str) -> Path | None:
    """The folder of an ``oxigraph:DIR`` engine name, else None."""
    if not engine.startswith(ENGINE_PREFIX):
        return None
    folder = engine[len(ENGINE_PREFIX) :]
    if not folder:
        raise DataError("oxigraph: needs a folder: --store oxigraph:DIR")
    return Path(folder)


def describe_inputs(data: Iterable[Path], shapes: Iterable[Path]) -> tuple[InputFile, ...]:
    """Every input file with its size, time and hash."""
    return tuple(
        _input_file(path, role)
        for role, paths in (("data", data), ("shapes", shapes))
        for path in paths
    )


def _input_file(path: Path, role: str) -> InputFile:
    stat = path.stat()
    return InputFile(str(path.resolve()), stat.st_size, stat.st_mtime_ns, _sha256(path), role)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def version_of(files: Iterable[InputFile]) -> str:
    """A short id of the store's content: the inputs' names and hashes."""
    digest = hashlib.sha256()
    for item in files:
        digest.update(f"{item.role}\0{item.path}\0{item.sha256}\n".encode())
    return "disk-" + digest.hexdigest()[:16]


def changed_files(manifest: Manifest, data: Sequence[Path], shapes: Sequence[Path]) -> list[str]:
    """Why the inputs differ from those the store was built from (empty: the same)."""
    now = {
        (str(p.resolve()), role) for role, ps in (("data", data), ("shapes", shapes)) for p in ps
    }
    built = {(f.path, f.role) for f in manifest.files}
    reasons = [f"{path} is new (not in the store)" for path, _ in sorted(now - built)]
    reasons += [f"{path} is no longer given" for path, _ in sorted(built - now)]
    for item in manifest.files:
        if (item.path, item.role) not in now:
            continue
        path = Path(item.path)
        try:
            stat = path.stat()
        except OSError:
            reasons.append(f"{path} is gone")
            continue
        if stat.st_size != item.size:
            reasons.append(f"{path} changed ({item.size} -> {stat.st_size} bytes)")
        elif stat.st_mtime_ns != item.mtime_ns and _sha256(path) != item.sha256:
            reasons.append(f"{path} changed (same size, new content)")
    return reasons


def build_into(
    folder: Path, inputs: tuple[InputFile, ...], fill: Any, *, started: float
) -> Manifest:
    """Build a store in ``folder.tmp`` with ``fill(store, folder.tmp)``, then put it at ``folder``.

    ``fill`` loads and folds the data (the loader's own steps), and may keep
    what it derives from them in the folder; the manifest is written last,
    atomically, and the folder renamed into place.
    """
    folder = folder.resolve()
    temporary = folder.with_name(folder.name + ".tmp")
    if folder.exists() and not (folder / MANIFEST).is_file() and any(folder.iterdir()):
        raise DataError(
            f"{folder} exists and is not an orgkg store: refusing to replace it", path=folder
        )
    guard = _claim(folder)
    try:
        return _build(folder, temporary, inputs, fill, started=started)
    finally:
        if guard is not None:
            os.close(guard)  # releases the exclusive lock


def _build(
    folder: Path, temporary: Path, inputs: tuple[InputFile, ...], fill: Any, *, started: float
) -> Manifest:
    if temporary.exists():
        shutil.rmtree(temporary)  # a build killed half-way
    try:
        temporary.parent.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(temporary))
        (temporary / LOCK).touch()
    except OSError as exc:
        raise OutputError(f"cannot build a store at {folder}: {exc}") from None
    try:
        fill(store, temporary)
        triples = len(store)
        store.flush()
        store.optimize()
    finally:
        del store
        gc.collect()  # closes the database before the folder moves
    manifest = Manifest(
        layout=LAYOUT,
        version=version_of(inputs),
        triples=triples,
        files=inputs,
        orgkg=_version("orgkg"),
        pyoxigraph=ox.__version__,
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        build_seconds=round(time.perf_counter() - started, 3),
    )
    _write_atomically(temporary / MANIFEST, manifest.to_json())
    _swap(temporary, folder)
    return manifest


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)


def _old(folder: Path) -> Path:
    return folder.with_name(folder.name + ".old")


def _swap(temporary: Path, folder: Path) -> None:
    """Put the built folder in place of the old one (two renames; the old one is then removed)."""
    old = _old(folder)
    if old.exists():
        shutil.rmtree(old)
    if folder.exists():
        folder.rename(old)
    temporary.rename(folder)
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(old)


def open_read_only(folder: Path) -> ox.Store:
    """The store at ``folder``, read-only (StoreError when RocksDB refuses it).

    The process holds a shared lock on the store from then on (see above).
    """
    _share(folder)
    try:
        return ox.Store.read_only(str(folder))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {folder}: {exc}") from None


# The lock files this process holds shared, by path and inode, with their
# descriptors: kept open while the process lives (closing any descriptor of
# a file drops the process's POSIX locks on it, so each is opened once).
_SHARED: dict[tuple[str, int], int] = {}


def _share(folder: Path) -> None:
    held = _lock(
        folder,
        exclusive=False,
        refusal="the store at {folder} is being rebuilt (orgkg load --into is running); "
        "open it when the build has finished",
    )
    if held is not None:
        key, descriptor = held
        _SHARED[key] = descriptor


def _claim(folder: Path) -> int | None:
    """Lock the store at ``folder`` for a rebuild, or StoreError while another process has it open.

    None when there is nothing to lock (no store yet, or one built before
    the lock) or this process itself has it open (its own locks never
    conflict, and a second descriptor would drop them when closed).
    """
    held = _lock(
        folder,
        exclusive=True,
        refusal="the store at {folder} is open in another orgkg process (a server or a query): "
        "stop it before rebuilding, or build into another folder and serve that",
    )
    return None if held is None else held[1]


def _lock(folder: Path, *, exclusive: bool, refusal: str) -> tuple[tuple[str, int], int] | None:
    """Take the store's lock file, shared or exclusive, without waiting.

    Returns the lock's key and descriptor; None when the store has no lock
    file (built before it existed) or this process already holds it shared.
    A lock another process holds raises StoreError with ``refusal``.
    """
    path = folder / LOCK
    try:
        key = (str(path.resolve()), path.stat().st_ino)
    except FileNotFoundError:
        return None
    if key in _SHARED:
        return None
    descriptor = os.open(path, os.O_RDWR if exclusive else os.O_RDONLY)
    try:
        fcntl.lockf(descriptor, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        raise StoreError(refusal.format(folder=folder)) from None
    return key, descriptor


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"
