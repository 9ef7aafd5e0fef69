"""A SPARQL endpoint's HTTP error is an orgkg error naming the endpoint, not a crash.

rdflib's connector hands an HTTP error back as a tuple instead of raising;
the remote store turns a 4xx into a QueryError (the query's fault) and a 5xx
into a StoreError (the server's).
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from rdflib import Graph

from ontology.dialect import STANDARD
from ontology.errors import QueryError, StoreError
from ontology.store_remote import RemoteStore


@contextmanager
def endpoint_answering(status: int) -> Iterator[str]:
    """A local endpoint answering every POST with ``status``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"Parse error")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/sparql"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(("status", "error"), [(400, QueryError), (500, StoreError)])
def test_an_http_error_of_the_endpoint_is_a_clear_orgkg_error(
    status: int, error: type[Exception]
) -> None:
    with endpoint_answering(status) as endpoint:
        store = RemoteStore(endpoint, shapes=Graph(), version="test")
        store._dialect = STANDARD  # not probed: the endpoint answers nothing else
        with pytest.raises(error, match=f"{endpoint}.*{status}"):
            store.stream("SELECT * WHERE { ?s ?p ?o }")
