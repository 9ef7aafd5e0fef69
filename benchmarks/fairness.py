"""Cheap requests while runaway SPARQL queries hold the service (issue 19's target).

    python -m benchmarks.fairness [--seconds 30] [--json FILE]   # make bench-fairness

Starts ``orgkg serve`` (bundled regulation unless ``--data``; default
settings, so a 10 s query limit) on a free loopback port. Four clients, each
from its own loopback address (127.0.0.2-5, so the server tells them apart),
keep four runaway SPARQL queries each in flight: 16 slots, each sending a
query that cannot finish, again as soon as the last one ended (after the
``Retry-After`` pause when refused with 429). Meanwhile one prober, from
127.0.0.1, asks in turn: a catalogue question with a parameter (never
cached), an entity page, a search, and ``/health`` between each. Targets:
cheap answers p99 <= 500 ms, ``/health`` p99 <= 50 ms, every runaway query
ended with 503 within the limit + 1 s. Loopback only; it stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from benchmarks.loadgen import ACCEPT_JSON, percentile
from benchmarks.service import bundled_samples, catalogue_paths, fetch, running_service

CLIENTS = ("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5")
PER_CLIENT = 4
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
LIMIT_S = 10.0  # the service's default query limit
TARGET_CHEAP_P99_MS = 500.0
TARGET_HEALTH_P99_MS = 50.0
_SEARCHES = ("tổ công tác", "chinh phu", "bo truong", "thu ky")


@dataclass
class Series:
    """Latencies (s) and statuses of one kind of request."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)

    def add(self, status: int, seconds: float) -> None:
        self.latencies.append(seconds)
        self.statuses[status] += 1

    def summary(self) -> dict[str, Any]:
        times = self.latencies or [0.0]
        return {
            "count": len(self.latencies),
            "p50_ms": percentile(times, 50) * 1000,
            "p99_ms": percentile(times, 99) * 1000,
            "max_ms": max(times) * 1000,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
        }


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    document = measure(data=args.data, seconds=args.seconds)
    print(render(document))
    if args.json:
        Path(args.json).write_text(json.dumps(document, indent=2), encoding="utf-8")
    return 0


def measure(*, data: Sequence[Path], seconds: float) -> dict[str, Any]:
    """Run the runaway slots and the prober for ``seconds``; their figures."""
    with running_service(data) as base:
        free, with_params = catalogue_paths(base, bundled_samples(base))
        cheap = _cheap_paths(base, with_params)
        until = time.monotonic() + seconds
        load = RunawayLoad(base, until)
        slots = [
            threading.Thread(target=load.keep_one_in_flight, args=(source,))
            for source in CLIENTS
            for _ in range(PER_CLIENT)
        ]
        for slot in slots:
            slot.start()
        time.sleep(1.0)  # every slot has sent its first query
        questions, entities, searches, health = Series(), Series(), Series(), Series()
        kinds = {"/queries/": questions, "/entities/": entities, "/search": searches}
        index = 0
        while time.monotonic() < until:
            path = cheap[index % len(cheap)]
            index += 1
            kind = next(series for prefix, series in kinds.items() if path.startswith(prefix))
            kind.add(*_timed(base, path))
            health.add(*_timed(base, "/health"))
        for slot in slots:
            slot.join()
    return {
        "seconds": seconds,
        "clients": len(CLIENTS),
        "in_flight_per_client": PER_CLIENT,
        "limit_s": LIMIT_S,
        "questions_with_parameters": questions.summary(),
        "entities": entities.summary(),
        "searches": searches.summary(),
        "health": health.summary(),
        "runaway_ended": load.ended.summary(),
        "runaway_refused_429": load.refused.summary(),
        "parameter_free_questions_warmed": len(free),
    }


