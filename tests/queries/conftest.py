"""Stores for the question tests, loaded once per session and engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology import ENGINES, Store, load_regulation

DATA = Path(__file__).resolve().parent / "data"
MINISTRY = DATA / "org-only-ministry.ttl"
EX = "http://example.org/lighthouses/"
ID = "https://w3id.org/orgkg/id/"

# Parameters for the questions that need some, per dataset.
BUNDLED_PARAMS: dict[str, dict[str, str]] = {
    "chain-of-command": {"from": "Nhóm Truyền thông"},
    "history": {"entity": "Tổ trưởng Tổ công tác"},
    "provenance": {"entity": "id:vpcp"},
    "search": {"q": "to cong tac"},
    "unit-members": {"unit": "Bộ phận thường trực"},
}
MINISTRY_PARAMS: dict[str, dict[str, str]] = {
    "chain-of-command": {"from": "engineer"},
    "history": {"entity": EX + "mol"},
    "provenance": {"entity": EX + "mol"},
    "search": {"q": "vu"},
    "unit-members": {"unit": "Technical Office"},
}


@pytest.fixture(scope="session", params=ENGINES)
def bundled(request: pytest.FixtureRequest) -> Store:
    """The bundled regulation, on each engine in turn."""
    return load_regulation(engine=request.param)


@pytest.fixture(scope="session")
def bundled_ox() -> Store:
    return load_regulation()


@pytest.fixture(scope="session")
def bundled_memory() -> Store:
    return load_regulation(engine="memory")


@pytest.fixture(scope="session", params=ENGINES)
def ministry(request: pytest.FixtureRequest) -> Store:
    """The ORG-only made-up ministry (no orgkg terms), on each engine in turn."""
    return load_regulation([MINISTRY], engine=request.param)


@pytest.fixture(scope="session")
def ministry_ox() -> Store:
    return load_regulation([MINISTRY])


@pytest.fixture(scope="session")
def ministry_memory() -> Store:
    return load_regulation([MINISTRY], engine="memory")
