"""Content negotiation between the pages and the data on the same routes.

A browser's default Accept gets the page; every other client gets exactly
the JSON, CSV or report it got before. The workbook parses with openpyxl.
"""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
PAGES = [
    "/queries",
    "/queries/units",
    "/queries/chain-of-command?from=nhom+truyen+thong&lang=en",
    "/entities/tct-cpdt/post/to-truong",
    "/sparql",
    "/check",
    "/outline",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_browser_gets_the_page_under_a_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path, headers=BROWSER)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "<script>" not in response.text, "no inline script"
    assert 'href="#main"' in response.text and 'id="main"' in response.text


@pytest.mark.parametrize(
    "accept", [None, "*/*", "application/json", "application/sparql-results+json"]
)
def test_programs_still_get_json(client: TestClient, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/queries/units", headers=headers)
    assert response.headers["content-type"].startswith("application/")
    assert response.json() == client.get("/queries/units?format=json").json()
    catalogue = client.get("/queries", headers=headers)
    assert isinstance(catalogue.json(), list)


def test_csv_and_the_check_report_are_unchanged(client: TestClient) -> None:
    csv_answer = client.get("/queries/units", headers={"Accept": "text/csv"})
    assert csv_answer.headers["content-type"].startswith("text/csv")
    assert csv_answer.text.splitlines()[0].startswith("unit,unitLabel")
    report = client.get("/check")
    assert report.headers["content-type"].startswith("application/json")
    assert "conforms" in report.json()
    assert (
        client.get("/check?format=text", headers=BROWSER)
        .headers["content-type"]
        .startswith("text/plain")
    )


def test_the_question_page_names_columns_and_translates_codes(client: TestClient) -> None:
    page = client.get("/queries/chain-of-command?from=nhom+truyen+thong", headers=BROWSER).text
    assert "Quan hệ" in page and "báo cáo cho" in page
    assert ">reportsTo<" not in page and ">relation<" not in page
    assert 'href="/?focus=' in page and 'href="/entities/tct-cpdt/' in page
    assert "format=xlsx" in page and "format=csv" in page
    assert "/sparql?edit=" not in page, "a networkx question has no SPARQL to edit"
    sparql_page = client.get("/queries/units", headers=BROWSER).text
    assert "/sparql?edit=" in sparql_page


def test_a_bad_parameter_is_shown_beside_the_form(client: TestClient) -> None:
    response = client.get("/queries/unit-members?unit=no+such+unit+at+all", headers=BROWSER)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text and "unit" in response.text
    assert 'value="no such unit at all"' in response.text, "the form keeps what was typed"


def test_a_question_needing_a_parameter_shows_the_form_first(client: TestClient) -> None:
    response = client.get("/queries/unit-members", headers=BROWSER)
    assert response.status_code == 200
    assert 'id="param-unit"' in response.text and "answer-table" not in response.text


def test_an_unknown_question_is_a_json_404_even_for_a_browser(client: TestClient) -> None:
    response = client.get("/queries/no-such-question", headers=BROWSER)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(("lang", "first"), [("vi", "Đơn vị"), ("en", "Unit")])
def test_the_workbook_reads_with_human_columns(client: TestClient, lang: str, first: str) -> None:
    response = client.get(f"/queries/units?format=xlsx&lang={lang}")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="units.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    answer = client.get(f"/queries/units?lang={lang}").json()
    assert len(rows) == len(answer["results"]["bindings"]) + 1
    assert rows[0][0] == first and rows[0][1] == f"{first} (IRI)"
    assert all(str(row[1]).startswith("https://") for row in rows[1:])
    numbers = [row[rows[0].index("Số chức vụ" if lang == "vi" else "Posts")] for row in rows[1:]]
    assert any(isinstance(n, int) for n in numbers), "counts are numeric cells"


def test_the_editor_opens_with_the_text_it_is_given(client: TestClient) -> None:
    text = 'SELECT * WHERE { ?s ?p "</textarea><script>alert(1)</script>" } LIMIT 1'
    page = client.get("/sparql", params={"edit": text}, headers=BROWSER).text
    assert "&lt;/textarea&gt;&lt;script&gt;" in page and "<script>alert" not in page


def test_the_check_page_quotes_the_sentence_each_result_protects(client: TestClient) -> None:
    report = client.get("/check").json()
    page = client.get("/check?lang=en", headers=BROWSER).text
    for result in report["results"]:
        assert result["message_en"] in page
        for source in result["sources"]:
            assert f"<code>{source}</code>" in page
    assert page.count("<blockquote>—</blockquote>") == 0, "every quote was found"


def test_the_outline_is_linked_from_the_navigation(client: TestClient) -> None:
    page = client.get("/queries", headers=BROWSER).text
    assert 'href="/outline?lang=vi"' in page
    outline = client.get("/outline?lang=en", headers=BROWSER).text
    assert "reports to" in outline and '<html lang="en">' in outline


def test_the_outline_follows_the_graphs_unit_filter(client: TestClient) -> None:
    unit = "https://w3id.org/orgkg/id/tct-cpdt/unit/nhom-truyen-thong"
    page = client.get("/outline", params={"unit": unit, "lang": "en"}, headers=BROWSER).text
    assert "Communications Group" in page and "Government Office" not in page
    assert "The whole organisation" in page
