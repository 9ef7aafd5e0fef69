"""A worker that aborts is reported by the pool and leaves no stack dump behind.

pytest (like any process with ``faulthandler`` on) would have every forked
worker print "Fatal Python error: Aborted" and a stack when it aborts, e.g.
on an allocation past its memory cap. The pool's workers turn that off: the
crash is the pool's answer (503), not noise on the terminal. Checked in a
child interpreter with faulthandler enabled, reading its real stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import faulthandler, os, sys
    import anyio
    from api.runtime.pool import WorkerPool
    from ontology.errors import OrgkgError
    from tests.api.test_api_pool_crashes import abort_job

    faulthandler.enable()
    pool = WorkerPool({}, size=1, timeout=5.0, long_timeout=5.0)
    pool.start()
    try:
        anyio.run(pool.run, abort_job)
    except OrgkgError as exc:
        print("status", exc.http_status, exc.code)
    finally:
        pool.close()
    """
)


def abort_job(context: object) -> None:
    """A job whose worker aborts, as native code does when an allocation fails."""
    os.abort()


def test_an_aborting_worker_is_a_503_without_a_stack_dump() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "status 503 worker-crashed" in done.stdout
    assert "Fatal Python error" not in done.stderr
    assert "Current thread" not in done.stderr
