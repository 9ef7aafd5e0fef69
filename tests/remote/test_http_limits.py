"""What a real ``orgkg serve`` answers to requests uvicorn itself refuses.

Sent over a plain socket: HTTP clients refuse to send such URLs themselves.
"""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.server


def raw_get(base: str, target: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of ``GET target`` sent as raw bytes."""
    address = urlsplit(base)
    with socket.create_connection((address.hostname or "", address.port or 80), timeout=30) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


@pytest.mark.parametrize("length", [70_000, 120_000])
def test_an_over_long_url_gets_a_json_414(orgkg_base: str, length: int) -> None:
    status, headers, body = raw_get(orgkg_base, f"/search?q={'a' * length}")
    assert status == 414
    assert headers["content-type"] == "application/json"
    error = json.loads(body)["error"]
    assert error["code"] == "uri-too-long" and "POST" in error["message"]


def test_a_long_url_the_parser_reads_reaches_the_app(orgkg_base: str) -> None:
    status, _headers, body = raw_get(orgkg_base, f"/search?q={'a' * 20_000}")
    assert status == 422
    assert json.loads(body)["error"]["code"] == "invalid-request"


def test_a_request_line_that_is_not_http_gets_a_json_400(orgkg_base: str) -> None:
    status, _headers, body = raw_get(orgkg_base, "/ BROKEN")
    assert status == 400
    assert json.loads(body)["error"]["code"] == "bad-request"
