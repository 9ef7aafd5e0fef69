"""The ``skos:hiddenLabel`` the loader adds: the folded search form beside every label.

Two readers give the same triples (tested against the store's own query,
:meth:`~ontology.store_oxigraph.OxigraphStore.add_folded_labels`): one over
parsed quads (small files), one over an N-Triples text, reading the label
lines off the bytes (big files, no Python object per triple).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from ontology.folding import fold
from ontology.namespaces import PREFIXES

LABELS = frozenset(
    {
        PREFIXES["skos"] + "prefLabel",
        PREFIXES["skos"] + "altLabel",
        PREFIXES["rdfs"] + "label",
    }
)
_HIDDEN = ("<" + PREFIXES["skos"] + "hiddenLabel>").encode()
# An N-Triples statement (one a line) whose object is a literal.
_LITERAL_STATEMENT = re.compile(
    rb'[ \t]*(<[^>\s]*>|_:\S+)[ \t]+(<[^>\s]*>)[ \t]+"([^"\\\n]*(?:\\.[^"\\\n]*)*)"'
    rb"(@[A-Za-z0-9-]+)?(?:\^\^<[^>\s]*>)?[ \t]*\.[ \t]*(?:#.*)?\r?$"
)
_LABEL_PREDICATES = tuple(f"<{iri}>".encode() for iri in sorted(LABELS))
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def folded_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """``skos:hiddenLabel`` quads, the folded form beside every label among ``quads``."""
    hidden = ox.NamedNode(PREFIXES["skos"] + "hiddenLabel")
    folds: dict[tuple[str, str | None], ox.Literal | None] = {}
    additions: list[ox.Quad] = []
    for quad in quads:
        label = quad.object
        if quad.predicate.value not in LABELS or not isinstance(label, ox.Literal):
            continue
        key = (label.value, label.language)
        if key not in folds:
            folds[key] = folded_literal(label)
        literal = folds[key]
        if literal is not None:
            additions.append(ox.Quad(quad.subject, hidden, literal, quad.graph_name))
    return additions


class TextFolds:
    """The hidden-label statements of N-Triples texts, read chunk after chunk.

    Each distinct label is folded once across all chunks. ``blank`` tells
    whether a label's subject is a blank node: such statements can only be
    loaded in the same text as the label (Oxigraph names a text's blank
    nodes afresh on each load), so the caller then folds by query instead.
    """

    def __init__(self) -> None:
        self._folds: dict[tuple[bytes, bytes], bytes | None] = {}
        self.blank = False

    def read(self, raw: bytes) -> bytes:
        """The ``skos:hiddenLabel`` statements of the labels in ``raw``, as N-Triples.

        Read off the text (a regular expression over the label lines), not
        by query after loading: a tenth of the cost on a big file.
        """
        out: list[bytes] = []
        folds = self._folds
        for predicate in _LABEL_PREDICATES:
            # bytes.find runs at memory speed; a regex search over the whole
            # text would cost as much as a third of the load.
            found = raw.find(predicate)
            while found != -1:
                start = raw.rfind(b"\n", 0, found) + 1
                end = raw.find(b"\n", found)
                end = len(raw) if end == -1 else end
                match = _LITERAL_STATEMENT.match(raw, start, end)
                found = raw.find(predicate, end)
                if match is None or match.group(2) != predicate:
                    continue  # a comment, the IRI as a subject or object, no literal
                subject, value, language = match.group(1, 3, 4)
                key = (value, language or b"")
                if key not in folds:
                    folds[key] = _folded_text(value, language)
                literal = folds[key]
                if literal is not None:
                    self.blank = self.blank or subject.startswith(b"_:")
                    out.append(b"%s %s %s .\n" % (subject, _HIDDEN, literal))
        return b"".join(out)


def folded_ntriples(raw: bytes) -> bytes:
    """The ``skos:hiddenLabel`` statements of the labels in an N-Triples text, as N-Triples."""
    return TextFolds().read(raw)


def _folded_text(value: bytes, language: bytes | None) -> bytes | None:
    """A label's folded form written as an N-Triples literal; None when nothing is left."""
    text = value.decode("utf-8")
    folded = fold(_unescape(text) if "\\" in text else text)
    if not folded:
        return None
    escaped = folded.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'.encode() + (language or b"")


def _unescape(text: str) -> str:
    """An N-Triples string's escapes (``\\n``, ``\\u00e9`` ...) read."""

    def replace(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code:
            return chr(int(code, 16))
        return _ESCAPED.get(match.group(3), match.group(0))

    return _ESCAPE.sub(replace, text)


def folded_literal(label: ox.Literal) -> ox.Literal | None:
    """The folded form of a label, in its language; None when nothing is left."""
    folded = fold(label.value)
    if not folded:
        return None
    return ox.Literal(folded, language=label.language) if label.language else ox.Literal(folded)
