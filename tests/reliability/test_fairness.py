"""Fairness: runaway ad-hoc SPARQL never starves the catalogue, entities and search.

The service runs one ad-hoc SPARQL worker, a cap of one SPARQL query per
client and a 3 s limit. While a runaway query holds the SPARQL lane, cheap
requests that must reach a worker (a question with a parameter, an entity,
a search) are answered, and a second query from the same client is refused
at once with 429 and ``Retry-After``. No timing is asserted: the proof is
the order of events (each cheap answer arrives while the runaway query is
still running).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

import anyio
import pytest

from api.runtime.admission import ClientGate
from api.runtime.service import Service
from api.runtime.settings import Settings
from ontology.errors import SettingError, TooManyRequestsError
from tests.reliability.support import HOSTILE, make_client
from tests.reliability.test_runaway import RUNAWAY

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

LIMIT = 3.0
CHEAP = (
    "/queries/chain-of-command?from=https://w3id.org/orgkg/id/hostile/head",
    "/entities/hostile/unit",
    "/search?q=ban",
)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with make_client(
        data=(HOSTILE,),
        query_timeout=LIMIT,
        workers=1,
        sparql_workers=1,
        sparql_per_client=1,
        warm_up_wait=600.0,  # traffic only once the warm-up is done, however busy the machine
    ) as test_client:
        yield test_client


def _runaway(client: TestClient) -> int:
    status: int = client.get("/sparql", params={"query": RUNAWAY["cartesian-count"]}).status_code
    return status


def _wait_until_running(client: TestClient) -> None:
    """Until the SPARQL lane's only worker has taken the runaway query."""
    for _ in range(500):
        if client.get("/health").json()["lanes"]["sparql"]["idle"] == 0:
            return
        client.get("/health")  # a short pause that is itself a request
    pytest.fail("the runaway query never reached the SPARQL worker")


def test_cheap_requests_are_answered_while_the_sparql_lane_is_saturated(
    client: TestClient,
) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        runaway: Future[int] = pool.submit(_runaway, client)
        _wait_until_running(client)
        for path in CHEAP:
            response = client.get(path)
            assert response.status_code == 200, f"{path}: {response.text[:300]}"
            assert not runaway.done(), f"{path} was answered only after the runaway query ended"
        assert runaway.result() == 503


def test_a_second_query_from_the_same_client_gets_429_at_once(client: TestClient) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        runaway: Future[int] = pool.submit(_runaway, client)
        _wait_until_running(client)
        refused = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert not runaway.done(), "the 429 must not wait for the running query"
        assert runaway.result() == 503
    assert refused.status_code == 429, refused.text
    assert refused.json()["error"]["code"] == "too-many-requests"
    assert int(refused.headers["retry-after"]) >= LIMIT
    # Its query ended: the same client is admitted again.
    again = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert again.status_code == 200, again.text


def test_parameter_free_answers_are_ready_before_the_first_request(client: TestClient) -> None:
    service = client.app.state.service  # type: ignore[attr-defined]
    free = [q for q in service.catalogue.values() if not any(p.required for p in q.parameters)]
    # every parameter-free question, in two languages and two formats, prepared for paging
    prepared = sum(len(answer.formats) for answer in service.prepared.values())
    assert service.warmed == prepared == len(free) * 2 * 2
    before = len(service.cache)
    for question in free:
        response = client.get(f"/queries/{question.id}", params={"lang": "en", "format": "csv"})
        assert response.status_code == 200, response.text
    assert len(service.cache) == before


def test_the_cap_counts_each_client_apart_and_frees_on_the_way_out() -> None:
    gate = ClientGate(per_client=2, retry_after=2.5)
    with gate.admit("10.0.0.1"), gate.admit("10.0.0.1"), gate.admit("10.0.0.2"):
        with pytest.raises(TooManyRequestsError) as refused, gate.admit("10.0.0.1"):
            pass
        assert refused.value.retry_after == 3  # whole seconds, rounded up
        assert refused.value.http_status == 429
        assert gate.in_flight("10.0.0.2") == 1
    with pytest.raises(RuntimeError), gate.admit("10.0.0.1"):
        raise RuntimeError("a failed query frees its place too")
    assert gate.in_flight("10.0.0.1") == 0


