"""Asking the bundled regulation: what is understood, what is refused, what is kept."""

from __future__ import annotations

import pytest

from ontology import Store
from ontology.errors import NotUnderstood, ParameterError, UnknownQuestion, UnresolvedParameter
from ontology.namespaces import ID
from queries import load_catalogue, run_query
from queries.ask import ask, interpret, matcher_for
from queries.ask.entities import entity_index

GROUP = f"{ID}tct-cpdt/unit/nhom-truyen-thong"
HEAD = f"{ID}tct-cpdt/post/to-truong"


def test_the_issue_example_answers_the_chain_of_command(store: Store) -> None:
    meant, answer = ask(store, "nhom truyen thong bao cao cho ai")
    assert meant.question.id == "chain-of-command"
    assert meant.params == {"from": GROUP}
    assert meant.understood == "Chuỗi chỉ huy, from = Nhóm Truyền thông"
    assert answer.to_json() == run_query(store, "chain-of-command", {"from": GROUP}).to_json()


def test_the_organogram_example(organogram: Store) -> None:
    meant = interpret(organogram, "Who does the Director of Finance report to?", lang="en")
    assert meant.question.id == "chain-of-command"
    assert meant.params == {"from": "http://example.org/organogram/post/director-finance"}
    assert meant.understood == "Chain of command, from = Director of Finance"


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("ai báo cáo cho Tổ trưởng", {"recipient": HEAD}),
        ("Tổ trưởng báo cáo cho Chủ tịch Ủy ban bao lâu một lần", None),
        ("nhom truyen thong bao cao lanh dao to cong tac", None),
    ],
)
def test_words_around_an_entity_choose_its_parameter(
    store: Store, text: str, params: dict[str, str] | None
) -> None:
    meant = interpret(store, text)
    assert meant.question.id == "reporting-lines"
    if params is not None:
        assert meant.params == params
    else:
        assert list(meant.params) == ["reporter", "recipient"]


def test_a_typo_of_one_letter_in_an_entity_name(store: Store) -> None:
    meant = interpret(store, "nhom truyen thogn bao cao cho ai")
    assert meant.params == {"from": GROUP}


def test_nothing_matching_lists_the_closest_questions(store: Store) -> None:
    with pytest.raises(NotUnderstood) as caught:
        interpret(store, "giá xăng tuần này")
    assert len(caught.value.candidates) == 5
    assert all(set(c) == {"id", "title"} for c in caught.value.candidates)


def test_an_ambiguous_entity_is_never_guessed(store: Store) -> None:
    with pytest.raises(UnresolvedParameter) as caught:
        interpret(store, "Tổ phó báo cáo cho ai")
    assert caught.value.parameter == "from"
    assert len(caught.value.candidates) == 2


def test_a_required_parameter_not_named_lists_candidates(store: Store) -> None:
    with pytest.raises(UnresolvedParameter) as caught:
        interpret(store, "cấp trên của ai")
    assert caught.value.question == "chain-of-command"
    assert caught.value.candidates and all(c["iri"].startswith(ID) for c in caught.value.candidates)


def test_an_alternative_can_be_taken_with_the_same_words(store: Store) -> None:
    meant = interpret(store, "nhom truyen thong bao cao cho ai", question="reporting-lines")
    assert meant.question.id == "reporting-lines"
    assert meant.params == {"reporter": GROUP}
    with pytest.raises(UnknownQuestion):
        interpret(store, "nhom truyen thong bao cao cho ai", question="no-such-question")


def test_a_searched_text_keeps_its_accents(store: Store) -> None:
    meant = interpret(store, "tìm kiếm Nguyễn Mạnh Hùng")
    assert meant.question.id == "search"
    assert meant.params == {"q": "Nguyễn Mạnh Hùng"}


def test_matcher_once_per_catalogue_and_index_once_per_store(store: Store) -> None:
    catalogue = load_catalogue()
    assert matcher_for(catalogue) is matcher_for(catalogue)
    assert entity_index(store, "vi") is entity_index(store, "vi")
    assert entity_index(store, "en") is not entity_index(store, "vi")


@pytest.mark.parametrize("text", ["", "   ", "x" * 501])
def test_empty_or_overlong_text_is_a_parameter_error(store: Store, text: str) -> None:
    with pytest.raises(ParameterError, match=r"empty|longer") as caught:
        interpret(store, text)
    assert caught.value.parameter == "q"
