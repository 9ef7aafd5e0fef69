"""Writing files and folders so that nothing is ever half-written.

A file goes to a temporary file in the same folder and is renamed over its
target; a new folder is built beside its target under a temporary name and
renamed into place, so a failure leaves no folder at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from ontology.errors import OutputError


def write_file(path: Path, data: bytes | str, *, parents: bool = True) -> None:
    """Replace ``path`` by ``data`` atomically; raise OutputError naming the path.

    ``parents=False`` refuses a missing folder instead of making it (an
    output path a person typed: a typo should not create folders).
    """
    write_chunks(path, [data], parents=parents)


def write_chunks(path: Path, chunks: Iterable[bytes | str], *, parents: bool = True) -> None:
    """Like :func:`write_file`, for data made piece by piece: never all in memory at once."""
    folder = path.parent if str(path.parent) else Path()
    if not parents and not folder.is_dir():
        raise OutputError(f"{path}: cannot write: no such folder {folder}")
    temp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600; give it the mode a plain open() would.
        Path(temp).chmod(0o666 & ~_umask())
        Path(temp).replace(path)
        temp = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                Path(temp).unlink()


def write_folder(target: Path, files: Mapping[str, bytes | str]) -> None:
    """Create ``target`` holding ``files`` (relative path -> content), all or nothing.

    ``target`` must not exist, or be an empty folder. A relative path ending
    in ``/`` makes an empty folder.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise OutputError(f"{target}: already exists and is not an empty folder")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        for name, content in files.items():
            path = staging / name
            if name.endswith("/"):
                path.mkdir(parents=True, exist_ok=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        staging.chmod(0o755)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
