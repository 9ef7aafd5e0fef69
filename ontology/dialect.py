"""What a remote SPARQL server needs beside standard SPARQL, found by asking it once.

The catalogue is written in standard SPARQL 1.1 and gives the same rows on
every conforming engine. OpenLink Virtuoso 7 (Debian's
``virtuoso-opensource``) is not one: its optimiser reorders the joins of a
query whose sub-select holds a UNION and whose OPTIONALs bind labels under
GROUP BY, and then pairs each row with the wrong sub-select row
(docs/servers.md has the minimal query). Its own pragma
``define sql:select-option "order"`` makes it join in the written order,
which is the standard's; it is sent to Virtuoso only, recognised by the
``Server`` header of its answer to ``ASK {}``.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from ontology.errors import StoreError
from ontology.sparql import read_sparql

_PROBE_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Dialect:
    """A server family and the lines a query must start with there."""

    name: str
    preamble: str = ""

    def prepare(self, query: str, prefixes: dict[str, str]) -> str:
        """``query`` after this server's preamble and then the PREFIX lines (Virtuoso's order)."""
        declared = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())
        return f"{self.preamble}{declared}{query}"


STANDARD = Dialect("standard")
VIRTUOSO = Dialect("virtuoso", preamble='define sql:select-option "order"\n')


def dialect_of(server: str) -> Dialect:
    """The dialect a ``Server`` header names (anything but Virtuoso is standard).

    >>> dialect_of("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu").name
    'virtuoso'
    >>> dialect_of("Oxigraph/0.5.13").name
    'standard'
    """
    return VIRTUOSO if server.lower().startswith("virtuoso/") else STANDARD


def probe_dialect(endpoint: str) -> Dialect:
    """Ask ``endpoint`` a trivial query and tell its dialect from its ``Server`` header."""
    query = urllib.parse.urlencode({"query": read_sparql("probe")})
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=_PROBE_TIMEOUT_S) as response:
            return dialect_of(response.headers.get("Server", ""))
    except urllib.error.HTTPError as error:  # it answered: its header still names it
        return dialect_of(error.headers.get("Server", ""))
    except OSError as exc:
        raise StoreError(f"the SPARQL endpoint {endpoint} does not answer: {exc}") from exc
