"""A bug in a job: a 500 with the one JSON error shape, the traceback in the log, the worker kept.

The worker's ``except Exception`` (api.runtime.zygote) is the service's last
line of defence against an error no one planned for. Through the real HTTP
app and its forked pool: the client sees only the generic JSON error (no
detail of the bug), the worker logs the traceback, and the same worker
process answers the next request (it is neither killed nor replaced). An
answer that cannot be pickled back is such a bug too (it used to end the
worker and read as 503 ``query-out-of-memory``).
"""

from __future__ import annotations

import logging
import os
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import Request

from api.http.app import create_app
from api.runtime.jobs import Job
from api.runtime.service import Service
from api.runtime.settings import Settings
from ontology import Store

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


# Jobs are module-level functions: the worker finds them by reference.
def fail_job(context: object) -> bytes:
    raise RuntimeError("secret internal detail")


def pid_job(context: object) -> int:
    return os.getpid()


def lock_job(context: object) -> threading.Lock:
    """A bug of another kind: an answer that cannot be pickled back to the server."""
    return threading.Lock()


FAIL = Job(run=fail_job)
UNSENDABLE = Job(run=lock_job)
WORKER_PID = Job(run=pid_job)


@pytest.fixture(scope="module")
def worker_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A file the workers log to: the handler is in place before they are forked."""
    path = tmp_path_factory.mktemp("log") / "workers.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    logger = logging.getLogger("api.runtime")
    logger.addHandler(handler)
    yield path
    logger.removeHandler(handler)
    handler.close()


@pytest.fixture(scope="module")
def client(store: Store, worker_log: Path) -> Iterator[TestClient]:
    """One worker per lane, so every job below meets the same worker process."""
    settings = Settings(
        query_timeout=5.0, workers=1, sparql_workers=1, long_workers=1, warm_up=False
    )
    app = create_app(settings, store=store)

    @app.get("/test/fail")
    async def fail(request: Request) -> bytes:
        service: Service = request.app.state.service
        return await service.run(FAIL)

    @app.get("/test/unsendable")
    async def unsendable(request: Request) -> None:
        service: Service = request.app.state.service
        await service.run(UNSENDABLE)

    @app.get("/test/pid")
    async def pid(request: Request) -> int:
        service: Service = request.app.state.service
        return await service.run(WORKER_PID)

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.mark.parametrize("bug", ["/test/fail", "/test/unsendable"])
def test_a_bug_in_a_worker_is_a_500_with_the_json_error(client: TestClient, bug: str) -> None:
    response = client.get(bug)
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal-error", "message": "internal error; see the server log"}
    }
    assert "secret" not in response.text


def test_the_worker_logs_the_traceback(client: TestClient, worker_log: Path) -> None:
    client.get("/test/fail")
    logged = worker_log.read_text(encoding="utf-8")
    assert "query job fail_job failed" in logged
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: secret internal detail" in logged


def test_an_answer_that_cannot_be_sent_is_logged(client: TestClient, worker_log: Path) -> None:
    client.get("/test/unsendable")
    logged = worker_log.read_text(encoding="utf-8")
    assert "query job lock_job answered what cannot be sent" in logged
    assert "cannot pickle" in logged


@pytest.mark.parametrize("bug", ["/test/fail", "/test/unsendable"])
def test_the_same_worker_answers_after_the_bug(client: TestClient, bug: str) -> None:
    before = client.get("/test/pid").json()
    assert client.get(bug).status_code == 500
    after = client.get("/test/pid").json()
    assert isinstance(before, int)
    assert before != os.getpid()
    assert after == before
