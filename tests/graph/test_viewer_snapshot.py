"""Drawing the chart as an image refuses clearly when it cannot (no browser, bad format)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.viewer.snapshot import render_image
from ontology.errors import BrowserError


def test_a_missing_browser_is_named() -> None:
    with pytest.raises(BrowserError) as caught:
        render_image("<!DOCTYPE html>", "png", chromium=Path("/nonexistent/chromium"))
    assert "/nonexistent/chromium" in caught.value.message
    assert caught.value.exit_code == 2


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(BrowserError, match="png or svg"):
        render_image("<!DOCTYPE html>", "gif", chromium=Path("/usr/bin/chromium"))  # type: ignore[arg-type]
