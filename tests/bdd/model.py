"""What the scenario steps share: the model under test, the sentences a
scenario cites (for bilingual failure messages), and small readers of answers."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from ontology import BUNDLED, REGULATIONS, OrgkgError, Store
from ontology.namespaces import OKG
from ontology.report import Report
from ontology.validation import check
from queries import Answer

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "data"
LIST_SEPARATOR = "; "
QUOTE = re.compile(r"^Câu nguồn: “(?P<text>.*)”$")
PASSAGE_TYPES = (OKG.Passage, OKG.Sentence)
LANG = "vi"

Card = dict[str, Any]  # what describe_entity returns
Row = dict[str, str | None]  # one answer row, variable -> plain string


# --------------------------------------------------------------------------
# the data under test, loaded once per session
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedModel:
    """The store under test (or why it could not be loaded) and its passages."""

    paths: tuple[str, ...]
    engine: str
    store: Store | None
    error: OrgkgError | None
    passages: dict[str, str]  # passage id (dcterms:identifier) -> exact text


def data_paths(config: pytest.Config) -> tuple[str, ...]:
    """``--orgkg-data`` paths, else ``ORGKG_DATA``, else () for the bundled regulation."""
    given_paths: list[str] | None = config.getoption("--orgkg-data", default=None)
    if given_paths:
        return tuple(given_paths)
    from_env = os.environ.get("ORGKG_DATA", "")
    return tuple(p for p in from_env.split(os.pathsep) if p.strip())


def passages_of(triples: Iterable[tuple[Any, Any, Any]]) -> dict[str, str]:
    """Passage id -> text, read from any triples (a store's or a parsed file's)."""
    typed: set[Any] = set()
    ids: dict[Any, str] = {}
    texts: dict[Any, str] = {}
    for s, p, o in triples:
        if p == RDF.type and o in PASSAGE_TYPES:
            typed.add(s)
        elif p == DCTERMS.identifier:
            ids[s] = str(o)
        elif p == OKG.text:
            texts[s] = str(o)
    return {ids[s]: texts.get(s, "") for s in typed if s in ids}


def bundled_passages() -> dict[str, str]:
    """The passages of every bundled data folder's source document (source.ttl).

    Decision 426's first; the 2019-2021 folder's ids (``sec_N__item_M``) are
    distinct from them, so its scenarios (features/time/) are tagged alike.
    """
    graph = Graph().parse(BUNDLED / "source.ttl", format="turtle")
    for source in sorted(REGULATIONS.glob("*/source.ttl")):
        if source.parent != BUNDLED:
            graph.parse(source, format="turtle")
    return passages_of(graph)


@dataclass
class Compliance:
    """``orgkg check`` once per store: pyshacl takes seconds, scenarios ask often."""

    _reports: dict[int, tuple[Store, Report]] = field(default_factory=dict)

    def report(self, store: Store) -> Report:
        if id(store) not in self._reports:  # the store is kept, so its id stays unique
            self._reports[id(store)] = (store, check(store))
        return self._reports[id(store)][1]


# --------------------------------------------------------------------------
# the sentences a scenario checks, for bilingual failure messages
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """The sentences a scenario is tagged with, to name them when it fails."""

    sentences: tuple[tuple[str, str], ...]  # (id, text)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(sid for sid, _ in self.sentences)

    @classmethod
    def of(cls, tags: Iterable[str], passages: dict[str, str], description: str = "") -> Cited:
        """The tagged sentences of a scenario, checked against its quotes.

        Each ``Câu nguồn: “...”`` line of ``description`` must be the text of
        a tagged sentence in the model under test, so a model whose quotes
        drifted from the text fails every scenario citing them.
        """
        cited = cls(tuple((sid, passages[sid]) for sid in sorted(set(tags)) if sid in passages))
        texts = {spaced(text) for _, text in cited.sentences}
        drifted = [quote for quote in quotes_in(description) if spaced(quote) not in texts]
        assert not drifted, cited.contradicted(
            "câu trong mô hình khác với câu kịch bản trích dẫn: " + " | ".join(drifted),
            "the model's sentence text differs from the quote: " + " | ".join(drifted),
        )
        return cited

    def contradicted(self, vi: str, en: str, evidence: object = "") -> str:
        """Two lines naming the sentence — Vietnamese, then English — and the evidence."""
        ids = ", ".join(self.ids) or "?"
        quotes = " ".join(f"“{' '.join(text.split())}”" for _, text in self.sentences)
        return (
            f"Trái với câu {ids} {quotes}: {vi}\nContradicts sentence {ids}: {en}\n\n{evidence}"
        ).rstrip()


def quotes_in(description: str) -> tuple[str, ...]:
    """The sentences a scenario's description quotes (``Câu nguồn: “...”``)."""
    lines = (line.strip() for line in description.splitlines())
    return tuple(m["text"] for m in map(QUOTE.match, lines) if m)


def spaced(text: str) -> str:
    """``text`` with runs of white space as one space (quotes span lines)."""
    return " ".join(text.split())


def rows_with(answer: Answer, **cells: str | None) -> list[Row]:
    """Rows whose cells hold these values (a ``"a; b"`` list cell holds each item).

    ``None`` asks for an empty cell.
    """
    return [
        row
        for row in answer.values()
        if all(_holds(row.get(name), wanted) for name, wanted in cells.items())
    ]


def _holds(cell: str | None, wanted: str | None) -> bool:
    if wanted is None:
        return not cell
    return cell == wanted or wanted in items(cell)


def items(cell: str | None) -> set[str]:
    """The items of a list cell (``"a; b"``), or the one value."""
    return set(cell.split(LIST_SEPARATOR)) if cell else set()


def column(answer: Answer, name: str, **cells: str | None) -> set[str]:
    """The values of one column over the rows holding ``cells``."""
    return {row[name] or "" for row in rows_with(answer, **cells)}


def related(card: Card, *predicates: URIRef) -> set[str]:
    """Labels (or literal values) of what ``card``'s entity points to by ``predicates``."""
    wanted = {str(p) for p in predicates}
    return {o["objectLabel"] or o["object"] for o in card["out"] if o["predicate"] in wanted}


def table(answer: Answer) -> str:
    return answer.to_table(width=200)


def listed(datatable: list[list[str]]) -> set[str]:
    """The first column of a one-column data table, header dropped."""
    return {row[0].strip() for row in datatable[1:]}
