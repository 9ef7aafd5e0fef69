"""Time: which facts are in force on a day, and the store as of that day.

Facts are dated with the standards' own terms (see ontology/README.md, "Time"):

* an entity (a post, a unit, a permission, a membership ...) with
  ``time:hasTime`` an OWL-Time interval, or ``org:memberDuring`` on an
  ``org:Membership``;
* one triple, through an ``rdf:Statement`` (``rdf:subject``,
  ``rdf:predicate``, ``rdf:object``) with ``time:hasTime``: the triple
  itself stays asserted, the statement says when it holds and on which
  source;
* a legal resource by ELI: from ``eli:first_date_entry_in_force`` (else
  ``eli:date_document``) to ``eli:date_no_longer_in_force`` (its last day);
* an ``org:ChangeEvent`` from its ``prov:startedAtTime``.

An interval's beginning and end are ``time:Instant`` s with ``time:inXSDDate``,
``time:inXSDgYearMonth`` or ``time:inXSDgYear``, so a date known to the
month stays a month. An instant counts from its first day; the end is the
first day the fact no longer holds. Unknown beginnings and ends are open.

:func:`at` builds the store as of one day: every triple not in force that day
dropped, so every question, SPARQL and networkx alike, answers for that day
unchanged.

>>> from datetime import date
>>> from ontology.dating import Period, parse_day
>>> Period(parse_day("2019-09"), None).contains(date(2019, 9, 1))
True
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ontology.dating import (
    INSTANT_VALUES,
    TIME,
    Dating,
    Event,
    Period,
    Triple,
    day_of,
    find_dating,
)
from ontology.errors import StoreError
from ontology.folding import fold
from ontology.namespaces import ORG, PREFIXES, SH, SKOS
from ontology.sparql import read_sparql
from ontology.store import Store, Term, plain_graph
from ontology.store_oxigraph import OxigraphStore
from ontology.store_rdflib import MemoryStore

CACHE_SIZE = 8
K = TypeVar("K")
V = TypeVar("V")

# ORG's inverse pairs: a dated triple ends together with its mirror image,
# so the data need not date both directions.
INVERSES: Mapping[URIRef, URIRef] = {
    ORG.heldBy: ORG.holds,
    ORG.holds: ORG.heldBy,
    ORG.hasPost: ORG.postIn,
    ORG.postIn: ORG.hasPost,
    ORG.hasUnit: ORG.unitOf,
    ORG.unitOf: ORG.hasUnit,
    ORG.hasSite: ORG.siteOf,
    ORG.siteOf: ORG.hasSite,
    ORG.hasPrimarySite: ORG.siteOf,
    ORG.hasMember: ORG.memberOf,
    ORG.memberOf: ORG.hasMember,
    ORG.hasSubOrganization: ORG.subOrganizationOf,
    ORG.subOrganizationOf: ORG.hasSubOrganization,
}


def is_dated(store: Store) -> bool:
    """Whether ``store`` holds facts dated in time (``--at`` then matters)."""
    if store.needs_network:  # a remote endpoint: not scanned for dates
        return False
    cached = _DATINGS.get(store.version)
    if cached is not None:
        return cached.timed
    return len(store.select(read_sparql("timeline-dated"))) > 0


_LABELS = (SKOS.prefLabel, SKOS.altLabel, URIRef(PREFIXES["rdfs"] + "label"))
_DATINGS: OrderedDict[str, Dating] = OrderedDict()
_VIEWS: OrderedDict[tuple[str, date], Store] = OrderedDict()


def _dating_of(store: Store) -> Dating:
    cached = _DATINGS.get(store.version)
    if cached is None:
        cached = find_dating(store)
        _remember(_DATINGS, store.version, cached)
    return cached


def _remember(cache: OrderedDict[K, V], key: K, value: V) -> None:
    cache[key] = value
    while len(cache) > CACHE_SIZE:
        cache.popitem(last=False)


def at(store: Store, day: date) -> Store:
    """The store as of ``day``: every triple not in force that day left out.

    Dropped: the triples of an entity (as subject or object) whose periods
    all exclude ``day``, but its labels (so history and search still name
    it); a triple whose dated statements all exclude it (and
    its ORG inverse); the folded search labels of dropped labels. Built once
    per store version and day.
    """
    if store.needs_network:
        raise StoreError("--at needs a local store (oxigraph or memory), not a remote endpoint")
    key = (store.version, day)
    cached = _VIEWS.get(key)
    if cached is not None:
        return cached
    dating = _dating_of(store)
    gone = {e for e, periods in dating.entities.items() if not _holds(periods, day)}
    dropped: set[Triple] = set()
    for (s, p, o), periods in dating.triples.items():
        if not _holds(periods, day):
            dropped.add((s, p, o))
            inverse = INVERSES.get(p) if isinstance(p, URIRef) else None
            if inverse is not None:
                dropped.add((o, inverse, s))
    # A dated statement keeps naming its triple (history reads it), whatever the day.
    gone -= dating.statements
    kept = list(_kept(store.triples(), gone, dropped, dating.statements))
    view = _build(store, kept, shapes_at(store.shapes, day), f"{store.version}@{day.isoformat()}")
    _remember(_VIEWS, key, view)
    return view


def _holds(periods: Iterable[Period], day: date) -> bool:
    return any(p.contains(day) for p in periods)


def _kept(
    triples: Iterator[Triple], gone: set[Term], dropped: set[Triple], statements: frozenset[Term]
) -> Iterator[Triple]:
    """The triples that stay, with the hidden (folded) labels of dropped labels gone too."""
    hidden = SKOS.hiddenLabel
    every = list(triples)
    lost_labels: set[tuple[Term, str]] = set()
    kept_labels: set[tuple[Term, str]] = set()
    survivors: list[Triple] = []
    for s, p, o in every:
        is_label = p in _LABELS and isinstance(o, Literal)
        if s in gone and (is_label or p == hidden) and (s, p, o) not in dropped:
            # A former entity keeps its names: history and search still find it.
            if is_label:
                kept_labels.add((s, fold(str(o))))
            survivors.append((s, p, o))
            continue
        if s not in statements and (s in gone or o in gone or (s, p, o) in dropped):
            if is_label:
                lost_labels.add((s, fold(str(o))))
            continue
        if is_label:
            kept_labels.add((s, fold(str(o))))
        survivors.append((s, p, o))
    orphaned = lost_labels - kept_labels
    for s, p, o in survivors:
        if p == hidden and (s, str(o)) in orphaned:
            continue
        yield s, p, o


def shapes_at(shapes: Graph, day: date) -> Graph:
    """``shapes`` with every shape not in force on ``day`` deactivated (``sh:deactivated``).

    A shape is dated like an entity (``time:hasTime``): a later act that ends
    what a regulation's shape enforces ends the shape, in the later act's
    own shapes folder, citing its sentence.
    """
    ended = [
        shape
        for shape, interval in shapes.subject_objects(TIME.hasTime)
        if not _interval_period(shapes, interval).contains(day)
    ]
    if not ended:
        return shapes
    copy = Graph()
    for prefix, iri in shapes.namespaces():
        copy.bind(prefix, iri)
    copy += shapes
    for shape in ended:
        copy.set((shape, SH.deactivated, Literal(True)))
    return copy


def _interval_period(graph: Graph, interval: Node) -> Period:
    days: list[date | None] = []
    for side in (TIME.hasBeginning, TIME.hasEnd):
        instant = graph.value(interval, side)
        values = [graph.value(instant, p) for p in INSTANT_VALUES] if instant is not None else []
        value = next((v for v in values if isinstance(v, Literal)), None)
        days.append(day_of(value, interval) if value is not None else None)  # type: ignore[arg-type]
    return Period(days[0], days[1])


def _build(store: Store, triples: list[Triple], shapes: Graph, version: str) -> Store:
    """A store of the same engine holding ``triples`` (a view as of one day)."""
    if isinstance(store, MemoryStore):
        return MemoryStore(
            plain_graph(triples), shapes=shapes, version=version, sources=store.sources
        )
    view = OxigraphStore(shapes=shapes, version=version, sources=store.sources)
    view.add_triples(triples)
    return view


def events(store: Store) -> tuple[Event, ...]:
    """Every dated change of ``store``, in order of day."""
    return _dating_of(store).events


def as_of(store: Store, day: date | None, *, today: date) -> tuple[Store, date | None]:
    """The store to answer from, and the day it answers for (None: the data is not dated).

    Asked for a day, the store as of that day. Not asked, a dated store
    answers as of ``today`` (and the caller says so); an undated one as it is.
    """
    if day is not None:
        return at(store, day), day
    if is_dated(store):
        return at(store, today), today
    return store, None


def timeline_days(store: Store) -> list[dict[str, object]]:
    """The dated days of ``store``: ``{"day", "when", "count"}``, in order.

    ``day`` is the ISO first day, ``when`` the form the sources give (a
    month stays a month), ``count`` how many facts begin or end then.
    """
    counts: dict[date, tuple[str, int]] = {}
    for event in events(store):
        when, count = counts.get(event.day, (event.when, 0))
        counts[event.day] = (when if len(when) >= len(event.when) else event.when, count + 1)
    return [
        {"day": day.isoformat(), "when": when[:10], "count": count}
        for day, (when, count) in sorted(counts.items())
    ]
