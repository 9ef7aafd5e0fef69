"""What happened to the posts between two snapshots of one organisation.

Any two ORG datasets whose posts keep their IRIs from one to the other (a
UK organogram's ``id/{body}/post/{reference}``, a regulation's posts): a
post is *created* (only in the new one, not eliminated there), *eliminated*
(in force in the old one, and gone or ``okg:eliminatedPost`` in the new),
*re-graded* (``okg:grade`` differs), *moved* (it reports to another post:
``org:reportsTo`` differs, a top post included) or *taken by another holder*
(``org:heldBy`` names another holder on both sides; a holder not disclosed,
``okg:notDisclosed``, is no one in particular, so it never counts).

>>> from ontology import load_regulation
>>> store = load_regulation()
>>> compare_posts(store, store).total
0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ontology.namespaces import OKG
from ontology.sparql import read_sparql
from ontology.store import Store

# The kinds of change, in the order they are shown.
KINDS: tuple[tuple[str, str], ...] = (
    ("created", "created"),
    ("eliminated", "eliminated"),
    ("regraded", "re-graded"),
    ("moved", "moved under another manager"),
    ("new_holder", "taken by another holder"),
)
_ELIMINATED = str(OKG.eliminatedPost)
_NOT_DISCLOSED = str(OKG.notDisclosed)


@dataclass
class PostState:
    """One post in one snapshot: the values compared (sets: data may repeat them)."""

    labels: set[str] = field(default_factory=set)
    grades: set[str] = field(default_factory=set)
    managers: set[str] = field(default_factory=set)
    holders: set[str] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return min(self.labels) if self.labels else ""

    @property
    def eliminated(self) -> bool:
        return _ELIMINATED in self.statuses

    @property
    def holder_known(self) -> bool:
        return bool(self.holders) and _NOT_DISCLOSED not in self.statuses


@dataclass(frozen=True)
class PostChange:
    """One post's change of one kind; ``old``/``new`` the values before and after."""

    kind: str
    post: str
    label: str
    old: tuple[str, ...] = ()
    new: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "post": self.post,
            "label": self.label,
            "old": list(self.old),
            "new": list(self.new),
        }


@dataclass(frozen=True)
class PostChanges:
    """Every post change between two snapshots, by kind."""

    changes: tuple[PostChange, ...] = ()

    @property
    def total(self) -> int:
        return len(self.changes)

    def of(self, kind: str) -> tuple[PostChange, ...]:
        return tuple(c for c in self.changes if c.kind == kind)

    def counts(self) -> dict[str, int]:
        return {kind: len(self.of(kind)) for kind, _ in KINDS}

    def to_dict(self) -> dict[str, object]:
        return {"counts": self.counts(), "changes": [c.to_dict() for c in self.changes]}


def read_posts(store: Store) -> dict[str, PostState]:
    """Post IRI -> its state in ``store``."""
    posts: dict[str, PostState] = {}
    for post, label, grade, manager, holder, status in store.select_values(
        read_sparql("post-states")
    ):
        if post is None:
            continue
        state = posts.setdefault(post, PostState())
        for values, value in (
            (state.labels, label),
            (state.grades, grade),
            (state.managers, manager),
            (state.holders, holder),
            (state.statuses, status),
        ):
            if value is not None:
                values.add(value)
    return posts


def compare_posts(old: Store, new: Store) -> PostChanges:
    """What happened to the posts from ``old`` to ``new`` (see the module's words)."""
    return changes_between(read_posts(old), read_posts(new))


def changes_between(before: Mapping[str, PostState], after: Mapping[str, PostState]) -> PostChanges:
    """The post changes between two read snapshots."""
    changes: list[PostChange] = []
    for iri, state in after.items():
        if iri not in before and not state.eliminated:
            changes.append(PostChange("created", iri, state.label))
    for iri, state in before.items():
        then = after.get(iri)
        if state.eliminated:
            continue
        if then is None or then.eliminated:
            changes.append(PostChange("eliminated", iri, state.label))
    for iri, state in before.items():
        then = after.get(iri)
        if then is None:
            continue
        label = then.label or state.label
        changes += _differences(iri, label, state, then)
    order = {kind: n for n, (kind, _) in enumerate(KINDS)}
    changes.sort(key=lambda c: (order[c.kind], c.label, c.post))
    return PostChanges(tuple(changes))


def _differences(iri: str, label: str, old: PostState, new: PostState) -> list[PostChange]:
    found: list[PostChange] = []
    if old.grades != new.grades:
        found.append(PostChange("regraded", iri, label, _sorted(old.grades), _sorted(new.grades)))
    if old.managers != new.managers:
        found.append(PostChange("moved", iri, label, _sorted(old.managers), _sorted(new.managers)))
    if old.holder_known and new.holder_known and old.holders != new.holders:
        found.append(
            PostChange("new_holder", iri, label, _sorted(old.holders), _sorted(new.holders))
        )
    return found


def _sorted(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(values))
