"""A tool or server a test needs is missing: skip on a developer's machine, fail in CI.

Under ``CI=true`` (``.ci/run`` sets it) a missing browser, server or command
is an error, never a silent skip.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def unavailable(reason: str) -> NoReturn:
    """Skip the test naming what is missing, or fail it when running under CI."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"cannot run under CI: {reason}")
    pytest.skip(reason)
