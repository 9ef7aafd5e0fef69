"""``orgkg serve`` as a subprocess on 127.0.0.1, and pages opened in chromium from it.

Each visit records what the page did: requests to other hosts (aborted),
console errors, uncaught exceptions and dialogs (an ``alert`` from injected
markup would open one), so every test can assert the page stayed offline,
quiet and inert.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.error import URLError
from urllib.parse import urlsplit

ORGKG = Path(sys.executable).parent / "orgkg"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass
class Visit:
    """One page opened from the server and what it did."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"the page tried to reach other hosts: {self.blocked}"
        assert self.errors == [], f"the page logged errors: {self.errors}"
        assert self.dialogs == [], f"the page opened dialogs: {self.dialogs}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(*data: Path) -> Iterator[str]:
    """Run ``orgkg [--data ...] serve`` until the block ends; yield its URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGKG_")}
    options = [arg for path in data for arg in ("--data", str(path))]
    process = subprocess.Popen(
        [str(ORGKG), *options, "serve", "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"orgkg serve ended with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError("orgkg serve did not answer /health within 90 s")


def open_visit(context: Any, url: str, *, ready: bool = True) -> Visit:
    """Open ``url`` in a new tab, guarding every request; wait for the page's script."""
    page = context.new_page()
    visit = Visit(page)

    def guard(route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            visit.blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def on_dialog(dialog: Any) -> None:
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.route("**/*", guard)
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.goto(url)
    if ready:
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=20_000)
    return visit
