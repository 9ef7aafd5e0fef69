"""Real organisational data at scale: UK organograms beside the raw engine (issue 16 §5).

    python -m benchmarks.realdata                        # make bench-real: 1M triples
    python -m benchmarks.realdata --sizes 100k,1M --runs 3 --json realdata.json

The real snapshots in ``benchmarks/data/organograms/`` (or ``--csv DIR``,
``.csv`` or ``.csv.gz``) are imported by ``orgkg import organogram``, one
import per body, and every snapshot of every body is put together into one
graph: a post kept across snapshots is one node with the facts of each, as
when an analyst loads a body's history. That graph is then copied until the
size is reached, each copy with its own IRIs (``id/r{copy}/...``), so the
shape of the data (its fan-out, depth, label lengths, junior groups,
provenance per row) is the real one at any size. Labels are kept as they
are in every copy.

The file is measured by :mod:`benchmarks.floor`, the same functions as the
synthetic data (load, every catalogue question, networkx, the on-disk store),
floor and orgkg taking turns, in a fresh process per size.
"""

# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from benchmarks.disk_store import measure_disk
from benchmarks.floor import run_size
from benchmarks.generator import OUT, PART_BYTES, SINGLE_FILE_TRIPLES, format_size, parse_size
from benchmarks.ntriples import PartFiles
from benchmarks.progress import say
from benchmarks.report import describe_machine
from benchmarks.targets import check_disk_targets, check_targets, render, render_disk

SOURCES = Path(__file__).resolve().parent / "data" / "organograms"
DEFAULT_SIZES = "1M"
VERSION = 2
_ID = "<https://w3id.org/orgkg/id/"
_DATE = re.compile(r"-\d{4}-\d{2}-\d{2}")
_REPORTS_TO = "<http://www.w3.org/ns/org#reportsTo>"
_POST_IN = "<http://www.w3.org/ns/org#postIn>"
_HOLDS = "<http://www.w3.org/ns/org#holds>"
_STATUS = "<https://w3id.org/orgkg/ns#postStatus>"
_ORGANISATION = "<http://www.w3.org/ns/org#FormalOrganization>"


@dataclass(frozen=True)
class Line:
    """One triple of the real graph, its IRIs under ``id/`` kept as their tails."""

    subject: str  # the tail after ``id/`` (every subject is under it)
    predicate: str
    obj: str  # a tail when ``obj_is_id``, else the N-Triples term

    obj_is_id: bool

    def copy(self, prefix: str) -> str:
        """The triple as an N-Triples line, its ``id/`` IRIs under ``prefix``."""
        obj = f"{prefix}{self.obj}" if self.obj_is_id else self.obj
        return f"{prefix}{self.subject} {self.predicate} {obj} .\n"


@dataclass(frozen=True)
class RealData:
    """A replicated file on disk and what it holds."""

    path: Path
    triples: int
    copies: int
    base_triples: int
    snapshots: list[str]
    samples: dict[str, str] = field(default_factory=dict)


def source_files(folders: Sequence[Path]) -> list[Path]:
    """Every organogram CSV (plain or gzipped) in the folders, by name."""
    files = sorted(p for f in folders for p in f.iterdir() if p.name.endswith((".csv", ".csv.gz")))
    if not files:
        raise SystemExit(f"benchmarks: no .csv or .csv.gz in {', '.join(map(str, folders))}")
    return files


def import_all(files: Sequence[Path], work: Path) -> list[Path]:
    """``orgkg import organogram`` per body (files grouped by the name before the date)."""
    from ontology.organogram import import_organogram

    bodies: dict[str, list[Path]] = defaultdict(list)
    for path in files:
        plain = path
        if path.suffix == ".gz":
            plain = work / "csv" / path.name.removesuffix(".gz")
            plain.parent.mkdir(parents=True, exist_ok=True)
            plain.write_bytes(gzip.decompress(path.read_bytes()))
        bodies[_DATE.split(plain.name)[0]].append(plain)
    folders: list[Path] = []
    for body, paths in sorted(bodies.items()):
        folders += import_organogram(sorted(paths), work / "imported" / body).folders
    return folders


