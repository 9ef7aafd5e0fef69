"""The folded labels of a store, indexed once per version, for the catalogue's ``search``.

``queries/search.rq`` finds its entities with ``CONTAINS`` over every folded
label (``skos:hiddenLabel``): at a million triples the engine scans 223k
labels for each search (0.2-0.5 s). A :class:`LabelIndex` holds those labels
sorted, joined in one string: an exact or prefix match is a bisection, a
match inside a label is ``str.find``, and the scan stops once the best 100
entities are known. It ranks them as search.rq's sub-select does (rank 0
exact, 1 prefix, 2 inside; per entity the least rank and the least matching
label, in code-point order; then the entity's IRI), and the engine answers
``ontology/sparql/search-ranked.rq``: search.rq's outer part with those
entities as ``VALUES``. Labels, ordering and every writer stay the engine's
and orgkg's, so every surface gets the same bytes as from search.rq.

The index is kept in the store's memo (:func:`queries.analysis.memo_of`):
only for a cacheable Oxigraph store (in memory or on disk; never a remote
one, nor rdflib's, see :data:`INDEXED_ENGINES`), dropped with its version.
When it cannot rank exactly as SPARQL does, search.rq answers instead: a
blank node among the matches (SPARQL orders blank nodes by engine-made ids),
a label of a literal kind orgkg does not know, a separator in a label or the
text searched for.
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from ontology.errors import DataError
from ontology.paging import XSD_STRING
from ontology.sparql import FOLDER as SPARQL
from ontology.sparql import read_sparql
from ontology.store import Store, Term
from ontology.term_text import split_quoted
from queries.analysis import memo_of
from queries.catalogue import load_catalogue
from queries.question import Question

SEARCH = "search"
# The engines whose answer to search-ranked.rq was proved the same as to search.rq.
# rdflib's is not: with ?lang and ?q bound as initBindings it drops VALUES rows
# (14 of the 20 rows of "ban" on the bundled regulation; rdflib 7.6).
INDEXED_ENGINES = frozenset({"oxigraph"})
LIMIT = 100  # search.rq's LIMIT
_MEMO_KEY = "label-index"
_SEARCHED = "label-index-wanted"  # a search of this store version went without the index
# Between two labels in the joined text; a text with one is never matched by the index.
_SEPARATOR = "\x00"
# When more than this share of the entities match by prefix (a text of a letter
# or none), scanning the labels in order finds the best soon; with fewer, the
# scan may pass many labels that match inside before them, and ranking each
# prefix match is quicker (at 1M: "" 17 against 140 ms, "n" 68 against 3 ms).
_SCAN_SHARE = 0.5
_SLOT = "{ }"  # the empty VALUES block of search-ranked.rq
_LANGUAGE = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_STRING_SUFFIXES = ("", f"^^<{XSD_STRING}>")


@dataclass(frozen=True)
class Ranked:
    """One entity of a search's best 100: its IRI (as the engine wrote it) and rank."""

    entity: str
    rank: int


