"""Answers and searches in the format the client asks for: JSON, CSV or an Excel sheet."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from fastapi.testclient import TestClient

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/csv", "text/csv"),
        ("application/json", "application/sparql-results+json"),
        (XLSX, XLSX),
    ],
)
def test_search_follows_accept(client: TestClient, accept: str, media: str) -> None:
    response = client.get("/search", params={"q": "to truong"}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


def test_search_csv_has_the_rows_of_json(client: TestClient) -> None:
    as_json = client.get("/search", params={"q": "to truong"}).json()
    as_csv = client.get("/search", params={"q": "to truong"}, headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [r["entity"] for r in rows] == [
        b["entity"]["value"] for b in as_json["results"]["bindings"]
    ]


def test_search_refuses_a_type_it_cannot_write(client: TestClient) -> None:
    response = client.get("/search", params={"q": "to truong"}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.json()["error"]["code"] == "not-acceptable"


@pytest.mark.parametrize("asked", [{"params": {"format": "xlsx"}}, {"headers": {"Accept": XLSX}}])
def test_an_answer_as_an_excel_sheet(client: TestClient, asked: dict[str, dict[str, str]]) -> None:
    """By name or by media type, a question's sheet has one row per row and human headers."""
    params = {"lang": "en", **asked.get("params", {})}
    response = client.get("/queries/units", params=params, headers=asked.get("headers", {}))
    assert response.status_code == 200
    assert response.headers["content-type"] == XLSX
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    as_json = client.get("/queries/units", params={"lang": "en"}).json()
    assert header[0] == "Unit" and "unit" not in header
    assert sheet.max_row == len(as_json["results"]["bindings"]) + 1


def test_a_select_over_sparql_as_an_excel_sheet(client: TestClient) -> None:
    query = "SELECT ?post WHERE { ?post a org:Post }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": XLSX})
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    ask = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": XLSX})
    assert ask.status_code == 406
