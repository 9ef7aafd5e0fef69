"""``orgkg import organogram``: UK government organogram CSVs -> ORG + SKOS + FOAF.

The schema every UK central body publishes twice a year: a *senior* file,
one row per senior post (``Post Unique Reference``, ``Name``, ``Job Title``,
``Unit``, ``Reports to Senior Post``, grade, FTE, ``URI``), and a *junior*
file, junior staff counted per senior post (``Reporting Senior Post``,
``Grade``, ``Generic Job Title``, ``Number of Posts in FTE``). A file's kind
is read from its header, its snapshot date from its name (``...-2011-03-31-
senior.csv``) or its ``source_file`` column, or given.

Posts get stable IRIs, ``id/{body}/post/{reference}``, the same in every
snapshot (the ``URI`` column, where given, is kept as ``skos:exactMatch``).
Every snapshot goes to its own folder ``DIR/{date}/organogram.ttl``, a
dataset dated by ``dcterms:date`` and valid until the next snapshot's date,
so snapshots can be loaded, checked and compared one by one.

"N/D" (not disclosed) becomes an anonymous holder and a post status;
"Vacant" and "Eliminated" are post statuses without a holder. Messy rows
(a blank reference, a post reporting to one missing from the file, a
reporting cycle, a junior row for an unknown post, a bad number) are kept
out or kept as they are, and each is reported with ``file:row``; only a file
that is not an organogram at all stops the import (:class:`DataError`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef

from ontology.errors import DataError
from ontology.namespaces import DCT, FOAF, ID, OKG, ORG, PREFIXES, PROV, RDF, SKOS, XSD
from ontology.scaffold import slugify
from ontology.writer import write_file

SENIOR_KEY = "Post Unique Reference"
JUNIOR_KEY = "Reporting Senior Post"
_SENIOR_NEEDS = (SENIOR_KEY, "Name", "Job Title", "Reports to Senior Post")
_JUNIOR_NEEDS = (JUNIOR_KEY, "Number of Posts in FTE")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TOP = {"XX", "xx"}
_STATUS = {"n/d": OKG.notDisclosed, "vacant": OKG.vacantPost, "eliminated": OKG.eliminatedPost}
ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."


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


@dataclass
class Imported:
    """What an import wrote and noticed."""

    folders: list[Path] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    posts: int = 0


def group_snapshots(paths: Sequence[Path], date: str | None = None) -> list[Snapshot]:
    """Pair senior and junior files by snapshot date (from the name, the data, or ``date``)."""
    if date is not None and not _is_date(date):
        raise DataError(f"--date {date!r} is not a date (YYYY-MM-DD)")
    snapshots: dict[str, Snapshot] = {}
    for path in paths:
        rows, _ = read_rows(path)
        header = set(rows[0].keys()) if rows else set(_header(path))
        kind = "senior" if SENIOR_KEY in header else "junior" if JUNIOR_KEY in header else None
        if kind is None:
            raise DataError(
                f"not an organogram file: no {SENIOR_KEY!r} or {JUNIOR_KEY!r} column",
                path=path,
                line=1,
            )
        day = date or _date_of(path, rows)
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


def import_organogram(paths: Sequence[Path], output: Path, *, date: str | None = None) -> Imported:
    """Convert the files into ``output/{date}/organogram.ttl``, one folder per snapshot."""
    snapshots = group_snapshots(paths, date)
    result = Imported()
    graphs: list[tuple[Snapshot, Graph]] = []
    for index, snapshot in enumerate(snapshots):
        following = snapshots[index + 1].date if index + 1 < len(snapshots) else None
        graph, notes, posts = convert(snapshot, valid_until=following)
        result.notes += notes
        result.posts += posts
        graphs.append((snapshot, graph))
    for snapshot, graph in graphs:
        folder = output / snapshot.date
        write_file(folder / "organogram.ttl", _turtle(graph, snapshot))
        result.folders.append(folder)
    write_file(output / "README.md", _readme(snapshots))
    return result


def convert(snapshot: Snapshot, *, valid_until: str | None = None) -> tuple[Graph, list[Note], int]:
    """One snapshot as a graph, the notes on its rows, and how many posts it has."""
    assert snapshot.senior is not None
    notes: list[Note] = []
    rows, encoding_note = read_rows(snapshot.senior, _SENIOR_NEEDS)
    if encoding_note:
        notes.append(Note(str(snapshot.senior), 1, encoding_note))
    graph = _new_graph()
    dataset = _dataset(graph, snapshot, rows, valid_until)
    posts: dict[str, tuple[URIRef, int, dict[str, str]]] = {}
    body: URIRef | None = None
    for number, row in enumerate(rows, start=2):
        ref = row.get(SENIOR_KEY, "").strip()
        where = Note(str(snapshot.senior), number, "")
        if not ref:
            notes.append(_note(where, "blank Post Unique Reference: row left out"))
            continue
        if ref in posts:
            notes.append(_note(where, f"post {ref} repeats row {posts[ref][1]}: row left out"))
            continue
        body = body or _body(graph, row, dataset, where)
        iri = _post_iri(body, ref)
        clash = next((other for other, (known, _, _) in posts.items() if known == iri), None)
        if clash is not None:
            notes.append(
                _note(where, f"post {ref} would share its IRI with post {clash}: row left out")
            )
            continue
        posts[ref] = (iri, number, row)
    if body is None:
        raise DataError("no senior post in the file", path=snapshot.senior)
    for ref, (post, number, row) in posts.items():
        where = Note(str(snapshot.senior), number, "")
        _post(graph, post, ref, row, body=body, dataset=dataset, where=where, notes=notes)
        boss = row.get("Reports to Senior Post", "").strip()
        if boss in _TOP:
            continue
        if not boss:
            notes.append(
                _note(
                    where, f"post {ref} reports to no one (blank) and is not XX: kept as a top post"
                )
            )
        elif boss not in posts:
            notes.append(
                _note(
                    where,
                    f"post {ref} reports to {boss}, which is not in the file: "
                    "reporting line left out",
                )
            )
        else:
            graph.add((post, ORG.reportsTo, posts[boss][0]))
    notes += _cycles(graph, posts, str(snapshot.senior))
    if snapshot.junior is not None:
        notes += _juniors(graph, snapshot.junior, posts, dataset)
    return graph, notes, len(posts)


def read_rows(path: Path, needs: Iterable[str] = ()) -> tuple[list[dict[str, str]], str | None]:
    """The rows of a CSV as dicts; UTF-8, else Windows-1252 (with a note saying so)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=path) from None
    note = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = raw.decode("cp1252", errors="replace")
        line = raw[: exc.start].count(b"\n") + 1
        note = f"not UTF-8 (first bad byte on line {line}): read as Windows-1252"
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


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [h.strip() for h in next(csv.reader(handle), [])]


