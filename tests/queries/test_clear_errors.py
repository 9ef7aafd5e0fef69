"""Unclear requests get answers that say what to do: candidates, the prefix, the limit."""

from __future__ import annotations

import pytest

from ontology import Store, load_regulation
from ontology.errors import ParameterError, QueryError
from queries import resolve_entity, run_sparql


@pytest.fixture(scope="module")
def store() -> Store:
    return load_regulation()


def test_a_word_many_labels_share_is_ambiguous_and_lists_candidates(store: Store) -> None:
    with pytest.raises(ParameterError) as caught:
        resolve_entity(store, "nhom", parameter="from")
    message = str(caught.value)
    assert "ambiguous" in message and "'from'" in message
    assert "id:tct-cpdt/unit/nhom-truyen-thong (Nhóm Truyền thông)" in message
    assert "foaf:" not in message  # a vocabulary class is not a candidate


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("nhom truyen thong", "/unit/nhom-truyen-thong"),  # exact, folded
        ("Nhóm Truyền thông", "/unit/nhom-truyen-thong"),
        ("to truong", "/post/to-truong"),
    ],
)
def test_an_exact_label_wins_over_partial_ones(store: Store, text: str, tail: str) -> None:
    assert str(resolve_entity(store, text)).endswith(tail)


def test_nothing_named_says_so(store: Store) -> None:
    with pytest.raises(ParameterError, match="nothing is called or identified by 'xyzzy'"):
        resolve_entity(store, "xyzzy")


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("SELECT * WHERE { ?s foo:bar ?o }", "'foo:'"),
        ("SELECT * WHERE { ?s :bar ?o }", "':'"),
        ("ASK { ?s a org:Post ; bar:baz ?o }", "'bar:'"),
    ],
)
def test_an_unknown_prefix_is_named_not_dumped(store: Store, query: str, named: str) -> None:
    with pytest.raises(QueryError) as caught:
        run_sparql(store, query)
    message = str(caught.value)
    assert message.startswith(f"unknown prefix {named}") and "org:" in message
    assert "\\u{" not in message  # no parser dump of Unicode ranges


def test_declared_and_built_in_prefixes_pass(store: Store) -> None:
    assert run_sparql(store, "PREFIX foo: <http://x/> ASK { ?s foo:bar ?o }") is False
    assert run_sparql(store, "ASK { ?s a org:Post }") is True
