"""Mutation operators: systematic edits of a model, one per modelled fact.

Every operator reads ORG / ODRL / okg patterns (a post, a unit, a reporting
line, a duty's bearer, a seal permission, an ex officio link, a coded
value, a sentence's text, a shape), never an IRI of one regulation, so
:func:`generate` works on any regulation folder. Where an operator needs
"another" node (the post a holder moves to), it takes the next one in IRI
order, so a run is reproducible and its mutant ids are stable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

from rdflib import Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import ID, ODRL, OKG, ORG, RDF, SKOS
from tests.mutation.mutant import Model, Mutant, Triple, closure, mentions, renamed

Operator = Callable[[Model], Iterator[Mutant]]

# What a regulation models as nodes of its own, by type.
NODE_KINDS: dict[URIRef, str] = {
    ORG.Post: "post",
    ORG.OrganizationalUnit: "unit",
    OKG.ReportingLine: "reporting line",
    ODRL.Duty: "duty",
    ODRL.Permission: "permission",
    OKG.MeetingRule: "meeting rule",
    OKG.Principle: "principle",
    OKG.Staffing: "staffing",
    OKG.Seal: "seal",
}
# Properties whose values are concepts of a code list (skos:inScheme).
CODED = (
    OKG.frequency,
    OKG.channel,
    OKG.workingRegime,
    OKG.staffingMode,
    OKG.meetingKind,
    ORG.role,
    ORG.classification,
)
CADENCED = (OKG.ReportingLine, OKG.MeetingRule)
# Links an added post or unit does not copy from its sibling: who holds it,
# what it is ex officio, where it sits, what it contains.
_NOT_COPIED = {ORG.heldBy, OKG.actingHolder, OKG.exOfficio, OKG.sitsIn, ORG.hasPost, ORG.hasUnit}


def slug(node: Node) -> str:
    """A short readable name for a node in mutant ids (``tct-cpdt/post/to-truong``)."""
    text = str(node)
    for prefix in (str(ID), str(OKG)):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _nodes(model: Model, kind: URIRef) -> list[URIRef]:
    return sorted(n for n in model.data.subjects(RDF.type, kind) if isinstance(n, URIRef))


def all_nodes(model: Model) -> list[tuple[URIRef, URIRef]]:
    """Every modelled node with its kind (NODE_KINDS), in kind then IRI order."""
    return [(kind, node) for kind in NODE_KINDS for node in _nodes(model, kind)]


def _next(candidates: Sequence[URIRef], current: Node) -> URIRef | None:
    """The candidate after ``current`` in IRI order (wrapping), never ``current``."""
    others = [c for c in candidates if c != current]
    if not others:
        return None
    later = [c for c in others if str(c) > str(current)]
    return (later or others)[0]


# --------------------------------------------------------------------------
# structure: remove, duplicate, add
# --------------------------------------------------------------------------


def remove_node(model: Model) -> Iterator[Mutant]:
    """Remove a post, unit, reporting line, rule, ... and every link to it."""
    for kind, node in all_nodes(model):
        yield Mutant(
            id=f"remove:{slug(node)}",
            operator="remove",
            description=f"remove the {NODE_KINDS[kind]} {slug(node)}",
            sentences=model.sources_of(node),
            removed=frozenset(mentions(model.data, node)),
        )


def duplicate_node(model: Model) -> Iterator[Mutant]:
    """Copy a node, with every link to and from it, under a new IRI."""
    for kind, node in all_nodes(model):
        copy = URIRef(f"{node}-ban-sao")
        yield Mutant(
            id=f"duplicate:{slug(node)}",
            operator="duplicate",
            description=f"a second {NODE_KINDS[kind]} like {slug(node)}",
            sentences=model.sources_of(node),
            added=frozenset(renamed(mentions(model.data, node), node, copy)),
        )


def add_node(model: Model) -> Iterator[Mutant]:
    """Add a post of a role (a unit of a kind) where the model has one already."""
    for kind, link, typing in (
        (ORG.Post, ORG.postIn, ORG.role),
        (ORG.OrganizationalUnit, ORG.unitOf, ORG.classification),
    ):
        seen: set[tuple[Node, Node]] = set()
        for node in _nodes(model, kind):
            parent, sort = model.data.value(node, link), model.data.value(node, typing)
            if parent is None or sort is None or (parent, sort) in seen:
                continue
            seen.add((parent, sort))
            new = URIRef(f"{node}-them")
            copied: set[Triple] = {
                (new, p, _added_label(o) if p == SKOS.prefLabel else o)
                for _, p, o in closure(model.data, node)
                if p not in _NOT_COPIED and p != SKOS.altLabel
            }
            inverse = ORG.hasPost if kind == ORG.Post else ORG.hasUnit
            copied.add((parent, inverse, new))
            yield Mutant(
                id=f"add:{slug(parent)}:{slug(sort)}",
                operator="add",
                description=f"one more {NODE_KINDS[kind]} of kind {slug(sort)} in {slug(parent)}",
                sentences=model.sources_of(node),
                added=frozenset(copied),
            )


def _added_label(label: Node) -> Node:
    if isinstance(label, Literal):
        suffix = " (thêm)" if label.language == "vi" else " (added)"
        return Literal(f"{label}{suffix}", lang=label.language)
    return label


# --------------------------------------------------------------------------
# who holds what
# --------------------------------------------------------------------------


def move_holder(model: Model) -> Iterator[Mutant]:
    """Move a named holder (or acting holder) to the next post."""
    posts = _nodes(model, ORG.Post)
    for link in (ORG.heldBy, OKG.actingHolder):
        for post, person in sorted(model.data.subject_objects(link)):
            target = _next(posts, post)
            if target is None or (target, link, person) in model.data:
                continue
            removed: set[Triple] = {(post, link, person)}
            added: set[Triple] = {(target, link, person)}
            if link == ORG.heldBy:
                removed.add((person, ORG.holds, post))
                added.add((person, ORG.holds, target))
            yield Mutant(
                id=f"move-holder:{slug(post)}:{slug(person)}->{slug(target)}",
                operator="move-holder",
                description=f"{slug(person)} holds {slug(target)} instead of {slug(post)}",
                sentences=model.sources_of(post),
                removed=frozenset(removed),
                added=frozenset(added),
            )


def swap_ex_officio(model: Model) -> Iterator[Mutant]:
    """Swap the ex officio bases of two posts, or move one to a post without any."""
    links = sorted(model.data.subject_objects(OKG.exOfficio))
    for (a, basis_a), (b, basis_b) in pairwise(links):
        yield Mutant(
            id=f"swap-ex-officio:{slug(a)}<->{slug(b)}",
            operator="swap-ex-officio",
            description=f"{slug(a)} and {slug(b)} swap their ex officio bases",
            sentences=model.sources_of(a, b),
            removed=frozenset({(a, OKG.exOfficio, basis_a), (b, OKG.exOfficio, basis_b)}),
            added=frozenset({(a, OKG.exOfficio, basis_b), (b, OKG.exOfficio, basis_a)}),
        )
    for post, basis in links:
        parent = model.data.value(post, ORG.postIn)
        for other in _nodes(model, ORG.Post):
            if other == post or model.data.value(other, ORG.postIn) != parent:
                continue
            if (other, OKG.exOfficio, None) in model.data:
                continue
            yield Mutant(
                id=f"move-ex-officio:{slug(post)}->{slug(other)}",
                operator="move-ex-officio",
                description=f"{slug(other)} is ex officio {slug(basis)} instead of {slug(post)}",
                sentences=model.sources_of(post),
                removed=frozenset({(post, OKG.exOfficio, basis)}),
                added=frozenset({(other, OKG.exOfficio, basis)}),
            )


def drop_seat(model: Model) -> Iterator[Mutant]:
    """Take a post out of a unit it sits in (okg:sitsIn)."""
    for post, unit in sorted(model.data.subject_objects(OKG.sitsIn)):
        yield Mutant(
            id=f"drop-seat:{slug(post)}:{slug(unit)}",
            operator="drop-seat",
            description=f"{slug(post)} no longer sits in {slug(unit)}",
            sentences=model.sources_of(post),
            removed=frozenset({(post, OKG.sitsIn, unit)}),
        )


# --------------------------------------------------------------------------
# coded values: frequency, channel, regime, role, kind, ...
# --------------------------------------------------------------------------


def swap_concept(model: Model) -> Iterator[Mutant]:
    """Replace a coded value by the next concept of its code list."""
    for predicate in CODED:
        for subject, value in sorted(model.data.subject_objects(predicate)):
            scheme = model.vocabulary.value(value, SKOS.inScheme)
            if scheme is None:
                continue
            concepts = sorted(
                c for c in model.vocabulary.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)
            )
            other = _next(concepts, value)
            if other is None or (subject, predicate, other) in model.data:
                continue
            yield Mutant(
                id=f"swap-concept:{slug(subject)}:{slug(predicate)}:{slug(value)}->{slug(other)}",
                operator="swap-concept",
                description=f"{slug(subject)} {slug(predicate)} {slug(other)}, not {slug(value)}",
                sentences=model.sources_of(subject),
                removed=frozenset({(subject, predicate, value)}),
                added=frozenset({(subject, predicate, other)}),
            )


def toggle_frequency(model: Model) -> Iterator[Mutant]:
    """Drop the frequency of a reporting line or meeting, or give one where the text sets none."""
    concepts = sorted(
        c
        for c in model.vocabulary.subjects(SKOS.inScheme, OKG.frequencies)
        if isinstance(c, URIRef)
    )
    for kind in CADENCED:
        for node in _nodes(model, kind):
            frequency = model.data.value(node, OKG.frequency)
            if frequency is not None:
                yield Mutant(
                    id=f"drop-frequency:{slug(node)}",
                    operator="drop-frequency",
                    description=f"{slug(node)} loses its frequency {slug(frequency)}",
                    sentences=model.sources_of(node),
                    removed=frozenset({(node, OKG.frequency, frequency)}),
                )
            elif concepts:
                yield Mutant(
                    id=f"add-frequency:{slug(node)}",
                    operator="add-frequency",
                    description=f"{slug(node)} gets a frequency the text does not set",
                    sentences=model.sources_of(node),
                    added=frozenset({(node, OKG.frequency, concepts[0])}),
                )


def reverse_line(model: Model) -> Iterator[Mutant]:
    """Turn a reporting line round: the recipient reports to the reporter."""
    for line in _nodes(model, OKG.ReportingLine):
        reporters = set(model.data.objects(line, OKG.reporter))
        recipients = set(model.data.objects(line, OKG.recipient))
        removed: set[Triple] = {(line, OKG.reporter, r) for r in reporters}
        removed |= {(line, OKG.recipient, r) for r in recipients}
        added: set[Triple] = {(line, OKG.reporter, r) for r in recipients}
        added |= {(line, OKG.recipient, r) for r in reporters}
        for a in reporters:
            for b in recipients:
                if (a, ORG.reportsTo, b) in model.data:
                    removed.add((a, ORG.reportsTo, b))
                    added.add((b, ORG.reportsTo, a))
        yield Mutant(
            id=f"reverse:{slug(line)}",
            operator="reverse",
            description=f"{slug(line)} runs the other way",
            sentences=model.sources_of(line),
            removed=frozenset(removed - added),
            added=frozenset(added - removed),
        )


# --------------------------------------------------------------------------
# duties and permissions: bearers, seals
# --------------------------------------------------------------------------


def _rules(model: Model) -> list[URIRef]:
    return sorted({*_nodes(model, ODRL.Duty), *_nodes(model, ODRL.Permission)})


def toggle_bearer(model: Model) -> Iterator[Mutant]:
    """Remove a bearer of a rule, or give a bearer to a rule the text leaves without one."""
    posts = _nodes(model, ORG.Post)
    for rule in _rules(model):
        bearers = sorted(model.data.objects(rule, ODRL.assignee), key=str)
        for bearer in bearers:
            yield Mutant(
                id=f"remove-bearer:{slug(rule)}:{slug(bearer)}",
                operator="remove-bearer",
                description=f"{slug(bearer)} no longer bears {slug(rule)}",
                sentences=model.sources_of(rule),
                removed=frozenset({(rule, ODRL.assignee, bearer)}),
            )
        if not bearers and posts:
            yield Mutant(
                id=f"add-bearer:{slug(rule)}:{slug(posts[0])}",
                operator="add-bearer",
                description=f"{slug(posts[0])} bears {slug(rule)}, which the text gives no bearer",
                sentences=model.sources_of(rule),
                added=frozenset({(rule, ODRL.assignee, posts[0])}),
            )


def reassign_seal(model: Model) -> Iterator[Mutant]:
    """Give a seal permission to the next post instead of its bearer."""
    posts = _nodes(model, ORG.Post)
    for rule in _rules(model):
        if (rule, ODRL.action, OKG.useSeal) not in model.data:
            continue
        for bearer in sorted(model.data.objects(rule, ODRL.assignee), key=str):
            target = _next(posts, bearer)
            if target is None:
                continue
            yield Mutant(
                id=f"reassign-seal:{slug(rule)}:{slug(bearer)}->{slug(target)}",
                operator="reassign-seal",
                description=f"{slug(target)} may use the seal instead of {slug(bearer)}",
                sentences=model.sources_of(rule),
                removed=frozenset({(rule, ODRL.assignee, bearer)}),
                added=frozenset({(rule, ODRL.assignee, target)}),
            )