def render(document: dict[str, Any]) -> str:
    """The figures, with the issue's targets."""
    lines = [
        f"Fairness: {document['clients']} clients x {document['in_flight_per_client']} runaway "
        f"SPARQL queries in flight for {document['seconds']:.0f} s (limit "
        f"{document['limit_s']:.0f} s), cheap requests probed meanwhile"
    ]
    for key in ("questions_with_parameters", "entities", "searches", "health"):
        item = document[key]
        lines.append(
            f"  {key}: {item['count']} requests, p50 {item['p50_ms']:.1f} ms, p99 "
            f"{item['p99_ms']:.1f} ms, max {item['max_ms']:.1f} ms, statuses {item['statuses']}"
        )
    ended, refused = document["runaway_ended"], document["runaway_refused_429"]
    lines.append(
        f"  runaway queries admitted: {ended['count']}, statuses {ended['statuses']}, "
        f"p50 {ended['p50_ms'] / 1000:.2f} s, max {ended['max_ms'] / 1000:.2f} s; refused "
        f"at once (429): {refused['count']}, max {refused['max_ms']:.1f} ms"
    )
    cheap_p99 = max(
        document[key]["p99_ms"] for key in ("questions_with_parameters", "entities", "searches")
    )
    cheap_ok = all(
        set(document[key]["statuses"]) == {"200"}
        for key in ("questions_with_parameters", "entities", "searches", "health")
    )
    runaway_ok = set(ended["statuses"]) <= {"503"} and ended["max_ms"] <= (LIMIT_S + 1) * 1000
    for met, text in (
        (
            cheap_ok and cheap_p99 <= TARGET_CHEAP_P99_MS,
            "questions, entities, search p99 <= 500 ms",
        ),
        (document["health"]["p99_ms"] <= TARGET_HEALTH_P99_MS, "/health p99 <= 50 ms"),
        (runaway_ok, "runaway queries end with 503 within limit + 1 s"),
    ):
        lines.append(f"  [{'met' if met else 'NOT MET'}] {text}")
    return "\n".join(lines)


def _cheap_paths(base: str, with_params: Sequence[str]) -> list[str]:
    """Parametrised questions, entity pages of the posts, searches: all reach a worker."""
    _, _, body = fetch(base, "/queries/posts", ACCEPT_JSON)
    posts = [b["post"]["value"] for b in json.loads(body)["results"]["bindings"]][:8]
    entities = [f"/entities/{quote(post, safe='')}" for post in posts]
    searches = [f"/search?{urlencode({'q': word})}" for word in _SEARCHES]
    paths: list[str] = []
    for index in range(max(len(with_params), len(entities), len(searches))):
        for group in (with_params, entities, searches):
            if group:
                paths.append(group[index % len(group)])
    return paths


@dataclass
class RunawayLoad:
    """Runaway queries kept in flight against ``base`` until ``until``, and how they ended."""

    base: str
    until: float
    ended: Series = field(default_factory=Series)
    refused: Series = field(default_factory=Series)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def keep_one_in_flight(self, source: str) -> None:
        """One slot: send a runaway query from ``source`` again each time one ends."""
        host, port = self.base.removeprefix("http://").rsplit(":", 1)
        path = "/sparql?" + urlencode({"query": RUNAWAY})
        while time.monotonic() < self.until:
            connection = http.client.HTTPConnection(
                host, int(port), timeout=LIMIT_S * 3, source_address=(source, 0)
            )
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=ACCEPT_JSON)
                response = connection.getresponse()
                response.read()
                status, retry_after = response.status, response.getheader("Retry-After")
            except (OSError, http.client.HTTPException):
                status, retry_after = 0, None
            finally:
                connection.close()
            seconds = time.perf_counter() - started
            with self.lock:
                (self.refused if status == 429 else self.ended).add(status, seconds)
            if status == 429:
                # Wait as told, but no longer than the run lasts.
                pause = min(float(retry_after or 1), max(0.0, self.until - time.monotonic()))
                time.sleep(pause)


def _timed(base: str, path: str) -> tuple[int, float]:
    try:
        status, seconds, _ = fetch(base, path, ACCEPT_JSON, timeout=30)
    except (OSError, http.client.HTTPException):
        return 0, 30.0
    return status, seconds


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fairness", description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the load lasts")
    parser.add_argument("--data", type=Path, action="append", default=[], help="data to serve")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    return parser


if __name__ == "__main__":
    sys.exit(main())
