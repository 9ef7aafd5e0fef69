"""Every catalogue question gives the same rows on a real SPARQL server as embedded.

The server is Oxigraph's (``oxigraph serve``) on 127.0.0.1, loaded over the
Graph Store Protocol with the store's N-Triples export; orgkg reaches it as
``load_regulation(engine="http://127.0.0.1:PORT/query")``, i.e. ``--store URL``.
"""

from __future__ import annotations

import urllib.request
from collections import Counter
from collections.abc import Mapping

import pytest

from ontology import Store, load_regulation
from queries import Answer, Question, load_catalogue, run_query

pytestmark = pytest.mark.server

CATALOGUE = load_catalogue()
# Folded on purpose: found only if the uploaded data carries the hiddenLabels.
SEARCH_TEXT = "to truong"


@pytest.fixture(scope="module")
def embedded() -> Store:
    return load_regulation()


@pytest.fixture(scope="module")
def remote(loaded_server: str) -> Store:
    return load_regulation(engine=loaded_server)


@pytest.fixture(scope="module")
def samples(embedded: Store) -> dict[str, str]:
    """Parameter values from the bundled data itself: the first post it lists."""
    posts = run_query(embedded, "posts", lang="en")
    return {"iri": str(posts.column("post")[0]), "text": SEARCH_TEXT}


def required_params(question: Question, samples: Mapping[str, str]) -> dict[str, str]:
    defaults = {"date": "2018-10-18", "integer": "5"}
    return {
        p.name: samples.get(p.kind, defaults.get(p.kind, ""))
        for p in question.parameters
        if p.required
    }


def rows(answer: Answer) -> Counter[tuple[str, ...]]:
    """The rows as a multiset of N3 strings (order aside, every term exact)."""
    return Counter(tuple("" if t is None else t.n3() for t in row) for row in answer.rows)


def test_the_server_holds_every_triple_of_the_export(
    loaded_server: str, exported_nt: bytes, embedded: Store
) -> None:
    base = loaded_server.removesuffix("/query")
    request = urllib.request.Request(
        f"{base}/store?default", headers={"Accept": "application/n-triples"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        served = response.read()
    assert len(served.splitlines()) == len(exported_nt.splitlines()) == len(embedded)
    assert b"http://www.w3.org/2004/02/skos/core#hiddenLabel" in served


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("question_id", list(CATALOGUE))
def test_question_answers_alike_remotely(
    question_id: str, lang: str, embedded: Store, remote: Store, samples: dict[str, str]
) -> None:
    question = CATALOGUE[question_id]
    params = required_params(question, samples)
    here = run_query(embedded, question, params, lang=lang)
    there = run_query(remote, question, params, lang=lang)
    assert there.variables == here.variables
    assert rows(there) == rows(here)


def test_folded_search_finds_labels_on_the_server(remote: Store) -> None:
    """Search needs the folds the loader derives; the export carries them."""
    answer = run_query(remote, CATALOGUE["search"], {"q": SEARCH_TEXT}, lang="vi")
    assert len(answer.rows) > 0
