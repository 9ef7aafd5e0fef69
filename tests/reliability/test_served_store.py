"""A built store (``orgkg load --into``) under the service: never written, and shareable.

Issue 19 section 2: a store opened by the server is read-only (every way a
client could try to write is refused, and the folder is byte-for-byte what
the build left), and two servers on one store both serve it. A rebuild
while a server has the store open is refused (the server would go on
answering from the files it opened), and a store being rebuilt is not
opened half-way. The SIGKILL
half-way through ``orgkg load --into`` is
``tests/ontology/test_persistent_store.py::test_a_build_killed_half_way_leaves_the_old_store``.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ontology import BUNDLED
from ontology.loader import build_store, open_built
from ontology.persistent import LOCK
from ontology.store_oxigraph import OxigraphStore
from tests.reliability.support import assert_clean_failure, make_client, run_orgkg, served

INSERT = "INSERT DATA { <urn:orgkg:x> <urn:orgkg:y> <urn:orgkg:z> }"
WRITTEN = "ASK { <urn:orgkg:x> ?p ?o }"
# Every way a client could try to write through the service, and the status it gets.
WRITES: list[tuple[str, str, dict[str, str], str, int]] = [
    ("POST", "/sparql", {"content-type": "application/sparql-update"}, INSERT, 400),
    (
        "POST",
        "/sparql",
        {"content-type": "application/x-www-form-urlencoded"},
        f"update={INSERT}",
        400,
    ),
    ("POST", "/sparql", {"content-type": "application/sparql-query"}, INSERT, 400),
    (
        "POST",
        "/sparql",
        {"content-type": "application/x-www-form-urlencoded"},
        f"query={INSERT}",
        400,
    ),
    ("PUT", "/sparql", {"content-type": "text/turtle"}, "<urn:orgkg:x> <urn:orgkg:y> 1 .", 405),
    ("DELETE", "/sparql", {}, "", 405),
    ("PATCH", "/sparql", {}, INSERT, 405),
    (
        "POST",
        "/queries/posts",
        {"content-type": "text/turtle"},
        "<urn:orgkg:x> <urn:orgkg:y> 1 .",
        405,
    ),
    ("PUT", "/entities/x", {"content-type": "text/turtle"}, "<urn:orgkg:x> <urn:orgkg:y> 1 .", 405),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served") / "store"
    build_store([BUNDLED], folder)
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file of the store folder with its size and modification time."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def snapshot(store: Path) -> Iterator[dict[str, tuple[int, int]]]:
    before = _snapshot(store)
    yield before
    assert _snapshot(store) == before, "the served store's folder changed"


def test_every_write_through_the_service_is_refused(
    store: Path, snapshot: dict[str, tuple[int, int]]
) -> None:
    with make_client(store=f"oxigraph:{store}", data=(BUNDLED,)) as client:
        for method, path, headers, body, status in WRITES:
            response = client.request(method, path, headers=headers, content=body.encode())
            assert response.status_code == status, (method, path, headers, response.text[:300])
        asked = client.get(
            "/sparql", params={"query": WRITTEN}, headers={"accept": "application/json"}
        )
        assert asked.status_code == 200
        assert asked.json()["boolean"] is False, "a write reached the store"
        refused = client.post(
            "/sparql",
            content=INSERT.encode(),
            headers={"content-type": "application/sparql-update"},
        )
        assert refused.json()["error"]["code"] == "forbidden-query"
        assert "read-only" in refused.json()["error"]["message"]


def test_the_store_is_opened_read_only_by_the_engine_itself(
    store: Path, snapshot: dict[str, tuple[int, int]]
) -> None:
    """Below the routes too: the database handle the service gets cannot write."""
    opened = open_built(store)
    assert isinstance(opened, OxigraphStore)
    with pytest.raises(RuntimeError, match="read-write"):
        opened.native.update(INSERT)
    assert not opened.ask(WRITTEN)


@pytest.mark.server
def test_two_servers_serve_one_store(store: Path, snapshot: dict[str, tuple[int, int]]) -> None:
    engine = f"oxigraph:{store}"
    with (
        served(store=engine, data=[BUNDLED]) as first,
        served(store=engine, data=[BUNDLED]) as second,
    ):
        answers = []
        for base in (first, second, first):
            response = httpx.get(
                f"{base}/queries/posts", headers={"accept": "text/csv"}, timeout=30
            )
            assert response.status_code == 200, response.text[:300]
            answers.append(response.text)
            count = httpx.get(
                f"{base}/sparql",
                params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                headers={"accept": "text/csv"},
                timeout=30,
            )
            assert count.status_code == 200
            answers.append(count.text)
        assert answers[0:2] == answers[2:4] == answers[4:6], "the two servers answer alike"
        assert len(answers[0].splitlines()) > 10


@pytest.mark.server
def test_a_rebuild_is_refused_while_a_server_has_the_store_open(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store([BUNDLED], store)
    before = _snapshot(store)
    rebuild = ["load", str(BUNDLED), "--into", str(store), "--force"]
    with served(store=f"oxigraph:{store}", data=[BUNDLED]) as base:
        refused = run_orgkg(rebuild)
        message = assert_clean_failure(refused)
        assert f"the store at {store} is open in another orgkg process" in message
        assert _snapshot(store) == before
        assert not store.with_name("store.tmp").exists()
        assert httpx.get(f"{base}/queries/posts", timeout=30).status_code == 200
    # The server gone, its lock went with it: the same rebuild now runs.
    assert run_orgkg(rebuild).returncode == 0


def test_a_store_being_rebuilt_is_not_opened(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store([BUNDLED], store)
    # Another process holds the rebuild's exclusive lock (as orgkg load --into does).
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys; d = os.open(sys.argv[1], os.O_RDWR); "
            "fcntl.lockf(d, fcntl.LOCK_EX); print('locked', flush=True); sys.stdin.read()",
            str(store / LOCK),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        opened = run_orgkg(["--store", f"oxigraph:{store}", "query", "posts"])
        message = assert_clean_failure(opened)
        assert f"the store at {store} is being rebuilt" in message
        assert opened.stdout == ""
    finally:
        holder.communicate("", timeout=30)  # our own child: it ends when its stdin closes
    assert run_orgkg(["--store", f"oxigraph:{store}", "query", "posts"]).returncode == 0
