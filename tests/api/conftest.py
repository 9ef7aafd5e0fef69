"""Fixtures of the HTTP service tests: one app per settings, started once."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from api.http.app import create_app
from api.runtime.settings import Settings
from ontology import Store, load_regulation

# Decided once: starlette 1.10 warns at import that its TestClient will move to
# httpx2, which the project does not depend on; httpx 0.28 works as it is.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

ORGKG = Path(sys.executable).parent / "orgkg"
QUERY_TIMEOUT = 2.0
# Four query patterns over the whole store, sorted: never finishes in 2 s.
# CPU-bound and memory-light, so the time limit (not the memory cap) stops it.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


def make_client(settings: Settings) -> TestClient:
    """A client of a fresh app; use it as a context manager to run the lifespan."""
    return TestClient(create_app(settings))


@pytest.fixture(scope="session")
def settings() -> Settings:
    # warm_up_wait: traffic only once the warm-up is done, however busy the machine,
    # so that what a test sees cached does not depend on the machine's load.
    return Settings(
        query_timeout=QUERY_TIMEOUT,
        long_timeout=120,
        workers=2,
        log_level="warning",
        warm_up_wait=600.0,
    )


# Module scope: each app's worker processes end with the module that used them,
# so tests elsewhere that count child processes see none of ours.
@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with make_client(settings) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def capped_client() -> Iterator[TestClient]:
    """A service whose result caps are tiny, to see answers cut."""
    capped = Settings(
        query_timeout=QUERY_TIMEOUT,
        workers=1,
        max_rows=3,
        max_bytes=4000,
        max_query_length=200,
        log_level="warning",
        warm_up_wait=600.0,
    )
    with make_client(capped) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def store() -> Store:
    return load_regulation()


@pytest.fixture(scope="session")
def runaway_query() -> str:
    return RUNAWAY


RunOrgkg = Callable[..., "subprocess.CompletedProcess[str]"]


def run_orgkg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed ``orgkg`` script as a user would (no ORGKG_* settings)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGKG_")}
    return subprocess.run(
        [str(ORGKG), *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


@pytest.fixture(scope="session")
def orgkg() -> RunOrgkg:
    """The ``orgkg`` command as a subprocess: ``orgkg("query", "units")``."""
    return run_orgkg


@pytest.fixture(scope="session")
def orgkg_script() -> Path:
    return ORGKG
