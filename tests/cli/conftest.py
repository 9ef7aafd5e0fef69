"""Fixtures of the command-line tests: typer's runner and real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontology import Store, load_regulation

ORGKG = Path(sys.executable).parent / "orgkg"


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def store() -> Store:
    return load_regulation()


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
