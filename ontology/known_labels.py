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
labelled blank node, an escaped IRI, a big file that is not N-Triples),
:meth:`LabelReader.labels` gives None and the engine is asked, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import compress
from operator import itemgetter

import pyoxigraph as ox

from ontology.namespaces import PREFIXES

Labels = tuple[str | None, str | None]  # (label_vi, label_en)
# A literal object as the folding read it: lexical form, language in lower case ("" for none).
ReadLiteral = tuple[str, str]
UNLABELLED: Labels = (None, None)
PREFERRED = PREFIXES["skos"] + "prefLabel"
FALLBACK = PREFIXES["rdfs"] + "label"


class LabelReader:
    """The label statements of the files a store is loaded from, as they are read.

    ``add_lines`` takes what :class:`~ontology.hidden_labels.TextFolds` cut
    out of an N-Triples text; ``add_quads`` a small file's parsed quads;
    ``give_up`` says some file's labels could not be read here.
    """

    def __init__(self) -> None:
        self._lines: list[tuple[str, list[bytes], list[bytes], Mapping[bytes, ReadLiteral]]] = []
        self._quads: list[list[ox.Quad]] = []
        self._complete = True
        self._labels: Mapping[str, Labels] | None = None

    def add_lines(
        self,
        predicate: str,
        subjects: list[bytes],
        objects: list[bytes],
        literals: Mapping[bytes, ReadLiteral],
    ) -> None:
        """Statements of ``predicate``: each subject as written, its object to the line's end,
        and what each literal object reads as (lexical form, lower-case language)."""
        if predicate in (PREFERRED, FALLBACK):
            self._add(lambda: self._lines.append((predicate, subjects, objects, literals)))

    def add_quads(self, quads: list[ox.Quad]) -> None:
        self._add(lambda: self._quads.append(quads))

    def give_up(self) -> None:
        """Some labels went into the store another way: :meth:`labels` gives None."""
        self._complete = False

    def _add(self, append: Callable[[], None]) -> None:
        if self._labels is not None:  # worked out already, and what it came from let go
            self.give_up()
        append()

    def labels(self) -> Mapping[str, Labels] | None:
        """Each labelled IRI's ``(label_vi, label_en)``; None unless every label was read here.

        Worked out once every file is read (the loader calls it while
        Oxigraph still parses the last big one), in whole columns rather
        than statement by statement; statements added after that make it None.
        """
        if not self._complete:
            return None
        if self._labels is None:
            preferred, fallback = _Columns(), _Columns()
            preferring: set[str] = set()  # IRIs with a skos:prefLabel of any kind
            for predicate, subjects, objects, literals in self._lines:
                iris = _iris(subjects)
                if iris is None:
                    self._complete = False
                    return None
                if predicate == PREFERRED:
                    preferring.update(iris)
                read = list(map(literals.get, objects))
                (preferred if predicate == PREFERRED else fallback).add(iris, read)
            for quads in self._quads:
                _read_quads(quads, preferred, fallback, preferring)
            keep = [iri not in preferring for iri in fallback.nodes]
            preferred.add(list(compress(fallback.nodes, keep)), list(compress(fallback.read, keep)))
            self._labels = preferred.shown()
            self._lines, self._quads = [], []
        return self._labels


class _Columns:
    """Label statements a column at a time: each one's IRI, and its literal as read."""

    def __init__(self) -> None:
        self.nodes: list[str] = []
        self.read: list[ReadLiteral] = []

    def add(self, nodes: list[str], read: list[ReadLiteral | None]) -> None:
        """Statements whose objects read as ``read`` (None: not a literal, no label)."""
        if None in read:
            keep = [literal is not None for literal in read]
            nodes, read = list(compress(nodes, keep)), list(compress(read, keep))
        self.nodes += nodes
        self.read += read  # type: ignore[arg-type]  # no None left

    def shown(self, everyone: Collection[str] | None = None) -> Mapping[str, Labels]:
        """:func:`shown_labels` of these statements, for ``everyone`` (None: every node here,
        as :class:`KnownLabels` when it can)."""
        texts = list(map(itemgetter(0), self.read))
        languages = list(map(itemgetter(1), self.read))
        by_language = _by_language(self.nodes, texts, languages)
        if by_language is None:
            rows = zip(self.nodes, texts, languages, strict=True)
            return _smallest(rows, dict.fromkeys(self.nodes) if everyone is None else everyone)
        vi, en = by_language
        if everyone is None:
            return KnownLabels(vi, en, self.nodes)
        return {node: (vi.get(node), en.get(node)) for node in everyone}


def _iris(subjects: list[bytes]) -> list[str] | None:
    """The IRIs of subjects as N-Triples writes them (blanks around); None unless all are IRIs
    written without escapes (a blank node, an escaped IRI: the engine reads them)."""
    joined = b" ".join(subjects)
    if b"\\" in joined or b"_:" in joined:
        return None
    # An IRI holds no blank, no < and no >: one split reads them all.
    iris = joined.decode("utf-8").replace("<", " ").replace(">", " ").split()
    return iris if len(iris) == len(subjects) else None


