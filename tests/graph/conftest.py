"""What the graph tests share: the mixed-labels model, loaded on every engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology import ENGINES, Store, load_regulation

MIXED_LABELS = Path(__file__).parent / "data" / "labels-mixed.ttl"
EX = "http://example.org/labels/"  # the namespace of labels-mixed.ttl


@pytest.fixture(
    scope="module",
    params=[(engine, asked) for engine in ENGINES for asked in (False, True)],
    ids=lambda param: f"{param[0]}-{'asked' if param[1] else 'read-at-load'}",
)
def mixed_labels(request: pytest.FixtureRequest) -> Store:
    """labels-mixed.ttl on each engine: labels in one language, the other, both or none.

    Once with the labels the loader read (``Store.known_labels``), once
    without them, so that every label is asked of the engine.
    """
    engine, asked = request.param
    store = load_regulation([MIXED_LABELS], engine=engine)
    if asked:
        store.known_labels = None
    return store
