"""A real Oxigraph SPARQL server on a loopback port, holding the bundled regulation.

The data is uploaded the way the README tells users to: the N-Triples export
of the loaded store (``orgkg export --format nt``), which carries the folded
``skos:hiddenLabel`` forms the loader derives, so search works remotely too;
then ``POST /store?default`` (SPARQL 1.1 Graph Store Protocol).

Without the ``oxigraph`` command (the ``oxigraph`` PyPI package, a test
dependency) these tests are skipped on a developer's machine and fail in CI.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.unavailable import unavailable

_STARTUP_S = 20.0


def find_command(name: str) -> str | None:
    """The venv's own copy of a console script first, then PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + _STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/", timeout=1) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError:
            return  # it answers: up
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"oxigraph serve did not answer within {_STARTUP_S:.0f} s")


@pytest.fixture(scope="session")
def oxigraph_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh, empty ``oxigraph serve`` on 127.0.0.1."""
    command = find_command("oxigraph")
    if command is None:
        message = "the oxigraph command is missing: pip install oxigraph (a test dependency)"
        unavailable(message)
    location = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    process = subprocess.Popen(
        [command, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, process)
        yield base
    finally:
        process.terminate()  # our own child, by handle
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def exported_nt() -> bytes:
    """The bundled regulation as ``orgkg export --format nt`` writes it."""
    command = find_command("orgkg")
    argv = [command] if command else [sys.executable, "-c", "from api.cli import main; main()"]
    done = subprocess.run(
        [*argv, "export", "--format", "nt"], capture_output=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout


@pytest.fixture(scope="session")
def loaded_server(oxigraph_base: str, exported_nt: bytes) -> str:
    """The server with the export uploaded; returns its SPARQL query endpoint."""
    request = urllib.request.Request(
        f"{oxigraph_base}/store?default",
        data=exported_nt,
        method="POST",
        headers={"Content-Type": "application/n-triples"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status in (200, 201, 204)
    return f"{oxigraph_base}/query"


@pytest.fixture(scope="session")
def orgkg_base() -> Iterator[str]:
    """Base URL of ``orgkg serve`` (a real uvicorn) on 127.0.0.1, serving the bundled data."""
    command = find_command("orgkg")
    argv = [command] if command else [sys.executable, "-c", "from api.cli import main; main()"]
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGKG_")}
    process = subprocess.Popen(
        [*argv, "serve", "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"orgkg serve exited with {process.returncode}")
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("orgkg serve did not start within 60 s") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()  # our own child, by handle
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


VIRTUOSO_INI = Path(__file__).resolve().parent / "virtuoso" / "virtuoso.ini"
VIRTUOSO_GRAPH = "urn:orgkg:data"
# Loaded with Virtuoso's bulk loader, then only the data graph is readable by
# the anonymous SPARQL user, so its system graphs stay out of every answer.
_VIRTUOSO_LOAD = (
    f"ld_dir('.', 'data.nt', '{VIRTUOSO_GRAPH}'); rdf_loader_run(); checkpoint; "
    "DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0); "
    f"DB.DBA.RDF_GRAPH_USER_PERMS_SET('{VIRTUOSO_GRAPH}', 'nobody', 1);"
)
_VIRTUOSO_STARTUP_S = 90.0


def _required_commands(*names: str) -> list[str]:
    """The commands' paths; a missing one skips (fails under CI=true) naming the package."""
    found = [shutil.which(name) for name in names]
    if None in found:
        missing = ", ".join(n for n, f in zip(names, found, strict=True) if f is None)
        message = f"{missing} missing: apt-get install virtuoso-opensource (.ci/run does)"
        unavailable(message)
    return [f for f in found if f is not None]


@pytest.fixture(scope="session")
def virtuoso_endpoint(
    tmp_path_factory: pytest.TempPathFactory, exported_nt: bytes
) -> Iterator[str]:
    """A throw-away Virtuoso on loopback ports, loaded with ``orgkg export --format nt``.

    Its database lives in a temporary folder, configured by the repository's
    ``tests/remote/virtuoso/virtuoso.ini``; returns its SPARQL endpoint.
    """
    folder = tmp_path_factory.mktemp("virtuoso")
    with running_virtuoso(folder, {"data.nt": exported_nt}, _VIRTUOSO_LOAD) as endpoint:
        yield endpoint


@contextmanager
def running_virtuoso(folder: Path, files: Mapping[str, bytes], load_sql: str) -> Iterator[str]:
    """Virtuoso with ``files`` in its database folder, after ``load_sql`` ran as dba.

    ``load_sql`` reads the files by their bare names (the ini allows only its
    own folder); the server is stopped on exit. Yields the SPARQL endpoint.
    """
    server, isql = _required_commands("virtuoso-t", "isql-vt")
    sql_port, http_port = free_port(), free_port()
    ini = VIRTUOSO_INI.read_text(encoding="utf-8")
    ini = ini.replace("{sql_port}", str(sql_port)).replace("{http_port}", str(http_port))
    (folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
    for name, content in files.items():
        (folder / name).write_bytes(content)
    process = subprocess.Popen(
        [server, "+foreground", "+configfile", "virtuoso.ini"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait_for_virtuoso(endpoint, process)
        loaded = subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={load_sql}"],
            capture_output=True,
            check=False,
            timeout=120,
        )
        output = (loaded.stdout + loaded.stderr).decode("utf-8", "replace")
        assert loaded.returncode == 0 and "Error" not in output, output
        yield endpoint
    finally:
        process.terminate()  # our own child, by handle
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_for_virtuoso(endpoint: str, process: subprocess.Popen[bytes]) -> None:
    probe = f"{endpoint}?query=ASK%7B%7D"
    deadline = time.monotonic() + _VIRTUOSO_STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"virtuoso did not answer within {_VIRTUOSO_STARTUP_S:.0f} s")
