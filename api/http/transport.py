"""uvicorn's HTTP protocol with the API's error shape for requests it cannot parse.

uvicorn answers a request its parser (httptools) refuses, before any app
code runs, with a plain-text ``400 Invalid HTTP request received.``. The
commonest cause is a URL longer than the parser reads (about 80 KB: a long
SPARQL query sent by GET). This protocol answers such a request with the
one JSON error shape instead: ``414`` (``uri-too-long``) when the URL read
so far is long, else ``400`` (``bad-request``).

It also answers a request that offers an upgrade to HTTP/2 (``Connection:
Upgrade``, ``Upgrade: h2c``), as Java's HTTP client does on every request
(Jena's ``rsparql --post``, Spring's RestClient), as plain HTTP/1.1 with its
body: RFC 9110 7.8 lets a server ignore the offer, but httptools stops at the
end of the headers and uvicorn hands the app an empty body (uvicorn issue
#2722). The body (``Content-Length``; a chunked one is not recovered) is read
past the headers and given to the request, and a fresh parser reads the
next request on the connection.
"""

from __future__ import annotations

import json
from typing import Any

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# Past this many bytes of URL, a refused request is taken to be refused for its length.
LONG_URL_BYTES = 8 * 1024
_REASONS = {400: b"Bad Request", 414: b"URI Too Long"}


class JsonErrorHttpToolsProtocol(HttpToolsProtocol):
    """:class:`HttpToolsProtocol` answering unparsable requests with a JSON error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Bytes of a request body still to come after an ignored upgrade offer.
        self._body_left = 0

    def data_received(self, data: bytes) -> None:
        if self._body_left:
            data = self._take_body(data)
            if not data:
                return
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            message = "Invalid HTTP request received."
            self.logger.warning(message)
            self.send_400_response(message)
        except httptools.HttpParserUpgrade as upgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._ignore_upgrade(data[int(upgrade.args[0]) :])

    def _ignore_upgrade(self, rest: bytes) -> None:
        """Go on in HTTP/1.1: the body after the headers goes to the request.

        httptools has already called the request complete with no body, in
        this same call, so the app has not read it yet: the request is told
        more body is coming, and is given it as it arrives.
        """
        self.parser = httptools.HttpRequestParser(self)
        length = dict(self.headers).get(b"content-length", b"0")
        self._body_left = int(length) if length.isdigit() else 0
        if self._body_left and not self.cycle.response_complete:
            self.cycle.more_body = True
            self.cycle.message_event.clear()
        else:
            self._body_left = 0
        if rest:
            self.data_received(rest)

    def _take_body(self, data: bytes) -> bytes:
        """Give the request its next body bytes; return what follows the body."""
        body, rest = data[: self._body_left], data[self._body_left :]
        self._body_left -= len(body)
        self.cycle.body += body
        if not self._body_left:
            self.cycle.more_body = False
        self.cycle.message_event.set()
        return rest

    def send_400_response(self, msg: str) -> None:
        url = getattr(self, "url", b"") or b""
        if len(url) >= LONG_URL_BYTES:
            status, code = 414, "uri-too-long"
            message = (
                f"the URL is longer than the server reads ({len(url)}+ bytes); "
                "send a long SPARQL query by POST (application/sparql-query)"
            )
        else:
            status, code, message = 400, "bad-request", f"invalid HTTP request: {msg}"
        body = json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")
        content = [b"HTTP/1.1 %d %s\r\n" % (status, _REASONS[status])]
        for name, value in self.server_state.default_headers:
            content.extend([name, b": ", value, b"\r\n"])
        content.extend(
            [
                b"content-type: application/json\r\n",
                b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                b"connection: close\r\n",
                b"\r\n",
                body,
            ]
        )
        self.transport.write(b"".join(content))
        self.transport.close()