def base_lines(folders: Iterable[Path]) -> list[Line]:
    """The imported snapshots as one graph: every distinct triple once, sorted."""
    seen: set[tuple[str, str, str]] = set()
    for folder in folders:
        for quad in ox.parse(path=folder / "organogram.ttl", format=ox.RdfFormat.TURTLE):
            seen.add((str(quad.subject), str(quad.predicate), str(quad.object)))
    lines = []
    for subject, predicate, obj in sorted(seen):
        if not subject.startswith(_ID):
            raise ValueError(f"a subject outside id/: {subject}")
        is_id = obj.startswith(_ID)
        lines.append(Line(subject[len(_ID) :], predicate, obj[len(_ID) :] if is_id else obj, is_id))
    return lines


def replicated(lines: Sequence[Line], copies: int) -> Iterator[str]:
    """The lines of every copy, ``id/r0/`` to ``id/r{copies-1}/``, in chunks."""
    for index in range(copies):
        prefix = f"{_ID}r{index}/"
        yield "".join(line.copy(prefix) for line in lines)


def sample_values(lines: Sequence[Line]) -> dict[str, str]:
    """Parameter values from the real data (copy 0), as the synthetic manifest has them.

    ``deep_post`` is the post with the longest chain of command above it
    (the worst case for chains); the others are the first of their kind.
    """
    prefix = f"{_ID[1:]}r0/"
    boss = {ln.subject: ln.obj for ln in lines if ln.predicate == _REPORTS_TO and ln.obj_is_id}

    def depth(post: str) -> int:
        seen: set[str] = set()
        while post in boss and post not in seen:
            seen.add(post)
            post = boss[post]
        return len(seen)

    deep = max(sorted(boss), key=depth) if boss else ""
    first: dict[str, str] = {}
    for ln in lines:
        if ln.predicate == _POST_IN and ln.obj_is_id and "/unit/" in ln.obj:
            first.setdefault("deep_unit", ln.obj)
        elif ln.predicate == _HOLDS:
            first.setdefault("person", ln.subject)
        elif ln.predicate == _STATUS and ln.obj.endswith("vacantPost>"):
            first.setdefault("vacant_post", ln.subject)
        elif ln.obj == _ORGANISATION:
            first.setdefault("body", ln.subject)
    samples = {name: f"{prefix}{tail[:-1]}" for name, tail in first.items()}  # tail: "...>"
    if deep:
        samples["deep_post"] = f"{prefix}{deep[:-1]}"
    samples["text"] = "director"
    return samples


