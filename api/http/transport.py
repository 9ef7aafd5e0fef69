"""uvicorn's HTTP protocol with the API's error shape for requests it cannot parse.

uvicorn answers a request its parser (httptools) refuses, before any app
code runs, with a plain-text ``400 Invalid HTTP request received.``. The
commonest cause is a URL longer than the parser reads (about 80 KB: a long
SPARQL query sent by GET). This protocol answers such a request with the
one JSON error shape instead: ``414`` (``uri-too-long``) when the URL read
so far is long, else ``400`` (``bad-request``).
"""

from __future__ import annotations

import json

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# Past this many bytes of URL, a refused request is taken to be refused for its length.
LONG_URL_BYTES = 8 * 1024
_REASONS = {400: b"Bad Request", 414: b"URI Too Long"}


class JsonErrorHttpToolsProtocol(HttpToolsProtocol):
    """:class:`HttpToolsProtocol` answering unparsable requests with a JSON error."""

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
