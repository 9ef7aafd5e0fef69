"""Pages over HTTP: ``?limit=&offset=``, the total and the link to the next page."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _bindings(response: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = response.json()["results"]["bindings"]
    return rows


def test_a_question_pages_with_total_and_next_link(client: TestClient) -> None:
    whole = client.get("/queries/posts")
    assert whole.status_code == 200
    assert "Link" not in whole.headers
    first = client.get("/queries/posts?limit=4&lang=vi")
    assert first.status_code == 200
    assert _bindings(first) == _bindings(whole)[:4]
    assert first.headers["X-Orgkg-Total"] == str(len(_bindings(whole)))
    assert first.json()["head"] == whole.json()["head"]  # still plain SPARQL Results JSON
    seen = _bindings(first)
    link = first.headers["Link"]
    while link:
        assert link.endswith('>; rel="next"')
        following = client.get(link[1 : link.index(">")])
        assert following.status_code == 200
        seen.extend(_bindings(following))
        link = following.headers.get("Link", "")
    assert seen == _bindings(whole)


def test_a_csv_page_keeps_its_header(client: TestClient) -> None:
    page = client.get("/queries/units?format=csv&limit=2&offset=1")
    lines = page.text.strip().split("\r\n")
    whole = client.get("/queries/units?format=csv").text.strip().split("\r\n")
    assert lines == [whole[0], *whole[2:4]]


def test_bad_paging_is_a_422_naming_it(client: TestClient) -> None:
    for query in ("limit=0", "limit=abc", "offset=-3"):
        response = client.get(f"/queries/posts?{query}")
        assert response.status_code == 422, query
        assert query.split("=")[0] in response.text


def test_sparql_get_pages_a_select(client: TestClient) -> None:
    query = "SELECT ?post WHERE { ?post a org:Post } ORDER BY ?post"
    whole = client.get("/sparql", params={"query": query})
    page = client.get("/sparql", params={"query": query, "limit": 5, "offset": 5})
    assert page.status_code == 200
    assert _bindings(page) == _bindings(whole)[5:10]
    assert page.headers["X-Orgkg-Total"] == str(len(_bindings(whole)))
    assert "offset=10" in page.headers["Link"]


def test_sparql_post_pages_without_a_link(client: TestClient) -> None:
    query = "SELECT ?post WHERE { ?post a org:Post } ORDER BY ?post"
    page = client.post(
        "/sparql?limit=2",
        content=query,
        headers={"Content-Type": "application/sparql-query"},
    )
    assert page.status_code == 200
    assert len(_bindings(page)) == 2
    assert int(page.headers["X-Orgkg-Total"]) > 2
    assert "Link" not in page.headers


def test_pages_of_a_prepared_answer_need_no_worker(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the warm-up, any page of a parameter-free question is cut in the server."""
    service = client.app.state.service  # type: ignore[attr-defined]
    assert ("posts", "en") in service.prepared
    whole = _bindings(client.get("/queries/posts?lang=en"))

    async def no_worker(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a prepared page went to a worker")

    monkeypatch.setattr(service.pool, "run_in", no_worker)
    page = client.get("/queries/posts?lang=en&limit=3&offset=4")
    assert page.status_code == 200, page.text
    assert _bindings(page) == whole[4:7]
    assert page.headers["X-Orgkg-Total"] == str(len(whole))
    assert page.headers["Link"].startswith("</queries/posts?")
    csv_page = client.get("/queries/units?lang=en&format=csv&limit=2")
    assert csv_page.status_code == 200
    assert len(csv_page.text.strip().split("\r\n")) == 3
