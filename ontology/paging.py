"""Pages of an answer, and plain values that engines hand on without rdflib.

A :class:`Page` is a window (``offset``, ``limit``) on the rows of an answer.
Every engine counts all rows of a paged answer, so a page always knows its
``total``, but builds terms only for the rows inside the window: the cost of
a first page is the engine's evaluation, not the conversion of every row.

A :class:`Value` is an RDF term as plain strings (kind, lexical value,
language, datatype). Big answers go from the engine to JSON or CSV through
values: building an rdflib ``Literal`` per cell costs more than the query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ontology.errors import ParameterError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Rows a page holds when a person asks without saying how many (CLI tables,
# the HTML pages); machine formats answer in full unless asked for a page.
DEFAULT_PAGE_SIZE = 100
# Beyond this a page is a download: ask for the full answer instead.
MAX_PAGE_SIZE = 100_000


@dataclass(frozen=True)
class Page:
    """Rows ``offset`` to ``offset + limit`` (all the rest when ``limit`` is None)."""

    offset: int = 0
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.offset < 0:
            raise ParameterError(f"offset must be 0 or more, not {self.offset}", parameter="offset")
        if self.limit is not None and not 1 <= self.limit <= MAX_PAGE_SIZE:
            raise ParameterError(
                f"limit must be between 1 and {MAX_PAGE_SIZE}, not {self.limit}",
                parameter="limit",
            )

    @property
    def end(self) -> int | None:
        """The index after the last row of the window (None: to the end)."""
        return None if self.limit is None else self.offset + self.limit

    @property
    def whole(self) -> bool:
        """True when the window is the whole answer."""
        return self.offset == 0 and self.limit is None

    def next_offset(self, total: int) -> int | None:
        """Where the next page starts, or None when this one reaches the end."""
        end = self.end
        return end if end is not None and end < total else None

    def slice(self, total: int) -> slice:
        return slice(min(self.offset, total), total if self.end is None else min(self.end, total))


FULL = Page()


class Value(NamedTuple):
    """An RDF term as plain strings; ``datatype`` is None for plain and language strings."""

    kind: str  # "uri", "bnode" or "literal"
    value: str
    language: str | None = None
    datatype: str | None = None