class LabelIndex:
    """The string-literal folded labels of one store version, sorted (see the module).

    >>> index = LabelIndex(['<http://x/a>\\t"ban a"', '<http://x/b>\\t"ban"@vi'])
    >>> [(r.entity, r.rank) for r in index.search("ban") or ()]
    [('<http://x/b>', 0), ('<http://x/a>', 1)]
    """

    def __init__(self, lines: Sequence[str]) -> None:
        """Index the engine's TSV lines of ``?entity ?hidden`` (search-labels.rq).

        Each distinct (label, entity) is kept once; they are sorted as
        ``label + separator + entity`` strings (cheaper than tuples), which
        orders them by label: the order of entities within a label is not
        used (ties are broken by IRI when ranking).
        """
        self.usable = True
        kinds: dict[str, bool] = {}  # what follows a literal's quotes -> a string CONTAINS reads
        keyed: set[str] = set()
        blank: set[str] = set()
        for line in lines:
            entity, _, hidden = line.partition("\t")
            if not hidden.startswith('"'):
                continue  # an IRI, a blank node, a number or a boolean written bare
            closing = hidden.rindex('"')
            suffix = hidden[closing + 1 :]
            string = kinds.get(suffix)
            if string is None:
                string = kinds[suffix] = self._is_string(suffix)
            if not string:
                continue
            folded = hidden[1:closing]
            if "\\" in folded:
                folded = split_quoted(hidden)[0]
            if _SEPARATOR in folded:
                self.usable = False
            elif entity.startswith("<") and not entity.startswith("<<"):
                keyed.add(folded + _SEPARATOR + entity)
            else:  # a blank node (or a quoted triple): SPARQL orders them its own way
                blank.add(folded)
        entities: dict[str, int] = {}
        self.labels: list[str] = []
        owners: list[int] = []
        for item in sorted(keyed):
            label, _, entity = item.partition(_SEPARATOR)
            self.labels.append(label)
            owners.append(entities.setdefault(entity, len(entities)))
        # Arrays of machine integers: a fifth of a list's memory at a million triples.
        self.owners = array("l", owners)
        self.iris = [entity[1:-1] for entity in entities]  # the IRI order SPARQL uses
        del entities, owners
        # Each label's place among the distinct labels: equal labels tie.
        self.places = array("l")
        place, previous = -1, None
        for label in self.labels:
            if label != previous:
                place, previous = place + 1, label
            self.places.append(place)
        self.starts = array("q", [0, *accumulate(len(label) + 1 for label in self.labels)])
        self.joined = _SEPARATOR.join(self.labels) + _SEPARATOR
        self.blank = _SEPARATOR.join(sorted(blank)) + _SEPARATOR if blank else ""
        # Each entity's labels, least first: its first one that matches is its key.
        self.labels_of: list[list[int]] = [[] for _ in self.iris]
        for position, owner in enumerate(self.owners):
            self.labels_of[owner].append(position)

    def _is_string(self, suffix: str) -> bool:
        """Whether a literal with ``suffix`` after its quotes is a string CONTAINS reads.

        A literal of a kind not known here makes the index unusable.
        """
        if suffix in _STRING_SUFFIXES or _LANGUAGE.fullmatch(suffix):
            return True
        if not suffix.startswith("^^<"):
            self.usable = False  # e.g. a direction-tagged string (RDF 1.2)
        return False

    def search(self, q: str) -> list[Ranked] | None:
        """The best 100 entities whose labels contain ``q``, in search.rq's order.

        None when search.rq must answer instead (see the module).
        """
        if not self.usable or _SEPARATOR in q or (self.blank and q in self.blank):
            return None
        labels, owners = self.labels, self.owners
        exact_end = bisect_right(labels, q)
        start = bisect_left(labels, q, hi=exact_end)
        prefix_end = bisect_right(labels, q, lo=exact_end, key=lambda label: label[: len(q)])
        exact = {owners[i] for i in range(start, exact_end)}
        prefixed = {owners[i] for i in range(exact_end, prefix_end)} - exact
        ranked = [self._ranked(e, 0) for e in self._ordered(exact, q, LIMIT)]
        need = LIMIT - len(ranked)
        if len(prefixed) > _SCAN_SHARE * len(self.iris):  # most entities: the first are enough
            best = self._scan(q, need, prefixed.__contains__)
        else:
            best = self._ordered(prefixed, q, need)
        ranked += [self._ranked(e, 1) for e in best]
        need = LIMIT - len(ranked)
        if need > 0:
            ranked += [self._ranked(e, 2) for e in self._scan(q, need, _Outside(exact | prefixed))]
        return ranked

    def _ranked(self, owner: int, rank: int) -> Ranked:
        return Ranked(f"<{self.iris[owner]}>", rank)

    def _ordered(self, owners: set[int], q: str, count: int) -> list[int]:
        """The first ``count`` of ``owners`` by their least matching label, then IRI."""
        if count <= 0:
            return []
        labels, places, iris = self.labels, self.places, self.iris

        def order(owner: int) -> tuple[int, str]:
            key = next(places[i] for i in self.labels_of[owner] if q in labels[i])
            return key, iris[owner]

        return heapq.nsmallest(count, owners, key=order)

    def _scan(self, q: str, need: int, wanted: Callable[[int], bool]) -> list[int]:
        """The first ``need`` ``wanted`` entities with ``q`` in a label, by that label, then IRI.

        Labels are found in order, so an entity's first one found is its
        least: the scan stops past the key of the ``need``-th entity.
        """
        if need <= 0:
            return []
        joined, starts, owners, places = self.joined, self.starts, self.owners, self.places
        last = len(self.labels)
        met: set[int] = set()
        found: list[tuple[int, str, int]] = []
        position = joined.find(q)
        while position != -1:
            label = bisect_right(starts, position) - 1
            if label >= last:  # an empty text found after the last label
                break
            owner = owners[label]
            if owner not in met and wanted(owner):
                if len(found) >= need and places[label] > found[need - 1][0]:
                    break
                met.add(owner)
                found.append((places[label], self.iris[owner], owner))
            position = joined.find(q, starts[label + 1])
        return [owner for _, _, owner in sorted(found)[:need]]


