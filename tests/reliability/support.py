"""Helpers of the reliability suite: paths, the loopback listener, running ``orgkg``.

The listener is the witness of every "no network" test: a thread accepting
on 127.0.0.1 that records each connection made to it. Hostile queries and
hostile data point at it; the tests assert it recorded nothing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from api.http.app import create_app
from api.runtime.settings import Settings

# Decided once for the suite (as tests/api does): starlette 1.10 warns that its
# TestClient will move to httpx2, which the project does not use.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
BAD = DATA / "bad"
HOSTILE = DATA / "hostile.ttl"
HOSTILE_SHAPES = DATA / "hostile_shapes.ttl"
HOSTILE_CONTROL_SHAPES = DATA / "hostile_control_shapes.ttl"
ROOT = HERE.parent.parent
ORGKG = Path(sys.executable).parent / "orgkg"

# The bad-data corpus: file, line, column, what the reason must say
CORPUS: list[tuple[str, int | None, int | None, str]] = [
    ("syntax_error.ttl", 4, 1, r"dot is expected"),
    ("undefined_prefix.ttl", 4, 5, r"prefix org: has not been declared"),
    ("ill_typed_integer.ttl", 5, 42, r'"abc" is not a valid xsd:integer'),
    ("ill_typed_date.ttl", 6, 27, r'"2018-13-45" is not a valid xsd:date'),
    ("ill_typed_date.jsonld", 4, 36, r'"2018-02-30" is not a valid xsd:date'),
    ("bad_language_tag.ttl", 3, 62, r'"@vi_VN" is not a language tag'),
    ("bad_language_tag.jsonld", 3, 92, r'"tiếng Việt" is not a language tag'),
    ("not_utf8.ttl", 2, 81, r"not UTF-8 \(byte 0xd2\)"),
    ("utf16.ttl", 1, 1, r"UTF-16, not UTF-8"),
    ("nfd.nt", 2, 81, r"not Unicode NFC"),  # .nt: kept out of the NFC checks on *.ttl
    ("empty.ttl", 1, 1, r"empty file"),
    ("blank.ttl", 1, 1, r"empty file"),
    ("comments_only.ttl", 1, 1, r"no triples"),
    ("relative_iri.ttl", 3, 44, r"relative IRI <to-truong>"),
    ("triple_term.ttl", 5, 1, r"triple terms .* not supported"),
    ("base_direction.ttl", 3, 47, r"base direction --rtl is not supported"),
    ("remote_context.jsonld", 2, 16, r'remote JSON-LD @context "https://schema.org/" is never'),
    ("broken.jsonld", 4, 1, r"Trailing commas"),
    ("unknown_format.xml", None, None, r"unknown RDF format '\.xml'"),
]

_REPLY = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
    b"Content-Length: 46\r\nConnection: close\r\n\r\n"
    b'{"head":{"vars":[]},"results":{"bindings":[]}}'
)


@dataclass
class Listener:
    """A TCP server on 127.0.0.1 that records every connection it accepts."""

    port: int
    connections: list[bytes] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def _serve(server: socket.socket, listener: Listener, stop: threading.Event) -> None:
    server.settimeout(0.1)
    while not stop.is_set():
        try:
            conn, _ = server.accept()
        except TimeoutError:
            continue
        except OSError:
            return
        with conn:
            conn.settimeout(1.0)
            try:
                listener.connections.append(conn.recv(4096) or b"<no bytes>")
                conn.sendall(_REPLY)  # answer like an endpoint, so a client would go on
            except OSError:
                listener.connections.append(b"<dropped>")


@contextmanager
def listening() -> Iterator[Listener]:
    """A loopback listener; the test asserts ``listener.connections == []``."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    witness = Listener(port=server.getsockname()[1])
    stop = threading.Event()
    thread = threading.Thread(target=_serve, args=(server, witness, stop), daemon=True)
    thread.start()
    try:
        yield witness
    finally:
        stop.set()
        thread.join(timeout=2)
        server.close()


def run_orgkg(
    args: Sequence[str], *, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run the ``orgkg`` command as a user would, capturing its output."""
    return subprocess.run(
        [str(ORGKG), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=cwd or ROOT,
        env=_quiet_env(),
        check=False,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], *, code: int = 2) -> str:
    """Exit ``code``, no traceback, a short message; returns the message."""
    output = result.stderr + result.stdout
    assert result.returncode == code, output
    assert "Traceback" not in output, output
    message = result.stderr.strip() or result.stdout.strip()
    assert message, "a failure must say why"
    return message


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def make_client(**settings: Any) -> TestClient:
    """A TestClient of a fresh app (use it in ``with``: the lifespan loads and forks).

    Small limits by default, so runaway tests finish fast and runs stay quiet.
    """
    values: dict[str, Any] = {
        "query_timeout": 2.0,
        "workers": 2,
        "log_level": "warning",
        "warm_up_wait": 600.0,  # traffic once warm, however busy the machine
    }
    values.update(settings)
    return TestClient(create_app(Settings(**values)), raise_server_exceptions=False)


@contextmanager
def served(
    *, data: Sequence[Path] = (), timeout: float = 2.0, workers: int = 2, store: str | None = None
) -> Iterator[str]:
    """Run ``orgkg serve`` on a free loopback port; yield its base URL; stop it after.

    ``store``: the ``--store`` engine (``oxigraph:DIR`` serves a built store).
    """
    port = free_port()
    args: list[str] = ["--store", store] if store else []
    for path in data:
        args += ["--data", str(path)]
    args += ["serve", "--host", "127.0.0.1", "--port", str(port)]
    args += ["--timeout", str(timeout), "--workers", str(workers)]
    process = subprocess.Popen(
        [str(ORGKG), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=_quiet_env(),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(process, base)
        yield base
    finally:
        stop_process(process)


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Ask the process we started to stop (SIGTERM), then kill it if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    if process.stderr is not None:
        process.stderr.close()


def _wait_until_up(process: subprocess.Popen[bytes], base: str, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"orgkg serve exited with {process.returncode}: {err}")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"orgkg serve did not answer on {base} within {limit} s")


def _quiet_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(NO_COLOR="1", COLUMNS="200")
    return env
