"""Soak: mixed traffic at 64 connections for 10 minutes, on loopback only (make soak).

Not part of ``make test``. Starts ``orgkg serve`` (default settings: 10 s
limit, worker lanes, 2 SPARQL queries per client) on a free 127.0.0.1 port.
The connections come from eight clients, each on its own loopback address
(127.0.0.10-17), and each connection requests the whole :data:`MIX` in turn:
questions with and without parameters, entities, searches, SPARQL of every
form and several formats (GET and POST), one runaway query, exports, the
compliance report and the viewer page. After a warm-up (each route once,
then ``--warm-up`` seconds of the same load), it notes the service's memory
(server, zygote, workers), open file descriptors and processes, runs the
soak, and notes them again after the service settled.

Passes when: no transport error; no 5xx other than the designed 503s (a
query stopped at its limit, or no SPARQL worker freed up in time); memory
within 10 % of the warmed-up figure; no growth in descriptors or processes.

    .venv/bin/python tests/reliability/soak.py [--seconds 600] [--connections 64]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import psutil  # type: ignore[import-untyped]  # no stubs in the lock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # run as a script: make `tests` importable

from tests.reliability.load import service_rss, wait_until_up  # noqa: E402
from tests.reliability.support import ROOT, free_port, stop_process  # noqa: E402

CLIENTS = tuple(f"127.0.0.{n}" for n in range(10, 18))
# 503s the service gives on purpose: a query stopped at its limit, no worker in time.
DESIGNED_503 = frozenset({"query-timeout", "query-out-of-memory", "busy"})
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    accept: str = "*/*"
    body: bytes | None = None
    content_type: str | None = None


def _sparql(query: str, accept: str = _JSON) -> Request:
    return Request("GET", "/sparql?" + urlencode({"query": query}), accept)


MIX: tuple[Request, ...] = (
    Request("GET", "/health"),
    Request("GET", "/queries"),
    Request("GET", "/queries/posts", _JSON),
    Request("GET", "/queries/units?lang=en", "text/csv"),
    Request("GET", "/queries/chain-of-command?from=tct-cpdt/post/thanh-vien", _JSON),
    Request("GET", "/queries/chain-of-command?from=tct-cpdt/post/to-truong&lang=en", "text/csv"),
    Request("GET", "/queries/provenance?entity=tct-cpdt/post/to-truong", _JSON),
    Request("GET", "/queries/chain-of-command?from=no/such/post", _JSON),
    Request("GET", "/search?q=" + quote("tổ công tác")),
    Request("GET", "/search?q=bo&lang=en", "text/csv"),
    Request("GET", "/entities/tct-cpdt"),
    Request("GET", "/entities/tct-cpdt/post/to-truong?lang=en"),
    _sparql("SELECT ?s ?l WHERE { ?s skos:prefLabel ?l } ORDER BY ?l LIMIT 50"),
    _sparql("SELECT ?s ?l WHERE { ?s skos:prefLabel ?l } LIMIT 20", "text/csv"),
    _sparql("ASK { ?s a org:Post }", "application/sparql-results+xml"),
    _sparql("CONSTRUCT { ?s org:reportsTo ?o } WHERE { ?s org:reportsTo ?o }", "text/turtle"),
    _sparql("DESCRIBE <https://w3id.org/orgkg/id/tct-cpdt>", "application/n-triples"),
    Request(
        "POST",
        "/sparql",
        _JSON,
        b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "application/sparql-query",
    ),
    _sparql(RUNAWAY),
    _sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
    Request("GET", "/export/ttl"),
    Request("GET", "/export/graphml"),
    Request("GET", "/check"),
    Request("GET", "/check?format=junit"),
    Request("GET", "/"),
)


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    codes_5xx: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Footprint:
    """The service's resident memory, open descriptors and processes at one moment."""

    rss: int
    fds: int
    processes: int


def footprint(pid: int) -> Footprint:
    root = psutil.Process(pid)
    processes = [root, *root.children(recursive=True)]
    fds = 0
    for process in processes:
        try:
            fds += process.num_fds()
        except psutil.Error:
            continue  # a worker replaced between listing and reading
    return Footprint(service_rss(pid), fds, len(processes))


