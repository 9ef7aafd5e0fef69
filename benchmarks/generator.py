"""Synthetic government-scale organisations in orgkg's vocabulary, as N-Triples.

A government heads many bodies (ministries, provincial committees); each body
is a tree of units 6-8 levels deep (the body is level 1). Every unit has a
head post, deputies and members; a head reports (``org:reportsTo`` plus a
qualified ``okg:ReportingLine`` with frequency and channels) to the head of
the parent unit, the others to their own head. People hold posts; some hold
posts in two units, and the heads of the top units sit ex officio in a council
(``okg:sitsIn``) and are its members (``org:Membership``). Duties (a few
percent without a bearer, some on vacant posts), each body's seal and who may
use it, meeting rules, and a source document whose sentences every fact is
``prov:wasDerivedFrom`` complete what the catalogue asks about.

Labels are Vietnamese (with diacritics, NFC) and English. No
``skos:hiddenLabel`` is written: the loader derives the folded forms, as it
does for any regulation.

The output depends only on the seed and the target size, so a file cached
under ``benchmarks/out/`` is reused while :data:`GENERATOR_VERSION` stands.

>>> import io
>>> manifest = generate(2_000, io.StringIO())
>>> manifest.triples >= 2_000 and manifest.max_depth >= 6
True
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.builder import Builder
from benchmarks.ntriples import PartFiles, Sink, TripleWriter
from benchmarks.progress import Progress

GENERATOR_VERSION = 3
DEFAULT_SEED = 426
OUT = Path(__file__).resolve().parent / "out"
SIZES: dict[str, int] = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "5M": 5_000_000}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)([kKmM]?)")
# Above this, a folder of parts (the loader reads one file whole, up to 512 MB).
SINGLE_FILE_TRIPLES = 1_500_000
PART_BYTES = 256 * 2**20


@dataclass(frozen=True)
class Manifest:
    """What one generated file holds: counts, and sample values for parameters."""

    generator_version: int
    seed: int
    target: int
    triples: int
    bodies: int
    units: int
    posts: int
    people: int
    duties: int
    unassigned_duties: int
    max_depth: int
    samples: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Dataset:
    """A generated file on disk and its manifest."""

    path: Path
    manifest: Manifest


def parse_size(text: str) -> int:
    """``10k``, ``1M``, ``2.5M`` or a plain number of triples.

    >>> parse_size("2.5M")
    2500000
    """
    if text in SIZES:
        return SIZES[text]
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a size: {text!r} (use e.g. 10k, 100k, 1M, 5M)")
    scale = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def format_size(triples: int) -> str:
    """The short name of a size (1000000 -> ``1M``)."""
    for name, value in SIZES.items():
        if value == triples:
            return name
    return str(triples)


def ensure_dataset(target: int, *, seed: int = DEFAULT_SEED, out: Path = OUT) -> Dataset:
    """The generated data for ``target`` triples, generating it unless cached.

    Up to :data:`SINGLE_FILE_TRIPLES` one ``.nt`` file, above that a folder
    of parts; either is what ``--data`` takes.
    """
    stem = f"synthetic-{format_size(target)}-s{seed}-v{GENERATOR_VERSION}"
    parted = target > SINGLE_FILE_TRIPLES
    path = out / (stem if parted else f"{stem}.nt")
    manifest_path = out / f"{stem}.json"
    if path.exists() and manifest_path.is_file():
        return Dataset(path, read_manifest(manifest_path))
    out.mkdir(parents=True, exist_ok=True)
    partial = out / f"{stem}.partial"
    progress = Progress(target, f"generating {path.name}", unit="triples")
    if parted:
        with PartFiles(partial, PART_BYTES) as sink:
            manifest = generate(target, sink, seed=seed, progress=progress)
    else:
        with partial.open("w", encoding="utf-8", newline="\n") as stream:
            manifest = generate(target, stream, seed=seed, progress=progress)
    progress.close()
    partial.replace(path)  # a cached name never holds a half-written file
    manifest_path.write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=2), "utf-8")
    return Dataset(path, manifest)


def read_manifest(path: Path) -> Manifest:
    """The manifest written beside a generated file."""
    return Manifest(**json.loads(path.read_text("utf-8")))


def generate(
    target: int, stream: Sink, *, seed: int = DEFAULT_SEED, progress: Progress | None = None
) -> Manifest:
    """Write at least ``target`` triples (a little more) to ``stream``."""
    writer = TripleWriter(stream, progress.update if progress else None)
    # Seeded with both, so every size is its own fixed sample, whatever ran before.
    builder = Builder(writer, random.Random(f"{seed}:{target}"))
    builder.build(target)
    writer.flush()
    return Manifest(
        generator_version=GENERATOR_VERSION,
        seed=seed,
        target=target,
        triples=writer.count,
        samples=builder.samples,
        **builder.counts,
    )
