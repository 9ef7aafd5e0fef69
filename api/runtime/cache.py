"""A cache of finished answers to parameter-free requests, per store version.

The store never changes while the service runs, so an answer that depends on
nothing but the request's key (a parameter-free question, the compliance
report, an export, the viewer page) is computed once. Concurrent first
requests for one key wait for a single computation.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

import anyio

T = TypeVar("T")


class ResponseCache:
    """Answers by key, for one store ``version``; items above ``max_item_bytes`` are not kept."""

    def __init__(self, version: str, *, max_item_bytes: int) -> None:
        self.version = version
        self.max_item_bytes = max_item_bytes
        self._items: dict[Hashable, Any] = {}
        self._locks: dict[Hashable, anyio.Lock] = {}

    def __len__(self) -> int:
        return len(self._items)

    def put(self, key: Hashable, value: object) -> bool:
        """Keep ``value`` under ``key`` if small enough; whether it was kept."""
        if _size(value) > self.max_item_bytes:
            return False
        self._items[(self.version, key)] = value
        return True

    async def get_or_make(self, key: Hashable, make: Callable[[], Awaitable[T]]) -> T:
        """The cached value of ``key``, or ``await make()`` (kept if small enough)."""
        full_key = (self.version, key)
        if full_key in self._items:
            return self._items[full_key]  # type: ignore[no-any-return]
        lock = self._locks.setdefault(full_key, anyio.Lock())
        async with lock:
            if full_key in self._items:
                return self._items[full_key]  # type: ignore[no-any-return]
            value = await make()
            self.put(key, value)
            return value


def _size(value: object) -> int:
    if isinstance(value, bytes):
        return len(value)
    body = getattr(value, "body", None)
    if isinstance(body, bytes):
        return len(body)
    if isinstance(value, tuple):
        return sum(_size(item) for item in value)
    renderings = getattr(value, "renderings", None)
    if isinstance(renderings, dict):
        return sum(_size(item) for item in renderings.values())
    return 0
