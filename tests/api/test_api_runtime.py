"""Service.run: one runner for every job; an answer is kept only if job and store allow.

The pool is a stand-in that counts calls, so these tests fork nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
import pytest

from api.runtime.admission import ClientGate
from api.runtime.cache import ResponseCache
from api.runtime.jobs import ANSWER_QUESTION, CHECK_COMPLIANCE, Job
from api.runtime.service import Service
from api.runtime.settings import Settings
from ontology import Store, load_regulation
from queries import load_catalogue

DATA = Path(__file__).parents[1] / "ontology" / "data" / "store" / "two-posts.ttl"


class CountingPool:
    """Runs nothing: records which function ran under which limit."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    async def run_in(
        self, lane: str, long: bool, function: Callable[..., Any], **arguments: Any
    ) -> bytes:
        self.calls.append(("long" if long else "short", function.__name__))
        return b"answer"


def _service(store: Store) -> tuple[Service, CountingPool]:
    pool = CountingPool()
    service = Service(
        settings=Settings(),
        store=store,
        catalogue=load_catalogue(),
        pool=pool,  # type: ignore[arg-type]
        cache=ResponseCache(store.version, max_item_bytes=1024),
        gate=ClientGate(per_client=1, retry_after=1.0),
    )
    return service, pool


def _run_twice(service: Service, job: Job[Any], **arguments: Any) -> None:
    async def both() -> None:
        await service.run(job, **arguments)
        await service.run(job, **arguments)

    anyio.run(both)


@pytest.mark.parametrize(
    ("params", "runs"), [({}, 1), ({"from": "x"}, 2)], ids=["no-parameters", "parameters"]
)
def test_a_local_store_keeps_parameter_free_answers(params: dict[str, str], runs: int) -> None:
    service, pool = _service(load_regulation([DATA]))
    arguments = {"question_id": "posts", "params": params, "lang": "vi", "fmt": "json"}
    _run_twice(service, ANSWER_QUESTION, **arguments)
    assert pool.calls == [("short", "answer_question")] * runs


def test_a_remote_store_keeps_nothing() -> None:
    service, pool = _service(load_regulation([DATA], engine="http://127.0.0.1:9/sparql"))
    _run_twice(service, CHECK_COMPLIANCE)
    assert pool.calls == [("long", "check_compliance")] * 2
