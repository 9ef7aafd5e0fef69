"""Small pure parts of api/: negotiation, result rendering, settings, the cache, errors."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import anyio
import pytest
from fastapi.testclient import TestClient
from rdflib import BNode, Graph, Literal, URIRef

from api.http.app import create_app
from api.http.negotiation import choose, require
from api.runtime import settings as settings_module
from api.runtime.cache import ResponseCache
from api.runtime.settings import Settings
from ontology.errors import NotAcceptableError, SettingError
from queries import Answer
from queries.results import render_result

SPARQL_JSON = "application/sparql-results+json"
INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
OFFERED = [SPARQL_JSON, "application/sparql-results+xml", "text/csv"]


# -- negotiation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, SPARQL_JSON),
        ("", SPARQL_JSON),
        ("*/*", SPARQL_JSON),
        ("text/*", "text/csv"),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("text/csv;q=0, */*", SPARQL_JSON),
        ("TEXT/CSV", "text/csv"),
        ("image/png", None),
        ("text/csv;q=abc", None),
    ],
)
def test_choose(accept: str | None, chosen: str | None) -> None:
    assert choose(OFFERED, accept) == chosen


def test_require_names_what_is_offered() -> None:
    with pytest.raises(NotAcceptableError, match="text/csv") as caught:
        require(OFFERED, "image/png")
    assert caught.value.http_status == 406


# -- rendering -------------------------------------------------------------------

TRICKY = Answer(
    ("s", "o"),
    (
        (URIRef("https://example.org/a&b"), Literal('say "hi"\tthen\n<go>', lang="vi")),
        (BNode("b1"), Literal("7", datatype=INTEGER)),
        (URIRef("https://example.org/c"), None),
    ),
)


def test_xml_escapes_and_types() -> None:
    root = ET.fromstring(render_result(TRICKY, "xml").body)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    results = root.findall(f"{ns}results/{ns}result")
    assert len(results) == 3
    first = results[0].findall(f"{ns}binding")
    assert first[0].find(f"{ns}uri").text == "https://example.org/a&b"  # type: ignore[union-attr]
    literal = first[1].find(f"{ns}literal")
    assert literal is not None and literal.text == 'say "hi"\tthen\n<go>'
    assert literal.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    second = results[1].findall(f"{ns}binding")
    assert second[0].find(f"{ns}bnode") is not None
    assert second[1].find(f"{ns}literal").get("datatype") == str(INTEGER)  # type: ignore[union-attr]
    assert len(results[2].findall(f"{ns}binding")) == 1  # unbound: no binding element


def test_tsv_keeps_one_row_per_line() -> None:
    lines = render_result(TRICKY, "tsv").body.decode().splitlines()
    assert lines[0] == "?s\t?o"
    assert len(lines) == 4
    assert lines[1] == '<https://example.org/a&b>\t"say \\"hi\\"\\tthen\\n<go>"@vi'
    assert lines[2] == f'_:b1\t"7"^^<{INTEGER}>'
    assert lines[3] == "<https://example.org/c>\t"


def test_row_cap_and_byte_cap() -> None:
    many = Answer(("n",), tuple((Literal(str(i)),) for i in range(100)))
    cut = render_result(many, "json", max_rows=10)
    assert cut.truncated and len(json.loads(cut.body)["results"]["bindings"]) == 10
    small = render_result(many, "json", max_bytes=500)
    assert small.truncated and len(small.body) <= 500
    assert json.loads(small.body)["results"]["bindings"]
    whole = render_result(many, "csv", max_rows=100, max_bytes=10_000)
    assert not whole.truncated


def test_boolean_and_graph_forms() -> None:
    assert json.loads(render_result(True, "json").body) == {"head": {}, "boolean": True}
    graph = Graph()
    graph.add((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))
    assert render_result(graph).media_type.startswith("text/turtle")
    with pytest.raises(Exception, match="does not fit"):
        render_result(graph, "csv")


# -- settings --------------------------------------------------------------------


def test_settings_from_environment_then_overrides(tmp_path: Path) -> None:
    env = {
        "ORGKG_DATA": f"{tmp_path / 'a.ttl'}:{tmp_path / 'b'}",
        "ORGKG_STORE": "memory",
        "ORGKG_LANG": "en",
        "ORGKG_QUERY_TIMEOUT": "2.5",
        "ORGKG_WORKERS": "3",
    }
    settings = Settings.from_env(env, workers=5, lang=None)
    assert settings.data == (tmp_path / "a.ttl", tmp_path / "b")
    assert settings.store == "memory" and settings.lang == "en"
    assert settings.query_timeout == 2.5 and settings.workers == 5


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"ORGKG_PORT": "eighty"}, "ORGKG_PORT"),
        ({"ORGKG_LANG": "fr"}, "lang"),
        ({"ORGKG_QUERY_TIMEOUT": "0"}, "query_timeout"),
        ({"ORGKG_MAX_ROWS": "-1"}, "max_rows"),
    ],
)
def test_bad_settings_name_themselves(env: dict[str, str], name: str) -> None:
    with pytest.raises(SettingError, match=name):
        Settings.from_env(env)


def test_every_setting_is_documented() -> None:
    for field in Settings.__dataclass_fields__:
        if field != "log_level":
            assert f"ORGKG_{field.upper()}" in (settings_module.__doc__ or ""), field


# -- the cache -------------------------------------------------------------------


def test_cache_makes_once_and_skips_big_items() -> None:
    cache = ResponseCache("v1", max_item_bytes=10)
    calls: list[str] = []

    async def make(value: bytes) -> bytes:
        calls.append("made")
        return value

    async def scenario() -> None:
        assert await cache.get_or_make("a", lambda: make(b"small")) == b"small"
        assert await cache.get_or_make("a", lambda: make(b"other")) == b"small"
        await cache.get_or_make("b", lambda: make(b"x" * 100))
        await cache.get_or_make("b", lambda: make(b"x" * 100))

    anyio.run(scenario)
    assert len(calls) == 3
    assert len(cache) == 1


# -- errors ----------------------------------------------------------------------


def test_unexpected_errors_are_a_generic_500(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internal detail")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/boom")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal-error", "message": "internal error; see the server log"}
    }
    assert "secret" not in response.text


def test_wrong_method_has_the_error_shape(client: TestClient) -> None:
    response = client.post("/health")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method-not-allowed"


def test_xml_replaces_what_xml_cannot_carry() -> None:
    answer = Answer(("x",), ((Literal("bell\x07 esc\x1b ok\tnewline\n"),),))
    root = ET.fromstring(render_result(answer, "xml").body)
    literal = root.find(".//{http://www.w3.org/2005/sparql-results#}literal")
    assert literal is not None and literal.text == "bell\ufffd esc\ufffd ok\tnewline\n"
