"""/queries and /queries/{id}: the same answers as queries.run_query, as JSON and CSV."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from ontology import Store
from queries import load_catalogue, run_query


def test_catalogue_lists_every_question(client: TestClient) -> None:
    response = client.get("/queries")
    assert response.status_code == 200
    listed = {item["id"]: item for item in response.json()}
    catalogue = load_catalogue()
    assert set(listed) == set(catalogue)
    for qid, item in listed.items():
        assert item["href"] == f"/queries/{qid}"
        assert set(item["title"]) == {"vi", "en"}
        assert [p["name"] for p in item["parameters"]] == [
            p.name for p in catalogue[qid].parameters
        ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_answer_is_the_runner_answer_as_sparql_json(
    client: TestClient, store: Store, lang: str
) -> None:
    response = client.get(f"/queries/posts?lang={lang}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert response.headers["x-orgkg-truncated"] == "false"
    assert response.json() == run_query(store, "posts", {}, lang=lang).to_json()


def test_english_labels_differ_from_vietnamese(client: TestClient) -> None:
    vi = client.get("/queries/units?lang=vi").json()
    en = client.get("/queries/units?lang=en").json()
    assert vi["head"] == en["head"]
    assert vi["results"] != en["results"]


@pytest.mark.parametrize(
    ("url", "headers"),
    [("/queries/posts", {"Accept": "text/csv"}), ("/queries/posts?format=csv", {})],
)
def test_csv_by_accept_or_format(
    client: TestClient, store: Store, url: str, headers: dict[str, str]
) -> None:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text == run_query(store, "posts", {}).to_csv()
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == list(run_query(store, "posts", {}).variables)


def test_parameters_come_from_the_query_string(client: TestClient, store: Store) -> None:
    response = client.get("/queries/search", params={"q": "to truong", "lang": "en"})
    assert response.status_code == 200
    assert response.json() == run_query(store, "search", {"q": "to truong"}, lang="en").to_json()
    assert response.json()["results"]["bindings"]


def test_parameter_free_answers_are_prepared_not_recomputed(client: TestClient) -> None:
    service = client.app.state.service  # type: ignore[attr-defined]
    assert ("units", "en") in service.prepared  # by the warm-up, before the first request
    cached = len(service.cache)
    first = client.get("/queries/units?lang=en")
    second = client.get("/queries/units?lang=en")
    assert first.content == second.content
    assert len(service.cache) == cached  # cut from the prepared answer: nothing computed


@pytest.mark.parametrize(
    ("url", "headers", "status", "code"),
    [
        ("/queries/no-such-question", {}, 404, "unknown-question"),
        ("/queries/posts?colour=red", {}, 400, "bad-parameter"),
        ("/queries/search", {}, 400, "bad-parameter"),
        ("/queries/posts", {"Accept": "image/png"}, 406, "not-acceptable"),
        ("/queries/posts?lang=fr", {}, 422, "invalid-request"),
        ("/queries/posts?format=xml", {}, 422, "invalid-request"),
    ],
)
def test_errors_have_status_and_code(
    client: TestClient, url: str, headers: dict[str, str], status: int, code: str
) -> None:
    response = client.get(url, headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert "Traceback" not in error["message"]


def test_unknown_parameter_is_named(client: TestClient) -> None:
    message = client.get("/queries/posts?colour=red").json()["error"]["message"]
    assert "colour" in message


def test_capped_answer_says_it_was_cut(capped_client: TestClient, store: Store) -> None:
    response = capped_client.get("/queries/posts")
    assert response.status_code == 200
    assert response.headers["x-orgkg-truncated"] == "true"
    assert len(response.json()["results"]["bindings"]) <= 3
    assert len(run_query(store, "posts", {}).rows) > 3


def test_missing_required_parameter_is_never_cached(client: TestClient) -> None:
    for _ in range(2):
        response = client.get("/queries/search")
        assert response.status_code == 400
    assert client.get("/queries/search?q=to truong").status_code == 200
