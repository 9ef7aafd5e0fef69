"""Escaping: hostile text stays text wherever it leaves orgkg.

``hostile.ttl`` is valid data whose labels and IRIs are markup, script,
spreadsheet formulas, CDATA terminators, control characters and terminal
escapes. Every output is parsed the way its consumer parses it (an HTML
parser, an XML parser, a CSV reader, a strict JSON parser, a terminal) and
the hostile text must come out as text, never as structure.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rdflib import Literal, URIRef

from graph import render_html
from ontology import Store, load_regulation
from ontology.validation import check
from queries import Answer
from tests.reliability.support import (
    HOSTILE,
    HOSTILE_CONTROL_SHAPES,
    HOSTILE_SHAPES,
    ROOT,
    make_client,
    run_orgkg,
)

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

MARKERS = ("xss-body", "xss-unit", "xss-href", "xss-iri", "xss-link", "xss-line", "xss-duty")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LABELS_QUERY = (
    "SELECT ?s ?l WHERE { ?s skos:prefLabel|skos:altLabel|rdfs:comment ?l "
    "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/orgkg/id/hostile') "
    "|| STRSTARTS(STR(?s), 'javascript:')) }"
)


@pytest.fixture(scope="module")
def store() -> Store:
    return load_regulation([HOSTILE])


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile data with its own (failing) shapes, as a regulation folder."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copy(HOSTILE, folder / "hostile.ttl")
    (folder / "shapes").mkdir()
    shutil.copy(HOSTILE_SHAPES, folder / "shapes" / "hostile.ttl")
    return folder


@pytest.fixture(scope="module")
def control_folder(hostile_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile folder plus a shape failing on a value full of control characters."""
    folder = tmp_path_factory.mktemp("hostile-control")
    shutil.copytree(hostile_folder, folder, dirs_exist_ok=True)
    shutil.copy(HOSTILE_CONTROL_SHAPES, folder / "shapes" / "control.ttl")
    return folder


@pytest.fixture(scope="module")
def client(hostile_folder: Path) -> Iterator[TestClient]:
    with make_client(data=(hostile_folder,), query_timeout=10.0) as test_client:
        yield test_client


# -- HTML ----------------------------------------------------------------------


class _Elements(HTMLParser):
    """Every element, attribute and script body of a page, as a browser tokenises it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def assert_inert_html(page: str) -> None:
    """No hostile text became an element, an attribute, a link or a script."""
    parsed = _Elements()
    parsed.feed(page)
    parsed.close()
    names = {tag for tag, _ in parsed.tags}
    assert "injected" not in names and "img" not in names, names
    for tag, attrs in parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), f"<{tag} {name}={value!r}>"
            if name in {"href", "src", "action", "formaction"} and value:
                assert not value.strip().lower().startswith("javascript:"), f"<{tag} {name}>"
            assert not any(m in (value or "") for m in MARKERS) or tag in {"meta"}, (tag, name)
    for body in parsed.scripts:
        # Hostile labels may sit in a JSON data block, but only as JSON strings.
        for marker in MARKERS:
            for found in re.finditer(re.escape(marker), body):
                before = body[: found.start()]
                assert before.count('"') % 2 == 1 or before.rfind("\\u") > -1, (
                    f"{marker} outside a string in a script"
                )
        assert "</script" not in body.lower()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_viewer_page_keeps_hostile_labels_inert(store: Store, lang: str) -> None:
    """graph.render_html: <script>, onerror, href, ]]> and javascript: IRIs stay text."""
    page = render_html(store, lang=lang)
    assert_inert_html(page)
    assert "xss-body" in page, "the hostile labels must be on the page (as text)"


def test_served_viewer_page_keeps_hostile_labels_inert(client: TestClient) -> None:
    """GET / serves the same page: inert, with a content security policy."""
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert_inert_html(response.text)
    assert "Content-Security-Policy" in response.text or "content-security-policy" in {
        k.lower() for k in response.headers
    }


@pytest.mark.parametrize("name", ["pages.js", "sparql-editor.js"])
def test_page_scripts_never_write_html(name: str) -> None:
    """The pages' scripts put answers in the page as text (textContent), never as HTML."""
    script = (ROOT / "api" / "http" / "static" / "pages" / name).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, sink