@pytest.mark.parametrize(
    ("raw", "value"), [("0", False), ("off", False), ("1", True), ("yes", True)]
)
def test_the_warm_up_can_be_turned_off(raw: str, value: bool) -> None:
    assert Settings.from_env({"ORGKG_WARM_UP": raw}).warm_up is value


def test_a_bad_warm_up_value_names_the_variable() -> None:
    with pytest.raises(SettingError, match="ORGKG_WARM_UP='maybe'"):
        Settings.from_env({"ORGKG_WARM_UP": "maybe"})


def test_without_warm_up_nothing_is_computed_before_the_first_request() -> None:
    with make_client(data=(HOSTILE,), warm_up=False) as cold:
        service = cold.app.state.service  # type: ignore[attr-defined]
        assert service.warmed == len(service.cache) == len(service.prepared) == 0


def test_answers_over_the_prepared_budget_are_kept_whole_and_still_page() -> None:
    with make_client(data=(HOSTILE,), prepared_memory=0, warm_up_wait=600.0) as whole:
        service = whole.app.state.service  # type: ignore[attr-defined]
        free = [q for q in service.catalogue.values() if not any(p.required for p in q.parameters)]
        assert not service.prepared
        assert service.warmed == len(service.cache) == len(free) * 2 * 2
        everything = whole.get("/queries/units").json()["results"]["bindings"]
        page = whole.get("/queries/units?limit=1&offset=1")
        assert page.status_code == 200, page.text
        assert page.json()["results"]["bindings"] == everything[1:2]


def test_a_long_warm_up_does_not_hold_back_the_first_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After ``warm_up_wait`` the service answers while its warm-up goes on; /health says so."""
    release = threading.Event()

    async def slow_warm(service: Service, serving: anyio.Event | None = None) -> int:
        service.warm_up_total, service.warm_up_running = 1, True
        try:
            while not release.is_set():
                await anyio.sleep(0.01)
            service.warm_up_done = 1
        finally:
            service.warm_up_running = False
        return 0

    monkeypatch.setattr(Service, "warm", slow_warm)
    with make_client(data=(HOSTILE,), warm_up_wait=0.0) as client:
        warming = client.get("/health").json()["warm_up"]
        assert warming == {"state": "running", "done": 0, "total": 1}
        answer = client.get("/queries/units")  # computed on request meanwhile
        assert answer.status_code == 200, answer.text
        release.set()
        for _ in range(500):  # the warm-up ends once released
            warm_up = client.get("/health").json()["warm_up"]
            if warm_up["state"] != "running":
                break
        assert warm_up == {"state": "done", "done": 1, "total": 1}


def test_the_wait_for_the_warm_up_is_a_setting() -> None:
    assert Settings.from_env({"ORGKG_WARM_UP_WAIT": "0.5"}).warm_up_wait == 0.5
    with pytest.raises(SettingError, match="ORGKG_WARM_UP_WAIT='soon'"):
        Settings.from_env({"ORGKG_WARM_UP_WAIT": "soon"})
    with pytest.raises(SettingError, match="warm_up_wait must be 0 or more"):
        Settings(warm_up_wait=-1.0)


def test_an_on_disk_store_is_served_at_once_unless_the_wait_is_set() -> None:
    """An on-disk store is big by construction: its start waits for no warm-up (issue 16 §3)."""
    assert Settings().start_wait(on_disk=False) == 2.0
    assert Settings().start_wait(on_disk=True) == 0.0
    assert Settings(warm_up_wait=600.0).start_wait(on_disk=True) == 600.0
    assert Settings.from_env({"ORGKG_WARM_UP_WAIT": "0.5"}).start_wait(on_disk=False) == 0.5
