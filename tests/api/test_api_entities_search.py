"""/entities/{id} and /search: the same data as queries.describe_entity and queries.search."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.http.models import Entity
from ontology import Store
from queries import describe_entity, search

HEAD = "tct-cpdt/post/to-truong"
HEAD_IRI = "https://w3id.org/orgkg/id/" + HEAD


@pytest.mark.parametrize("entity", [HEAD, quote(HEAD_IRI, safe="")])
def test_entity_by_id_or_iri(client: TestClient, store: Store, entity: str) -> None:
    response = client.get(f"/entities/{entity}")
    assert response.status_code == 200
    body = response.json()
    assert body == describe_entity(store, HEAD, lang="vi")
    assert body["iri"] == HEAD_IRI
    Entity.model_validate(body)  # the documented schema fits


def test_entity_has_labels_relations_and_quoted_sources(client: TestClient) -> None:
    body = client.get(f"/entities/{HEAD}?lang=en").json()
    assert body["label"] == body["labels"]["en"]
    assert {"vi", "en"} <= set(body["labels"])
    assert body["types"] and body["out"] and body["in"]
    assert body["sources"]
    for source in body["sources"]:
        assert source["id"] and source["text"].strip()


def test_unknown_entity_is_404(client: TestClient) -> None:
    response = client.get("/entities/no/such/thing")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not-found"


@pytest.mark.parametrize("q", ["to truong", "TỔ TRƯỞNG", "Tổ trưởng"])
def test_search_ignores_case_and_diacritics(client: TestClient, store: Store, q: str) -> None:
    response = client.get("/search", params={"q": q})
    assert response.status_code == 200
    assert response.json() == search(store, q, lang="vi").to_json()
    first = response.json()["results"]["bindings"][0]
    assert first["entity"]["value"] == HEAD_IRI


def test_search_as_csv(client: TestClient, store: Store) -> None:
    response = client.get("/search", params={"q": "to truong", "format": "csv", "lang": "en"})
    assert response.status_code == 200
    assert response.text == search(store, "to truong", lang="en").to_csv()


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x", "lang": "de"}])
def test_search_needs_a_text(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid-request"
