"""Load run: 64 connections for 60 s over a mix of routes, on loopback only.

Not part of ``make test``. Starts ``orgkg serve`` on a free 127.0.0.1 port
(or uses ``--url``, which must be a loopback address), warms every route
once, notes the resident memory of the service (server, zygote and workers),
then runs a bounded asyncio client and stops by itself. Passes when there
were no transport errors, no 5xx, and the service's memory ended within 10 %
of where it started. Prints the figures as a Markdown table for LOAD.md.

    .venv/bin/python tests/reliability/load.py [--seconds 60] [--connections 64]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psutil  # type: ignore[import-untyped]  # no stubs in the lock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # run as a script: make `tests` importable

from tests.reliability.support import ROOT, free_port, stop_process  # noqa: E402

# Path and query string of each request, taken in turn by every connection.
MIX: tuple[str, ...] = (
    "/health",
    "/queries",
    "/queries/posts",
    "/queries/units",
    "/queries/reporting-lines?lang=en",
    "/queries/chain-of-command?from=tct-cpdt/post/thanh-vien",
    "/search?q=to%20cong%20tac",
    "/search?q=Bộ",
    "/entities/tct-cpdt",
    "/entities/tct-cpdt/post/to-truong",
    "/sparql?query=ASK%20%7B%20%3Fs%20a%20org%3APost%20%7D",
    "/sparql?query=SELECT%20%3Fs%20%3Fl%20WHERE%20%7B%20%3Fs%20skos%3AprefLabel%20%3Fl%20%7D%20LIMIT%2050",
    "/check",
    "/export/ttl",
    "/",
)
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)


def service_rss(pid: int) -> int:
    """Resident memory of the service: the server and every process under it."""
    root = psutil.Process(pid)
    total = 0
    for process in (root, *root.children(recursive=True)):
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue  # a worker replaced between listing and reading
    return total


async def connection(
    client: httpx.AsyncClient, base: str, start: int, until: float, tally: Tally
) -> None:
    """One connection: request the mix in turn until the time is up."""
    index = start
    while time.monotonic() < until:
        path = MIX[index % len(MIX)]
        index += 1
        began = time.monotonic()
        try:
            response = await client.get(base + path)
            await response.aread()
        except httpx.HTTPError as exc:
            tally.errors[type(exc).__name__] += 1
            continue
        tally.latencies.append(time.monotonic() - began)
        tally.statuses[response.status_code] += 1


async def run_load(base: str, seconds: float, connections: int) -> Tally:
    tally = Tally()
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=30, trust_env=False) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(
            *(connection(client, base, i, until, tally) for i in range(connections))
        )
    return tally


def warm_up(base: str) -> None:
    """Each route once, so caches are full before memory is first measured."""
    with httpx.Client(timeout=120, trust_env=False) as client:
        for path in MIX:
            response = client.get(base + path)
            if response.status_code >= 500:
                raise SystemExit(f"warm-up: {path} answered {response.status_code}")


def wait_until_up(base: str, process: subprocess.Popen[bytes] | None) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"orgkg serve exited with {process.returncode}")
        try:
            health = httpx.get(base + "/health", timeout=1, trust_env=False)
            warm_up = health.json().get("warm_up") or {} if health.status_code == 200 else {}
            if health.status_code == 200 and warm_up.get("state") != "running":
                return  # up, and warm: the warm-up may go on after the first answer
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{base} did not come up")


def report(tally: Tally, seconds: float, connections: int, rss: tuple[int, int]) -> bool:
    requests = sum(tally.statuses.values())
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    errors = sum(tally.errors.values())
    latencies = sorted(tally.latencies) or [0.0]
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    before, after = rss
    growth = (after - before) / before
    ok = errors == 0 and server_errors == 0 and abs(growth) <= 0.10
    print(f"| duration | {seconds:.0f} s, {connections} connections, {len(MIX)} routes in turn |")
    print("|---|---|")
    print(f"| requests | {requests:,} ({requests / seconds:,.0f}/s) |")
    print(f"| statuses | {', '.join(f'{s}: {n:,}' for s, n in sorted(tally.statuses.items()))} |")
    print(f"| transport errors | {errors} {dict(tally.errors) if errors else ''} |")
    print(f"| 5xx | {server_errors} |")
    slowest = latencies[-1] * 1000
    print(f"| latency | p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max {slowest:.0f} ms |")
    print(
        f"| service RSS | {before / 2**20:.0f} MB after warm-up -> {after / 2**20:.0f} MB "
        f"at the end ({growth:+.1%}) |"
    )
    print(f"| verdict | {'PASS' if ok else 'FAIL'} (0 errors, 0 5xx, RSS within 10 %) |")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--url", help="an already running service on loopback (else one is started)"
    )
    args = parser.parse_args()
    process: subprocess.Popen[bytes] | None = None
    if args.url:
        if urlsplit(args.url).hostname not in LOOPBACK:
            raise SystemExit("load runs on loopback only")
        base = args.url.rstrip("/")
    else:
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
        pid = process.pid if process else _pid_listening(base)
        warm_up(base)
        time.sleep(1)
        before = service_rss(pid)
        tally = asyncio.run(run_load(base, args.seconds, args.connections))
        time.sleep(1)
        after = service_rss(pid)
        return 0 if report(tally, args.seconds, args.connections, (before, after)) else 1
    finally:
        if process is not None:
            stop_process(process)


def _pid_listening(base: str) -> int:
    port = urlsplit(base).port
    for conn in psutil.net_connections(kind="tcp"):
        if (
            conn.laddr
            and conn.laddr.port == port
            and conn.status == psutil.CONN_LISTEN
            and conn.pid
        ):
            return int(conn.pid)
    raise SystemExit(f"no process listens on {base}")


if __name__ == "__main__":
    sys.exit(main())