def ensure_realdata(target: int, sources: Sequence[Path], out: Path = OUT) -> RealData:
    """The replicated file for ``target`` triples, made unless cached (by sources and size)."""
    files = source_files(sources)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    stem = f"realdata-{format_size(target)}-{digest.hexdigest()[:10]}-v{VERSION}"
    # Above one file's worth (the loader reads a file whole), a folder of parts.
    parted = target > SINGLE_FILE_TRIPLES
    path, manifest = out / (stem if parted else f"{stem}.nt"), out / f"{stem}.json"
    if path.exists() and manifest.is_file():
        document = json.loads(manifest.read_text("utf-8"))
        return RealData(path=path, **document)
    lines = _lines_of(files)
    copies = max(1, math.ceil(target / len(lines)))
    out.mkdir(parents=True, exist_ok=True)
    partial = out / f"{stem}.partial"
    if parted:
        with PartFiles(partial, PART_BYTES) as parts:
            for chunk in replicated(lines, copies):
                parts.write(chunk)
    else:
        with partial.open("w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(replicated(lines, copies))
    partial.replace(path)  # a cached name never holds a half-written file or folder
    data = RealData(
        path=path,
        triples=copies * len(lines),
        copies=copies,
        base_triples=len(lines),
        snapshots=sorted({_DATE.split(p.name)[0] + _date(p.name) for p in files}),
        samples=sample_values(lines),
    )
    document = asdict(data)
    del document["path"]
    manifest.write_text(json.dumps(document, indent=2, ensure_ascii=False), "utf-8")
    return data


def _lines_of(files: Sequence[Path]) -> list[Line]:
    with tempfile.TemporaryDirectory(prefix="orgkg-realdata-") as work:
        return base_lines(import_all(files, Path(work)))


def _date(name: str) -> str:
    match = _DATE.search(name)
    return match.group(0) if match else ""


def time_import(rows: int, work: Path) -> dict[str, float]:
    """``orgkg import organogram`` of a generated senior file of ``rows`` posts under one chief.

    The rows are those of the bad-input case ``organogram/hundred-thousand-rows``.
    """
    from ontology.organogram import import_organogram

    senior = work / "body-2020-03-31-senior.csv"
    with senior.open("w", encoding="utf-8", newline="") as stream:
        stream.write(
            '"Post Unique Reference","Name","Job Title","Unit","Organisation",'
            '"Reports to Senior Post","FTE"\n"CEO","Jane Roe","Chief","Office","Body","XX","1"\n'
        )
        stream.writelines(
            f'"P{n}","Person {n}","Officer","Office","Body","CEO","1"\n' for n in range(1, rows + 1)
        )
    start = time.perf_counter()
    imported = import_organogram([senior], work / "out")
    seconds = time.perf_counter() - start
    size = (imported.folders[0] / "organogram.ttl").stat().st_size
    return {"rows": rows + 1, "import_s": seconds, "turtle_mb": size / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realdata", description=__doc__)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma list: 100k,1M")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (median)")
    parser.add_argument("--csv", type=Path, action="append", help="a folder of organogram CSVs")
    parser.add_argument("--out", type=Path, default=OUT, help="where the data is cached")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--disk", default="largest", help="on disk: largest, none, all")
    parser.add_argument(
        "--store", metavar="SIZE", help="also build this size (e.g. 5M) on disk and open it"
    )
    parser.add_argument(
        "--import-rows", type=int, metavar="N", help="only time an import of N rows"
    )
    args = parser.parse_args(argv)
    if args.import_rows is not None:
        with tempfile.TemporaryDirectory(prefix="orgkg-import-") as work:
            timing = time_import(args.import_rows, Path(work))
        print(
            f"import organogram: {timing['rows']:,} rows in {timing['import_s']:.1f} s "
            f"({timing['turtle_mb']:.0f} MB of Turtle)"
        )
        return 0
    try:
        sizes = [(name, parse_size(name)) for name in args.sizes.split(",") if name]
        store_size = None if args.store is None else parse_size(args.store)
    except ValueError as exc:
        print(f"benchmarks: {exc}", file=sys.stderr)
        return 2
    sources = args.csv or [SOURCES]
    results: dict[str, Any] = {}
    targets: list[dict[str, Any]] = []
    for index, (name, target) in enumerate(sizes):
        data = ensure_realdata(target, sources, args.out)
        disk = args.disk == "all" or (args.disk == "largest" and index == len(sizes) - 1)
        say(
            f"{name}: {data.copies} copies of {data.base_triples:,} real triples "
            f"({len(data.snapshots)} snapshots): {data.path.name}"
        )
        result = run_size(data.path, data.samples, args.runs, disk=disk)
        result["realdata"] = {k: v for k, v in asdict(data).items() if k != "path"}
        results[name] = result
        targets += check_targets(name, result)
        print(render(f"{name} real (UK organograms)", result), flush=True)
    if store_size is not None:
        name = f"{format_size(store_size)} on disk"
        data = ensure_realdata(store_size, sources, args.out)
        say(f"{name}: {data.copies} copies of {data.base_triples:,} real triples, on disk")
        results[name] = {"triples": data.triples, "disk": measure_disk(data.path)}
        targets += check_disk_targets(name, results[name]["disk"])
        print(render_disk(f"{name} real (UK organograms)", results[name]), flush=True)
    print("\n== targets (issue 16), real-data shape ==")
    for item in targets:
        mark = "met" if item["met"] else "NOT met"
        print(f"{item['size']:>5}  {mark:<7}  {item['target']}: {item['measured']}")
    if args.json:
        document = {
            "machine": describe_machine(),
            "sizes": results,
            "targets": targets,
            "runs": args.runs,
        }
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(document, indent=2, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
