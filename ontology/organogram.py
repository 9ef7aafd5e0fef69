"""``orgkg import organogram``: UK government organogram CSVs -> ORG + SKOS + FOAF.

The schema every UK central body publishes twice a year: a *senior* file,
one row per senior post (``Post Unique Reference``, ``Name``, ``Job Title``,
``Unit``, ``Reports to Senior Post``, grade, FTE, ``URI``), and a *junior*
file, junior staff counted per senior post (``Reporting Senior Post``,
``Grade``, ``Generic Job Title``, ``Number of Posts in FTE``).

Every snapshot goes to its own folder ``DIR/{date}/organogram.ttl``, a
dataset dated by ``dcterms:date`` and valid until the next snapshot's date,
so snapshots can be loaded, checked and compared one by one. Reading the
files is :mod:`ontology.organogram_reader`, the triples of a snapshot
:mod:`ontology.organogram_model`; the Turtle is written as a stream of text
(:mod:`ontology.triples`), never an rdflib Graph, so 100k rows take seconds.

Messy rows (a blank reference, a post reporting to one missing from the
file, a reporting cycle, a junior row for an unknown post, a bad number) are
kept out or kept as they are, and each is reported with ``file:row``; only a
file that is not an organogram at all stops the import (:class:`DataError`),
and then nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ontology.namespaces import PREFIXES
from ontology.organogram_model import ATTRIBUTION, Converted, convert
from ontology.organogram_reader import (
    JUNIOR_KEY,
    SENIOR_KEY,
    Note,
    Snapshot,
    group_snapshots,
    read_rows,
)
from ontology.writer import write_chunks, write_file

__all__ = [
    "ATTRIBUTION",
    "JUNIOR_KEY",
    "SENIOR_KEY",
    "Imported",
    "Note",
    "Snapshot",
    "convert",
    "group_snapshots",
    "import_organogram",
    "read_rows",
]


@dataclass
class Imported:
    """What an import wrote and noticed."""

    folders: list[Path] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    posts: int = 0


def import_organogram(paths: Sequence[Path], output: Path, *, date: str | None = None) -> Imported:
    """Convert the files into ``output/{date}/organogram.ttl``, one folder per snapshot."""
    snapshots = group_snapshots(paths, date)
    result = Imported()
    converted: list[tuple[Snapshot, Converted]] = []
    for index, snapshot in enumerate(snapshots):
        following = snapshots[index + 1].date if index + 1 < len(snapshots) else None
        one = convert(snapshot, valid_until=following)
        result.notes += one.notes
        result.posts += one.posts
        converted.append((snapshot, one))
    for snapshot, one in converted:
        folder = output / snapshot.date
        write_chunks(folder / "organogram.ttl", one.triples.turtle(PREFIXES, _header(snapshot)))
        result.folders.append(folder)
    write_file(output / "README.md", _readme(snapshots))
    return result


def _header(snapshot: Snapshot) -> str:
    names = ", ".join(p.name for p in (snapshot.senior, snapshot.junior) if p is not None)
    return (
        f"# An organogram snapshot of {snapshot.date}, imported by `orgkg import organogram`\n"
        f"# from {names}. Where the files are UK government data: {ATTRIBUTION}\n\n"
    )


def _readme(snapshots: list[Snapshot]) -> str:
    lines = [
        "# Imported organogram",
        "",
        "One folder per snapshot; load one with `orgkg --data DIR/DATE ...`.",
        "",
        "| snapshot | files |",
        "|---|---|",
    ]
    for s in snapshots:
        names = ", ".join(p.name for p in (s.senior, s.junior) if p is not None)
        lines.append(f"| `{s.date}` | {names} |")
    lines += ["", f"UK government organograms: {ATTRIBUTION}", ""]
    return "\n".join(lines)
