"""Writing outputs: to stdout, or to a file atomically.

A file is written to a temporary file in the same folder, flushed to disk and
renamed over the target, so a reader never sees half a file and a failed
write leaves nothing behind (the rename is atomic on one file system).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from ontology.writer import write_file


def write_output(content: bytes | str, target: Path | str | None = None) -> None:
    """Write ``content`` to ``target`` atomically, or to stdout when it is None or ``-``."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target is None or str(target) == "-":
        _write_stdout(data)
        return
    write_file(Path(target), data, parents=False)


def _write_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader went away (`orgkg export | head`): not an error of ours.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
