"""Cutting the query workers off the network (Linux network namespaces).

The read-only guard refuses SERVICE before evaluation; this is the second
line: should a query slip past it, the engine inside a worker still reaches
no host, not even 127.0.0.1, because the worker lives in an empty network
namespace. Called once in the zygote, so every worker forked after inherits it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def isolate_network() -> bool:
    """Move this single-threaded process into a new, empty network namespace.

    Privileged processes need only CLONE_NEWNET; others go through a user
    namespace that maps their own ids to themselves, so files read as before.
    Returns False where the kernel allows neither (the guard still stands).
    """
    if sys.platform != "linux":
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWNET) == 0:
        return True
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        return False
    try:
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
        Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")
    except OSError:
        pass  # unmapped ids: isolated all the same, files read as "others"
    return True
