"""Inside the pool's processes: the zygote's loop and each worker's (see :mod:`api.runtime.pool`).

The zygote forks a worker each time the pool asks (``_SPAWN``), hands the
worker's end of its pipe back to the server, and never runs a job itself.
Asked once (``_PRIME``), it builds what the jobs reuse (the networkx
projections of the store) so that every worker forked after that shares it
copy-on-write instead of building its own.
A worker answers one job at a time until its pipe closes. These functions
run only in the forked processes; their names stay private to the pool.
"""

from __future__ import annotations

import ctypes
import faulthandler
import logging
import multiprocessing
import os
import pickle
import resource
import signal
import sys
from collections.abc import Callable
from multiprocessing import reduction
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from api.runtime.isolation import isolate_network
from ontology.errors import JobError, OrgkgError, QueryOutOfMemory

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_SPAWN = "spawn"
_PRIME = "prime"
# What pickling raises for a value it cannot carry (a lock, a local function, ...).
_UNPICKLABLE = (pickle.PicklingError, TypeError, AttributeError)


def _zygote_main(
    context: Any,
    control: Connection,
    servers_end: Connection,
    server_pid: int,
    *,
    isolate: bool,
    memory_budget: int | None,
    primer: Callable[[Any], None] | None = None,
    primed: Event | None = None,
) -> None:
    # The fork copied the server's end too; holding it would hide the server
    # closing its own (no EOF), and the zygote would outlive the pool.
    servers_end.close()
    _become_child(server_pid)
    control.send(isolate and isolate_network())
    # The kernel reaps killed workers: no zombies, no waitpid loop.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    zygote_pid = os.getpid()
    is_primed = False
    while True:
        try:
            message = control.recv()
        except (EOFError, OSError):
            os._exit(0)
        if message == (_PRIME,) and not is_primed and primer is not None:
            is_primed = _prime(primer, context, primed)
            continue
        if not (isinstance(message, tuple) and message[0] == _SPAWN):
            continue
        nice: int = message[1]
        ours, theirs = multiprocessing.Pipe(duplex=True)
        pid = os.fork()
        if pid == 0:
            control.close()
            ours.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            _become_child(zygote_pid)
            if nice:
                os.nice(nice)
            if memory_budget is not None:
                _limit_memory(memory_budget)
            _quiet_crashes()
            _serve_jobs(context, theirs)
        theirs.close()
        reduction.send_handle(control, ours.fileno(), server_pid)
        control.send((pid, is_primed))
        ours.close()


def _prime(primer: Callable[[Any], None], context: Any, primed: Event | None) -> bool:
    """Build what every worker forked from now on shares (the projections); True once done.

    A primer that fails leaves the workers to build what they need
    themselves, as before: the zygote logs it and keeps forking.
    """
    try:
        primer(context)
    except (OrgkgError, MemoryError, OSError, ValueError):  # the store or the graph failed
        log.exception("priming the workers' context failed; each worker builds its own")
        return False
    if primed is not None:
        primed.set()
    return True


def _serve_jobs(context: Any, conn: Connection) -> None:
    """A worker's loop: one job in, one reply out, until the pipe closes."""
    while True:
        try:
            job, args, kwargs = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        reply: tuple[str, Any]
        try:
            reply = ("ok", job(context, *args, **kwargs))
        except OrgkgError as exc:
            reply = ("error", exc)
        except MemoryError:
            reply = ("error", QueryOutOfMemory("the query needed more memory than a query may use"))
        except Exception:  # the worker's last line of defence: log it, answer a plain 500
            log.exception("query job %s failed", getattr(job, "__name__", job))
            reply = ("error", JobError("internal error while answering"))
        try:
            try:
                conn.send(reply)
            except _UNPICKLABLE:
                # Pickled whole before a byte is written: the pipe is still in
                # step, and a reply that cannot cross it is the job's bug too.
                log.exception(
                    "query job %s answered what cannot be sent", getattr(job, "__name__", job)
                )
                conn.send(("error", JobError("internal error while answering")))
        except (OSError, EOFError):
            os._exit(0)


def _limit_memory(budget: int) -> None:
    """Cap this worker's address space at its size now plus ``budget`` bytes.

    The store is shared with the zygote (copy-on-write), so the cap is
    relative: a runaway ORDER BY or string blow-up fails its allocation and
    ends this worker, never the machine.
    """
    with Path("/proc/self/statm").open() as statm:
        pages = int(statm.read().split()[0])
    limit = pages * os.sysconf("SC_PAGE_SIZE") + budget
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _quiet_crashes() -> None:
    """A worker that aborts (an allocation past its memory cap) just ends.

    The pool reports it (503 ``query-out-of-memory`` or ``worker-crashed``);
    a Python stack dump from an inherited faulthandler (pytest enables one)
    or a core file would only read as a crash of the service.
    """
    faulthandler.disable()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _become_child(parent_pid: int) -> None:
    """Ignore Ctrl-C (the server handles it) and die when the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(0)
