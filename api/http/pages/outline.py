"""The organisation as a nested list: the org graph's text alternative.

Bodies and units nest by their parent (``units``), each lists its posts with
their holders (``posts``), and every unit or post its reporting lines
(``reporting-lines``): the same catalogue questions every surface answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ontology.store import Store
from queries import run_query


@dataclass
class Line:
    """A reporting line: to whom, how often."""

    recipient: str
    label: str
    frequency: str


@dataclass
class Post:
    iri: str
    label: str
    holders: list[str] = field(default_factory=list)
    reports: list[Line] = field(default_factory=list)


@dataclass
class Unit:
    iri: str
    label: str
    posts: list[Post] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    reports: list[Line] = field(default_factory=list)


def build_outline(store: Store, lang: str, *, only: str | None = None) -> list[Unit]:
    """The top units (those without a known parent), each with everything below it.

    ``only`` (a unit's IRI) keeps only that unit and what is below it, as the
    graph's unit filter does; an unknown one keeps nothing.
    """
    units: dict[str, Unit] = {}
    parents: dict[str, str] = {}
    for row in run_query(store, "units", lang=lang).values():
        iri = row["unit"] or ""
        units.setdefault(iri, Unit(iri, row["unitLabel"] or iri))
        if row["parent"]:
            parents.setdefault(iri, row["parent"])
    lines: dict[str, list[Line]] = {}
    for row in run_query(store, "reporting-lines", lang=lang).values():
        recipient = row["recipient"] or ""
        lines.setdefault(row["reporter"] or "", []).append(
            Line(recipient, row["recipientLabel"] or recipient, row["frequencyLabel"] or "")
        )
    loose: list[Post] = []
    for row in run_query(store, "posts", lang=lang).values():
        iri = row["post"] or ""
        holders = _split(row["holderLabels"]) + _split(row["actingLabels"])
        post = Post(iri, row["postLabel"] or iri, holders, lines.get(iri, []))
        owner = units.get(row["unit"] or "")
        (owner.posts if owner else loose).append(post)
    for iri, unit in units.items():
        unit.reports = lines.get(iri, [])
    roots: list[Unit] = []
    for iri, unit in units.items():
        parent = units.get(parents.get(iri, ""))
        if parent is None or _is_below(parents, parents[iri], iri):
            roots.append(unit)
        else:
            parent.units.append(unit)
    if only is not None:
        return [units[only]] if only in units else []
    if loose:
        roots.append(Unit("", "—", posts=loose))
    return roots


def _is_below(parents: dict[str, str], start: str, node: str) -> bool:
    """Whether ``start`` lies under ``node`` (a parent cycle): then ``node`` is a root."""
    seen: set[str] = set()
    while start in parents and start not in seen:
        seen.add(start)
        start = parents[start]
        if start == node:
            return True
    return False


def _split(labels: str | None) -> list[str]:
    return [label for label in (labels or "").split("; ") if label]
