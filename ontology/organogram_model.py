"""One organogram snapshot as ORG + SKOS + FOAF triples, and the notes on its rows.

Posts get stable IRIs, ``id/{body}/post/{reference}``, the same in every
snapshot (the ``URI`` column, where given, is kept as ``skos:exactMatch``).
"N/D" (not disclosed) becomes an anonymous holder and a post status;
"Vacant" and "Eliminated" are post statuses without a holder. Messy rows are
kept out or kept as they are, each with a :class:`Note` at ``file:row``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from ontology.errors import DataError
from ontology.namespaces import DCT, FOAF, ID, OKG, ORG, PROV, RDF, SKOS, XSD
from ontology.organogram_reader import (
    JUNIOR_KEY,
    JUNIOR_NEEDS,
    SENIOR_KEY,
    SENIOR_NEEDS,
    Note,
    Row,
    Snapshot,
    read_rows,
)
from ontology.scaffold import slugify
from ontology.triples import Triples, decimal, iri, is_iri, literal

ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."
_TOP = {"XX", "xx"}
_STATUS = {"n/d": OKG.notDisclosed, "vacant": OKG.vacantPost, "eliminated": OKG.eliminatedPost}

# The terms every snapshot uses, encoded once (a row makes about twenty triples).
A = iri(str(RDF.type))
LABEL = iri(str(SKOS.prefLabel))
DERIVED = iri(str(PROV.wasDerivedFrom))
IDENTIFIER = iri(str(DCT.identifier))
GRADE = iri(str(OKG.grade))
FTE = iri(str(OKG.fte))
ENTITY = iri(str(PROV.Entity))
PERSON = iri(str(FOAF.Person))
POST = iri(str(ORG.Post))
UNIT = iri(str(ORG.OrganizationalUnit))
POST_IN, HAS_POST = iri(str(ORG.postIn)), iri(str(ORG.hasPost))
UNIT_OF, HAS_UNIT = iri(str(ORG.unitOf)), iri(str(ORG.hasUnit))
HELD_BY, HOLDS = iri(str(ORG.heldBy)), iri(str(ORG.holds))
REPORTS_TO = iri(str(ORG.reportsTo))
EXACT_MATCH = iri(str(SKOS.exactMatch))
POST_STATUS = iri(str(OKG.postStatus))
JUNIOR_POSTS, JUNIOR_OF = iri(str(OKG.JuniorPosts)), iri(str(OKG.juniorOf))


@dataclass
class Post:
    """A senior post kept from the file: its IRI, row and cells."""

    ref: str
    iri: str
    row: int
    cells: Row


@dataclass
class Converted:
    """One snapshot's triples, the notes on its rows, and how many posts it has."""

    triples: Triples = field(default_factory=Triples)
    notes: list[Note] = field(default_factory=list)
    posts: int = 0


def convert(snapshot: Snapshot, *, valid_until: str | None = None) -> Converted:
    """One snapshot's files as triples (see the module's docstring)."""
    assert snapshot.senior is not None
    senior = str(snapshot.senior)
    out = Converted()
    rows, encoding_note = read_rows(snapshot.senior, SENIOR_NEEDS)
    if encoding_note:
        out.notes.append(Note(senior, 1, encoding_note))
    dataset = _dataset(out.triples, snapshot, rows, valid_until)
    posts: dict[str, Post] = {}
    by_iri: dict[str, str] = {}
    body: str | None = None
    for number, row in enumerate(rows, start=2):
        ref = row.get(SENIOR_KEY, "").strip()
        if not ref:
            out.notes.append(Note(senior, number, "blank Post Unique Reference: row left out"))
            continue
        if ref in posts:
            message = f"post {ref} repeats row {posts[ref].row}: row left out"
            out.notes.append(Note(senior, number, message))
            continue
        body = body or _body(out.triples, row, _row(dataset, senior, number))
        post_iri = f"{body[:-1]}/post/{slugify(ref) or 'x'}>"
        clash = by_iri.get(post_iri)
        if clash is not None:
            message = f"post {ref} would share its IRI with post {clash}: row left out"
            out.notes.append(Note(senior, number, message))
            continue
        posts[ref] = Post(ref, post_iri, number, row)
        by_iri[post_iri] = ref
    if body is None:
        raise DataError("no senior post in the file", path=snapshot.senior)
    for post in posts.values():
        where = Note(senior, post.row, "")
        _post(out, post, body=body, dataset=dataset, where=where)
        boss = post.cells.get("Reports to Senior Post", "").strip()
        if boss in _TOP:
            continue
        if not boss:
            message = f"post {post.ref} reports to no one (blank) and is not XX: kept as a top post"
            out.notes.append(Note(senior, post.row, message))
        elif boss not in posts:
            message = (
                f"post {post.ref} reports to {boss}, which is not in the file: "
                "reporting line left out"
            )
            out.notes.append(Note(senior, post.row, message))
        else:
            out.triples.add(post.iri, REPORTS_TO, posts[boss].iri)
    out.notes += _cycles(posts, senior)
    if snapshot.junior is not None:
        out.notes += _juniors(out.triples, snapshot.junior, posts, dataset)
    out.posts = len(posts)
    return out


