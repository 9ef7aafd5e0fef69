"""The ``skos:hiddenLabel`` the loader adds: the folded search form beside every label.

Two readers give the same triples (tested against the store's own query,
:meth:`~ontology.store_oxigraph.OxigraphStore.add_folded_labels`): one over
parsed quads (small files), one over an N-Triples text, reading the label
lines off the bytes (big files, no Python object per triple).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

import pyoxigraph as ox

from ontology.folding import fold, fold_all
from ontology.known_labels import ReadLiteral
from ontology.namespaces import PREFIXES

LABELS = frozenset(
    {
        PREFIXES["skos"] + "prefLabel",
        PREFIXES["skos"] + "altLabel",
        PREFIXES["rdfs"] + "label",
    }
)
_HIDDEN = ("<" + PREFIXES["skos"] + "hiddenLabel>").encode()
_LABEL_IRIS = tuple(sorted(LABELS))
_LABEL_PREDICATES = tuple(f"<{iri}>".encode() for iri in _LABEL_IRIS)
# Told, for each label predicate (its IRI), the subjects and objects of its statements in a
# text, and the lexical form and language of every literal object read so far.
LabelLines = Callable[[str, list[bytes], list[bytes], Mapping[bytes, ReadLiteral]], None]
# What comes before a label predicate on its line when it is the predicate:
# one subject, then blanks.
_SUBJECT = rb"[ \t]*(?:<[^>\s]*>|_:\S+)[ \t]+"
_ONE_SUBJECT = re.compile(_SUBJECT)
_SUBJECT_LINES = re.compile(rb"(?:" + _SUBJECT + rb"\n)*")
# What comes after it to the end of its line when the object is a literal.
_LITERAL_OBJECT = re.compile(
    rb'[ \t]+"([^"\\\n]*(?:\\.[^"\\\n]*)*)"(@[A-Za-z0-9-]+)?(?:\^\^<[^>\s]*>)?'
    rb"[ \t]*\.[ \t]*(?:#.*)?\r?"
)
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
    """The hidden-label statements of N-Triples texts.

    Each distinct label is folded once across all texts read. ``blank``
    tells whether a label's subject is a blank node: such statements can
    only be loaded in the same text as the label (Oxigraph names a text's
    blank nodes afresh on each load), so the caller then folds by query.
    """

    def __init__(self, on_lines: LabelLines | None = None) -> None:
        # The text after a label predicate to the end of its line -> what
        # follows the subject in the hidden-label statement (b"" for none).
        self._tails: dict[bytes, bytes] = {}
        # Of those texts, the literals': (lexical form, language in lower case, "" for none).
        self._literals: dict[bytes, ReadLiteral] = {}
        self.blank = False
        self._on_lines = on_lines

    def read(self, raw: bytes) -> bytes:
        """The ``skos:hiddenLabel`` statements of the labels in ``raw``, as N-Triples.

        Read off the text, not by query after loading (a tenth of the cost on
        a big file), and in whole lists rather than line by line: the label
        predicates are found with ``bytes.find`` (memory speed), each line's
        subject and object cut out around them, and each distinct object
        parsed and folded once.
        """
        if raw and not raw.endswith(b"\n"):
            raw += b"\n"  # every line ends with a line end: cut up to it
        by_predicate: list[tuple[str, list[bytes], list[bytes]]] = []
        for iri, predicate in zip(_LABEL_IRIS, _LABEL_PREDICATES, strict=True):
            found = _occurrences(raw, predicate)
            after = len(predicate)
            subjects = [raw[raw.rfind(b"\n", 0, at) + 1 : at] for at in found]
            objects = [raw[at + after : raw.find(b"\n", at)] for at in found]
            by_predicate.append((iri, subjects, objects))
        every = [s for _, subjects, _ in by_predicate for s in subjects]
        if _SUBJECT_LINES.fullmatch(b"\n".join(every) + b"\n") is None:
            # Some predicate's IRI is written elsewhere on its line (as an
            # object, in a literal, in a comment): keep the subjects only.
            by_predicate = [(iri, *_statements(s, o)) for iri, s, o in by_predicate]
        subjects = [s for _, some, _ in by_predicate for s in some]
        objects = [o for _, _, some in by_predicate for o in some]
        tails = self._tails
        tails.update(_tails(set(objects).difference(tails), self._literals))
        if self._on_lines is not None:
            for iri, some_subjects, some_objects in by_predicate:
                self._on_lines(iri, some_subjects, some_objects, self._literals)
        lines = [s + t for s, o in zip(subjects, objects, strict=True) if (t := tails[o])]
        self.blank = self.blank or any(line.lstrip(b" \t")[:2] == b"_:" for line in lines)
        return b"".join(lines)


def _statements(subjects: list[bytes], objects: list[bytes]) -> tuple[list[bytes], list[bytes]]:
    """The pairs whose subject part is one subject: the predicate is the statement's."""
    is_subject = _ONE_SUBJECT.fullmatch
    kept = [(s, o) for s, o in zip(subjects, objects, strict=True) if is_subject(s)]
    return [s for s, _ in kept], [o for _, o in kept]


def _occurrences(raw: bytes, needle: bytes) -> list[int]:
    """Where ``needle`` starts in ``raw``, first to last."""
    found: list[int] = []
    at = raw.find(needle)
    while at != -1:
        found.append(at)
        at = raw.find(needle, at + len(needle))
    return found


def _tails(texts: Iterable[bytes], read: dict[bytes, ReadLiteral]) -> dict[bytes, bytes]:
    """For labels' object texts, the rest of each hidden-label statement (b"" for none).

    Each literal's lexical form and language (lower case, as the engine
    keeps it) go into ``read``.
    """
    tails: dict[bytes, bytes] = {}
    literals: list[tuple[bytes, str, bytes]] = []  # object text, value, language tag
    for text in texts:
        match = _LITERAL_OBJECT.fullmatch(text)
        if match is None:
            tails[text] = b""  # an IRI or a blank node, not a literal
            continue
        value, language = match.group(1).decode("utf-8"), match.group(2) or b""
        value = _unescape(value) if "\\" in value else value
        literals.append((text, value, language))
        read[text] = (value, language[1:].decode("ascii").lower())
    folded = fold_all([value for _, value, _ in literals])
    for (text, _, language), form in zip(literals, folded, strict=True):
        escaped = form.replace("\\", "\\\\").replace('"', '\\"').encode()
        tails[text] = _HIDDEN + b' "' + escaped + b'"' + language + b" .\n" if form else b""
    return tails


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
