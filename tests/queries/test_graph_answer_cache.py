"""networkx answers are tidied once per store version, language and parameters (and not at
all when orgkg made every term of them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology import ENGINES, Store, load_regulation
from ontology.languages import LANGUAGES
from ontology.paging import Page
from ontology.store import Table
from queries import load_catalogue, run_query
from queries.analysis import memo_of
from queries.runner import dropped_columns, tidy


def test_a_second_call_returns_the_tidied_answer_of_the_first(bundled: Store) -> None:
    """Warm calls do not tidy again: they return the very answer of the first call."""
    first = run_query(bundled, "single-points-of-failure", lang="en")
    assert run_query(bundled, "single-points-of-failure", lang="en") is first


def test_each_language_keeps_its_own_answer(bundled: Store) -> None:
    """A cached English answer is never served for Vietnamese (labels differ)."""
    english = run_query(bundled, "longest-chains", lang="en")
    vietnamese = run_query(bundled, "longest-chains", lang="vi")
    assert english.lang == "en" and vietnamese.lang == "vi"
    assert english.rows != vietnamese.rows


def test_parameters_are_part_of_the_key(bundled: Store) -> None:
    """Two starting points of the chain of command give two answers, each kept."""
    one = run_query(bundled, "chain-of-command", {"from": "Nhóm Truyền thông"}, lang="en")
    other = run_query(bundled, "chain-of-command", {"from": "tct-cpdt"}, lang="en")
    assert one.rows != other.rows
    assert run_query(bundled, "chain-of-command", {"from": "Nhóm Truyền thông"}, lang="en") is one


def test_a_page_is_cut_from_the_cached_whole_answer(bundled: Store) -> None:
    """A page of a cached answer has the whole's rows at its offset and the whole's total."""
    whole = run_query(bundled, "single-points-of-failure", lang="vi")
    page = run_query(bundled, "single-points-of-failure", lang="vi", page=Page(limit=2, offset=1))
    assert page.rows == whole.rows[1:3]
    assert page.total == len(whole.rows) and page.offset == 1


def test_a_forgotten_store_answers_afresh() -> None:
    """What a new store version sees (an empty memo) is computed again, to the same rows."""
    store = load_regulation()
    first = run_query(store, "single-points-of-failure", lang="en")
    memo_of(store).clear()
    again = run_query(store, "single-points-of-failure", lang="en")
    assert again is not first and again.rows == first.rows


DATA = Path(__file__).parent / "data"
GRAPH_DATA = Path(__file__).parent.parent / "graph" / "data"


@pytest.mark.parametrize(
    "paths",
    [(), (DATA / "org-only-ministry.ttl",), (GRAPH_DATA / "labels-mixed.ttl",)],
    ids=["bundled", "org-only-ministry", "labels-mixed"],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_answers_left_untidied_are_what_tidying_gives(paths: tuple[Path, ...], engine: str) -> None:
    """A networkx answer without list columns is not tidied: its terms must already be tidy."""
    store = load_regulation(paths, engine=engine)
    untidied = [q for q in load_catalogue().values() if q.kind == "graph" and not q.lists]
    assert untidied, "the catalogue has networkx questions without list columns"
    for question in untidied:
        for lang in LANGUAGES:
            answer = run_query(store, question, lang=lang)
            table = Table(answer.variables, answer.rows)
            tidied = tidy(table, question, dropped_columns(question, {}), lang)
            assert (tidied.variables, tidied.rows) == (answer.variables, answer.rows), question.id
