"""Triples as text: terms written once as N-Triples, a set per subject, Turtle out.

For data made in bulk (an import of 100k rows), without an rdflib Graph:
terms are encoded when they are made (:func:`iri`, :func:`literal`), a
:class:`Triples` keeps each triple once, and :meth:`Triples.turtle` streams
the document in a fixed order (subjects, then predicates with ``rdf:type``
first, then objects, by their text), so the same input gives the same bytes.

>>> triples = Triples()
>>> post = iri("https://example.org/post/1")
>>> triples.add(post, iri(RDF_TYPE), iri("http://www.w3.org/ns/org#Post"))
>>> label = iri("http://www.w3.org/2004/02/skos/core#prefLabel")
>>> triples.add(post, label, literal('A "B"', lang="en"))
>>> print("".join(triples.turtle({"org": "http://www.w3.org/ns/org#"})), end="")
@prefix org: <http://www.w3.org/ns/org#> .
<BLANKLINE>
<https://example.org/post/1> a org:Post ;
    <http://www.w3.org/2004/02/skos/core#prefLabel> "A \\"B\\""@en .
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
# Characters an IRI may not hold as they are (RFC 3987 and Turtle's IRIREF).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')
# Characters a quoted Turtle or N-Triples string must escape.
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_TO_ESCAPE = re.compile(r'[\\"\n\r]')
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_LANGUAGES: set[str] = set()  # tags already checked
# A local name written after a prefix: a safe subset of Turtle's PN_LOCAL.
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_CHUNK = 4096


def is_iri(text: str) -> bool:
    """Whether ``text`` can be written as an IRI as it is (absolute, nothing to escape).

    >>> is_iri("https://example.org/a"), is_iri('https://example.org/"x"'), is_iri("a b")
    (True, False, False)
    """
    return ":" in text and _NOT_IN_IRI.search(text) is None


def iri(text: str) -> str:
    """An IRI as N-Triples; ValueError for text that is not one (see :func:`is_iri`)."""
    if not is_iri(text):
        raise ValueError(f"not an IRI: {text!r}")
    return f"<{text}>"


def literal(text: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    r"""A literal as N-Triples, quotes, backslashes and line breaks escaped.

    >>> literal('say "hi"\n', lang="en"), literal("2011-03-31", datatype=XSD + "date")
    ('"say \\"hi\\"\\n"@en', '"2011-03-31"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    if _TO_ESCAPE.search(text) is not None:
        text = _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text)
    quoted = f'"{text}"'
    if lang is not None:
        if lang not in _LANGUAGES:
            if not _LANGUAGE.fullmatch(lang):
                raise ValueError(f"not a language tag: {lang!r}")
            _LANGUAGES.add(lang)
        return f"{quoted}@{lang.lower()}"
    if datatype is not None and datatype != XSD + "string":
        return f"{quoted}^^{iri(datatype)}"
    return quoted


def decimal(value: Decimal) -> str:
    """An ``xsd:decimal`` literal, always with a decimal point (``1`` -> ``"1.0"``).

    >>> decimal(Decimal("3.50")), decimal(Decimal("2"))
    ('"3.50"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"2.0"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    """
    text = f"{value:f}"
    return literal(text if "." in text else f"{text}.0", datatype=XSD + "decimal")


class Triples:
    """A set of triples of encoded terms, grouped by subject."""

    def __init__(self) -> None:
        self._subjects: dict[str, dict[tuple[str, str], None]] = {}
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, subject: str, predicate: str, obj: str) -> None:
        """Add the triple, once (adding it again changes nothing)."""
        pairs = self._subjects.setdefault(subject, {})
        if (predicate, obj) not in pairs:
            pairs[(predicate, obj)] = None
            self._count += 1

    def ntriples(self) -> Iterator[str]:
        """Every triple as an N-Triples line, in the same order as :meth:`turtle`."""
        for subject, pairs in self._sorted():
            for predicate, obj in pairs:
                yield f"{subject} {predicate} {obj} .\n"

    def turtle(self, prefixes: Mapping[str, str], header: str = "") -> Iterator[str]:
        """The Turtle document in chunks: ``header``, the prefixes, one block per subject."""
        namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        pattern = "|".join(f"({re.escape(n)})" for _, n in namespaces)
        known = re.compile(rf"<(?:{pattern})({_LOCAL.pattern})>") if namespaces else None
        names = [p for p, _ in namespaces]
        kind = f"<{RDF_TYPE}>"
        short: dict[str, str] = {}

        def abbreviate(term: str) -> str:
            if term[-1] != ">" or known is None:  # a plain or language-tagged literal
                return term
            if term[0] == '"':  # typed: the datatype IRI holds no quote
                text, _, datatype = term.rpartition('"^^')
                return f'{text}"^^{abbreviate(datatype)}'
            found = short.get(term)
            if found is None:
                found = short[term] = _shorten(term)
            return found

        def _shorten(term: str) -> str:
            match = known.fullmatch(term) if known is not None else None
            if match is None:
                return term
            group = next(i for i, g in enumerate(match.groups()[:-1]) if g is not None)
            return f"{names[group]}:{match.group(len(names) + 1)}"

        parts = [header, *(f"@prefix {p}: <{n}> .\n" for p, n in sorted(prefixes.items()))]
        yield "".join(parts)
        verbs: dict[str, str] = {kind: "a"}
        chunk: list[str] = []
        for subject, pairs in self._sorted():
            # predicate -> its objects; joined once (a unit may hold 100k posts)
            objects: dict[str, list[str]] = {}
            for predicate, obj in pairs:
                objects.setdefault(predicate, []).append(abbreviate(obj))
            lines = []
            for predicate, values in objects.items():
                verb = verbs.get(predicate)
                if verb is None:
                    verb = verbs[predicate] = abbreviate(predicate)
                lines.append(f"{verb} {', '.join(values)}")
            chunk.append(f"\n{subject} " + " ;\n    ".join(lines) + " .\n")
            if len(chunk) >= _CHUNK:
                yield "".join(chunk)
                chunk = []
        yield "".join(chunk)

    def _sorted(self) -> Iterator[tuple[str, list[tuple[str, str]]]]:
        kind = f"<{RDF_TYPE}>"
        for subject in sorted(self._subjects):
            pairs = sorted(self._subjects[subject], key=lambda p: (p[0] != kind, p))
            yield subject, pairs