def _date_of(path: Path, rows: list[dict[str, str]]) -> str | None:
    """The first real date (YYYY-MM-DD) in the file's name, else its source_file column."""
    for text in (path.name, *(r.get("source_file", "") for r in rows[:1])):
        for m in _DATE.finditer(text):
            if _is_date(m.group(0)):
                return m.group(0)
    return None


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return bool(_DATE.fullmatch(text))


def _note(where: Note, message: str) -> Note:
    return Note(where.path, where.row, message)


def _new_graph() -> Graph:
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


def _dataset(
    graph: Graph, snapshot: Snapshot, rows: list[dict[str, str]], until: str | None
) -> URIRef:
    body = next(
        (r.get("Organisation", "").strip() for r in rows if r.get("Organisation", "").strip()), ""
    )
    slug = slugify(body) or "organisation"
    dataset = URIRef(f"{ID}{slug}/organogram/{snapshot.date}")
    graph.add((dataset, RDF.type, PROV.Entity))
    graph.add((dataset, DCT.date, Literal(snapshot.date, datatype=XSD.date)))
    graph.add(
        (dataset, DCT.title, Literal(f"{body} organogram {snapshot.date}".strip(), lang="en"))
    )
    interval = f"{snapshot.date}/{until}" if until else f"{snapshot.date}/.."
    graph.add((dataset, DCT.valid, Literal(interval)))
    graph.add((dataset, DCT.rights, Literal(ATTRIBUTION, lang="en")))
    for path in (snapshot.senior, snapshot.junior):
        if path is not None:
            graph.add((dataset, DCT.source, Literal(path.name)))
    return dataset


