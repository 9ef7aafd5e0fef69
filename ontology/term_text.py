"""Answers as the engine writes them in SPARQL TSV: one line of term texts per row.

Reading a big answer term by term through pyoxigraph builds a Python object
per cell; its TSV writer (SPARQL 1.1 Query Results TSV) writes the same
terms in Rust at about the cost of evaluating. orgkg keeps an answer as
those lines (:class:`TermLines`): a page is a slice of them, and a writer
splits a line into its cells and encodes each distinct cell text of a column
once (:mod:`queries.stream`). Stores without such a writer turn their rows
into the same lines (:func:`lines_of`).

TSV writes each term as in N-Triples (``<iri>``, ``_:id``, ``"text"@lang``,
``"text"^^<datatype>``), escaping ``\\t \\n \\r \\" \\\\`` in strings, and
writes a valid boolean, integer, decimal or double bare, as Turtle does. An
unbound cell is empty.

>>> answer = read_lines(b'?a\\t?b\\n<http://x/p>\\t"Ban"@vi\\n\\t42\\n')
>>> answer.variables, answer.lines
(('a', 'b'), ['<http://x/p>\\t"Ban"@vi', '\\t42'])
>>> [parse_term(cell) for cell in answer.lines[1].split("\\t")]  # doctest: +NORMALIZE_WHITESPACE
[None, Value(kind='literal', value='42', language=None,
             datatype='http://www.w3.org/2001/XMLSchema#integer')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ontology.errors import StoreError
from ontology.paging import Value

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")
_QUOTED = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\"})


@dataclass(frozen=True)
class TermLines:
    """A SELECT answer: its variables, and each row as the TSV line of its cells."""

    variables: tuple[str, ...]
    lines: list[str]


def read_lines(tsv: bytes) -> TermLines:
    """The variables and row lines of an answer the engine wrote as TSV."""
    if not tsv:  # no answer written at all
        return TermLines((), [])
    lines = tsv.decode("utf-8").split("\n")
    if lines[-1]:
        raise StoreError("the engine's TSV answer does not end with a new line")
    header = lines[0]
    variables = tuple(name.removeprefix("?") for name in header.split("\t")) if header else ()
    del lines[0], lines[-1]
    return TermLines(variables, lines)


def lines_of(variables: tuple[str, ...], rows: Iterable[tuple[Value | None, ...]]) -> TermLines:
    """Rows of values as the engine would have written them (each distinct value once)."""
    texts: dict[Value | None, str] = {None: ""}

    def text_of(value: Value | None) -> str:
        if value not in texts:
            texts[value] = term_text(value)
        return texts[value]

    return TermLines(variables, ["\t".join(map(text_of, row)) for row in rows])


def term_text(value: Value | None) -> str:
    """A value as TSV writes it ("" when unbound); :func:`parse_term` reads it back.

    >>> term_text(Value("literal", 'say "hi"\\n', "en"))
    '"say \\\\"hi\\\\"\\\\n"@en'
    """
    if value is None:
        return ""
    if value.kind == "uri":
        return f"<{value.value}>"
    if value.kind == "bnode":
        return f"_:{value.value}"
    quoted = '"' + value.value.translate(_QUOTED) + '"'
    if value.language:
        return f"{quoted}@{value.language}"
    return quoted if value.datatype is None else f"{quoted}^^<{value.datatype}>"


def parse_term(text: str) -> Value | None:
    """One cell's term: ``""`` is an unbound cell (None).

    >>> parse_term('"a\\\\tb"^^<http://x/t>')
    Value(kind='literal', value='a\\tb', language=None, datatype='http://x/t')
    >>> parse_term("-0.5").datatype
    'http://www.w3.org/2001/XMLSchema#decimal'
    """
    if not text:
        return None
    first = text[0]
    if text.startswith("<<"):
        raise StoreError(f"orgkg does not read quoted triples: {text[:80]!r}")
    if first == "<":
        return Value("uri", text[1:-1])
    if first == '"':
        lexical, rest = split_quoted(text)
        if rest.startswith("@"):
            return Value("literal", lexical, rest[1:])
        if rest.startswith("^^<"):
            datatype = rest[3:-1]
            return Value("literal", lexical, None, None if datatype == _XSD_STRING else datatype)
        return Value("literal", lexical)
    if text.startswith("_:"):
        return Value("bnode", text[2:])
    return Value("literal", text, None, _XSD + _bare_type(text))


def split_quoted(text: str) -> tuple[str, str]:
    """A quoted literal's lexical form and what follows its quotes (``@lang``, ``^^<iri>``).

    >>> split_quoted('"a\\\\"b"@vi')
    ('a"b', '@vi')
    """
    closing = text.rindex('"')
    lexical = text[1:closing]
    return (_ESCAPE.sub(_unescape, lexical) if "\\" in lexical else lexical), text[closing + 1 :]


def _bare_type(text: str) -> str:
    """The datatype of a literal TSV writes bare (a Turtle boolean or number)."""
    if text in ("true", "false"):
        return "boolean"
    if "e" in text or "E" in text:
        return "double"
    if "." in text:
        return "decimal"
    if text.lstrip("+-").isdigit():
        return "integer"
    raise StoreError(f"the engine wrote a term orgkg cannot read: {text!r}")


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    if char not in _ESCAPES:
        raise StoreError(f"unknown escape \\{char} in the engine's TSV answer")
    return _ESCAPES[char]
