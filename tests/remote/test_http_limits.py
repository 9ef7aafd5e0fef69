"""What a real ``orgkg serve`` answers to requests uvicorn itself refuses or mishandles.

Sent over a plain socket: HTTP clients refuse to send such URLs themselves,
and the offer of HTTP/2 that Java's client makes must be sent byte for byte.
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


H2C_OFFER = (
    "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
    "HTTP2-Settings: AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA\r\n"
)
ASK = b"ASK { ?s ?p ?o }"


def post_offering_h2c(query: bytes, *, with_body: bool) -> bytes:
    """``POST /sparql`` as Java's HTTP client sends it: with an offer of HTTP/2."""
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: test\r\n{H2C_OFFER}"
        "Content-Type: application/sparql-query;charset=utf-8\r\n"
        "Accept: application/sparql-results+json\r\n"
        f"Content-Length: {len(query)}\r\n\r\n"
    )
    return head.encode() + query if with_body else head.encode()


def read_answers(sock: socket.socket, count: int) -> list[tuple[int, bytes]]:
    """``count`` responses (status, body) read from ``sock``; each has a Content-Length."""
    buffer = b""
    answers: list[tuple[int, bytes]] = []
    while len(answers) < count:
        head_end = buffer.find(b"\r\n\r\n")
        if head_end >= 0:
            head = buffer[:head_end].decode("latin-1")
            length = int(
                next(
                    v
                    for k, _, v in (line.partition(":") for line in head.split("\r\n"))
                    if k.strip().lower() == "content-length"
                )
            )
            end = head_end + 4 + length
            if len(buffer) >= end:
                answers.append((int(head.split()[1]), buffer[head_end + 4 : end]))
                buffer = buffer[end:]
                continue
        chunk = sock.recv(65536)
        assert chunk, "the server closed the connection"
        buffer += chunk
    return answers


def test_a_post_offering_http2_is_answered_with_its_body(orgkg_base: str) -> None:
    """The offer is ignored (RFC 9110 7.8); the body, sent after the headers, is the query."""
    address = urlsplit(orgkg_base)
    with socket.create_connection((address.hostname or "", address.port or 80), timeout=30) as s:
        s.sendall(post_offering_h2c(ASK, with_body=False))
        s.sendall(ASK)  # a packet of its own, as Java's client sends it
        ((status, body),) = read_answers(s, 1)
    assert status == 200, body
    assert json.loads(body)["boolean"] is True


def test_the_connection_goes_on_after_a_post_offering_http2(orgkg_base: str) -> None:
    """The request after it on the same connection (pipelined) is read and answered too."""
    address = urlsplit(orgkg_base)
    with socket.create_connection((address.hostname or "", address.port or 80), timeout=30) as s:
        s.sendall(
            post_offering_h2c(ASK, with_body=True) + b"GET /health HTTP/1.1\r\nHost: test\r\n\r\n"
        )
        (first, first_body), (second, second_body) = read_answers(s, 2)
    assert (first, json.loads(first_body)["boolean"]) == (200, True)
    assert (second, json.loads(second_body)["status"]) == (200, "ok")
