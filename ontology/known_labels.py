"""Every IRI's labels, read as the data is loaded: what ``projection-labels.rq`` answers.

An answer that shows thousands of nodes needs their labels, and asking the
engine for every label after loading costs as much again as reading them
while loading: at 1M triples the engine takes 0.37 s to write 223k label
rows and Python 0.28 s to keep the 31k an answer shows. The loader already
finds every label line of an N-Triples file to fold it
(:class:`ontology.hidden_labels.TextFolds`), and parses the small files into
quads: :class:`LabelReader` takes the label statements from both and, once
every file is read, gives each IRI's ``(label_vi, label_en)`` exactly as
:func:`graph.projection.node_labels` reads them from the engine:

- ``skos:prefLabel``; ``rdfs:label`` only for an IRI without any
  ``skos:prefLabel`` (whatever its object);
- literals only, of IRIs only;
- per language the smallest text; an untagged (or typed) literal stands for
  both languages when there is none in that language; language tags
  compared in lower case, as the engine keeps them.

When some file's labels were not read this way (a big Turtle file, a
labelled blank node, an escaped IRI, a file only the exact check reads),
:meth:`LabelReader.labels` gives None and the engine is asked, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

import pyoxigraph as ox

from ontology.hidden_labels import LITERAL_OBJECT, unescape
from ontology.namespaces import PREFIXES

Labels = tuple[str | None, str | None]  # (label_vi, label_en)
PREFERRED = PREFIXES["skos"] + "prefLabel"
FALLBACK = PREFIXES["rdfs"] + "label"
# (IRI, text, language) of one label statement; "" for an untagged or typed literal.
_Row = tuple[str, str, str]


class LabelReader:
    """The label statements of the files a store is loaded from, as they are read.

    ``add_lines`` takes what :class:`~ontology.hidden_labels.TextFolds` cut
    out of an N-Triples text; ``add_quads`` a small file's parsed quads;
    ``give_up`` says some file's labels could not be read here.
    """

    def __init__(self) -> None:
        self._lines: list[tuple[str, list[bytes], list[bytes]]] = []
        self._quads: list[list[ox.Quad]] = []
        self._complete = True
        self._labels: dict[str, Labels] | None = None

    def add_lines(self, predicate: str, subjects: list[bytes], objects: list[bytes]) -> None:
        """Statements of ``predicate``: each subject as written, its object to the line's end."""
        if predicate in (PREFERRED, FALLBACK):
            self._add(lambda: self._lines.append((predicate, subjects, objects)))

    def add_quads(self, quads: list[ox.Quad]) -> None:
        self._add(lambda: self._quads.append(quads))

    def give_up(self) -> None:
        """Some labels went into the store another way: :meth:`labels` gives None."""
        self._complete = False

    def _add(self, append: Callable[[], None]) -> None:
        if self._labels is not None:  # worked out already, and what it came from let go
            self.give_up()
        append()

    def labels(self) -> dict[str, Labels] | None:
        """Each labelled IRI's ``(label_vi, label_en)``; None unless every label was read here.

        Worked out once every file is read (the loader calls it while
        Oxigraph still parses the last big one, so that it costs the load no
        time); statements added after that make it None.
        """
        if not self._complete:
            return None
        if self._labels is None:
            rows: dict[str, list[_Row]] = {PREFERRED: [], FALLBACK: []}
            preferred: set[str] = set()  # IRIs with a skos:prefLabel of any kind
            for predicate, subjects, objects in self._lines:
                if not self._read_lines(subjects, objects, rows[predicate], preferred, predicate):
                    self._complete = False
                    return None
            for quads in self._quads:
                _read_quads(quads, rows, preferred)
            rows[FALLBACK] = [row for row in rows[FALLBACK] if row[0] not in preferred]
            self._labels = shown_labels(rows[PREFERRED] + rows[FALLBACK])
            self._lines, self._quads = [], []
        return self._labels

    @staticmethod
    def _read_lines(
        subjects: list[bytes],
        objects: list[bytes],
        rows: list[_Row],
        preferred: set[str],
        predicate: str,
    ) -> bool:
        """Read one predicate's lines into ``rows``; False when some subject cannot be read."""
        iris: dict[bytes, str] = {}
        literals: dict[bytes, tuple[str, str] | None] = {}
        for written, text in zip(subjects, objects, strict=True):
            iri = iris.get(written)
            if iri is None:
                subject = written.strip(b" \t")
                if b"\\" in subject or subject[:1] != b"<" or subject[-1:] != b">":
                    return False  # an escaped IRI, a blank node: the engine reads it
                iri = iris[written] = subject[1:-1].decode("utf-8")
            if predicate == PREFERRED:
                preferred.add(iri)
            if text not in literals:
                literals[text] = _literal(text)
            literal = literals[text]
            if literal is not None:
                rows.append((iri, *literal))
        return True


def _literal(text: bytes) -> tuple[str, str] | None:
    """The lexical form and lower-case language ("" for none) of a literal object; None else."""
    match = LITERAL_OBJECT.fullmatch(text)
    if match is None:
        return None  # an IRI or a blank node
    value = match.group(1).decode("utf-8")
    language = match.group(2)  # with its @
    return (unescape(value) if "\\" in value else value), (
        language[1:].decode("ascii").lower() if language else ""
    )


def _read_quads(quads: list[ox.Quad], rows: Mapping[str, list[_Row]], preferred: set[str]) -> None:
    for quad in quads:
        predicate = quad.predicate.value
        if predicate not in rows or not isinstance(quad.subject, ox.NamedNode):
            continue
        if predicate == PREFERRED:
            preferred.add(quad.subject.value)
        label = quad.object
        if isinstance(label, ox.Literal):
            rows[predicate].append((quad.subject.value, label.value, label.language or ""))


def shown_labels(
    rows: Iterable[tuple[str | None, ...]],
    wanted: Collection[str] | None = None,
) -> dict[str, Labels]:
    """Each node's ``(label_vi, label_en)`` from (node, label, language) rows.

    Per language the smallest label, so runs agree; an untagged one where a
    language has none. With ``wanted``, those nodes only, each of them given.

    >>> shown_labels([("n", "b", "vi"), ("n", "a", "vi"), ("n", "Office", "")])
    {'n': ('a', 'Office')}
    """
    found: dict[tuple[str, str], str] = {}
    for node, label, language in rows:
        if node is None or label is None or (wanted is not None and node not in wanted):
            continue
        key = (node, language or "")
        current = found.get(key)
        if current is None or label < current:
            found[key] = label
    nodes = wanted if wanted is not None else dict.fromkeys(node for node, _ in found)
    return {
        node: (
            found.get((node, "vi")) or found.get((node, "")),
            found.get((node, "en")) or found.get((node, "")),
        )
        for node in nodes
    }
