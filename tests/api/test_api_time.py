"""?at= on the HTTP routes: the same store as of a day as `orgkg --at`, and
the response saying which day it answers for."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.runtime.settings import Settings
from tests.api.conftest import QUERY_TIMEOUT, make_client

HEAD = "https://w3id.org/orgkg/id/tct-cpdt/post/to-truong"


@pytest.fixture(scope="module")
def dated_client() -> Iterator[TestClient]:
    settings = Settings(
        data=(Path("bundled:all"),), query_timeout=QUERY_TIMEOUT, workers=1, log_level="warning"
    )
    with make_client(settings) as client:
        yield client


def head_holders(client: TestClient, at: str) -> set[str]:
    body = client.get(f"/queries/posts?lang=en&at={at}").json()
    return {
        row["holderLabels"]["value"]
        for row in body["results"]["bindings"]
        if row["post"]["value"] == HEAD and "holderLabels" in row
    }


def test_at_answers_for_that_day_and_says_so(dated_client: TestClient) -> None:
    response = dated_client.get("/queries/posts?at=2018-12-01")
    assert response.status_code == 200
    assert response.headers["X-Orgkg-As-Of"] == "2018-12-01"
    assert response.headers["X-Orgkg-As-Of-Default"] == "false"
    assert head_holders(dated_client, "2018-12-01") == {"Mai Tien Dung"}
    assert head_holders(dated_client, "2019-12-31") == {"Nguyen Manh Hung"}


def test_without_at_dated_data_answers_as_of_today(dated_client: TestClient) -> None:
    response = dated_client.get("/queries/units")
    assert response.headers["X-Orgkg-As-Of"] == date.today().isoformat()
    assert response.headers["X-Orgkg-As-Of-Default"] == "true"


@pytest.mark.parametrize(
    "path",
    [
        "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201",
        "/entities/tct-cpdt",
        "/search?q=to%20truong",
        "/check",
    ],
)
def test_every_surface_takes_at(dated_client: TestClient, path: str) -> None:
    sep = "&" if "?" in path else "?"
    response = dated_client.get(f"{path}{sep}at=2019-12-31")
    assert response.status_code == 200, response.text
    assert response.headers["X-Orgkg-As-Of"] == "2019-12-31"


def test_an_ended_post_is_not_in_the_later_graph(dated_client: TestClient) -> None:
    query = "ASK { <https://w3id.org/orgkg/id/tct-cpdt/post/to-pho-vpcp> org:postIn ?u }"
    before = dated_client.get("/sparql", params={"query": query, "at": "2018-12-01"})
    after = dated_client.get("/sparql", params={"query": query, "at": "2019-12-31"})
    assert before.json()["boolean"] is True
    assert after.json()["boolean"] is False


def test_a_bad_at_is_400(dated_client: TestClient) -> None:
    response = dated_client.get("/queries/posts?at=31/12/2019")
    assert response.status_code == 400
    assert "at" in response.json()["error"]["message"]


def test_undated_data_has_no_as_of_header(client: TestClient) -> None:
    response = client.get("/queries/units")
    assert "X-Orgkg-As-Of" not in response.headers