@pytest.mark.parametrize(
    "path",
    [
        "/entities/<script>alert('xss-entity')</script>",
        "/queries/<img src=x onerror=alert(1)>",
        "/export/<script>alert(1)</script>",
        "/<script>alert(1)</script>",
        "/sparql?query=<script>alert(1)</script>",
    ],
)
def test_error_answers_are_json_never_html(client: TestClient, path: str) -> None:
    """An error echoing the request is JSON, even when a browser asks for HTML."""
    response = client.get(path, headers={"Accept": "text/html,*/*;q=0.8"})
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"].startswith("application/json"), response.headers
    json.loads(response.text, strict=True)
    assert response.headers.get("x-content-type-options", "nosniff") == "nosniff"


# -- XML -----------------------------------------------------------------------


def _junit_texts(document: str) -> tuple[ET.Element, str]:
    root = ET.fromstring(document.encode("utf-8"))  # raises on any escaping slip
    text = " ".join(
        [
            *(el.text or "" for el in root.iter()),
            *(v for el in root.iter() for v in el.attrib.values()),
        ]
    )
    return root, text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_junit_report_is_well_formed_with_markup_in_messages(
    hostile_folder: Path, lang: str
) -> None:
    """Report.to_junit: messages and values holding <, &, ]]> and control characters parse back."""
    report = check(load_regulation([hostile_folder]))
    assert not report.conforms
    root, text = _junit_texts(report.to_junit(lang))  # type: ignore[arg-type]
    assert root.find(".//injected") is None
    assert "]]><injected/>" in text, "the hostile message must survive as text"
    assert "<script>alert('xss-junit')</script>" in text


def test_junit_from_the_command_line_is_well_formed(hostile_folder: Path) -> None:
    """`orgkg check --format junit` exits 1 (violations) and prints parseable XML."""
    result = run_orgkg(["--data", str(hostile_folder), "check", "--format", "junit"])
    assert result.returncode == 1, result.stderr
    root, _ = _junit_texts(result.stdout)
    assert root.find(".//injected") is None


def test_junit_from_the_service_is_well_formed(client: TestClient) -> None:
    """GET /check?format=junit is parseable XML with the hostile text as text."""
    response = client.get("/check", params={"format": "junit"})
    assert response.status_code == 200, response.text[:300]
    root, text = _junit_texts(response.text)
    assert root.find(".//injected") is None
    assert "]]><injected/>" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_junit_report_is_well_formed_with_control_characters_in_values(
    control_folder: Path, lang: str
) -> None:
    """Report.to_junit stays well-formed XML when a violating value holds control characters."""
    report = check(load_regulation([control_folder]))
    _junit_texts(report.to_junit(lang))  # type: ignore[arg-type]


def test_sparql_xml_results_are_well_formed_with_control_characters(client: TestClient) -> None:
    """/sparql format=xml stays well-formed XML when a label holds control characters."""
    response = client.get("/sparql", params={"query": LABELS_QUERY, "format": "xml"})
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.find(".//{*}injected") is None


def test_sparql_xml_results_keep_markup_as_text(client: TestClient) -> None:
    """/sparql format=xml of the markup-only labels parses, and ]]> / <script> come back as text."""
    query = LABELS_QUERY.replace("}", "FILTER(!CONTAINS(?l, 'pwned')) }", 1)
    query = query.replace(
        "?l FILTER(STRSTARTS", "?l FILTER(!REGEX(?l, '[\\\\x01-\\\\x08]')) FILTER(STRSTARTS", 1
    )
    response = client.get("/sparql", params={"query": query, "format": "xml"})
    root = ET.fromstring(response.content)
    texts = [el.text or "" for el in root.iter() if el.tag.endswith("literal")]
    assert any("]]><injected/>" in t for t in texts)
    assert any("<script>" in t for t in texts)