def _dataset(triples: Triples, snapshot: Snapshot, rows: list[Row], until: str | None) -> str:
    body = next(
        (r.get("Organisation", "").strip() for r in rows if r.get("Organisation", "").strip()), ""
    )
    dataset = iri(f"{ID}{slugify(body) or 'organisation'}/organogram/{snapshot.date}")
    triples.add(dataset, A, ENTITY)
    triples.add(dataset, iri(str(DCT.date)), literal(snapshot.date, datatype=str(XSD.date)))
    title = f"{body} organogram {snapshot.date}".strip()
    triples.add(dataset, iri(str(DCT.title)), literal(title, lang="en"))
    interval = f"{snapshot.date}/{until}" if until else f"{snapshot.date}/.."
    triples.add(dataset, iri(str(DCT.valid)), literal(interval))
    triples.add(dataset, iri(str(DCT.rights)), literal(ATTRIBUTION, lang="en"))
    for path in (snapshot.senior, snapshot.junior):
        if path is not None:
            triples.add(dataset, iri(str(DCT.source)), literal(path.name))
    return dataset


def _row(dataset: str, path: str, number: int) -> str:
    """The provenance node of one row of one file."""
    return f"{_rows_of(dataset, path)}{number}>"


@cache
def _rows_of(dataset: str, path: str) -> str:
    """What the provenance nodes of a file's rows start with (the same for every row)."""
    return f"{dataset[:-1]}/{slugify(Path(path).stem)}/row-"


@cache
def _name(path: str) -> str:
    return Path(path).name


def _body(triples: Triples, row: Row, source: str) -> str:
    name = row.get("Organisation", "").strip() or row.get("Parent Department", "").strip()
    body = iri(f"{ID}{slugify(name) or 'organisation'}")
    triples.add(body, A, iri(str(ORG.FormalOrganization)))
    triples.add(body, LABEL, literal(name or "Organisation", lang="en"))
    triples.add(body, DERIVED, source)
    parent = row.get("Parent Department", "").strip()
    if parent and parent != name:
        department = iri(f"{ID}{slugify(parent)}")
        triples.add(department, A, iri(str(ORG.FormalOrganization)))
        triples.add(department, LABEL, literal(parent, lang="en"))
        triples.add(body, iri(str(ORG.subOrganizationOf)), department)
        triples.add(department, iri(str(ORG.hasSubOrganization)), body)
    return body


def _post(out: Converted, post: Post, *, body: str, dataset: str, where: Note) -> None:
    triples, ref, row = out.triples, post.ref, post.cells
    source = _row(dataset, where.path, where.row)
    triples.add(source, A, ENTITY)
    triples.add(source, IDENTIFIER, literal(f"{_name(where.path)}:{where.row}"))
    triples.add(post.iri, A, POST)
    triples.add(post.iri, IDENTIFIER, literal(ref))
    triples.add(post.iri, DERIVED, source)
    title = " ".join(row.get("Job Title", "").split())
    if not title:
        out.notes.append(_note(where, f"post {ref} has no Job Title: labelled by its reference"))
    triples.add(post.iri, LABEL, literal(title or f"Post {ref}", lang="en"))
    unit_name = " ".join(row.get("Unit", "").split())
    owner = body
    if unit_name:
        owner = f"{body[:-1]}/unit/{slugify(unit_name) or 'x'}>"
        triples.add(owner, A, UNIT)
        triples.add(owner, LABEL, literal(unit_name, lang="en"))
        triples.add(owner, UNIT_OF, body)
        triples.add(body, HAS_UNIT, owner)
        triples.add(owner, DERIVED, source)
    else:
        out.notes.append(_note(where, f"post {ref} has a blank Unit: placed in the body itself"))
    triples.add(post.iri, POST_IN, owner)
    triples.add(owner, HAS_POST, post.iri)
    uri = row.get("URI", "").strip()
    if uri.startswith(("http://", "https://")) and is_iri(uri):
        triples.add(post.iri, EXACT_MATCH, iri(uri))
    grade = row.get("Grade (or equivalent)", "").strip()
    if grade:
        triples.add(post.iri, GRADE, literal(grade))
    fte = _decimal(row.get("FTE", ""))
    if fte is not None:
        triples.add(post.iri, FTE, decimal(fte))
    elif row.get("FTE", "").strip():
        message = f"post {ref}: FTE {row['FTE'].strip()!r} is not a number: left out"
        out.notes.append(_note(where, message))
    _holder(triples, post.iri, " ".join(row.get("Name", "").split()), source)


