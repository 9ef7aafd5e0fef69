"""The one result type every question returns, and its three renderings.

SPARQL and networkx answers alike become an :class:`Answer`, so the table,
the SPARQL 1.1 Results JSON and the CSV are produced in one place.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from ontology.namespaces import PREFIXES
from ontology.store import Row, Table, Term
from queries.table import render_table

DEFAULT_WIDTH = 120
# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = {
    XSD.integer,
    XSD.decimal,
    XSD.double,
    XSD.float,
    XSD.int,
    XSD.long,
    XSD.nonNegativeInteger,
    XSD.positiveInteger,
}
# `id:` first so data IRIs print short; then the rest in a fixed order.
_COMPACT = sorted(PREFIXES.items(), key=lambda item: (item[0] != "id", -len(item[1])))


@dataclass(frozen=True)
class Answer(Table):
    """A :class:`~ontology.store.Table` that knows its question and language, and renders itself.

    >>> a = Answer(("x",), ((Literal("Tổ"),),))
    >>> a.to_json()["results"]["bindings"]
    [{'x': {'type': 'literal', 'value': 'Tổ'}}]
    """

    question: str | None = None
    lang: str = "vi"
    # A page of a longer answer: where it starts and how many rows the whole has.
    offset: int = 0
    total: int | None = None

    @property
    def complete(self) -> bool:
        """True when the rows are the whole answer, not a page of it."""
        return self.offset == 0 and (self.total is None or self.total == len(self.rows))

    def values(self) -> list[dict[str, str | None]]:
        """Rows as dicts variable -> plain string (IRIs in full)."""
        return [
            {name: None if term is None else str(term) for name, term in record.items()}
            for record in self.records()
        ]

    def to_json(self) -> dict[str, Any]:
        """The W3C SPARQL 1.1 Query Results JSON document."""
        bindings = [
            {
                name: encode_term(term)
                for name, term in zip(self.variables, row, strict=True)
                if term is not None
            }
            for row in self.rows
        ]
        return {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}

    def to_csv(self) -> str:
        """CSV with a header row; cells a spreadsheet would run as formulas are quoted."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow([csv_cell(term) for term in row])
        return buffer.getvalue()

    def to_table(self, width: int | None = DEFAULT_WIDTH, *, show_iris: bool = False) -> str:
        """Aligned text columns wrapped to ``width`` cells.

        An IRI column is left out when its ``…Label`` column is present,
        unless ``show_iris``: people read labels, the JSON keeps both.
        """
        shown = [
            index
            for index, name in enumerate(self.variables)
            if show_iris or f"{name}Label" not in self.variables
        ]
        headers = [self.variables[i] for i in shown]
        cells = [[display(row[i]) for i in shown] for row in self.rows]
        return render_table(headers, cells, width)


def encode_term(term: Term) -> dict[str, str]:
    """One RDF term in SPARQL 1.1 Results JSON form."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    encoded = {"type": "literal", "value": str(term)}
    if term.language:
        encoded["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        encoded["datatype"] = str(term.datatype)
    return encoded


def compact(iri: str) -> str:
    """``id:tct-cpdt/post/to-truong`` for a known namespace, else the IRI."""
    for prefix, namespace in _COMPACT:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def display(term: Term | None) -> str:
    """How a term reads in a table cell."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(str(term))
    return str(term)


def csv_cell(term: Term | None) -> str:
    """A CSV cell: the full value, neutralised when it would start a formula."""
    if term is None:
        return ""
    text = str(term)
    numeric = isinstance(term, Literal) and term.datatype in NUMERIC
    if text.startswith(FORMULA_STARTS) and not numeric:
        return "'" + text
    return text


def normalise_row(row: Sequence[Term | None]) -> Row:
    """Make engines' terms identical.

    ``"x"^^xsd:string`` is the plain ``"x"``, and a boolean is written
    canonically (``"1"^^xsd:boolean``, Virtuoso's form, is ``true``).
    """
    return tuple(_normalise(t) for t in row)


_BOOLEAN_FORMS = {"1": "true", "0": "false"}


# Looked up once: a namespace attribute is a method call, and this runs per cell.
_XSD_STRING, _XSD_BOOLEAN = XSD.string, XSD.boolean


def _normalise(term: Term | None) -> Term | None:
    if not isinstance(term, Literal):
        return term
    if term.datatype == _XSD_STRING:
        return Literal(str(term))
    if term.datatype == _XSD_BOOLEAN and str(term) in _BOOLEAN_FORMS:
        return Literal(_BOOLEAN_FORMS[str(term)], datatype=_XSD_BOOLEAN)
    return term
