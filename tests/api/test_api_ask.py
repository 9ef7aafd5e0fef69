"""GET /ask: a question in plain words, answered as the catalogue answers it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ontology import Store
from queries import run_query

GROUP = "https://w3id.org/orgkg/id/tct-cpdt/unit/nhom-truyen-thong"


def test_ask_answers_the_chain_of_command_and_says_so(client: TestClient, store: Store) -> None:
    response = client.get("/ask", params={"q": "nhom truyen thong bao cao cho ai"})
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["question", "params", "understood", "alternatives", "answer"]
    assert body["question"] == "chain-of-command"
    assert body["params"] == {"from": GROUP}
    assert body["understood"] == "Chuỗi chỉ huy, from = Nhóm Truyền thông"
    assert "reporting-lines" in body["alternatives"]
    expected = run_query(store, "chain-of-command", {"from": GROUP}).to_json()
    assert body["answer"] == expected


def test_ask_in_english_labels_in_english(client: TestClient) -> None:
    body = client.get(
        "/ask", params={"q": "who reports to the Head of the Working Group", "lang": "en"}
    ).json()
    assert body["question"] == "reporting-lines"
    assert body["understood"] == "Reporting lines, recipient = Head of the Working Group"


def test_nothing_matching_is_422_with_the_closest_questions(client: TestClient) -> None:
    response = client.get("/ask", params={"q": "thời tiết hôm nay thế nào"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "not-understood"
    assert len(error["candidates"]) == 5
    assert {"id", "title"} <= set(error["candidates"][0])


def test_an_ambiguous_entity_is_422_naming_the_parameter_and_candidates(
    client: TestClient,
) -> None:
    response = client.get("/ask", params={"q": "Tổ phó báo cáo cho ai"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "unresolved-parameter"
    assert error["parameter"] == "from"
    assert error["question"] == "chain-of-command"
    assert sorted(c["iri"].rsplit("/", 1)[1] for c in error["candidates"]) == [
        "to-pho-bo-tttt",
        "to-pho-vpcp",
    ]


def test_hostile_text_is_inert(client: TestClient) -> None:
    response = client.get("/ask", params={"q": '<script>alert(1)</script> " } ; DROP'})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "not-understood"


def test_empty_or_overlong_text_is_refused(client: TestClient) -> None:
    assert client.get("/ask", params={"q": ""}).status_code == 422
    assert client.get("/ask", params={"q": "a" * 501}).status_code == 422
