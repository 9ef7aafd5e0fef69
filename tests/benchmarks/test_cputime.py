"""The benchmark's CPU clock charges a server for its whole process tree."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from benchmarks.cputime import Spent, TreeClock, find_child

# A child whose own child spends about 0.3 s of CPU; both end when their stdin closes.
_BURNER = """
import subprocess, sys
grandchild = subprocess.Popen([sys.executable, "-c",
    "import sys, time\\nend = time.process_time() + 0.3\\nwhile time.process_time() < end: pass\\n"
    "print('done', flush=True)\\nsys.stdin.read()"], stdout=subprocess.PIPE, stdin=subprocess.PIPE)
print(grandchild.stdout.readline().decode().strip(), flush=True)
sys.stdin.read()
"""


@pytest.fixture
def burner() -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", _BURNER, "--port", "65001"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    yield process
    assert process.stdin is not None
    process.stdin.close()  # the child ends, closing its child's stdin in turn
    process.wait(timeout=10)


def test_a_grandchilds_cpu_time_is_charged_to_the_root(
    burner: subprocess.Popen[str],
) -> None:
    clock = TreeClock(burner.pid)
    before = {pid: 0 for pid in clock.read()}  # charge everything the tree ever spent
    assert burner.stdout is not None
    assert burner.stdout.readline().strip() == "done"
    spent = clock.since(before)
    assert spent.processes == 2
    assert spent.seconds >= 0.25
    assert spent.root_seconds < spent.seconds  # the grandchild spent it, not the root


def test_a_server_is_found_by_the_port_on_its_command_line(
    burner: subprocess.Popen[str],
) -> None:
    assert find_child(65001) == burner.pid
    with pytest.raises(LookupError, match="65002"):
        find_child(65002)


def test_cpu_per_request_is_none_without_requests() -> None:
    assert Spent(1.5, processes=3, lost=0).per_request_ms(1000) == 1.5
    assert Spent(1.5, processes=3, lost=0).per_request_ms(0) is None
