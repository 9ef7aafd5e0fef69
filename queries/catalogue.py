"""The question catalogue: every ``queries/*.rq`` file plus the graph questions.

Loaded and checked once: a malformed header, unparseable SPARQL, a forbidden
form, or a parameter the SELECT does not project fails at load, naming the
file and line, never at the first request.

>>> catalogue = load_catalogue()
>>> catalogue["reporting-lines"].title["en"]
'Reporting lines'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery

from ontology.errors import DataError, QueryError, UnknownQuestion
from ontology.sparql import read_rq
from ontology.store_oxigraph import select_variables
from queries.graph_questions import GRAPH_QUESTIONS
from queries.header import Header, parse_header
from queries.question import LANG_VARIABLE, Question

FOLDER = Path(__file__).resolve().parent
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANG_USE = re.compile(r"[?$]" + LANG_VARIABLE + r"\b")
_CONCAT_ALIAS = re.compile(r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s+AS\s+\?(\w+)", re.I)
_LEXEMES = re.compile(
    r'"""[\s\S]*?"""|'
    r"'''[\s\S]*?'''|"
    r'"(?:\\.|[^"\\\n])*"|'
    r"'(?:\\.|[^'\\\n])*'|"
    r"<[^<>\s]*>|#[^\n]*"
)
# Keywords of forms a question may not use: SERVICE reaches out, FROM picks
# another dataset, the rest write. ?from or ex:load are not keywords.
_FORBIDDEN_WORDS = re.compile(
    r"(?<![?$:\w-])\b(SERVICE|FROM|LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|COPY|MOVE|ADD|WITH)\b"
    r"(?![:\w-])",
    re.IGNORECASE,
)


class Catalogue(Mapping[str, Question]):
    """Question id -> :class:`Question`, in id order."""

    def __init__(self, questions: Iterable[Question]) -> None:
        self._questions: dict[str, Question] = {}
        for question in sorted(questions, key=lambda q: q.id):
            if question.id in self._questions:
                raise DataError(f"question id {question.id!r} is defined twice", path=question.path)
            self._questions[question.id] = question

    def __getitem__(self, key: str) -> Question:
        try:
            return self._questions[key]
        except KeyError:
            raise UnknownQuestion(
                f"no question {key!r}; known: {', '.join(self._questions)}"
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._questions)

    def __len__(self) -> int:
        return len(self._questions)


@functools.cache
def load_catalogue() -> Catalogue:
    """The catalogue shipped with orgkg (read once per process)."""
    return Catalogue([*read_questions(FOLDER), *GRAPH_QUESTIONS])


def read_questions(folder: Path) -> list[Question]:
    """Every ``*.rq`` directly in ``folder`` as a checked SPARQL question."""
    return [read_question(path) for path in sorted(folder.glob("*.rq"))]


def read_question(path: Path) -> Question:
    """One ``.rq`` file as a question, or DataError naming the file and line."""
    text = read_rq(path)
    if not _ID.match(path.stem):
        raise DataError(
            "a question file is named by its id: lower-case words joined by '-'", path=path
        )
    header = parse_header(text, path)
    variables = _check_sparql(text, header, path)
    return Question(
        id=path.stem,
        title=header.title,
        description=header.description,
        parameters=tuple(header.parameters),
        tags=tuple(header.tags),
        kind="sparql",
        text=text,
        lists=tuple(header.lists),
        variables=variables,
        path=path,
        ask={lang: tuple(phrasings) for lang, phrasings in header.ask.items()},
    )


def _check_sparql(text: str, header: Header, path: Path) -> tuple[str, ...]:
    """Refuse forbidden forms, parse with Oxigraph, return the SELECT projection.

    rdflib's parser (the guard's) costs ~0.1 s a query and this runs at every
    start-up on files of our own, so a lexical scan stands in for the guard
    here; the tests run every question on rdflib as well.
    """
    blanked = _blank(text)
    forbidden = _FORBIDDEN_WORDS.search(blanked)
    if forbidden:
        raise DataError(
            f"{forbidden.group(1).upper()} is not allowed in a question",
            path=path,
            line=_line_at(blanked, forbidden.start()),
        )
    try:
        # Nothing reaches out: SERVICE was refused above and no data is read.
        variables = select_variables(text)
    except QueryError as exc:
        raise DataError(exc.message, path=path, line=_syntax_error_line(text, str(exc))) from None
    if variables is None:
        raise DataError("a question is a SELECT query", path=path, line=header.body_line)
    projected = set(variables)
    for parameter in header.parameters:
        if parameter.name not in projected:
            raise DataError(
                f"parameter {parameter.name!r} must be in the SELECT projection "
                "(engines bind only projected variables)",
                path=path,
                line=header.parameter_lines[parameter.name],
            )
    for match in _CONCAT_ALIAS.finditer(blanked):
        if match.group(1) not in header.lists:
            raise DataError(
                f"?{match.group(1)} is a GROUP_CONCAT list: name it in '#+ lists:' so the "
                "runner sorts and de-duplicates it (engines order lists differently)",
                path=path,
                line=_line_at(blanked, match.start()),
            )
    if _LANG_USE.search(blanked) and LANG_VARIABLE not in projected:
        raise DataError(
            f"?{LANG_VARIABLE} is used, so the SELECT must project it",
            path=path,
            line=header.body_line,
        )
    return variables


def _syntax_error_line(text: str, message: str) -> int | None:
    """Where the SPARQL goes wrong, by rdflib's parser (Oxigraph reports where it gave up)."""
    try:
        parseQuery(text)
    except ParseException as exc:
        return int(exc.lineno)
    match = re.search(r"at (\d+):", message)
    return int(match.group(1)) if match else None


def _blank(text: str) -> str:
    """``text`` with strings, IRIs and comments replaced by spaces (lines kept)."""
    return _LEXEMES.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
