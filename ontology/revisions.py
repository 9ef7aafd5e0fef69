"""A data folder or file as it was at a git revision, for ``orgkg diff A..B PATH``.

``git archive`` writes the tree of ``PATH`` at the revision into a temporary
folder (extracted with tarfile's ``data`` filter: no links out, no absolute
paths), which is removed afterwards. Nothing is checked out in the working
tree, so uncommitted edits are never touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ontology.errors import DataError

GIT_TIMEOUT = 60.0


def split_range(text: str) -> tuple[str, str] | None:
    """``A..B`` -> (A, B); None when ``text`` is not a revision range."""
    old, sep, new = text.partition("..")
    if not sep or not old or not new or Path(text).exists():
        return None
    return old, new


@contextmanager
def checked_out(revision: str, path: Path) -> Iterator[Path]:
    """``path`` (a folder or file inside a git work tree) as it was at ``revision``."""
    path = path.resolve()
    start = path if path.is_dir() else path.parent
    root = Path(_git(start, "rev-parse", "--show-toplevel").decode().strip())
    relative = path.relative_to(root).as_posix() if path != root else "."
    archive = _git(root, "archive", "--format=tar", revision, "--", relative)
    with tempfile.TemporaryDirectory(prefix="orgkg-rev-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        target = Path(folder) / relative
        if not target.exists():
            raise DataError(f"{relative} does not exist at revision {revision}", path=path)
        yield target


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT,
        )
    except FileNotFoundError:
        raise DataError("git is not installed: cannot read a revision") from None
    except subprocess.TimeoutExpired:
        raise DataError(f"git {args[0]} took longer than {GIT_TIMEOUT:.0f} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DataError(f"git {args[0]}: {message[-1] if message else 'failed'}", path=cwd)
    return done.stdout
