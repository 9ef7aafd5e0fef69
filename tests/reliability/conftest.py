"""Fixtures of the reliability suite (helpers live in ``support.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reliability.support import Listener, listening


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A TCP listener on 127.0.0.1 recording every connection: the 'no network' witness."""
    with listening() as witness:
        yield witness
