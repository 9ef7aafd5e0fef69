"""What a question is: its metadata, parameters, and how it is answered.

A question is answered either by SPARQL (``kind == "sparql"``, the text of a
``queries/*.rq`` file) or by a function over a networkx projection
(``kind == "graph"``); to the user both look the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ontology.errors import QueryError
from ontology.store import Store, Table, Term

ParameterKind = Literal["iri", "text", "date", "integer"]
PARAMETER_KINDS: tuple[str, ...] = ("iri", "text", "date", "integer")
# Bound by the runner on every question, so a query never declares it.
LANG_VARIABLE = "lang"

# A graph question's answer: store, bound parameters (name -> RDF term), language.
GraphAnswer = Callable[[Store, Mapping[str, Term], str], Table]


@dataclass(frozen=True)
class Parameter:
    """One parameter of a question.

    ``folded`` text is bound in its accent-folded search form (see
    :func:`ontology.fold`), so a query compares it with ``skos:hiddenLabel``.
    """

    name: str
    kind: ParameterKind
    required: bool = True
    description: str = ""
    folded: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "required": self.required,
            "description": self.description,
        }


@dataclass(frozen=True)
class Question:
    """A catalogue entry. ``text`` is the SPARQL; ``answer`` the graph function."""

    id: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    parameters: tuple[Parameter, ...] = ()
    tags: tuple[str, ...] = ()
    kind: Literal["sparql", "graph"] = "sparql"
    text: str = ""
    # Columns holding "; "-joined lists; the runner sorts their items so every
    # engine answers alike (GROUP_CONCAT order is left to the engine).
    lists: tuple[str, ...] = ()
    # The SELECT projection, as the store returns it (a SPARQL question only).
    variables: tuple[str, ...] = ()
    path: Path | None = None
    # Example phrasings by language, for asking in plain words (queries.ask).
    ask: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    answer: GraphAnswer | None = field(default=None, compare=False, repr=False)

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name``, or None."""
        return next((p for p in self.parameters if p.name == name), None)

    def title_in(self, lang: str) -> str:
        """The title in ``lang``, falling back to the other language."""
        return self.title.get(lang) or next(iter(self.title.values()), self.id)

    def to_dict(self) -> dict[str, Any]:
        """Plain metadata for listings (CLI ``orgkg queries``, ``GET /queries``)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "title": dict(self.title),
            "description": dict(self.description),
            "parameters": [p.to_dict() for p in self.parameters],
            "tags": list(self.tags),
        }


def run_answer(question: Question, store: Store, bindings: Mapping[str, Term], lang: str) -> Table:
    """Call a graph question's function (a typed seam for the runner)."""
    if question.answer is None:
        raise QueryError(f"question {question.id!r} has no answer function")
    return question.answer(store, bindings, lang)
