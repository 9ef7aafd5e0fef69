"""Projections pause the garbage collector while they build, and always give it back."""

from __future__ import annotations

import gc

import pytest

from graph.projection import paused_collection, project_reporting
from ontology import load_regulation


def test_collection_is_off_inside_and_back_on_after() -> None:
    """Inside the block the collector is off; after it, on again."""
    assert gc.isenabled()
    with paused_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collection_comes_back_after_an_error() -> None:
    """An exception while building does not leave the process without a collector."""
    with pytest.raises(KeyError), paused_collection():
        raise KeyError("boom")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    """A caller that turned collection off keeps it off: the block does not turn it on."""
    gc.disable()
    try:
        with paused_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_building_a_projection_leaves_collection_on() -> None:
    """The public projection restores the collector after building."""
    graph = project_reporting(load_regulation())
    assert graph.number_of_edges() > 0
    assert gc.isenabled()
