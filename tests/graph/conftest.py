"""What the graph tests share: the mixed-labels model, loaded on every engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology import ENGINES, Store, load_regulation

MIXED_LABELS = Path(__file__).parent / "data" / "labels-mixed.ttl"
EX = "http://example.org/labels/"  # the namespace of labels-mixed.ttl


@pytest.fixture(scope="module", params=ENGINES)
def mixed_labels(request: pytest.FixtureRequest) -> Store:
    """labels-mixed.ttl on each engine: labels in one language, the other, both or none."""
    return load_regulation([MIXED_LABELS], engine=request.param)
