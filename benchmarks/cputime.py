"""CPU time a server spends, summed over its whole process tree, read from ``/proc``.

Wall-clock rates and tails on a shared machine measure the machine as much
as the server; the CPU time a server's processes were charged for a number of
requests does not depend on who else runs. orgkg is several processes (the
uvicorn server, the zygote, the query workers forked from it), Oxigraph one
process with threads: :class:`TreeClock` reads ``utime + stime`` of a root
process and every descendant (threads included, ``/proc/PID/stat`` sums them),
so both are charged alike.

A process that ends between two readings takes its time with it (a worker
killed on timeout): :meth:`TreeClock.since` says how many were lost, so a
figure that misses some is known to.

>>> clock = TreeClock(os.getpid())
>>> start = clock.read()
>>> _ = sum(range(10**6))
>>> clock.since(start).seconds >= 0.0
True
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

_PROC = Path("/proc")
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Spent:
    """CPU seconds the tree was charged between two readings, and processes that ended.

    ``root_seconds`` is the root process's own share (orgkg: the HTTP server;
    the rest went to its workers).
    """

    seconds: float
    processes: int
    lost: int
    root_seconds: float = 0.0

    def per_request_ms(self, requests: int) -> float | None:
        """Milliseconds of CPU per request (None without requests)."""
        return self.seconds * 1000.0 / requests if requests else None


class TreeClock:
    """The CPU time of process ``root`` and all its descendants."""

    def __init__(self, root: int) -> None:
        self.root = root

    def read(self) -> dict[int, int]:
        """Clock ticks (user + system) charged so far, per live process of the tree."""
        parents = dict(_parents())
        tree = {self.root}
        grew = True
        while grew:
            found = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= found
            grew = bool(found)
        ticks = {}
        for pid in tree:
            spent = _ticks(pid)
            if spent is not None:
                ticks[pid] = spent
        return ticks

    def since(self, before: Mapping[int, int]) -> Spent:
        """What the tree spent since ``before`` (a :meth:`read`); new processes count whole."""
        after = self.read()
        ticks = sum(spent - before.get(pid, 0) for pid, spent in after.items())
        root = after.get(self.root, 0) - before.get(self.root, 0)
        lost = sum(1 for pid in before if pid not in after)
        return Spent(
            ticks / _TICKS_PER_SECOND,
            processes=len(after),
            lost=lost,
            root_seconds=root / _TICKS_PER_SECOND,
        )


def find_child(port: int, parent: int | None = None) -> int:
    """The child of ``parent`` (default: this process) whose command line names ``port``.

    Both servers are started by the benchmark with their port on the command
    line (``--port N``, ``--bind 127.0.0.1:N``); LookupError if none is found.
    """
    parent = os.getpid() if parent is None else parent
    wanted = str(port)
    for pid, ppid in _parents():
        if ppid != parent:
            continue
        try:
            arguments = (_PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        words = [argument.decode("utf-8", "replace") for argument in arguments]
        if any(word == wanted or word.endswith(":" + wanted) for word in words):
            return pid
    raise LookupError(f"no child process of {parent} serves port {port}")


def _parents() -> Iterator[tuple[int, int]]:
    """(pid, parent pid) of every process now."""
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat_fields(int(entry.name))
        if fields is not None:
            yield int(entry.name), int(fields[1])


def _ticks(pid: int) -> int | None:
    fields = _stat_fields(pid)
    # After the name: state(0) ppid(1) ... utime(11) stime(12) (proc(5), fields 14 and 15).
    return None if fields is None else int(fields[11]) + int(fields[12])


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of ``/proc/PID/stat`` after the command name (which may hold spaces)."""
    try:
        text = (_PROC / str(pid) / "stat").read_text(encoding="utf-8", errors="replace")
    except OSError:  # the process ended meanwhile
        return None
    return text[text.rindex(")") + 2 :].split()
