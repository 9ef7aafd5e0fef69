"""Answers prepared once per store version, so that any page of them is cut, not evaluated.

Every catalogue question sorts its rows, so the engine evaluates the whole
answer whatever page is asked: at a million triples the first page of a
listing costs what the whole listing costs (seconds). A
:class:`PreparedAnswer` is a parameter-free answer evaluated once, tidied,
and encoded row by row in every streamed format (:mod:`queries.stream`); a
page of it is then a slice and a join, whatever its offset. The service
prepares them before it takes traffic (``api.runtime.service.Service.warm``),
since an answer depends on nothing but the store's version and the language.

The bytes are exactly those :func:`queries.stream.answer_rendered` gives for
the same page and caps (tested on every question).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ontology.paging import FULL, Page
from ontology.store import Store, value_of
from ontology.term_text import lines_of
from queries.question import Question
from queries.results import Rendered
from queries.runner import run_query
from queries.stream import STREAMED_FORMATS, Caps, Columns, answer_lines, fit, writer_for


@dataclass(frozen=True)
class EncodedRows:
    """One format of an answer: the frame and each row's bytes."""

    media_type: str
    opening: bytes
    closing: bytes
    separator: bytes
    rows: tuple[bytes, ...]

    @property
    def size(self) -> int:
        """The bytes of the whole answer in this format."""
        joints = len(self.separator) * max(0, len(self.rows) - 1)
        return len(self.opening) + len(self.closing) + joints + sum(map(len, self.rows))

    def render(self, page: Page = FULL, caps: Caps | None = None) -> Rendered:
        """The page's rows in the frame, cut at the caps as a streamed answer is."""
        total = len(self.rows)
        frame = len(self.opening) + len(self.closing)
        parts, truncated = fit(
            self.rows[page.slice(total)], caps or Caps(), frame, len(self.separator)
        )
        body = self.opening + self.separator.join(parts) + self.closing
        return Rendered(
            body, self.media_type, truncated, total=total, offset=page.offset, rows=len(parts)
        )


@dataclass(frozen=True)
class PreparedAnswer:
    """A parameter-free answer in one language, encoded in each streamed format."""

    question: str
    lang: str
    formats: Mapping[str, EncodedRows]

    @property
    def size(self) -> int:
        return sum(encoded.size for encoded in self.formats.values())

    def render(self, fmt: str, page: Page = FULL, caps: Caps | None = None) -> Rendered:
        """A page of the answer in ``fmt`` (one of :data:`queries.stream.STREAMED_FORMATS`)."""
        return self.formats[fmt].render(page, caps)


def prepare_answer(
    store: Store,
    question: Question,
    *,
    lang: str,
    formats: tuple[str, ...] = STREAMED_FORMATS,
) -> PreparedAnswer:
    """Evaluate ``question`` without parameters once and encode every row in each format.

    A SPARQL question's rows come from the engine's values; a networkx
    question's answer is built, then each of its terms read as a value.

    >>> from ontology import load_regulation
    >>> from queries import load_catalogue
    >>> prepared = prepare_answer(load_regulation(), load_catalogue()["units"], lang="en")
    >>> page = prepared.render("json", Page(limit=2))
    >>> (page.rows, page.total == len(prepared.formats["csv"].rows))
    (2, True)
    """
    columns, lines = _lines(store, question, lang)
    encoded: dict[str, EncodedRows] = {}
    for fmt in formats:
        writer = writer_for(fmt, columns)
        encoded[fmt] = EncodedRows(
            writer.media_type,
            writer.opening(),
            writer.closing(),
            writer.separator,
            tuple(map(writer.row, lines)),
        )
    return PreparedAnswer(question.id, lang, encoded)


def _lines(store: Store, question: Question, lang: str) -> tuple[Columns, list[str]]:
    if question.kind == "sparql":
        return answer_lines(store, question, {}, lang)
    answer = run_query(store, question, {}, lang=lang)
    width = len(answer.variables)
    columns = Columns(answer.variables, tuple(range(width)), (False,) * width)
    rows = (tuple(None if t is None else value_of(t) for t in row) for row in answer.rows)
    return columns, lines_of(answer.variables, rows).lines