def _row(dataset: URIRef, path: Path | str, number: int) -> URIRef:
    """The provenance node of one row of one file."""
    return URIRef(f"{dataset}/{slugify(Path(path).stem)}/row-{number}")


def _body(graph: Graph, row: dict[str, str], dataset: URIRef, where: Note) -> URIRef:
    name = row.get("Organisation", "").strip() or row.get("Parent Department", "").strip()
    body = URIRef(f"{ID}{slugify(name) or 'organisation'}")
    graph.add((body, RDF.type, ORG.FormalOrganization))
    graph.add((body, SKOS.prefLabel, Literal(name or "Organisation", lang="en")))
    graph.add((body, PROV.wasDerivedFrom, _row(dataset, where.path, where.row)))
    parent = row.get("Parent Department", "").strip()
    if parent and parent != name:
        department = URIRef(f"{ID}{slugify(parent)}")
        graph.add((department, RDF.type, ORG.FormalOrganization))
        graph.add((department, SKOS.prefLabel, Literal(parent, lang="en")))
        graph.add((body, ORG.subOrganizationOf, department))
        graph.add((department, ORG.hasSubOrganization, body))
    return body


def _post_iri(body: URIRef, ref: str) -> URIRef:
    return URIRef(f"{body}/post/{slugify(ref) or 'x'}")


def _post(
    graph: Graph,
    post: URIRef,
    ref: str,
    row: dict[str, str],
    *,
    body: URIRef,
    dataset: URIRef,
    where: Note,
    notes: list[Note],
) -> None:
    source = _row(dataset, where.path, where.row)
    graph.add((source, RDF.type, PROV.Entity))
    graph.add((source, DCT.identifier, Literal(f"{Path(where.path).name}:{where.row}")))
    graph.add((post, RDF.type, ORG.Post))
    graph.add((post, DCT.identifier, Literal(ref)))
    graph.add((post, PROV.wasDerivedFrom, source))
    title = " ".join(row.get("Job Title", "").split())
    if not title:
        notes.append(_note(where, f"post {ref} has no Job Title: labelled by its reference"))
    graph.add((post, SKOS.prefLabel, Literal(title or f"Post {ref}", lang="en")))
    unit_name = " ".join(row.get("Unit", "").split())
    owner = body
    if unit_name:
        owner = URIRef(f"{body}/unit/{slugify(unit_name) or 'x'}")
        graph.add((owner, RDF.type, ORG.OrganizationalUnit))
        graph.add((owner, SKOS.prefLabel, Literal(unit_name, lang="en")))
        graph.add((owner, ORG.unitOf, body))
        graph.add((body, ORG.hasUnit, owner))
        graph.add((owner, PROV.wasDerivedFrom, source))
    else:
        notes.append(_note(where, f"post {ref} has a blank Unit: placed in the body itself"))
    graph.add((post, ORG.postIn, owner))
    graph.add((owner, ORG.hasPost, post))
    uri = row.get("URI", "").strip()
    if uri.startswith(("http://", "https://")) and " " not in uri:
        graph.add((post, SKOS.exactMatch, URIRef(uri)))
    grade = row.get("Grade (or equivalent)", "").strip()
    if grade:
        graph.add((post, OKG.grade, Literal(grade)))
    fte = _decimal(row.get("FTE", ""))
    if fte is not None:
        graph.add((post, OKG.fte, Literal(fte, datatype=XSD.decimal)))
    elif row.get("FTE", "").strip():
        notes.append(
            _note(where, f"post {ref}: FTE {row['FTE'].strip()!r} is not a number: left out")
        )
    _holder(graph, post, " ".join(row.get("Name", "").split()), source)


