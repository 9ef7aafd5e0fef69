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
>>> Period(parse_day("2019-09"), None).contains(date(2019, 9, 1))
True
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ontology.errors import DataError, ParameterError, StoreError
from ontology.folding import fold
from ontology.namespaces import ELI, ORG, PREFIXES, PROV, SH, SKOS
from ontology.sarif import Locator
from ontology.sparql import read_sparql
from ontology.store import Store, Term, plain_graph
from ontology.store_oxigraph import OxigraphStore
from ontology.store_rdflib import MemoryStore

CACHE_SIZE = 8
Triple = tuple[Term, Term, Term]
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
TIME = Namespace("http://www.w3.org/2006/time#")
_INSTANT_VALUES = (
    TIME.inXSDDate,
    TIME.inXSDgYearMonth,
    TIME.inXSDgYear,
    TIME.inXSDDateTime,
    TIME.inXSDDateTimeStamp,
)
# The predicates that give a thing its dates, where a refusal points.
_DATING_PREDICATES = (
    TIME.hasTime,
    ORG.memberDuring,
    ELI.date_no_longer_in_force,
    PROV.startedAtTime,
)
_LABELS = (SKOS.prefLabel, SKOS.altLabel, URIRef(PREFIXES["rdfs"] + "label"))
# An XSD date, year-month, year or date-time: four-digit years only (Python's
# calendar ends in 9999), a time of day and a zone allowed and ignored.
_DAY = re.compile(
    r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?)?)?)?(?:Z|[+-]\d{2}:\d{2})?"
)


@dataclass(frozen=True)
class Period:
    """When a fact holds: from ``begin`` (inclusive) to ``end`` (exclusive); None = open."""

    begin: date | None
    end: date | None

    def contains(self, day: date) -> bool:
        return (self.begin is None or self.begin <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Event:
    """One dated change: ``thing`` (or the triple of a statement) begins or ends.

    ``when`` is the lexical form as given (``2019-09-09``, ``2019-09``,
    ``2019``), so the precision the source gives is kept.
    """

    day: date
    when: str
    change: str  # "begins" or "ends"
    thing: Term
    triple: Triple | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Dating:
    """Everything dated in a store: entities, statements (by triple), events."""

    entities: Mapping[Term, tuple[Period, ...]]
    triples: Mapping[Triple, tuple[Period, ...]]
    events: tuple[Event, ...]
    statements: frozenset[Term]
    # Whether the data says when its facts hold (OWL-Time intervals), not
    # only when its documents were made: only then is "as of today" said.
    timed: bool


def parse_day(text: str) -> date:
    """The first day of an ISO date, year-month or year (``2019-09`` -> 1 Sep 2019)."""
    match = _DAY.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a date: {text!r}")
    year, month, day = match.groups()
    return date(int(year), int(month or 1), int(day or 1))  # ValueError: not in the calendar


def parse_at(text: str, *, name: str = "at") -> date:
    """A ``--at`` / ``?at=`` value (YYYY-MM-DD, YYYY-MM or YYYY), or ParameterError."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text.strip()):
        raise ParameterError(f"{name}: {text!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    try:
        return parse_day(text)
    except ValueError:
        raise ParameterError(f"{name}: {text!r} is not a date of the calendar") from None


def find_dating(store: Store) -> Dating:
    """Read every dated entity, statement, legal resource and change event of ``store``."""
    sources: dict[Term, list[str]] = {}
    for thing, source_id in store.select(read_sparql("timeline-sources")):
        if thing is not None and source_id is not None:
            sources.setdefault(thing, []).append(str(source_id))
    entities: dict[Term, list[Period]] = {}
    triples: dict[Triple, list[Period]] = {}
    events: list[Event] = []
    timed = store.select(read_sparql("timeline-periods"))
    for thing, subject, predicate, obj, begin, end in timed:
        if thing is None:
            continue
        period = Period(_day_of(begin, thing, store), _day_of(end, thing, store))
        _check_order(period, thing, store, f"ends ({end}) before it begins ({begin})")
        triple: Triple | None = None
        if subject is not None and predicate is not None and obj is not None:
            triple = (subject, predicate, obj)
            triples.setdefault(triple, []).append(period)
        else:
            entities.setdefault(thing, []).append(period)
        cited = tuple(sorted(set(sources.get(thing, ()))))
        for change, value, day in (("begins", begin, period.begin), ("ends", end, period.end)):
            if value is not None and day is not None:
                events.append(Event(day, str(value), change, thing, triple, cited))
    for thing, begin, last_day in store.select(read_sparql("timeline-documents")):
        if thing is None:
            continue
        first = _day_of(begin, thing, store)
        last = _day_of(last_day, thing, store)
        period = Period(first, last + timedelta(days=1) if last else None)
        _check_order(
            period, thing, store, f"is no longer in force ({last_day}) before it is ({begin})"
        )
        entities.setdefault(thing, []).append(period)
        cited = tuple(sorted(set(sources.get(thing, ()))))
        if first is not None and begin is not None:
            events.append(Event(first, str(begin)[:10], "begins", thing, None, cited))
        if last is not None and last_day is not None:
            events.append(Event(last, str(last_day), "ends", thing, None, cited))
    events.sort(key=lambda e: (e.day, e.change, str(e.thing)))
    return Dating(
        {k: tuple(v) for k, v in entities.items()},
        {k: tuple(v) for k, v in triples.items()},
        tuple(events),
        statements=frozenset(e.thing for e in events if e.triple is not None)
        | frozenset(t for t, *rest in timed if t is not None and rest[0] is not None),
        timed=len(timed) > 0,
    )


def _day_of(term: Term | None, thing: Term, store: Store | None = None) -> date | None:
    if term is None:
        return None
    try:
        return parse_day(str(term))
    except ValueError:
        reason = f"{thing}: {str(term)!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"
        raise _located(reason, thing, store) from None


def _check_order(period: Period, thing: Term, store: Store, reason: str) -> None:
    """Refuse a period that ends before it begins: the data contradicts itself.

    An end on the day of the beginning is an empty period (the end is the
    first day the fact no longer holds), which the data may mean; an earlier
    end can only be a slip, and answering as of any day would hide it.
    """
    if period.begin is not None and period.end is not None and period.end < period.begin:
        raise _located(f"{thing} {reason}", thing, store)


def _located(reason: str, thing: Term, store: Store | None) -> DataError:
    """A DataError at the file and line that date ``thing`` (its interval's line when written)."""
    if store is None:
        return DataError(reason)
    locator = Locator.of_files(store.sources)
    key = str(thing)
    place = next(
        (
            found
            for found in (locator.predicates.get((key, str(p))) for p in _DATING_PREDICATES)
            if found is not None
        ),
        locator.subjects.get(key),
    )
    if place is None:
        return DataError(reason)
    return DataError(reason, path=place.path, line=place.line)


def is_dated(store: Store) -> bool:
    """Whether ``store`` holds facts dated in time (``--at`` then matters)."""
    if store.needs_network:  # a remote endpoint: not scanned for dates
        return False
    cached = _DATINGS.get(store.version)
    if cached is not None:
        return cached.timed
    return len(store.select(read_sparql("timeline-dated"))) > 0


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
        values = [graph.value(instant, p) for p in _INSTANT_VALUES] if instant is not None else []
        value = next((v for v in values if isinstance(v, Literal)), None)
        days.append(_day_of(value, interval) if value is not None else None)  # type: ignore[arg-type]
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
