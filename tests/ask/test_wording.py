"""The pieces of asking: words, synonyms, typos, BM25, the phrasing header."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology.errors import DataError
from queries import read_question
from queries.ask import Matcher
from queries.ask.ranking import Bm25
from queries.ask.wording import (
    SLOT,
    features,
    load_synonyms,
    phrasing_words,
    within_one_edit,
    words,
)

DATA = Path(__file__).resolve().parent / "data"


def test_words_fold_accents_case_and_plurals() -> None:
    assert words("Đơn vị nào CHƯA có người?") == ["don", "vi", "nao", "chua", "co", "nguoi"]
    assert words("Which duties? Reports!") == ["which", "duty", "report"]
    assert words("Bộ TT&TT") == ["bo", "tt&tt"]


def test_a_phrasing_slot_becomes_one_token() -> None:
    assert phrasing_words("{from} báo cáo cho ai") == ([SLOT, "bao", "cao", "cho", "ai"], ["from"])


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("trình lên", "bao cao"),
        ("con dấu", "dau"),
        ("chưa có người giữ", "khuyet giu"),
        ("không ai", "khuyet"),
        ("kiêm nhiệm", "kiem nhiem"),
    ],
)
def test_synonyms_become_one_form_longest_first(text: str, canonical: str) -> None:
    assert " ".join(load_synonyms().canonical(words(text))) == canonical


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("bao", "boa", True),
        ("truyen", "truyn", True),
        ("thong", "thongg", True),
        ("nhom", "nhan", False),
    ],
)
def test_one_edit_is_insert_delete_substitute_or_swap(a: str, b: str, near: bool) -> None:
    assert within_one_edit(a, b) is near


def test_features_keep_local_order_and_drop_function_words() -> None:
    assert features(["ai", "bao", "cao", "the", SLOT]) == [
        "bao",
        "cao",
        SLOT,
        "ai bao",
        "bao cao",
        f"cao {SLOT}",
    ]


def test_bm25_ranks_the_rarer_shared_word_higher() -> None:
    index = Bm25([["bao", "cao", "ai"], ["con", "dau", "ai"], ["bao", "cao", "hop"]])
    scores = index.scores(["dau", "ai"])
    assert scores.index(max(scores)) == 1
    assert index.shared(["dau", "ai", "dau"], 1) == ["dau", "ai"]


def test_header_collects_phrasings_by_language(tmp_path: Path) -> None:
    question = read_question(Path(__file__).parents[2] / "queries" / "reporting-lines.rq")
    assert "ai báo cáo cho {recipient}" in question.ask["vi"]
    assert "who reports to {recipient}" in question.ask["en"]


def test_an_example_naming_an_unknown_parameter_fails_at_build() -> None:
    with pytest.raises(DataError, match=r"bad-slot\.rq.*\{recipient\}"):
        Matcher([read_question(DATA / "bad-slot.rq")])


def test_an_example_without_a_language_fails_at_its_line() -> None:
    with pytest.raises(DataError, match=r"bad-ask-language\.rq:5: 'ask' needs a language"):
        read_question(DATA / "bad-ask-language.rq")