def _holder(graph: Graph, post: URIRef, name: str, source: URIRef) -> None:
    status = _STATUS.get(name.lower())
    if status is not None:
        graph.add((post, OKG.postStatus, status))
    if status == OKG.notDisclosed:
        # Somebody holds the post; the body does not publish who.
        person = URIRef(f"{post}/holder")
        graph.add((person, RDF.type, FOAF.Person))
        graph.add((person, SKOS.prefLabel, Literal("Not disclosed", lang="en")))
    elif status is None and name:
        person = URIRef(f"{ID}person/{slugify(name) or 'x'}")
        graph.add((person, RDF.type, FOAF.Person))
        graph.add((person, SKOS.prefLabel, Literal(name, lang="en")))
        graph.add((person, PROV.wasDerivedFrom, source))
    else:
        return
    graph.add((post, ORG.heldBy, person))
    graph.add((person, ORG.holds, post))


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


def _cycles(
    graph: Graph, posts: dict[str, tuple[URIRef, int, dict[str, str]]], path: str
) -> list[Note]:
    """A note for every reporting cycle, at its first row."""
    lines = nx.DiGraph()
    lines.add_edges_from((s, o) for s, o in graph.subject_objects(ORG.reportsTo))
    rows = {iri: (ref, number) for ref, (iri, number, _) in posts.items()}
    notes = []
    for cycle in nx.simple_cycles(lines):
        members = sorted(rows[node] for node in cycle if node in rows)
        refs = " -> ".join(ref for ref, _ in members)
        notes.append(Note(path, members[0][1], f"reporting cycle: {refs} (kept as published)"))
    return notes


def _juniors(
    graph: Graph,
    path: Path,
    posts: dict[str, tuple[URIRef, int, dict[str, str]]],
    dataset: URIRef,
) -> list[Note]:
    notes: list[Note] = []
    rows, encoding_note = read_rows(path, _JUNIOR_NEEDS)
    if encoding_note:
        notes.append(Note(str(path), 1, encoding_note))
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for number, row in enumerate(rows, start=2):
        ref = row.get(JUNIOR_KEY, "").strip()
        where = Note(str(path), number, "")
        if ref not in posts:
            notes.append(
                _note(
                    where,
                    f"junior posts report to {ref or '(blank)'}, "
                    "not a senior post of the file: row left out",
                )
            )
            continue
        count = _decimal(row.get("Number of Posts in FTE", ""))
        if count is None:
            notes.append(
                _note(
                    where,
                    f"Number of Posts in FTE {row.get('Number of Posts in FTE', '')!r} "
                    "is not a number: row left out",
                )
            )
            continue
        title = " ".join(row.get("Generic Job Title", "").split()) or "Junior posts"
        grade = row.get("Grade", "").strip()
        group = URIRef(f"{posts[ref][0]}/junior/{slugify(grade + ' ' + title) or 'x'}")
        previous = graph.value(group, OKG.fte)
        total = count + (Decimal(str(previous)) if previous is not None else Decimal(0))
        graph.set((group, OKG.fte, Literal(total, datatype=XSD.decimal)))
        graph.add((group, RDF.type, OKG.JuniorPosts))
        graph.add((group, OKG.juniorOf, posts[ref][0]))
        graph.add(
            (group, SKOS.prefLabel, Literal(f"{title} ({grade})" if grade else title, lang="en"))
        )
        if grade:
            graph.add((group, OKG.grade, Literal(grade)))
        graph.add((group, PROV.wasDerivedFrom, _row(dataset, path, number)))
        totals[ref] += count
    return notes


def _turtle(graph: Graph, snapshot: Snapshot) -> str:
    names = ", ".join(p.name for p in (snapshot.senior, snapshot.junior) if p is not None)
    header = (
        f"# An organogram snapshot of {snapshot.date}, imported by `orgkg import organogram`\n"
        f"# from {names}. Where the files are UK government data: {ATTRIBUTION}\n\n"
    )
    return header + graph.serialize(format="turtle")


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
