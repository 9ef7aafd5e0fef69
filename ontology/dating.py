"""Dates in the data: the periods, events and legal validity a store states.

:func:`find_dating` reads every dated entity, statement, legal resource and
change event of a store (the terms are listed in :mod:`ontology.timeline`);
a date no calendar has, or a period that ends before it begins, is refused
at the file and line that state it.

>>> parse_day("2019-09")
datetime.date(2019, 9, 1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from rdflib import Namespace

from ontology.errors import DataError, ParameterError
from ontology.namespaces import ELI, ORG, PROV
from ontology.sarif import Locator
from ontology.sparql import read_sparql
from ontology.store import Store, Term

Triple = tuple[Term, Term, Term]
TIME = Namespace("http://www.w3.org/2006/time#")
INSTANT_VALUES = (
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
        period = Period(day_of(begin, thing, store), day_of(end, thing, store))
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
        first = day_of(begin, thing, store)
        last = day_of(last_day, thing, store)
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


def day_of(term: Term | None, thing: Term, store: Store | None = None) -> date | None:
    """The first day a date literal names, or a DataError at the line that states it."""
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
