"""Admission: how many queries of one lane a single client may have in flight.

A lane's workers are shared by everyone; without a cap, one client sending
many slow queries at once takes them all and everyone else waits (then
gets 503). The gate counts each client's queries in flight and refuses one
more at once with :class:`~ontology.errors.TooManyRequestsError` (429 with
``Retry-After``), before it takes a worker or a place in the queue.

A client is whatever the edge says it is: the HTTP routes use the peer's
address, so clients behind one proxy share one cap.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from ontology.errors import TooManyRequestsError


class ClientGate:
    """At most ``per_client`` entries per client at once; ``retry_after`` seconds is the hint.

    >>> gate = ClientGate(per_client=1, retry_after=10.0)
    >>> with gate.admit("10.0.0.1"):
    ...     gate.in_flight("10.0.0.1")
    1
    >>> gate.in_flight("10.0.0.1")
    0
    """

    def __init__(self, *, per_client: int, retry_after: float) -> None:
        self.per_client = per_client
        self.retry_after = max(1, math.ceil(retry_after))
        self._in_flight: Counter[str] = Counter()

    def in_flight(self, client: str) -> int:
        return self._in_flight[client]

    @contextmanager
    def admit(self, client: str) -> Iterator[None]:
        """Count ``client`` in for the block, or raise TooManyRequestsError.

        Only the event loop calls it (no awaits between the check and the
        count), so no lock is needed.
        """
        if self._in_flight[client] >= self.per_client:
            raise TooManyRequestsError(
                f"this client already has {self.per_client} SPARQL queries running, the most "
                f"one client may have at once; retry after {self.retry_after} s",
                retry_after=self.retry_after,
            )
        self._in_flight[client] += 1
        try:
            yield
        finally:
            self._in_flight[client] -= 1
            if not self._in_flight[client]:
                del self._in_flight[client]
