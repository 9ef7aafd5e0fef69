"""networkx answers are tidied once per store version, language and parameters."""

from __future__ import annotations

from ontology import Store, load_regulation
from ontology.paging import Page
from queries import run_query
from queries.analysis import memo_of


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
