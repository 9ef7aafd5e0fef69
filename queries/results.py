"""Rendering a SPARQL result in the formats of the SPARQL 1.1 Protocol, with caps.

SELECT answers come as :class:`queries.answer.Answer` (its own JSON and CSV
are used, so every surface prints the same thing); this module adds the XML
and TSV result formats, ASK booleans, RDF graphs, and the row and byte caps.
"""

# Heavy libraries are imported where used, so the command line starts fast
# and the workers' jobs pull in only what they need.
# ruff: noqa: PLC0415

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from ontology.errors import QueryError
from ontology.formats import (
    BOOLEAN_FORMATS,
    GRAPH_ALIASES,
    GRAPH_FORMATS,
    MEDIA_ALIASES,
    SOLUTION_FORMATS,
    TEXT_FORMATS,
)
from ontology.store import serialise_graph

if TYPE_CHECKING:
    from rdflib import Graph

    from queries.answer import Answer

RESULT_KINDS = ("solutions", "boolean", "graph")
_XML_NS = "http://www.w3.org/2005/sparql-results#"


@dataclass(frozen=True)
class Rendered:
    """A rendered result: bytes ready to send, and whether the caps cut it."""

    body: bytes
    media_type: str
    truncated: bool = False
    # A SELECT answer's page: how many rows the whole answer has, where the
    # body starts, how many rows it holds (None: not counted).
    total: int | None = None
    offset: int = 0
    rows: int | None = None

    def next_offset(self) -> int | None:
        """Where the next page starts, or None when the body reaches the end."""
        if self.total is None or self.rows is None:
            return None
        end = self.offset + self.rows
        return end if end < self.total else None


def result_kind(result: object) -> str:
    """``solutions`` (SELECT), ``boolean`` (ASK) or ``graph`` (CONSTRUCT/DESCRIBE)."""
    if isinstance(result, bool):
        return "boolean"
    if hasattr(result, "variables") and hasattr(result, "rows"):
        return "solutions"
    return "graph"


def media_types_for(kind: str) -> dict[str, str]:
    """Media type -> format name of every format a result of ``kind`` can take."""
    formats = {"graph": GRAPH_FORMATS, "boolean": BOOLEAN_FORMATS}.get(kind, SOLUTION_FORMATS)
    offered = {media.split(";")[0]: name for name, media in formats.items()}
    aliases = GRAPH_ALIASES if kind == "graph" else MEDIA_ALIASES
    offered.update({m: n for m, n in aliases.items() if n in formats})
    return offered


def render_result(
    result: Answer | Graph | bool,
    fmt: str | None = None,
    *,
    max_rows: int | None = None,
    max_bytes: int | None = None,
) -> Rendered:
    """Render ``result`` as ``fmt`` (default: SPARQL JSON, or Turtle for a graph).

    With caps, the answer is cut to ``max_rows`` rows (triples) and then to
    as many as fit ``max_bytes``; ``truncated`` says so.
    """
    kind = result_kind(result)
    solutions = BOOLEAN_FORMATS if kind == "boolean" else SOLUTION_FORMATS
    allowed = GRAPH_FORMATS if kind == "graph" else {**solutions, **TEXT_FORMATS}
    fmt = fmt or ("ttl" if kind == "graph" else "json")
    if fmt not in allowed:
        raise QueryError(
            f"format {fmt!r} does not fit a {_KIND_NAMES[kind]} result; "
            f"use one of {', '.join(allowed)}"
        )
    media_type = allowed[fmt]
    if isinstance(result, bool):
        return Rendered(_render_boolean(result, fmt), media_type)
    items = list(result.rows) if kind == "solutions" else list(result)  # type: ignore[union-attr,arg-type]
    count = len(items)
    truncated = False
    if max_rows is not None and count > max_rows:
        count, truncated = max_rows, True
    body = _render_part(result, items, count, fmt)
    while max_bytes is not None and len(body) > max_bytes and count > 0:
        # Shrink in proportion, a little under, until it fits.
        count = min(count - 1, int(count * max_bytes / len(body) * 0.95))
        truncated = True
        body = _render_part(result, items, max(count, 0), fmt)
    return Rendered(body, media_type, truncated)


