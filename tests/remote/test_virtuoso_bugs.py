"""The Virtuoso bugs docs/servers.md describes are still there, and are Virtuoso's alone.

Each bug is a minimal query and minimal data in ``tests/remote/virtuoso/bugs``
(``N.rq``, ``N.ttl``). Both are loaded into a graph of their own on a fresh
Virtuoso 7 and on Oxigraph's server, and asked with ``default-graph-uri``:
Virtuoso must still give the wrong answer the documentation shows (the day a
release fixes one, this fails and the doc and the catalogue's workaround can
go), Oxigraph the answer the standard gives. The documentation must quote
each query as it is in its file, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.remote.conftest import running_virtuoso

pytestmark = pytest.mark.server

BUGS_DIR = Path(__file__).resolve().parent / "virtuoso" / "bugs"
DOC = Path(__file__).resolve().parents[2] / "docs" / "servers.md"
EX = "http://example.org/"
Rows = set[tuple[str, ...]]


@dataclass(frozen=True)
class Bug:
    """A Virtuoso bug: its number in docs/servers.md and the two answers to its query."""

    number: int
    right: Rows
    virtuoso: Rows

    @property
    def graph(self) -> str:
        return f"urn:orgkg:bug:{self.number}"

    def data(self) -> bytes:
        return (BUGS_DIR / f"{self.number}.ttl").read_bytes()

    def query(self) -> str:
        """The query without its comment lines (the form the documentation quotes)."""
        text = (BUGS_DIR / f"{self.number}.rq").read_text(encoding="utf-8")
        return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


BUGS = (
    Bug(
        6,
        right={(f"{EX}unit", ""), (f"{EX}org", f"{EX}post")},
        virtuoso={(f"{EX}unit", ""), (f"{EX}org", "")},
    ),
    Bug(
        7,
        right={(f"{EX}duty1",), (f"{EX}duty2",), (f"{EX}duty3",)},
        virtuoso={(f"{EX}duty1",)},
    ),
)


def answer(endpoint: str, bug: Bug) -> Rows:
    """The rows ``endpoint`` answers to the bug's query over the bug's graph alone."""
    form = {"query": bug.query(), "default-graph-uri": bug.graph}
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode(form).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        results = json.loads(response.read())
    names = results["head"]["vars"]
    return {
        tuple(row[name]["value"] if name in row else "" for name in names)
        for row in results["results"]["bindings"]
    }


@pytest.fixture(scope="module")
def virtuoso_bugs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Virtuoso of its own (the bugs' graphs stay out of the catalogue's server)."""
    files = {f"{bug.number}.ttl": bug.data() for bug in BUGS}
    load = "DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0); " + " ".join(
        f"DB.DBA.TTLP(file_to_string('{bug.number}.ttl'), '', '{bug.graph}'); "
        f"DB.DBA.RDF_GRAPH_USER_PERMS_SET('{bug.graph}', 'nobody', 1);"
        for bug in BUGS
    )
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso-bugs"), files, load) as endpoint:
        yield endpoint


@pytest.fixture(scope="module")
def oxigraph_bugs(oxigraph_base: str) -> str:
    """Oxigraph's server with each bug's data in a named graph; its query endpoint."""
    for bug in BUGS:
        graph = urllib.parse.quote(bug.graph, safe="")
        request = urllib.request.Request(
            f"{oxigraph_base}/store?graph={graph}",
            data=bug.data(),
            method="POST",
            headers={"Content-Type": "text/turtle"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status in (200, 201, 204)
    return f"{oxigraph_base}/query"


@pytest.mark.parametrize("bug", BUGS, ids=lambda bug: f"bug-{bug.number}")
def test_virtuoso_still_answers_as_documented(virtuoso_bugs: str, bug: Bug) -> None:
    assert answer(virtuoso_bugs, bug) == bug.virtuoso


@pytest.mark.parametrize("bug", BUGS, ids=lambda bug: f"bug-{bug.number}")
def test_oxigraph_answers_what_the_standard_says(oxigraph_bugs: str, bug: Bug) -> None:
    assert answer(oxigraph_bugs, bug) == bug.right


@pytest.mark.parametrize("bug", BUGS, ids=lambda bug: f"bug-{bug.number}")
def test_the_documentation_quotes_the_tested_query(bug: Bug) -> None:
    doc = DOC.read_text(encoding="utf-8")
    section = re.search(rf"^### {bug.number}\. .*?(?=^### |^## )", doc, re.MULTILINE | re.DOTALL)
    assert section is not None, f"docs/servers.md has no section '### {bug.number}.'"
    assert f"```sparql\n{bug.query()}\n```" in section.group(0)
