"""Answer one catalogue question: check and bind its parameters, run, tidy the rows.

Parameters are bound as RDF terms through :meth:`ontology.Store.select`
(never formatted into the SPARQL). The language is bound as ``?lang``; it and
the text, date and integer parameters are dropped from the answer (IRI
parameters stay: they are part of each row's fact), and ``lists`` columns
get their items sorted, so every engine returns the same rows.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping
from dataclasses import replace

from rdflib import Literal
from rdflib.namespace import XSD

from ontology.errors import ParameterError
from ontology.folding import fold
from ontology.languages import LANGUAGES
from ontology.paging import FULL, Page
from ontology.store import Row, Store, Table, Term
from queries.analysis import memo_of
from queries.answer import Answer, normalise_row
from queries.catalogue import load_catalogue
from queries.label_index import question_text
from queries.lookup import resolve_entity
from queries.question import LANG_VARIABLE, Parameter, Question, run_answer

LIST_SEPARATOR = "; "
_INTEGER = re.compile(r"^[+-]?\d+$")
_DIGITS = re.compile(r"(\d+)")


def run_query(
    store: Store,
    question: Question | str,
    params: Mapping[str, str] | None = None,
    *,
    lang: str = "vi",
    page: Page = FULL,
) -> Answer:
    """Answer ``question`` (a Question or its id) on ``store`` in ``lang``.

    With a ``page``, only its rows are built; ``total`` counts them all.

    >>> from ontology import load_regulation
    >>> answer = run_query(load_regulation(), "units", lang="en")
    >>> "unitLabel" in answer.variables
    True
    """
    if isinstance(question, str):
        question = load_catalogue()[question]
    if lang not in LANGUAGES:
        raise ParameterError(
            f"unknown language {lang!r} (use {' or '.join(LANGUAGES)})", parameter=LANG_VARIABLE
        )
    bindings = bind_parameters(store, question, params or {})
    total: int | None = None
    if question.kind == "graph":
        whole = graph_answer(store, question, bindings, lang)
        if page.whole:
            return whole
        total = len(whole.rows)
        return replace(whole, rows=whole.rows[page.slice(total)], offset=page.offset, total=total)
    text = question_text(store, question, bindings)  # search: ranked by the label index
    if page.whole:
        table = store.select(text, sparql_bindings(question, bindings, lang))
    else:
        query_bindings = sparql_bindings(question, bindings, lang)
        table, total = store.select_page(text, page, query_bindings)
    answer = tidy(table, question, dropped_columns(question, bindings), lang)
    return replace(answer, offset=page.offset, total=total) if total is not None else answer


def graph_answer(
    store: Store, question: Question, bindings: Mapping[str, Term], lang: str
) -> Answer:
    """A networkx question's whole tidied answer, kept per store version, language and parameters.

    Tidying 31k rows costs more than the analytics' cached result (0.8 s at
    1M triples): it is done once, and later calls return the same answer.
    An answer without list columns or columns to drop is not tidied at all:
    every term in it was made by orgkg, never read from an engine (a test
    holds each such question to what tidying would give).
    """
    memo = memo_of(store)
    key = ("tidied", question.id, lang, tuple(sorted((k, str(v)) for k, v in bindings.items())))
    cached = memo.get(key)
    if isinstance(cached, Answer):
        return cached
    table = run_answer(question, store, bindings, lang)
    dropped = dropped_columns(question, bindings)
    if question.lists or not dropped.isdisjoint(table.variables):
        answer = tidy(table, question, dropped, lang)
    else:  # orgkg's own terms (queries/analysis.py): already as tidy would make them
        answer = Answer(table.variables, table.rows, question=question.id, lang=lang)
    memo[key] = answer
    return answer


def sparql_bindings(question: Question, bindings: Mapping[str, Term], lang: str) -> dict[str, Term]:
    """The parameters plus ``?lang`` (Oxigraph binds only projected variables)."""
    language = {LANG_VARIABLE: _language(lang)} if LANG_VARIABLE in question.variables else {}
    return {**bindings, **language}


# A Literal is immutable, and building one costs more than a small answer's rows.
_language = functools.lru_cache(maxsize=64)(Literal)


def dropped_columns(question: Question, bindings: Mapping[str, Term]) -> set[str]:
    """The columns left out of an answer: the language and the plain inputs.

    An entity parameter stays a column (it is part of the fact each row
    states); the language and plain text/number/date inputs do not.
    """
    dropped = {p.name for p in question.parameters if p.name in bindings and p.kind != "iri"}
    return dropped | {LANG_VARIABLE}


def bind_parameters(store: Store, question: Question, params: Mapping[str, str]) -> dict[str, Term]:
    """Check ``params`` against the question and turn each into an RDF term."""
    for name in params:
        if question.parameter(name) is None:
            expected = ", ".join(p.name for p in question.parameters) or "none"
            raise ParameterError(
                f"unknown parameter {name!r} for question {question.id!r} (expected: {expected})",
                parameter=name,
            )
    bindings: dict[str, Term] = {}
    for parameter in question.parameters:
        raw = params.get(parameter.name)
        if raw is None or not raw.strip():
            if parameter.required:
                raise ParameterError(
                    f"question {question.id!r} needs parameter {parameter.name!r} "
                    f"({parameter.kind}): {parameter.description}",
                    parameter=parameter.name,
                )
            continue
        bindings[parameter.name] = convert(store, parameter, raw)
    return bindings


def convert(store: Store, parameter: Parameter, raw: str) -> Term:
    """One parameter value as the RDF term of its kind, or ParameterError naming it."""
    value = raw.strip()
    if parameter.kind == "iri":
        return resolve_entity(store, value, parameter=parameter.name)
    if parameter.kind == "integer":
        if not _INTEGER.match(value):
            raise ParameterError(
                f"parameter {parameter.name!r} must be an integer, not {value!r}",
                parameter=parameter.name,
            )
        return Literal(int(value), datatype=XSD.integer)
    if parameter.kind == "date":
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            raise ParameterError(
                f"parameter {parameter.name!r} must be a date YYYY-MM-DD, not {value!r}",
                parameter=parameter.name,
            ) from None
        return Literal(day.isoformat(), datatype=XSD.date)
    return Literal(fold(value) if parameter.folded else value)


def tidy(table: Table, question: Question, bound: set[str], lang: str) -> Answer:
    """Drop bound columns, make engines' terms alike, sort list cells.

    A big answer repeats terms (a unit's label on each of its posts), and
    Oxigraph's rows share one object per distinct term: each is tidied once.
    """
    keep = [i for i, name in enumerate(table.variables) if name not in bound]
    variables = tuple(table.variables[i] for i in keep)
    columns = [(i, table.variables[i] in question.lists) for i in keep]
    # Keyed by id(): the table holds every term alive until the rows are built.
    tidied: dict[tuple[int, bool], Term | None] = {}
    rows: list[Row] = []
    for row in table.rows:
        out: list[Term | None] = []
        for i, listed in columns:
            term = row[i]
            key = (id(term), listed)
            if key not in tidied:
                (plain,) = normalise_row([term])
                tidied[key] = sort_list(plain) if listed else plain
            out.append(tidied[key])
        rows.append(tuple(out))
    return Answer(variables, tuple(rows), question=question.id, lang=lang)


def sort_list(term: Term | None) -> Term | None:
    """A ``"; "``-joined list as a plain literal, items in natural order, no duplicates.

    Engines differ on an empty list ("" or unbound) and on keeping a shared
    language tag, so the answer is always a plain literal or unbound.
    """
    if term is None or not str(term):
        return None
    items = sorted(set(str(term).split(LIST_SEPARATOR)) - {""}, key=natural_key)
    return Literal(LIST_SEPARATOR.join(items)) if items else None


def natural_key(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key reading digit runs as numbers: ``para_5`` before ``para_10``.

    >>> sorted(["para_10", "para_5"], key=natural_key)
    ['para_5', 'para_10']
    """
    return tuple(
        (1, f"{int(part):012d}") if part.isdigit() else (0, fold(part) + "\0" + part)
        for part in _DIGITS.split(text)
        if part
    )
