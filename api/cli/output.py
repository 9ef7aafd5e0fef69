"""Writing outputs: to stdout, or to a file atomically.

A file is written to a temporary file in the same folder, flushed to disk and
renamed over the target, so a reader never sees half a file and a failed
write leaves nothing behind (the rename is atomic on one file system).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from ontology.errors import OutputError


def write_output(content: bytes | str, target: Path | str | None = None) -> None:
    """Write ``content`` to ``target`` atomically, or to stdout when it is None or ``-``."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target is None or str(target) == "-":
        _write_stdout(data)
        return
    write_file(Path(target), data)


def write_file(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` atomically; raise OutputError naming the path."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write: no such folder {folder}")
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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


def _write_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader went away (`orgkg export | head`): not an error of ours.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
