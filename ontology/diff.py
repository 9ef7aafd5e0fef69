"""What changed between two ORG datasets: posts, units, people, holdings,
memberships, reporting lines, seals, duties and permissions.

:func:`compare` takes two loaded stores (two folders, two files, one store as
of two days, two git revisions of a folder) and returns a
:class:`Difference`: every entity added, removed, renamed or changed, and
every holding, membership and reporting line added or removed, each with
the sentences behind the old and the new side. Entities are matched by IRI,
then, among those left over, by their folded label within the same kind (a
re-identified post keeps its name). Any ORG dataset compares, not only
orgkg's: only W3C ORG, FOAF, ODRL and labels are read. The result and its
renderings (text, Markdown, JSON) are :mod:`ontology.difference`.

>>> from ontology import load_regulation
>>> compare(load_regulation(), load_regulation()).same
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from ontology.difference import SECTIONS, Change, Cited, Difference
from ontology.folding import fold
from ontology.namespaces import ORG, RDF, RDFS, SKOS
from ontology.post_changes import PostChange, PostChanges, compare_posts
from ontology.report import compact
from ontology.sparql import read_sparql
from ontology.store import Store, Term
from ontology.timeline import events

__all__ = ["IN_FORCE", "SECTIONS", "Change", "Cited", "Difference", "compare", "read_side"]

SPARQL = Path(__file__).resolve().parent / "sparql"
# Compared as relations (their own sections), so not again as attributes.
_HOLDING = (ORG.heldBy, ORG.holds)
_MEMBERSHIP = (ORG.memberOf, ORG.hasMember)
_REPORTING = (ORG.reportsTo,)
# Mirrors of another triple: the other direction already says it.
_MIRRORS = frozenset({ORG.holds, ORG.hasPost, ORG.hasUnit, ORG.siteOf, ORG.hasMember})
_LABELS = (SKOS.prefLabel, RDFS.label)
_STATEMENT = (RDF.subject, RDF.predicate, RDF.object)
IN_FORCE = "in force"  # the attribute an entity's own dates are compared as


@dataclass
class _Side:
    """One dataset, read once: kinds, labels, attributes, relations, sources."""

    kinds: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    relations: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    sources: dict[str, tuple[Cited, ...]] = field(default_factory=dict)
    triple_sources: dict[tuple[str, str, str], tuple[Cited, ...]] = field(default_factory=dict)

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or compact(iri)

    def cited(self, iri: str, triple: tuple[str, str, str] | None = None) -> tuple[Cited, ...]:
        if triple is not None and triple in self.triple_sources:
            return self.triple_sources[triple]
        return self.sources.get(iri, ())


def read_side(store: Store) -> _Side:
    """Read what :func:`compare` needs from one store."""
    side = _Side()
    for entity, kind in store.select(read_sparql("diff-entities")):
        if isinstance(entity, URIRef) and kind is not None:
            side.kinds.setdefault(str(entity), str(kind))
    cited: dict[str, dict[str, str]] = defaultdict(dict)
    for entity, source_id, text in store.select(read_sparql("diff-sources")):
        if entity is not None and source_id is not None:
            cited[str(entity)][str(source_id)] = str(text) if text is not None else ""
    side.sources = {
        iri: tuple(Cited(i, t) for i, t in sorted(ids.items())) for iri, ids in cited.items()
    }
    statements: dict[str, dict[URIRef, str]] = defaultdict(dict)
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for entity, prop, value in store.select(read_sparql("diff-statements")):
        if entity is None or prop is None or value is None:
            continue
        iri = str(entity)
        if prop in _STATEMENT:
            statements[iri][prop] = str(value)  # type: ignore[index]
        if iri not in side.kinds:
            continue
        if prop in _LABELS and isinstance(value, Literal):
            labels[iri].setdefault(value.language or "", str(value))
            continue
        _add_relation(side, iri, prop, value)
    for statement, parts in statements.items():
        if len(parts) == len(_STATEMENT) and statement in side.sources:
            triple = (parts[RDF.subject], parts[RDF.predicate], parts[RDF.object])
            side.triple_sources[triple] = side.sources[statement]
    for event in events(store):
        thing = str(event.thing)
        if event.triple is None and thing in side.kinds:
            word = "from" if event.change == "begins" else "until"
            side.attributes.setdefault(thing, {}).setdefault(IN_FORCE, set()).add(
                f"{word} {event.when}"
            )
    for iri, by_lang in labels.items():
        side.labels[iri] = by_lang.get("vi") or by_lang.get("en") or next(iter(by_lang.values()))
    return side


def _add_relation(side: _Side, iri: str, prop: Term, value: Term) -> None:
    """File one triple of an entity as a relation or as an attribute."""
    target = str(value)
    if prop in _HOLDING:
        pair = (iri, target) if prop == ORG.heldBy else (target, iri)
        side.relations.setdefault("holding", set()).add(pair)
    elif prop in _MEMBERSHIP:
        pair = (iri, target) if prop == ORG.memberOf else (target, iri)
        side.relations.setdefault("membership", set()).add(pair)
    elif prop in _REPORTING:
        side.relations.setdefault("reporting", set()).add((iri, target))
    elif prop not in _MIRRORS:
        shown = _value_key(value)
        side.attributes.setdefault(iri, {}).setdefault(str(prop), set()).add(shown)


def _value_key(value: Term) -> str:
    if isinstance(value, Literal):
        return f"{value}@{value.language}" if value.language else str(value)
    return str(value)


def compare(old: Store, new: Store, *, old_name: str = "old", new_name: str = "new") -> Difference:
    """Every difference between ``old`` and ``new``, in section order."""
    before, after = read_side(old), read_side(new)
    matches = _match(before, after)
    changes: list[Change] = []
    changes += _entity_changes(before, after, matches)
    changes += _relation_changes(before, after, matches)
    order = {key: n for n, (key, _) in enumerate(SECTIONS)}
    changes.sort(key=lambda c: (order.get(c.section, 99), c.change, fold(c.subject), c.iri))
    posts = _labelled(compare_posts(old, new), before, after)
    return Difference(old_name, new_name, tuple(changes), posts)


def _labelled(posts: PostChanges, before: _Side, after: _Side) -> PostChanges:
    """``posts`` with managers and holders named by their labels on each side."""

    def named(side: _Side, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(side.label(v) if v.startswith(("http://", "https://")) else v for v in values)

    return PostChanges(
        tuple(
            PostChange(c.kind, c.post, c.label, named(before, c.old), named(after, c.new))
            for c in posts.changes
        )
    )


def _match(before: _Side, after: _Side) -> dict[str, str]:
    """Old IRI -> new IRI: the same IRI, else one unmatched entity of the kind and label."""
    matches = {iri: iri for iri in before.kinds if iri in after.kinds}
    left = {iri for iri in before.kinds if iri not in matches}
    free = {iri for iri in after.kinds if iri not in matches.values()}
    by_label: dict[tuple[str, str], list[str]] = defaultdict(list)
    for iri in free:
        by_label[(after.kinds[iri], fold(after.label(iri)))].append(iri)
    for iri in sorted(left):
        candidates = by_label.get((before.kinds[iri], fold(before.label(iri))), [])
        if len(candidates) == 1:
            matches[iri] = candidates.pop()
    return matches


def _entity_changes(before: _Side, after: _Side, matches: Mapping[str, str]) -> list[Change]:
    changes: list[Change] = []
    matched_new = set(matches.values())
    for iri, kind in before.kinds.items():
        if iri not in matches:
            changes.append(
                Change(kind, "removed", before.label(iri), iri, old_sources=before.cited(iri))
            )
    for iri, kind in after.kinds.items():
        if iri not in matched_new:
            changes.append(
                Change(kind, "added", after.label(iri), iri, new_sources=after.cited(iri))
            )
    for old_iri, new_iri in matches.items():
        details, old_cited, new_cited = _attribute_changes(before, after, old_iri, new_iri, matches)
        renamed = before.label(old_iri) != after.label(new_iri)
        if renamed:
            details.insert(0, f"label: {before.label(old_iri)} → {after.label(new_iri)}")
        if old_iri != new_iri:
            details.insert(0, f"IRI: {compact(old_iri)} → {compact(new_iri)}")
        if details:
            change = "renamed" if renamed else "re-identified" if old_iri != new_iri else "changed"
            changes.append(
                Change(
                    after.kinds[new_iri],
                    change,
                    after.label(new_iri),
                    new_iri,
                    tuple(details),
                    old_cited or before.cited(old_iri),
                    new_cited or after.cited(new_iri),
                )
            )
    return changes


def _attribute_changes(
    before: _Side, after: _Side, old_iri: str, new_iri: str, matches: Mapping[str, str]
) -> tuple[list[str], tuple[Cited, ...], tuple[Cited, ...]]:
    """The changed attributes, and the sources of the dated statements behind them."""
    old_attrs = before.attributes.get(old_iri, {})
    new_attrs = after.attributes.get(new_iri, {})
    details = []
    old_cited: dict[Cited, None] = {}
    new_cited: dict[Cited, None] = {}
    for prop in sorted(set(old_attrs) | set(new_attrs)):
        old_values = {matches.get(v, v): v for v in old_attrs.get(prop, set())}
        new_values = new_attrs.get(prop, set())
        if set(old_values) == new_values:
            continue
        gone = sorted(set(old_values) - new_values)
        came = sorted(new_values - set(old_values))
        for value in gone:
            old_cited.update(
                dict.fromkeys(before.triple_sources.get((old_iri, prop, old_values[value]), ()))
            )
        for value in came:
            new_cited.update(dict.fromkeys(after.triple_sources.get((new_iri, prop, value), ())))
        shown_gone = "; ".join(sorted(_label_of(after, before, v) for v in gone)) or "—"
        shown_came = "; ".join(sorted(_label_of(after, before, v) for v in came)) or "—"
        details.append(f"{compact(prop)}: {shown_gone} → {shown_came}")
    return details, tuple(old_cited), tuple(new_cited)


def _label_of(after: _Side, before: _Side, value: str) -> str:
    for side in (after, before):
        if value in side.kinds:
            return side.label(value)
    return _shown(value)


def _shown(value: str) -> str:
    return compact(value) if value.startswith(("http://", "https://")) else value


def _relation_changes(before: _Side, after: _Side, matches: Mapping[str, str]) -> list[Change]:
    changes: list[Change] = []
    for section in _RELATIONS:
        old_pairs = {
            (matches.get(a, a), matches.get(b, b)): (a, b)
            for a, b in before.relations.get(section, set())
        }
        new_pairs = after.relations.get(section, set())
        for pair, (a, b) in sorted(old_pairs.items()):
            if pair not in new_pairs:
                subject = f"{before.label(a)} — {before.label(b)}"
                cited = _pair_sources(before, section, a, b)
                changes.append(Change(section, "removed", subject, a, old_sources=cited))
        for a, b in sorted(new_pairs):
            if (a, b) not in old_pairs:
                subject = f"{after.label(a)} — {after.label(b)}"
                cited = _pair_sources(after, section, a, b)
                changes.append(Change(section, "added", subject, a, new_sources=cited))
    return changes


# Each relation's predicate, and its mirror read from the other end.
_RELATIONS: Mapping[str, tuple[URIRef, URIRef | None]] = {
    "holding": (ORG.heldBy, ORG.holds),
    "membership": (ORG.memberOf, ORG.hasMember),
    "reporting": (ORG.reportsTo, None),
}


def _pair_sources(side: _Side, section: str, a: str, b: str) -> tuple[Cited, ...]:
    """The sources of a dated statement of the pair (either direction), else of ``a``."""
    forward, mirror = _RELATIONS[section]
    for triple in ((a, str(forward), b), (b, str(mirror), a) if mirror else None):
        if triple is not None and triple in side.triple_sources:
            return side.triple_sources[triple]
    return side.sources.get(a, ())
