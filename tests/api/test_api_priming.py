"""The zygote builds the networkx projections once; every worker forked after shares them."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import anyio
import pytest

from api.runtime.jobs import WorkerContext, answer_question, prime
from api.runtime.pool import WorkerPool
from ontology.errors import StoreError
from ontology.store import Store
from queries import analysis, load_catalogue

PRIMING_WAIT = 60.0  # seconds; a bound on a loaded machine, not a measured time


# Jobs and primers are module-level functions: they are pickled by reference.
def mark(context: dict[str, int]) -> None:
    context["primed_by"] = os.getpid()


def break_priming(context: dict[str, int]) -> None:
    raise StoreError("the projection cannot be built")


def primed_by(context: dict[str, int]) -> tuple[int | None, int]:
    return context.get("primed_by"), os.getpid()


def chain_without_building(context: WorkerContext, *, start: str) -> tuple[int, Any]:
    """chain-of-command answered in a worker where building a projection fails loudly."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the worker built a reporting projection")

    # Only this forked worker's module changes: it dies with the pool.
    vars(analysis)["project_reporting"] = refuse
    rendered = answer_question(
        context, question_id="chain-of-command", params={"from": start}, lang="vi", fmt="json"
    )
    return os.getpid(), json.loads(rendered.body)


@pytest.fixture
def marked_pool() -> Iterator[WorkerPool]:
    workers = WorkerPool({}, size=2, timeout=5.0, primer=mark)
    workers.start()
    yield workers
    workers.close()


def test_workers_forked_before_priming_are_renewed_with_the_primed_context(
    marked_pool: WorkerPool,
) -> None:
    assert marked_pool.wait_primed(PRIMING_WAIT)
    zygote = marked_pool.zygote_pid
    seen = {anyio.run(marked_pool.run, primed_by) for _ in range(4)}
    assert {by for by, _ in seen} == {zygote}
    assert all(worker.primed for worker in marked_pool._workers.values())
    assert marked_pool.alive == 2


def test_a_failing_primer_leaves_the_workers_answering_unprimed() -> None:
    workers = WorkerPool({}, size=1, timeout=5.0, primer=break_priming)
    workers.start()
    try:
        assert not workers.wait_primed(1.0)
        by, pid = anyio.run(workers.run, primed_by)
        assert by is None
        assert pid != os.getpid()
        assert not workers.primed
    finally:
        workers.close()


def test_a_worker_answers_chain_of_command_without_building_a_projection(store: Store) -> None:
    context = WorkerContext(
        store=store, catalogue=load_catalogue(), max_rows=10_000, max_bytes=2**24
    )
    workers = WorkerPool(context, size=1, timeout=30.0, primer=prime)
    workers.start()
    try:
        assert workers.wait_primed(PRIMING_WAIT)
        start = "nhom truyen thong"
        pid, answer = anyio.run(lambda: workers.run(chain_without_building, start=start))
        assert pid != os.getpid()
        assert len(answer["results"]["bindings"]) >= 2  # the unit, then who it reports to
    finally:
        workers.close()