class _Outside:
    """Whether an entity is outside a set (a rank 2 entity: not exact, not a prefix)."""

    def __init__(self, ranked: set[int]) -> None:
        self._ranked = ranked

    def __call__(self, owner: int) -> bool:
        return owner not in self._ranked


def label_index_of(store: Store) -> LabelIndex:
    """The store's label index, built on first use and kept per store version."""
    index = memo_of(store).get(_MEMO_KEY)
    return index if isinstance(index, LabelIndex) else rebuild_index(store)


def rebuild_index(store: Store) -> LabelIndex:
    """Read the store's folded labels and index them (kept for its version)."""
    index = LabelIndex(store.select_lines(read_sparql("search-labels")).lines)
    memo_of(store)[_MEMO_KEY] = index
    return index


def _kept_index(store: Store) -> LabelIndex | None:
    """The store's index, built at its version's second search (None before).

    Building it reads every folded label (about 1 s at a million triples,
    several searches' worth): a command that searches once is quicker with
    search.rq. The service builds it before any search (``api.runtime.jobs.prime``).
    """
    memo = memo_of(store)
    index = memo.get(_MEMO_KEY)
    if isinstance(index, LabelIndex):
        return index
    if memo.get(_SEARCHED):
        return rebuild_index(store)
    memo[_SEARCHED] = True
    return None


def prepare_index(store: Store) -> LabelIndex | None:
    """Build the store's index now if its searches use one (the service's warm-up)."""
    catalogue = load_catalogue()
    if SEARCH not in catalogue or not uses_index(store, catalogue[SEARCH]):
        return None
    return label_index_of(store)


def uses_index(store: Store, question: Question) -> bool:
    """Whether ``question`` is answered through the label index on ``store``."""
    if store.engine not in INDEXED_ENGINES or not store.cacheable:
        return False
    return _is_search(question)


def question_text(store: Store, question: Question, bindings: Mapping[str, Term]) -> str:
    """The SPARQL that answers ``question``: search.rq ranked by the index where it can be.

    Any other question, a store that keeps nothing (remote) or an engine not
    proved, or a search the index cannot rank exactly keep the question's text.
    """
    if not uses_index(store, question) or "q" not in bindings:
        return question.text
    index = _kept_index(store)
    ranked = None if index is None else index.search(str(bindings["q"]))
    if ranked is None:
        return question.text
    return ranked_text(ranked)


def ranked_text(ranked: Sequence[Ranked]) -> str:
    """search-ranked.rq with ``ranked`` as its VALUES rows (IRIs and integers only)."""
    template = read_sparql("search-ranked")
    before, slot, after = template.partition(_SLOT)
    if not slot or _SLOT in after:
        raise DataError(f"needs one empty VALUES block {_SLOT!r}", path=SPARQL / "search-ranked.rq")
    rows = " ".join(f"({r.entity} {r.rank} {place})" for place, r in enumerate(ranked))
    return f"{before}{{ {rows} }}{after}"


def _is_search(question: Question) -> bool:
    """Whether ``question`` is the catalogue's own search.rq (its text, not just its id)."""
    if question.id != SEARCH:
        return False
    catalogue = load_catalogue()
    return SEARCH in catalogue and catalogue[SEARCH].text == question.text
