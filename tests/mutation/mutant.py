"""A mutant: one systematic edit of a regulation's model (data or shapes).

A mutant is a triple diff, so it is cheap to build, to compare and to
apply to a copy of the model: :func:`read_model` reads a regulation folder
the way ``orgkg --data`` splits it (data files, ``shapes/``), and
:meth:`Mutant.write` writes the edited copy as a folder the loader reads.
The model is serialised once (:attr:`Model.data_lines`,
:attr:`Model.shapes_text`); a mutant of the data writes those lines less
the ones it removes plus the ones it adds, so no graph is copied per mutant.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from ontology import find_sources
from ontology.loader import GENERIC_SHAPES, VOCABULARY
from ontology.namespaces import DCT, PREFIXES, PROV

Triple = tuple[Node, Node, Node]
Part = Literal["data", "shapes"]


@dataclass(frozen=True)
class Model:
    """A regulation's own data and shapes (the vocabulary and generic shapes aside)."""

    folder: Path
    data: Graph
    shapes: Graph
    vocabulary: Graph

    def sentence_id(self, node: Node) -> str:
        """The passage id (``para_4__sent_1``) of a sentence IRI, else the IRI."""
        return str(self.data.value(node, DCT.identifier) or node)

    def sources_of(self, *nodes: Node) -> tuple[str, ...]:
        """Ids of the sentences ``nodes`` are derived from, sorted."""
        cited = {s for n in nodes for s in self.data.objects(n, PROV.wasDerivedFrom)}
        return tuple(sorted({self.sentence_id(s) for s in cited}))

    @cached_property
    def data_lines(self) -> tuple[str, ...]:
        """The data as N-Triples lines, sorted: written once, edited per mutant."""
        return tuple(sorted(ntriples(self.data)))

    @cached_property
    def shapes_text(self) -> str:
        """The regulation's own shapes as Turtle, for every mutant of the data."""
        return self.shapes.serialize(format="turtle", encoding="utf-8").decode("utf-8")


def read_model(folder: Path) -> Model:
    """Parse a regulation folder into its data and its own shapes graphs."""
    sources = find_sources([folder])
    generic = set(GENERIC_SHAPES.glob("*.ttl"))
    data, shapes = _graph(), _graph()
    for path in sources.data:
        if path != VOCABULARY:
            data.parse(path)
    for path in sources.shapes:
        if path not in generic:
            shapes.parse(path)
    return Model(folder=folder, data=data, shapes=shapes, vocabulary=Graph().parse(VOCABULARY))


def _graph() -> Graph:
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


@dataclass(frozen=True)
class Mutant:
    """One edit: triples removed from and added to the data or the shapes."""

    id: str
    operator: str
    description: str
    sentences: tuple[str, ...]
    part: Part = "data"
    removed: frozenset[Triple] = field(default_factory=frozenset)
    added: frozenset[Triple] = field(default_factory=frozenset)

    @property
    def changes(self) -> bool:
        """False when the edit leaves the model as it is (never kept)."""
        return bool(self.removed) or bool(self.added)

    def apply(self, model: Model) -> tuple[Graph, Graph]:
        """The edited (data, shapes), as new graphs; ``model`` is left alone."""
        data, shapes = _copy(model.data), _copy(model.shapes)
        edited = data if self.part == "data" else shapes
        for triple in self.removed:
            edited.remove(triple)
        for triple in self.added:
            edited.add(triple)
        return data, shapes

    def write(self, model: Model, folder: Path) -> Path:
        """Write the edited model as a regulation folder (``model.nt``, ``shapes/`` if any).

        Only the edited part is serialised: a data edit is the model's
        N-Triples lines less the removed triples' plus the added ones', and
        the shapes are the model's text as it is (and the other way round).
        """
        folder.mkdir(parents=True, exist_ok=True)
        lines: Sequence[str] = model.data_lines
        shapes = model.shapes_text
        if self.part == "data":
            gone = ntriples(self.removed)
            kept = [line for line in model.data_lines if line not in gone]
            lines = [*kept, *sorted(ntriples(self.added))]
        else:
            _, edited = self.apply(model)
            shapes = edited.serialize(format="turtle", encoding="utf-8").decode("utf-8")
            if not len(edited):
                shapes = ""  # no shapes left: no shapes/ folder, as in a real regulation
        (folder / "model.nt").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        if shapes:
            (folder / "shapes").mkdir(exist_ok=True)
            (folder / "shapes" / "shapes.ttl").write_text(shapes, encoding="utf-8")
        return folder


def ntriples(triples: Iterable[Triple]) -> set[str]:
    """The N-Triples lines of ``triples``, as rdflib writes them for a whole graph."""
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return {line for line in text.splitlines() if line.strip()}


def _copy(graph: Graph) -> Graph:
    copy = _graph()
    copy += graph
    return copy


def closure(graph: Graph, node: Node) -> set[Triple]:
    """The triples about ``node`` and, recursively, about the blank nodes it uses."""
    found: set[Triple] = set()
    todo = [node]
    seen: set[Node] = set()
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for _, p, o in graph.triples((subject, None, None)):
            found.add((subject, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return found


def mentions(graph: Graph, node: Node) -> set[Triple]:
    """Every triple with ``node`` as subject (with its blank nodes) or object."""
    return closure(graph, node) | {(s, p, node) for s, p in graph.subject_predicates(node)}


def renamed(triples: Iterable[Triple], old: Node, new: URIRef) -> set[Triple]:
    """``triples`` with ``old`` replaced by ``new`` wherever it occurs."""
    return {tuple(new if t == old else t for t in triple) for triple in triples}  # type: ignore[misc]
