"""/health, /openapi.json, /docs, / and the static assets."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.runtime.settings import Settings

ATTRIBUTE_URL = re.compile(r"""(?:src|href|action)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def local_only(html: str) -> list[str]:
    """Every URL a page loads or links that leaves the service."""
    return [url for url in ATTRIBUTE_URL.findall(html) if not url.startswith(("/", "#"))]


def test_health_reports_store_and_workers(client: TestClient, settings: Settings) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["engine"] == "oxigraph"
    assert body["triples"] > 1000
    lanes = {
        "default": settings.workers,
        "sparql": settings.sparql_workers,
        "long": settings.long_workers,
    }
    assert body["lanes"] == {
        name: {"size": size, "alive": size, "idle": size} for name, size in lanes.items()
    }
    total = sum(lanes.values())
    assert body["workers"] == {"size": total, "alive": total, "idle": total}
    assert body["query_timeout"] == settings.query_timeout


def test_openapi_documents_every_status_with_a_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    expected = {
        ("/queries/{question_id}", "get"): {"200", "400", "404", "406", "422", "503"},
        ("/sparql", "get"): {"200", "400", "406", "413", "415", "422", "429", "503"},
        ("/sparql", "post"): {"200", "400", "406", "413", "415", "422", "429", "503"},
        ("/entities/{entity_id}", "get"): {"200", "400", "404", "422", "503"},
        ("/search", "get"): {"200", "400", "422", "503"},
        ("/check", "get"): {"200", "422", "503"},
        ("/export/{fmt}", "get"): {"200", "404", "503"},
        ("/health", "get"): {"200", "503"},
    }
    for (path, method), statuses in expected.items():
        responses = schema["paths"][path][method]["responses"]
        assert statuses <= set(responses), (path, method, set(responses))
        for status, response in responses.items():
            if status.startswith(("4", "5")):
                content = response["content"]["application/json"]["schema"]
                assert content == {"$ref": "#/components/schemas/ErrorBody"}, (path, status)


def test_openapi_names_the_sparql_media_types(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    content = schema["paths"]["/sparql"]["get"]["responses"]["200"]["content"]
    for media in (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
        "text/turtle",
        "application/ld+json",
        "application/n-triples",
    ):
        assert media in content
    post = schema["paths"]["/sparql"]["post"]["requestBody"]["content"]
    assert {"application/sparql-query", "application/x-www-form-urlencoded"} <= set(post)


def test_docs_is_an_explorer_served_locally(client: TestClient) -> None:
    """Swagger UI from /static (vendored swagger-ui-dist), started on /openapi.json."""
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert local_only(response.text) == []
    scripts = re.findall(r'<script src="([^"]+)"', response.text)
    assert scripts == ["/static/swagger-ui/swagger-ui-bundle.js", "/static/docs.js"]
    for asset in [*scripts, "/static/swagger-ui/swagger-ui.css", "/static/swagger-ui/LICENSE"]:
        assert client.get(asset).status_code == 200, asset
    starter = client.get("/static/docs.js").text
    assert 'url: "/openapi.json"' in starter and "validatorUrl: null" in starter


def test_docs_reference_is_script_free_with_code_not_backticks(client: TestClient) -> None:
    response = client.get("/docs/reference")
    assert response.status_code == 200
    assert "/sparql" in response.text and "/queries/{question_id}" in response.text
    assert "<script" not in response.text
    assert local_only(response.text) == []
    assert "`" not in response.text and "<code>format</code>" in response.text


def test_favicon_is_an_icon(client: TestClient) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO with one image
    assert b"PNG" in response.content[:40]


@pytest.mark.parametrize("path", ["/redoc", "/docs/oauth2-redirect"])
def test_cdn_based_doc_pages_are_off(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_root_page_loads_nothing_from_elsewhere(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert local_only(response.text) == []


@pytest.mark.parametrize(
    "asset",
    [
        "style.css",
        "pages/pages.css",
        "pages/pages.js",
        "pages/sparql-editor.js",
        "pages/editor.bundle.js",
    ],
)
def test_static_assets_are_served(client: TestClient, asset: str) -> None:
    assert client.get(f"/static/{asset}").status_code == 200


def test_every_documented_error_uses_the_one_error_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in schema["components"]["schemas"]


def test_viewer_opens_on_an_entity(client: TestClient) -> None:
    whole = client.get("/")
    focused = client.get("/", params={"focus": "tct-cpdt/post/to-truong", "depth": 1})
    assert focused.status_code == 200
    assert focused.text != whole.text
    assert local_only(focused.text) == []
