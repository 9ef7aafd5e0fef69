"""Messages to and from a worker, without ever blocking the event loop.

The workers speak :class:`multiprocessing.connection.Connection`'s framing
(a 4-byte big-endian length, or -1 and an 8-byte one, then the pickle). The
server's end reads and writes the same frames on a non-blocking descriptor,
waiting for it in the event loop between chunks. A blocking ``recv`` there
would hold the whole service while a worker is still writing a large answer,
and a worker at a lower CPU priority can take seconds to finish one on a
busy machine: every other request, ``/health`` included, would wait.
"""

from __future__ import annotations

import os
import struct
from multiprocessing.reduction import ForkingPickler
from typing import Any

import anyio

_SHORT = struct.Struct("!i")
_LONG = struct.Struct("!Q")
_CHUNK = 1 << 20


async def send_message(fd: int, message: Any) -> None:
    """Pickle ``message`` and write it as one frame to the non-blocking ``fd``."""
    payload = bytes(ForkingPickler.dumps(message))
    if len(payload) > 0x7FFFFFFF:
        header = _SHORT.pack(-1) + _LONG.pack(len(payload))
    else:
        header = _SHORT.pack(len(payload))
    data = memoryview(header + payload)
    while data:
        try:
            written = os.write(fd, data)
        except BlockingIOError:
            await anyio.wait_writable(fd)
            continue
        data = data[written:]


async def receive_message(fd: int) -> Any:
    """Read one frame from the non-blocking ``fd`` and unpickle it; EOFError if it closed."""
    (size,) = _SHORT.unpack(await _read_exactly(fd, _SHORT.size))
    if size == -1:
        (size,) = _LONG.unpack(await _read_exactly(fd, _LONG.size))
    return ForkingPickler.loads(await _read_exactly(fd, size))


async def _read_exactly(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    missing = size
    while missing:
        try:
            chunk = os.read(fd, min(missing, _CHUNK))
        except BlockingIOError:
            await anyio.wait_readable(fd)
            continue
        if not chunk:
            raise EOFError("the worker closed its end")
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)
