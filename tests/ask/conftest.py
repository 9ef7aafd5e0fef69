"""Fixtures of the asking tests: the bundled regulation and the two other datasets."""

from __future__ import annotations

import pytest

from ontology import Store, load_regulation
from tests.ask.accuracy import DATA, ORG_ONLY


@pytest.fixture(scope="session")
def store() -> Store:
    return load_regulation()


@pytest.fixture(scope="session")
def ministry() -> Store:
    return load_regulation([ORG_ONLY])


@pytest.fixture(scope="session")
def organogram() -> Store:
    return load_regulation([DATA / "organogram.ttl"])
