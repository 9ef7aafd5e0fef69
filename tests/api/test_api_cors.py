"""Pages on other origins (YASGUI, notebooks) may read the API's answers.

What a browser checks, request by request: the answer names the origin as
allowed, a preflight for a POST of ``application/sparql-query`` is granted,
the headers a client reads beside the body are exposed; ``ORGKG_CORS``
narrows the origins or turns it off, a refused preflight is the API's JSON
error, and a value that is not an origin is refused at start.
(tests/browser/test_yasgui.py runs YASGUI itself against a served app.)
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.runtime.settings import Settings
from ontology.errors import SettingError
from tests.api.conftest import make_client

EDITOR = "http://127.0.0.1:3000"
PREFLIGHT = {
    "Origin": EDITOR,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type",
}


def test_a_query_answer_is_readable_from_another_origin(client: TestClient) -> None:
    response = client.get(
        "/sparql",
        params={"query": "ASK { ?s ?p ?o }"},
        headers={"Origin": EDITOR, "Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers
    exposed = response.headers["access-control-expose-headers"].lower()
    assert "x-orgkg-truncated" in exposed and "retry-after" in exposed


def test_an_error_is_readable_too(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELEC nothing"}, headers={"Origin": EDITOR})
    assert response.status_code == 400
    assert response.headers["access-control-allow-origin"] == "*"
    assert "error" in response.json()


def test_a_preflight_for_a_sparql_query_post_is_granted(client: TestClient) -> None:
    response = client.options("/sparql", headers=PREFLIGHT)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()
    answer = client.post(
        "/sparql",
        content="ASK { ?s ?p ?o }",
        headers={"Origin": EDITOR, "Content-Type": "application/sparql-query"},
    )
    assert answer.status_code == 200 and answer.headers["access-control-allow-origin"] == "*"


def test_named_origins_only_and_a_refusal_in_the_error_shape() -> None:
    app_client = make_client(Settings(cors=f"{EDITOR}, https://yasgui.example/"))
    granted = app_client.options("/sparql", headers=PREFLIGHT)
    assert granted.status_code == 200
    assert granted.headers["access-control-allow-origin"] == EDITOR
    refused = app_client.options("/sparql", headers={**PREFLIGHT, "Origin": "https://evil.test"})
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["code"] == "cors-refused" and "https://evil.test" in error["message"]


def test_none_turns_it_off() -> None:
    app_client = make_client(Settings(cors="none"))
    response = app_client.options("/sparql", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize("value", ["yasgui.example", "ftp://host", "*, localhost"])
def test_a_value_that_is_not_an_origin_is_refused_naming_the_setting(value: str) -> None:
    with pytest.raises(SettingError, match="ORGKG_CORS"):
        Settings(cors=value)


def test_the_environment_variable_is_read() -> None:
    assert Settings.from_env({"ORGKG_CORS": "none"}).cors == "none"
