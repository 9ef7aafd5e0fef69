"""An engine's answer read from its SPARQL TSV text: rows of plain values, parsed once per term.

Reading a big answer term by term through pyoxigraph builds a Python object
per cell; its TSV writer (SPARQL 1.1 Query Results TSV) writes the same
terms in Rust at about the cost of evaluating. Reading them back is then a
split per row and a dictionary lookup per cell: each distinct term's text is
parsed into a :class:`~ontology.paging.Value` the first time it is met, and
every later cell holding it shares that value.

TSV writes each term as in N-Triples (``<iri>``, ``_:id``, ``"text"@lang``,
``"text"^^<datatype>``), escaping ``\\t \\n \\r \\" \\\\`` in strings, and
writes a valid boolean, integer, decimal or double bare, as Turtle does. An
unbound cell is empty.

>>> rows = read_rows(b'?a\\t?b\\n<http://x/p>\\t"Ban"@vi\\n\\t42\\n')
>>> rows.variables
('a', 'b')
>>> list(rows.rows)  # doctest: +NORMALIZE_WHITESPACE
[(Value(kind='uri', value='http://x/p', language=None, datatype=None),
  Value(kind='literal', value='Ban', language='vi', datatype=None)),
 (None, Value(kind='literal', value='42', language=None,
              datatype='http://www.w3.org/2001/XMLSchema#integer'))]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ontology.errors import StoreError
from ontology.paging import Value, ValueRow, ValueStream

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")


class _Terms(dict[str, Value | None]):
    """Each distinct term text, parsed the first time a cell holds it."""

    def __missing__(self, text: str) -> Value | None:
        value = self[text] = parse_term(text)
        return value


def read_rows(tsv: bytes) -> ValueStream:
    """The variables and rows of an answer the engine wrote as TSV."""
    lines = tsv.decode("utf-8").split("\n")
    if not lines or lines[-1]:
        raise StoreError("the engine's TSV answer does not end with a new line")
    header, body = lines[0], lines[1:-1]
    variables = tuple(name.removeprefix("?") for name in header.split("\t")) if header else ()
    return ValueStream(variables, _rows(body, len(variables)))


def _rows(lines: list[str], width: int) -> Iterator[ValueRow]:
    if width == 0:
        yield from (() for _ in lines)
        return
    terms = _Terms({"": None})
    lookup = terms.__getitem__
    for line in lines:
        yield tuple(map(lookup, line.split("\t")))


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
        closing = text.rindex('"')
        lexical = _ESCAPE.sub(_unescape, text[1:closing]) if "\\" in text else text[1:closing]
        rest = text[closing + 1 :]
        if rest.startswith("@"):
            return Value("literal", lexical, rest[1:])
        if rest.startswith("^^<"):
            datatype = rest[3:-1]
            return Value("literal", lexical, None, None if datatype == _XSD_STRING else datatype)
        return Value("literal", lexical)
    if text.startswith("_:"):
        return Value("bnode", text[2:])
    return Value("literal", text, None, _XSD + _bare_type(text))


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
