"""An answer as people read it: named columns, translated codes, linked entities.

The JSON and CSV keep the variable names (``reporterLabel``) and the raw
codes (``reportsTo``); tables for people (the terminal, the pages) show the
column names and codes of ``queries/columns.json`` in the language asked.
An IRI column whose ``…Label`` column is there is folded into it: the cell
reads the label and links to the IRI.

>>> from rdflib import Literal, URIRef
>>> answer = Answer(("relation",), ((Literal("reportsTo"),),))
>>> presented = present(answer, "vi")
>>> presented.columns[0].title, presented.rows[0][0].text
('Quan hệ', 'báo cáo cho')
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal as Kind

from rdflib import Literal as RdfLiteral
from rdflib import URIRef

from ontology.errors import DataError
from queries.answer import NUMERIC, Answer, compact, display
from queries.table import measure, render_table

NAMES = Path(__file__).resolve().parent / "columns.json"
LABEL_SUFFIX = "Label"
SOURCE_COLUMN = "source"
LIST_SEPARATOR = "; "
NO_ROWS = {"vi": "không có dòng nào", "en": "no rows"}
# A token a table must keep whole: a full IRI or a prefixed name.
_IRI_TOKEN = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S+|[A-Za-z][\w-]*:\S+)$")

CellKind = Kind["entity", "source", "number", "text"]


@dataclass(frozen=True)
class Column:
    """One column as shown: its variable, its title, what its cells hold."""

    name: str
    title: str
    kind: CellKind


@dataclass(frozen=True)
class Cell:
    """One cell: its text, the entity it links to, the sentence ids it cites."""

    text: str
    iri: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Presented:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Names:
    """Column titles and code translations, by language."""

    columns: dict[str, dict[str, str]]
    codes: dict[str, dict[str, dict[str, str]]]
    subjects: dict[str, dict[str, str]]

    def subject(self, tag: str, lang: str) -> str:
        """The name of a subject (a question's first tag) in ``lang``."""
        names = self.subjects.get(tag)
        return (names.get(lang) or tag) if names else tag

    def title(self, variable: str, lang: str) -> str:
        """The column's name in ``lang``; ``xLabel`` falls back to ``x``, then to itself."""
        for name in (variable, variable.removesuffix(LABEL_SUFFIX)):
            titles = self.columns.get(name)
            if titles:
                return titles.get(lang) or next(iter(titles.values()))
        return variable

    def code(self, variable: str, value: str, lang: str) -> str:
        """The code ``value`` of column ``variable`` in words, or ``value`` itself."""
        words = self.codes.get(variable, {}).get(value)
        return (words.get(lang) or value) if words else value


@functools.cache
def load_names(path: Path = NAMES) -> Names:
    """Read ``columns.json`` once; a malformed file is a DataError naming it."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        columns = {str(k): dict(v) for k, v in document["columns"].items()}
        codes = {
            str(column): {str(code): dict(words) for code, words in values.items()}
            for column, values in document["codes"].items()
        }
        subjects = {str(k): dict(v) for k, v in document["subjects"].items()}
    except OSError as exc:
        raise DataError(f"cannot read column names: {exc.strerror}", path=path) from None
    except json.JSONDecodeError as exc:
        raise DataError(exc.msg, path=path, line=exc.lineno, column=exc.colno) from None
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise DataError(
            f"expected 'columns', 'codes' and 'subjects' objects ({exc})", path=path
        ) from None
    return Names(columns, codes, subjects)


def present(answer: Answer, lang: str, names: Names | None = None) -> Presented:
    """The answer with human columns: one per shown variable, IRIs folded into labels."""
    names = names or load_names()
    variables = answer.variables
    shown: list[tuple[int, int | None]] = []  # (index of the text, index of the link)
    for index, name in enumerate(variables):
        if f"{name}{LABEL_SUFFIX}" in variables:
            continue  # shown through its label column
        base = name.removesuffix(LABEL_SUFFIX)
        link = variables.index(base) if name != base and base in variables else None
        shown.append((index, link))
    rows = tuple(
        tuple(_cell(answer, row, index, link, names=names, lang=lang) for index, link in shown)
        for row in answer.rows
    )
    columns = tuple(
        Column(
            name=variables[index],
            title=names.title(variables[index], lang),
            kind=_column_kind(answer, index, link),
        )
        for index, link in shown
    )
    return Presented(columns, rows)


def _cell(
    answer: Answer,
    row: tuple[object, ...],
    index: int,
    link: int | None,
    *,
    names: Names,
    lang: str,
) -> Cell:
    term = row[index]
    target = row[link] if link is not None else term
    iri = str(target) if isinstance(target, URIRef) else None
    name = answer.variables[index]
    if term is None:
        return Cell(compact(iri) if iri else "", iri)
    if name == SOURCE_COLUMN:
        ids = tuple(part for part in str(term).split(LIST_SEPARATOR) if part)
        return Cell(str(term), None, ids)
    if isinstance(term, URIRef):
        return Cell(display(term), str(term))
    return Cell(names.code(name, str(term), lang), iri)


def _column_kind(answer: Answer, index: int, link: int | None) -> CellKind:
    if answer.variables[index] == SOURCE_COLUMN:
        return "source"
    values = [row[index] for row in answer.rows if row[index] is not None]
    if link is not None or (values and all(isinstance(v, URIRef) for v in values)):
        return "entity"
    if values and all(isinstance(v, RdfLiteral) and v.datatype in NUMERIC for v in values):
        return "number"
    return "text"


def render_answer_table(answer: Answer, lang: str, width: int | None) -> str:
    """The answer as a terminal table: human titles, codes in words, IRIs never cut.

    An empty answer says so instead of printing a lone header.
    """
    if not answer.rows:
        return NO_ROWS.get(lang, NO_ROWS["en"])
    presented = present(answer, lang)
    headers = [column.title for column in presented.columns]
    cells = [[cell.text for cell in row] for row in presented.rows]
    ids = [column.kind == "source" for column in presented.columns]
    return render_table(headers, cells, width, minimums=_unbreakable_widths(cells, ids))


def _unbreakable_widths(cells: list[list[str]], ids: list[bool]) -> list[int]:
    """Per column, the width of its longest IRI or sentence id: it never gets narrower."""
    widths = [0] * len(ids)
    for row in cells:
        for index, text in enumerate(row):
            for token in text.split():
                if ids[index] or _IRI_TOKEN.match(token):
                    widths[index] = max(widths[index], measure(token))
    return widths
