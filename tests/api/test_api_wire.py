"""api.runtime.wire: the workers' frames, read and written without blocking the event loop."""

from __future__ import annotations

import os
import pickle
import socket
import struct
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler

import anyio
import pytest

from api.runtime.wire import receive_message, send_message

BIG = b"x" * (4 * 2**20)  # far more than a socket buffer holds


def _pair() -> tuple[int, Connection]:
    """The server's non-blocking end (a descriptor) and a worker's Connection."""
    ours, theirs = socket.socketpair()
    fd = ours.detach()
    os.set_blocking(fd, False)
    return fd, Connection(theirs.detach())


def test_frames_cross_both_ways_as_multiprocessing_writes_them() -> None:
    fd, worker = _pair()

    def echo() -> None:
        worker.send(("ok", worker.recv()))

    thread = threading.Thread(target=echo)
    thread.start()

    async def round_trip() -> object:
        await send_message(fd, {"job": BIG})
        return await receive_message(fd)

    assert anyio.run(round_trip) == ("ok", {"job": BIG})
    thread.join()
    os.close(fd)
    worker.close()


def test_a_slow_writer_does_not_hold_the_event_loop() -> None:
    """While a big answer trickles in, other tasks of the loop keep running."""
    fd, worker = _pair()
    payload_chunks = 8

    def trickle() -> None:
        # One frame written in pieces, with pauses: a worker starved of CPU.
        payload = bytes(ForkingPickler.dumps(BIG))
        raw = len(payload).to_bytes(4, "big") + payload
        step = len(raw) // payload_chunks + 1
        for start in range(0, len(raw), step):
            os.write(worker.fileno(), raw[start : start + step])
            time.sleep(0.05)

    ticks_while_receiving: list[int] = []

    async def main() -> bytes:
        ticks = 0
        done = anyio.Event()

        async def tick() -> None:
            nonlocal ticks
            while not done.is_set():
                ticks += 1
                await anyio.sleep(0.01)

        async with anyio.create_task_group() as group:
            group.start_soon(tick)
            message = await receive_message(fd)
            ticks_while_receiving.append(ticks)
            done.set()
        return message  # type: ignore[no-any-return]

    thread = threading.Thread(target=trickle)
    thread.start()
    message = anyio.run(main)
    thread.join()
    assert len(message) == len(BIG)
    assert ticks_while_receiving[0] > payload_chunks, "the loop was blocked while reading"
    os.close(fd)
    worker.close()


def test_a_closed_end_is_an_eof() -> None:
    fd, worker = _pair()
    worker.close()
    with pytest.raises(EOFError):
        anyio.run(receive_message, fd)
    os.close(fd)


@pytest.mark.parametrize("long_header", [False, True], ids=["4-byte length", "8-byte length"])
def test_a_frame_arriving_a_byte_at_a_time_is_read_whole(long_header: bool) -> None:
    """The reader takes what is there in one call; a header split anywhere still reads."""
    fd, worker = _pair()
    payload = pickle.dumps({"rows": list(range(100))})
    if long_header:  # what multiprocessing writes past 2 GiB, here for a small payload
        header = struct.pack("!i", -1) + struct.pack("!Q", len(payload))
    else:
        header = struct.pack("!i", len(payload))
    raw = header + payload

    def dribble() -> None:
        for index in range(len(header) + 2):
            os.write(worker.fileno(), raw[index : index + 1])
            time.sleep(0.005)
        os.write(worker.fileno(), raw[len(header) + 2 :])

    thread = threading.Thread(target=dribble)
    thread.start()
    message = anyio.run(receive_message, fd)
    thread.join()
    assert message == {"rows": list(range(100))}
    os.close(fd)
    worker.close()


def test_a_worker_closing_mid_frame_is_an_eof() -> None:
    fd, worker = _pair()
    os.write(worker.fileno(), struct.pack("!i", 100) + b"partial")
    worker.close()
    with pytest.raises(EOFError):
        anyio.run(receive_message, fd)
    os.close(fd)
