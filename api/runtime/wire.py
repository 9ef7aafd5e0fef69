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
import pickle
import struct
from typing import Any

import anyio

_SHORT = struct.Struct("!i")
_LONG = struct.Struct("!Q")
_CHUNK = 1 << 20


async def send_message(fd: int, message: Any) -> None:
    """Pickle ``message`` and write it as one frame to the non-blocking ``fd``.

    Plain pickle: a job, its arguments and its answer are ordinary values;
    :class:`ForkingPickler`'s reducers are for handles, which never cross here,
    and building one per message cost as much as the pickling.
    """
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
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
    """Read one frame from the non-blocking ``fd`` and unpickle it; EOFError if it closed.

    The worker answers only after a job is sent, so this first waits for it,
    then reads the header and (for an answer of up to a chunk) the whole
    pickle in one call. Only one reply is ever on its way, so reading past
    the header never takes bytes of another frame.
    """
    await anyio.wait_readable(fd)
    data = await _read_some(fd, _CHUNK)
    while len(data) < _SHORT.size:
        data += await _read_some(fd, _SHORT.size - len(data))
    (size,) = _SHORT.unpack_from(data)
    start = _SHORT.size
    if size == -1:
        while len(data) < start + _LONG.size:
            data += await _read_some(fd, start + _LONG.size - len(data))
        (size,) = _LONG.unpack_from(data, start)
        start += _LONG.size
    body = data[start:]
    if len(body) < size:
        body += await _read_exactly(fd, size - len(body))
    return pickle.loads(body)


async def _read_some(fd: int, most: int) -> bytes:
    """Between 1 and ``most`` bytes, as soon as there are any."""
    while True:
        try:
            chunk = os.read(fd, most)
        except BlockingIOError:
            await anyio.wait_readable(fd)
            continue
        if not chunk:
            raise EOFError("the worker closed its end")
        return chunk


async def _read_exactly(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    missing = size
    while missing:
        chunk = await _read_some(fd, min(missing, _CHUNK))
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)