def _holder(triples: Triples, post: str, name: str, source: str) -> None:
    status = _STATUS.get(name.lower())
    if status is not None:
        triples.add(post, POST_STATUS, iri(str(status)))
    if status == OKG.notDisclosed:
        # Somebody holds the post; the body does not publish who.
        person = f"{post[:-1]}/holder>"
        triples.add(person, A, PERSON)
        triples.add(person, LABEL, literal("Not disclosed", lang="en"))
    elif status is None and name:
        person = iri(f"{ID}person/{slugify(name) or 'x'}")
        triples.add(person, A, PERSON)
        triples.add(person, LABEL, literal(name, lang="en"))
        triples.add(person, DERIVED, source)
    else:
        return
    triples.add(post, HELD_BY, person)
    triples.add(person, HOLDS, post)


def _note(where: Note, message: str) -> Note:
    return Note(where.path, where.row, message)


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


def _cycles(posts: dict[str, Post], path: str) -> list[Note]:
    """A note for every reporting cycle (a post reporting to itself is one), at its first row.

    Each post reports to at most one other, so following the lines from each
    post in turn finds every cycle once, in time linear in the posts.
    """
    boss = {
        ref: up
        for ref, post in posts.items()
        if (up := post.cells.get("Reports to Senior Post", "").strip()) in posts
    }
    done: set[str] = set()
    notes = []
    for start in posts:
        walk: dict[str, None] = {}
        node: str | None = start
        while node is not None and node not in done and node not in walk:
            walk[node] = None
            node = boss.get(node)
        if node is not None and node in walk:
            members = sorted((ref, posts[ref].row) for ref in _around(node, boss))
            refs = " -> ".join(ref for ref, _ in members)
            notes.append(Note(path, members[0][1], f"reporting cycle: {refs} (kept as published)"))
        done.update(walk)
    return notes


def _around(start: str, boss: dict[str, str]) -> Iterator[str]:
    node = start
    while True:
        yield node
        node = boss[node]
        if node == start:
            return


def _juniors(triples: Triples, path: Path, posts: dict[str, Post], dataset: str) -> list[Note]:
    notes: list[Note] = []
    rows, encoding_note = read_rows(path, JUNIOR_NEEDS)
    if encoding_note:
        notes.append(Note(str(path), 1, encoding_note))
    totals: dict[str, Decimal] = {}
    for number, row in enumerate(rows, start=2):
        ref = row.get(JUNIOR_KEY, "").strip()
        if ref not in posts:
            message = (
                f"junior posts report to {ref or '(blank)'}, "
                "not a senior post of the file: row left out"
            )
            notes.append(Note(str(path), number, message))
            continue
        count = _decimal(row.get("Number of Posts in FTE", ""))
        if count is None:
            message = (
                f"Number of Posts in FTE {row.get('Number of Posts in FTE', '')!r} "
                "is not a number: row left out"
            )
            notes.append(Note(str(path), number, message))
            continue
        title = " ".join(row.get("Generic Job Title", "").split()) or "Junior posts"
        grade = row.get("Grade", "").strip()
        group = f"{posts[ref].iri[:-1]}/junior/{slugify(grade + ' ' + title) or 'x'}>"
        totals[group] = totals.get(group, Decimal(0)) + count
        triples.add(group, A, JUNIOR_POSTS)
        triples.add(group, JUNIOR_OF, posts[ref].iri)
        label = f"{title} ({grade})" if grade else title
        triples.add(group, LABEL, literal(label, lang="en"))
        if grade:
            triples.add(group, GRADE, literal(grade))
        triples.add(group, DERIVED, _row(dataset, str(path), number))
    for group, total in totals.items():  # rows of one grade and title: their sum
        triples.add(group, FTE, decimal(total))
    return notes