# -- CSV -----------------------------------------------------------------------

DANGEROUS = ["=1+1", "+1+1", "-1+1", "@SUM(1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x","y")']


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_no_formula(cells: list[str]) -> None:
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), repr(cell)


def test_answer_csv_neutralises_every_formula_start() -> None:
    """Answer.to_csv: cells starting =, +, -, @, tab or CR are prefixed so none runs."""
    answer = Answer(("v",), tuple((Literal(v),) for v in DANGEROUS))
    cells = _csv_cells(answer.to_csv())[1:]
    _assert_no_formula(cells)
    assert [c[1:] for c in cells] == DANGEROUS, "neutralised, not rewritten"


def test_answer_csv_keeps_numbers_and_iris_as_they_are() -> None:
    """Neutralising is for text: a negative number stays a number, an IRI stays an IRI."""
    answer = Answer(
        ("n", "iri"),
        ((Literal(-5), URIRef("https://w3id.org/orgkg/id/a")),),
    )
    assert _csv_cells(answer.to_csv())[2:] == ["-5", "https://w3id.org/orgkg/id/a"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/queries/posts", {}),
        ("/sparql", {"query": LABELS_QUERY, "format": "csv"}),
    ],
)
def test_served_csv_has_no_live_formula(
    client: TestClient, path: str, params: dict[str, str]
) -> None:
    """CSV from the service (Accept: text/csv, format=csv) carries the formulas neutralised."""
    response = client.get(path, params=params, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/csv")
    cells = _csv_cells(response.text)
    _assert_no_formula(cells)
    assert any("HYPERLINK" in c for c in cells)


def test_command_line_csv_has_no_live_formula() -> None:
    """`orgkg query posts --format csv` neutralises formulas like the service."""
    result = run_orgkg(["--data", str(HOSTILE), "query", "posts", "--format", "csv"])
    assert result.returncode == 0, result.stderr
    cells = _csv_cells(result.stdout)
    _assert_no_formula(cells)
    assert any("HYPERLINK" in c for c in cells)


# -- JSON ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/queries/posts", {}),
        ("/sparql", {"query": LABELS_QUERY}),
        ("/search", {"q": "script"}),
        ("/entities/hostile/person", {}),
        ("/entities/hostile/head", {}),
        ("/check", {}),
        ("/export/jsonld", {}),
    ],
)
def test_json_is_strict_and_carries_the_text_exactly(
    client: TestClient, store: Store, path: str, params: dict[str, str]
) -> None:
    """Strict JSON: no raw control character in a string, the hostile text intact."""
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text[:300]
    json.loads(response.text, strict=True)
    assert not CONTROL.search(response.text), "raw control characters in JSON"


def test_entity_json_gives_back_control_characters_exactly(client: TestClient) -> None:
    """Escaped is not stripped: the person's label with \\b, ESC and RTL marks round-trips."""
    body = json.loads(client.get("/entities/hostile/person").text, strict=True)
    assert "\x1b]0;pwned\x07\x1b[2J\u202e" in body["labels"]["vi"]


# -- terminal ------------------------------------------------------------------


def test_table_output_writes_no_control_characters_to_the_terminal() -> None:
    """`orgkg query posts` (table) shows control characters visibly, never sends them raw."""
    result = run_orgkg(["--data", str(HOSTILE), "query", "posts"])
    assert result.returncode == 0, result.stderr
    assert not CONTROL.search(result.stdout), repr(CONTROL.findall(result.stdout)[:5])


def test_check_text_writes_no_control_characters_to_the_terminal(control_folder: Path) -> None:
    """`orgkg check` (text) names hostile values without sending terminal escapes."""
    result = run_orgkg(["--data", str(control_folder), "check"])
    assert result.returncode == 1, result.stderr
    assert not CONTROL.search(result.stdout), repr(CONTROL.findall(result.stdout)[:5])
