"""The on-disk store of issue 16 §3: built once, then opened and answering in a new process.

    python -m benchmarks.disk_store DIR      # open DIR, answer, print JSON (what floor runs)

:func:`measure_disk` builds the store from a data file or folder as
``orgkg load`` does (its reporting projection kept), then starts a fresh
interpreter that opens it read-only, answers a first page of a question that
reads part of the graph, then a page of a listing that sorts every unit (the
worst first page, read from disk), then the whole answer of the networkx
question with the biggest answer (from the kept projection), and says the
RSS right after opening. Last, ``orgkg serve`` on the store: how long until
``/health`` answers, and until a first page does.
"""

# orgkg is imported in the measuring process only, after its clock started.
# ruff: noqa: PLC0415

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.measurement import current_rss
from benchmarks.service import fetch, running_service

PAGE = 100
# What a new process answers first on the on-disk store (see open_and_answer).
FIRST_QUESTION = "ex-officio-posts"
LISTING = "units"
NETWORKX = "single-points-of-failure"  # the biggest networkx answer (31k rows at 1M)


def measure_disk(path: Path) -> dict[str, Any]:
    """Build the on-disk store of ``path`` (a file or a folder), then open it and answer."""
    from ontology.loader import build_store
    from queries.analysis import keep_projection

    with tempfile.TemporaryDirectory(prefix="orgkg-bench-") as folder:
        store_dir = Path(folder) / "store"
        kept_s: list[float] = []

        def keep(store: Any) -> None:
            started = time.perf_counter()
            keep_projection(store)
            kept_s.append(time.perf_counter() - started)

        start = time.perf_counter()
        build_store([path], store_dir, keep=keep)
        build_s = time.perf_counter() - start
        probe = subprocess.run(
            [sys.executable, "-m", "benchmarks.disk_store", str(store_dir)],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        opened: dict[str, Any] = json.loads(probe.stdout)
        start = time.perf_counter()
        with running_service(options=["--store", f"oxigraph:{store_dir}"], warm=False) as base:
            serving_s = time.perf_counter() - start
            status, _, _ = fetch(base, f"/queries/{FIRST_QUESTION}?limit={PAGE}", timeout=60)
            answered_s = time.perf_counter() - start
        if status != 200:
            raise RuntimeError(f"orgkg serve on the store answered {status}")
    return {
        "build_s": build_s,
        "keep_s": kept_s[0],
        **opened,
        "server_start_s": serving_s,
        "server_first_answer_s": answered_s,
    }


def open_and_answer(folder: Path) -> dict[str, Any]:
    """In this fresh process: open the store, answer a first question, then a listing's page.

    The first question (``ex-officio-posts``) reads a small part of the graph,
    as most first requests do; ``units`` sorts every unit of the graph.
    """
    start = time.perf_counter()
    from ontology import load_regulation
    from ontology.paging import Page
    from queries import load_catalogue
    from queries.stream import answer_rendered

    store = load_regulation(engine=f"oxigraph:{folder}")
    opened_s = time.perf_counter() - start
    rss_mb = current_rss() / 2**20
    catalogue = load_catalogue()
    first = answer_rendered(store, catalogue[FIRST_QUESTION], page=Page(limit=PAGE))
    answered_s = time.perf_counter() - start
    listing_start = time.perf_counter()
    listing = answer_rendered(store, catalogue[LISTING], page=Page(limit=PAGE))
    listing_s = time.perf_counter() - listing_start
    networkx_start = time.perf_counter()
    networkx = answer_rendered(store, catalogue[NETWORKX])
    return {
        "open_s": opened_s,
        "open_and_answer_s": answered_s,
        "rss_after_open_mb": rss_mb,
        "first_question": FIRST_QUESTION,
        "first_question_rows": first.total,
        "listing": LISTING,
        "listing_page_s": listing_s,
        "listing_rows": listing.total,
        "networkx": NETWORKX,
        "networkx_s": time.perf_counter() - networkx_start,
        "networkx_rows": networkx.total,
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m benchmarks.disk_store STORE_DIR", file=sys.stderr)
        sys.exit(2)
    print(json.dumps(open_and_answer(Path(sys.argv[1]))))
