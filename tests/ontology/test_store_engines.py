"""Every engine answers each Store operation alike; only the remote one is never cached.

The data is ``data/store/two-posts.ttl`` (with the vocabulary the loader adds).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from ontology import ENGINES, QueryError, Store, load_regulation
from ontology.store_remote import RemoteStore, inject_values
from queries.analysis import memo_of

DATA = Path(__file__).parent / "data" / "store" / "two-posts.ttl"
ID = "https://w3id.org/orgkg/id/"
REPORTS = "SELECT ?from ?to WHERE { ?from org:reportsTo ?to }"


@pytest.fixture(scope="module", params=ENGINES)
def store(request: pytest.FixtureRequest) -> Store:
    return load_regulation([DATA], engine=request.param)


def test_select_binds_a_projected_variable(store: Store) -> None:
    table = store.select(REPORTS, {"to": URIRef(ID + "head")})
    assert table.variables == ("from", "to")
    assert table.rows == ((URIRef(ID + "deputy"), URIRef(ID + "head")),)


def test_select_values_gives_plain_strings(store: Store) -> None:
    assert store.select_values(REPORTS, {"from": ID + "deputy"}) == [(ID + "deputy", ID + "head")]


def test_stream_yields_the_rows_of_select(store: Store) -> None:
    stream = store.stream(REPORTS)
    assert stream.variables == ("from", "to")
    assert tuple(stream.rows) == store.select(REPORTS).rows


def test_ask_and_construct(store: Store) -> None:
    assert store.ask("ASK { ?p org:reportsTo ?q }") is True
    assert store.ask("ASK { ?p org:headOf ?q }") is False
    graph = store.construct("CONSTRUCT { ?q org:hasSubordinate ?p } WHERE { ?p org:reportsTo ?q }")
    assert len(graph) == 1


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_serialise_round_trips(store: Store, fmt: str) -> None:
    parsed = Graph().parse(
        data=store.serialise(fmt), format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt]
    )
    assert len(parsed) == len(store)


def test_a_syntax_error_is_a_query_error_on_every_path(store: Store) -> None:
    for run in (store.select, store.select_values):
        with pytest.raises(QueryError):
            run("SELECT ?x WHERE { ?x")
    with pytest.raises(QueryError):
        store.ask(REPORTS)


def test_local_stores_are_cacheable_and_offline(store: Store) -> None:
    assert store.cacheable and not store.needs_network
    assert store.count() == len(store) > 2
    assert memo_of(store) is memo_of(store)


def test_a_remote_store_is_never_cached_and_keeps_the_network() -> None:
    # Building it does not connect: nothing listens on port 9.
    remote = load_regulation([DATA], engine="http://127.0.0.1:9/sparql")
    assert isinstance(remote, RemoteStore)
    assert not remote.cacheable and remote.needs_network
    assert remote.count() is None
    assert memo_of(remote) is not memo_of(remote)


def test_remote_bindings_become_a_values_block() -> None:
    text = inject_values(REPORTS, {"to": URIRef(ID + "head")})
    assert f"VALUES (?to) {{ (<{ID}head>) }}" in text
