"""Reading UK organogram CSVs: rows, encodings, and which files make one snapshot.

A file's kind (senior or junior) is read from its header, its snapshot date
from its name (``...-2011-03-31-senior.csv``) or its ``source_file`` column,
or given. Files are read as UTF-8 (a BOM is dropped), else as Windows-1252
with a note saying so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ontology.errors import DataError

SENIOR_KEY = "Post Unique Reference"
JUNIOR_KEY = "Reporting Senior Post"
SENIOR_NEEDS = (SENIOR_KEY, "Name", "Job Title", "Reports to Senior Post")
JUNIOR_NEEDS = (JUNIOR_KEY, "Number of Posts in FTE")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

Row = dict[str, str]


@dataclass(frozen=True)
class Note:
    """A row that was kept out or kept with a caveat, and why."""

    path: str
    row: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.row}: {self.message}"


@dataclass
class Snapshot:
    """The senior and junior files of one body on one date."""

    date: str
    senior: Path | None = None
    junior: Path | None = None


def group_snapshots(paths: Sequence[Path], date: str | None = None) -> list[Snapshot]:
    """Pair senior and junior files by snapshot date (from the name, the data, or ``date``)."""
    if date is not None and not is_date(date):
        raise DataError(f"--date {date!r} is not a date (YYYY-MM-DD)")
    snapshots: dict[str, Snapshot] = {}
    for path in paths:
        header, first = _head(path)
        kind = "senior" if SENIOR_KEY in header else "junior" if JUNIOR_KEY in header else None
        if kind is None:
            raise DataError(
                f"not an organogram file: no {SENIOR_KEY!r} or {JUNIOR_KEY!r} column",
                path=path,
                line=1,
            )
        day = date or _date_of(path, first)
        if day is None:
            raise DataError(
                "cannot tell the snapshot date: name the file ...-YYYY-MM-DD-senior.csv "
                "or give --date",
                path=path,
            )
        snapshot = snapshots.setdefault(day, Snapshot(day))
        if getattr(snapshot, kind) is not None:
            raise DataError(f"a second {kind} file for {day}", path=path)
        setattr(snapshot, kind, path)
    for snapshot in snapshots.values():
        if snapshot.senior is None:
            raise DataError(
                f"no senior file for the snapshot of {snapshot.date}", path=snapshot.junior
            )
    return [snapshots[d] for d in sorted(snapshots)]


def read_rows(path: Path, needs: Iterable[str] = ()) -> tuple[list[Row], str | None]:
    """The rows of a CSV as dicts; UTF-8, else Windows-1252 (with a note saying so)."""
    text, note = _text(path)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = [
            {(k or "").strip(): (v or "") for k, v in row.items() if k is not None}
            for row in reader
        ]
    except csv.Error as exc:
        raise DataError(f"not a CSV file: {exc}", path=path) from None
    header = reader.fieldnames or []
    missing = [n for n in needs if n not in {h.strip() for h in header}]
    if missing:
        raise DataError(f"missing column(s) {', '.join(map(repr, missing))}", path=path, line=1)
    return rows, note


def is_date(text: str) -> bool:
    """Whether ``text`` is a real calendar date written YYYY-MM-DD."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return bool(_DATE.fullmatch(text))


def _text(path: Path) -> tuple[str, str | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        note = f"not UTF-8 (first bad byte on line {line}): read as Windows-1252"
        return raw.decode("cp1252", errors="replace"), note


def _head(path: Path) -> tuple[set[str], Row]:
    """The column names of a file and its first row (empty if it has none)."""
    text, _ = _text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader, [])]
        values = next(reader, [])
    except csv.Error as exc:
        raise DataError(f"not a CSV file: {exc}", path=path) from None
    return set(header), dict(zip(header, values, strict=False))


def _date_of(path: Path, first: Row) -> str | None:
    """The first real date (YYYY-MM-DD) in the file's name, else its source_file column."""
    for text in (path.name, first.get("source_file", "")):
        for m in _DATE.finditer(text):
            if is_date(m.group(0)):
                return m.group(0)
    return None
