"""Every catalogue question gives the embedded engine's rows on a real OpenLink Virtuoso.

Virtuoso 7 (Debian's ``virtuoso-opensource``) is started on loopback ports
from the repository's config, loaded with ``orgkg export --format nt`` by its
bulk loader, and reached as ``--store http://127.0.0.1:PORT/sparql``, as a
user would. orgkg recognises it and sends its join-order pragma
(ontology/dialect.py). Every question gives the embedded rows: the
catalogue's SPARQL avoids the forms Virtuoso answers wrongly (docs/servers.md
lists them; tests/remote/test_virtuoso_bugs.py checks they still are).
"""

from __future__ import annotations

import urllib.parse
import urllib.request

import pytest

from ontology import Store, load_regulation
from ontology.dialect import probe_dialect
from queries import load_catalogue, run_query
from tests.remote.test_remote_store import SEARCH_TEXT, required_params, rows

pytestmark = pytest.mark.server

CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def embedded() -> Store:
    return load_regulation()


@pytest.fixture(scope="module")
def virtuoso(virtuoso_endpoint: str) -> Store:
    return load_regulation(engine=virtuoso_endpoint)


@pytest.fixture(scope="module")
def samples(embedded: Store) -> dict[str, str]:
    posts = run_query(embedded, "posts", lang="en")
    return {"iri": str(posts.column("post")[0]), "text": SEARCH_TEXT}


def test_virtuoso_holds_exactly_the_export(
    virtuoso_endpoint: str, exported_nt: bytes, embedded: Store
) -> None:
    """Its own system graphs are hidden: the default dataset is the export alone."""
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    request = urllib.request.Request(f"{virtuoso_endpoint}?{query}", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        count = int(response.read().decode().splitlines()[1])
    assert count == len(exported_nt.splitlines()) == len(embedded)


def test_orgkg_recognises_virtuoso(virtuoso_endpoint: str) -> None:
    assert probe_dialect(virtuoso_endpoint).name == "virtuoso"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("question_id", list(CATALOGUE))
def test_question_answers_alike_on_virtuoso(
    question_id: str, lang: str, embedded: Store, virtuoso: Store, samples: dict[str, str]
) -> None:
    question = CATALOGUE[question_id]
    params = required_params(question, samples)
    here = run_query(embedded, question, params, lang=lang)
    there = run_query(virtuoso, question, params, lang=lang)
    assert there.variables == here.variables
    assert rows(there) == rows(here)
