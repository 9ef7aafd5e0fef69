"""Mutation operators on what the model cites: provenance links, quotes and shapes.

Like :mod:`tests.mutation.operators`, they read patterns (``prov:wasDerivedFrom``,
a sentence's text, ``okg:enforces``), never an IRI of one regulation.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import OKG, PROV
from tests.mutation.mutant import Model, Mutant, closure
from tests.mutation.operators import NODE_KINDS, all_nodes, slug


def drop_provenance(model: Model) -> Iterator[Mutant]:
    """Remove every prov:wasDerivedFrom of a modelled node."""
    for kind, node in all_nodes(model):
        links = {
            (node, PROV.wasDerivedFrom, s) for s in model.data.objects(node, PROV.wasDerivedFrom)
        }
        if links:
            yield Mutant(
                id=f"drop-provenance:{slug(node)}",
                operator="drop-provenance",
                description=f"the {NODE_KINDS[kind]} {slug(node)} cites no sentence",
                sentences=model.sources_of(node),
                removed=frozenset(links),
            )


def alter_quote(model: Model) -> Iterator[Mutant]:
    """Change a sentence's text: its first number, else its last word."""
    for sentence, text in sorted(model.data.subject_objects(OKG.text)):
        if not isinstance(text, Literal) or not isinstance(sentence, URIRef):
            continue
        altered = _altered(str(text))
        if altered == str(text):
            continue
        sid = model.sentence_id(sentence)
        yield Mutant(
            id=f"alter-quote:{sid}",
            operator="alter-quote",
            description=f"the text of {sid} is edited",
            sentences=(sid,),
            removed=frozenset({(sentence, OKG.text, text)}),
            added=frozenset({(sentence, OKG.text, Literal(altered, lang=text.language))}),
        )


def _altered(text: str) -> str:
    for index, char in enumerate(text):
        if char.isdigit():
            return text[:index] + str((int(char) + 1) % 10) + text[index + 1 :]
    words = text.split(" ")
    return " ".join(words[:-1]) if len(words) > 1 else text


def remove_shapes(model: Model) -> Iterator[Mutant]:
    """Remove every shape that enforces a sentence, then all the regulation's shapes.

    The data is left as it is, so only a scenario that relies on those
    shapes (it must never pass vacuously) can catch it.
    """
    enforcing: dict[Node, set[URIRef]] = {}
    for shape, sentence in model.shapes.subject_objects(OKG.enforces):
        if isinstance(shape, URIRef):
            enforcing.setdefault(sentence, set()).add(shape)
    for sentence, shapes in sorted(enforcing.items(), key=lambda kv: str(kv[0])):
        sid = model.sentence_id(sentence)
        yield Mutant(
            id=f"remove-shapes:{sid}",
            operator="remove-shapes",
            description=f"no shape enforces {sid} ({', '.join(sorted(map(slug, shapes)))} gone)",
            sentences=(sid,),
            part="shapes",
            removed=frozenset(t for shape in shapes for t in closure(model.shapes, shape)),
        )
    if len(model.shapes):
        yield Mutant(
            id="remove-shapes:all",
            operator="remove-shapes",
            description="the regulation's shapes/ folder is gone",
            sentences=tuple(sorted({model.sentence_id(s) for s in enforcing})),
            part="shapes",
            removed=frozenset(model.shapes),
        )