def _read_quads(
    quads: list[ox.Quad], preferred: _Columns, fallback: _Columns, preferring: set[str]
) -> None:
    for quad in quads:
        predicate, subject, label = quad.predicate.value, quad.subject, quad.object
        if predicate not in (PREFERRED, FALLBACK) or not isinstance(subject, ox.NamedNode):
            continue
        if predicate == PREFERRED:
            preferring.add(subject.value)
        if isinstance(label, ox.Literal):
            columns = preferred if predicate == PREFERRED else fallback
            columns.add([subject.value], [(label.value, label.language or "")])


def shown_labels(
    rows: Iterable[tuple[str | None, ...]],
    wanted: Collection[str] | None = None,
) -> dict[str, Labels]:
    """Each node's ``(label_vi, label_en)`` from (node, label, language) rows.

    Per language the smallest label, so runs agree; an untagged one where a
    language has none. With ``wanted``, those nodes only, each of them given.

    >>> shown_labels([("n", "b", "vi"), ("n", "a", "vi"), ("n", "Office", "")])
    {'n': ('a', 'Office')}
    >>> shown_labels([("n", "Ban", "vi"), ("n", "Board", "en"), ("m", "Tổ", "vi")], ["m", "x"])
    {'m': ('Tổ', None), 'x': (None, None)}
    """
    kept = [
        (node, text, language or "")
        for node, text, language in rows
        if node is not None and text is not None and (wanted is None or node in wanted)
    ]
    columns = _Columns()
    columns.add(
        [node for node, _, _ in kept],
        [(text, language) for _, text, language in kept],
    )
    return dict(columns.shown(wanted if wanted is not None else dict.fromkeys(columns.nodes)))


def _by_language(
    nodes: Sequence[str], texts: Sequence[str], languages: Sequence[str]
) -> tuple[dict[str, str], dict[str, str]] | None:
    """Each node's Vietnamese and English label, a column at a time, when no label is
    untagged or empty and no node has two in one language (most data); None otherwise."""
    if "" in languages or "" in texts:
        return None
    shown: list[dict[str, str]] = []
    for language in ("vi", "en"):
        chosen = list(map(language.__eq__, languages))
        texts_in = dict(zip(compress(nodes, chosen), compress(texts, chosen), strict=True))
        if len(texts_in) != sum(chosen):
            return None  # a node with two labels in one language: the smallest is wanted
        shown.append(texts_in)
    vi, en = shown
    return vi, en


class KnownLabels(Mapping[str, Labels]):
    """:func:`shown_labels` of every labelled node, kept as one dict per language.

    What the loader keeps (``Store.known_labels``): at 1M triples, 111k
    labelled IRIs; a pair per node would cost the load another 80 ms.
    """

    def __init__(self, vi: dict[str, str], en: dict[str, str], nodes: list[str]) -> None:
        self._vi, self._en = vi, en
        self._nodes = nodes  # every labelled node, once or more
        self._every: dict[str, None] | None = None

    def __getitem__(self, node: str) -> Labels:
        found = self._vi.get(node), self._en.get(node)
        if found == UNLABELLED and node not in self._labelled():
            raise KeyError(node)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._labelled())

    def __len__(self) -> int:
        return len(self._labelled())

    def pairs(self, nodes: Iterable[str]) -> dict[str, Labels]:
        """Each of ``nodes`` with its labels (:data:`UNLABELLED` for none), looked up in C."""
        wanted = list(nodes)
        vi, en = map(self._vi.get, wanted), map(self._en.get, wanted)
        return dict(zip(wanted, zip(vi, en, strict=True), strict=True))

    def _labelled(self) -> dict[str, None]:
        if self._every is None:
            self._every = dict.fromkeys(self._nodes)
        return self._every


def pairs_of(known: Mapping[str, Labels], nodes: Iterable[str]) -> dict[str, Labels]:
    """Each of ``nodes`` with its labels in ``known`` (:data:`UNLABELLED` for none)."""
    if isinstance(known, KnownLabels):
        return known.pairs(nodes)  # in C
    return {node: known.get(node, UNLABELLED) for node in nodes}


def _smallest(rows: Iterable[tuple[str, str, str]], everyone: Iterable[str]) -> dict[str, Labels]:
    """:func:`shown_labels`, row by row."""
    found: dict[tuple[str, str], str] = {}
    for node, label, language in rows:
        key = (node, language)
        current = found.get(key)
        if current is None or label < current:
            found[key] = label
    return {
        node: (
            found.get((node, "vi")) or found.get((node, "")),
            found.get((node, "en")) or found.get((node, "")),
        )
        for node in everyone
    }
