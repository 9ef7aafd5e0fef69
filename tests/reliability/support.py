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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
BAD = DATA / "bad"
HOSTILE = DATA / "hostile.ttl"
HOSTILE_SHAPES = DATA / "hostile_shapes.ttl"
ROOT = HERE.parent.parent
ORGKG = Path(sys.executable).parent / "orgkg"

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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("http_", "https_", "HTTP"))}
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "200"
    return subprocess.run(
        [str(ORGKG), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=cwd or ROOT,
        env=env,
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