async def connection(
    client: httpx.AsyncClient, base: str, start: int, until: float, tally: Tally
) -> None:
    """One connection: the mix in turn until the time is up."""
    index = start
    while time.monotonic() < until:
        request = MIX[index % len(MIX)]
        index += 1
        headers = {"Accept": request.accept}
        if request.content_type:
            headers["Content-Type"] = request.content_type
        began = time.monotonic()
        try:
            response = await client.request(
                request.method, base + request.path, headers=headers, content=request.body
            )
        except httpx.HTTPError as exc:
            tally.errors[f"{type(exc).__name__} on {request.method} {request.path[:60]}"] += 1
            continue
        tally.latencies.append(time.monotonic() - began)
        tally.statuses[response.status_code] += 1
        if response.status_code >= 500:
            tally.codes_5xx[_error_code(response)] += 1


def _error_code(response: httpx.Response) -> str:
    try:
        return str(json.loads(response.content)["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return f"status-{response.status_code}"


async def run_load(base: str, seconds: float, connections: int) -> Tally:
    tally = Tally()
    per_client = max(1, connections // len(CLIENTS))
    clients = [
        httpx.AsyncClient(
            transport=httpx.AsyncHTTPTransport(
                local_address=address,
                limits=httpx.Limits(max_connections=per_client),
            ),
            timeout=60,
            trust_env=False,
        )
        for address in CLIENTS
    ]
    until = time.monotonic() + seconds
    try:
        await asyncio.gather(
            *(
                connection(clients[i % len(clients)], base, i, until, tally)
                for i in range(connections)
            )
        )
    finally:
        for client in clients:
            await client.aclose()
    return tally


def report(
    tally: Tally, seconds: float, connections: int, marks: tuple[Footprint, Footprint]
) -> bool:
    requests = sum(tally.statuses.values())
    undesigned = sum(n for code, n in tally.codes_5xx.items() if code not in DESIGNED_503)
    errors = sum(tally.errors.values())
    latencies = sorted(tally.latencies) or [0.0]
    p50 = latencies[len(latencies) // 2]
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    before, after = marks
    growth = (after.rss - before.rss) / before.rss
    ok = (
        errors == 0
        and undesigned == 0
        and abs(growth) <= 0.10
        and after.fds <= before.fds
        and after.processes <= before.processes
    )
    rows = (
        ("duration", f"{seconds:.0f} s, {connections} connections from {len(CLIENTS)} "
         f"clients, {len(MIX)} requests in turn"),
        ("requests", f"{requests:,} ({requests / seconds:,.0f}/s)"),
        ("statuses", ", ".join(f"{s}: {n:,}" for s, n in sorted(tally.statuses.items()))),
        ("5xx by code", ", ".join(f"{c}: {n:,}" for c, n in sorted(tally.codes_5xx.items()))
         or "none"),
        ("5xx other than designed 503s", str(undesigned)),
        ("transport errors", f"{errors} {dict(tally.errors) if errors else ''}".strip()),
        ("latency", f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
         f"max {latencies[-1] * 1000:.0f} ms"),
        ("service RSS", f"{before.rss / 2**20:.0f} MB after warm-up -> "
         f"{after.rss / 2**20:.0f} MB at the end ({growth:+.1%})"),
        ("open descriptors", f"{before.fds} -> {after.fds}"),
        ("processes", f"{before.processes} -> {after.processes}"),
        ("verdict", f"{'PASS' if ok else 'FAIL'} (no transport error, no undesigned 5xx, "
         "RSS within 10 %, no descriptor or process growth)"),
    )  # fmt: skip
    print("| figure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return ok


def warm_up(base: str) -> None:
    """Each request of the mix once: no 5xx but the runaway query's."""
    with httpx.Client(timeout=120, trust_env=False) as client:
        for request in MIX:
            headers = {"Accept": request.accept}
            if request.content_type:
                headers["Content-Type"] = request.content_type
            response = client.request(
                request.method, base + request.path, headers=headers, content=request.body
            )
            if response.status_code >= 500 and _error_code(response) not in DESIGNED_503:
                raise SystemExit(f"warm-up: {request.path} answered {response.status_code}")


def settled(pid: int) -> Footprint:
    """The footprint once replaced workers are back (the pool refills in the background)."""
    time.sleep(2)
    return footprint(pid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--warm-up", type=float, default=30, help="seconds of load not counted")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        # `python -m api.cli` from ROOT: the code of this checkout, whatever is installed.
        [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base, process)
        warm_up(base)
        asyncio.run(run_load(base, args.warm_up, args.connections))
        before = settled(process.pid)
        tally = asyncio.run(run_load(base, args.seconds, args.connections))
        after = settled(process.pid)
        return 0 if report(tally, args.seconds, args.connections, (before, after)) else 1
    finally:
        stop_process(process)


if __name__ == "__main__":
    sys.exit(main())