_KIND_NAMES = {"solutions": "SELECT", "boolean": "ASK", "graph": "CONSTRUCT/DESCRIBE"}


def _render_part(result: Any, items: list[Any], count: int, fmt: str) -> bytes:
    if result_kind(result) == "graph":
        return serialise_graph(_subgraph(result, items[:count]), fmt)
    part = (
        result
        if count == len(result.rows)
        else dataclasses.replace(result, rows=tuple(items[:count]))
    )
    return render_solutions(part, fmt)


def render_solutions(answer: Answer, fmt: str) -> bytes:
    """A SELECT answer in one of the SPARQL result formats (or the text table)."""
    if fmt == "json":
        return json.dumps(answer.to_json(), ensure_ascii=False).encode("utf-8")
    if fmt == "csv":
        return answer.to_csv().encode("utf-8")
    if fmt == "tsv":
        return _render_tsv(answer.variables, answer.rows).encode("utf-8")
    if fmt == "xml":
        return _render_xml(answer.variables, answer.rows).encode("utf-8")
    if fmt == "xlsx":
        from queries.workbook import answer_workbook

        return answer_workbook(answer)
    return (answer.to_table() + "\n").encode("utf-8")


def _subgraph(graph: Graph, triples: Iterable[Any]) -> Graph:
    from rdflib import Graph as RdfGraph

    part = RdfGraph()
    for prefix, iri in graph.namespaces():
        part.bind(prefix, iri)
    for triple in triples:
        part.add(triple)
    return part


def _render_boolean(value: bool, fmt: str) -> bytes:
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt == "xml":
        return (
            f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="{_XML_NS}">'
            f"<head/><boolean>{word}</boolean></sparql>\n"
        ).encode()
    if fmt in ("csv", "tsv"):
        # Neither format defines booleans; a one-cell table is what tools read.
        return f"boolean\r\n{word}\r\n".encode() if fmt == "csv" else f"?boolean\n{word}\n".encode()
    return f"{word}\n".encode()


def _render_tsv(variables: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> str:
    """SPARQL 1.1 TSV: ``?var`` headers, terms in Turtle syntax."""
    lines = ["\t".join(f"?{name}" for name in variables)]
    for row in rows:
        lines.append("\t".join("" if term is None else _tsv_term(term) for term in row))
    return "\n".join(lines) + "\n"


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(term: Any) -> str:
    """A term in Turtle syntax on one line (rdflib's n3() may use a multi-line string)."""
    from rdflib import BNode, URIRef
    from rdflib.namespace import XSD

    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = f'"{str(term).translate(_TSV_ESCAPES)}"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and term.datatype != XSD.string:
        return f"{text}^^<{term.datatype}>"
    return text


def _render_xml(variables: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> str:
    """SPARQL Query Results XML Format (second edition)."""
    out = [f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="{_XML_NS}">\n<head>']
    out.extend(f"<variable name={quoteattr(name)}/>" for name in variables)
    out.append("</head>\n<results>")
    for row in rows:
        out.append("<result>")
        for name, term in zip(variables, row, strict=True):
            if term is not None:
                out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out)


# XML 1.0 cannot carry these code points at all, not even as &#x1; references.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    """Escaped text, with code points XML 1.0 forbids replaced by U+FFFD.

    The JSON, CSV and TSV formats keep such characters exactly.
    """
    return escape(_XML_FORBIDDEN.sub("\ufffd", text))


def _xml_term(term: Any) -> str:
    from rdflib import BNode, URIRef
    from rdflib.namespace import XSD

    if isinstance(term, URIRef):
        return f"<uri>{_xml_text(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{_xml_text(str(term))}</bnode>"
    attributes = ""
    if term.language:
        attributes = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype is not None and term.datatype != XSD.string:
        attributes = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attributes}>{_xml_text(str(term))}</literal>"
