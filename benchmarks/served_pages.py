"""First pages over HTTP on a large store: page 1 of every catalogue question, under load.

``orgkg serve`` is started on the data (a free loopback port), waits for its
warm-up (the parameter-free answers prepared), then:

1. the first request of page 1 (100 rows) of every question, each language,
   one after the other: a question with parameters reaches a worker
   uncached, a parameter-free one is cut from its prepared answer;
2. ``wrk`` (16 connections) on the same pages in turn for ``seconds``:
   the p50 and p99 of page 1 of every question (target of issue 16: p99 <=
   500 ms at 1M triples).

Run on its own: ``python -m benchmarks.served_pages --size 1M``; ``make bench``
runs it on the largest size (``python -m benchmarks.floor --http largest``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.generator import DEFAULT_SEED, OUT, ensure_dataset, parse_size
from benchmarks.loadgen import run_load
from benchmarks.service import catalogue_paths, first_answers, running_service

PAGE = 100
HTTP_PAGE_P99_MS = 500.0
# The warm-up prepares every answer under the long limit; a big store needs more.
SERVER_ENVIRONMENT = {"ORGKG_LONG_TIMEOUT": "900", "ORGKG_QUERY_TIMEOUT": "60"}
# Loading 1M triples and preparing every answer, on a shared 2-core machine.
STARTUP_S = 1800.0


def page_paths(free: list[str], with_params: list[str]) -> list[str]:
    """Page 1 of every question: the parameter-free ones in both languages."""
    paths = free + [f"{path}&lang=en" for path in with_params] + with_params
    return [f"{path}{'&' if '?' in path else '?'}limit={PAGE}" for path in paths]


def measure_served_pages(
    data: Path, samples: Mapping[str, str], *, seconds: float = 20.0
) -> dict[str, Any]:
    """First requests, then wrk, on page 1 of every question of a served ``data``."""
    with running_service([data], environment=SERVER_ENVIRONMENT, startup_s=STARTUP_S) as base:
        free, with_params = catalogue_paths(base, samples)
        paths = page_paths(free, with_params)
        first = first_answers(base, paths)
        load = run_load(base, paths, seconds)
    return {
        "data": str(data),
        "pages": len(paths),
        "first_requests": asdict(first),
        "load": asdict(load),
    }


def render(result: Mapping[str, Any]) -> str:
    first, load = result["first_requests"], result["load"]
    return "\n".join(
        [
            f"== HTTP page 1 ({PAGE} rows) of every question: {result['pages']} pages ==",
            f"first request of each: p50 {first['p50_ms']:.1f} ms, p99 {first['p99_ms']:.1f} ms, "
            f"max {first['max_ms']:.1f} ms, {first['failures']} failed",
            f"{load['tool']} {load['connections']} connections {load['duration_s']:.0f} s: "
            f"{load['rate']:.0f} req/s, p50 {load['p50_ms']:.1f} ms, p99 {load['p99_ms']:.1f} ms, "
            f"{load['failures']} failed {load['note']}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.served_pages", description=__doc__)
    parser.add_argument("--size", default="1M")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    dataset = ensure_dataset(parse_size(args.size), seed=args.seed, out=OUT)
    result = measure_served_pages(dataset.path, dataset.manifest.samples, seconds=args.seconds)
    print(render(result), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
