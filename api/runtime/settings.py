"""Settings of the command line and the service, read once at the edge.

Every knob has an ``ORGKG_*`` environment variable; command-line options win
over the environment. Nothing below ``api/`` reads the environment: the values
are passed down as arguments.

==========================  =============================  ===============
setting                     environment variable           default
==========================  =============================  ===============
data (paths)                ``ORGKG_DATA`` (os.pathsep)    bundled text
                            (``bundled:all``: every bundled folder)
store                       ``ORGKG_STORE``                ``oxigraph``
lang                        ``ORGKG_LANG``                 ``vi``
at (a day, YYYY-MM-DD)      ``ORGKG_AT``                   today, if dated
host                        ``ORGKG_HOST``                 ``127.0.0.1``
port                        ``ORGKG_PORT``                 ``8000``
query_timeout (seconds)     ``ORGKG_QUERY_TIMEOUT``        ``10``
long_timeout (seconds)      ``ORGKG_LONG_TIMEOUT``         ``120``
max_rows                    ``ORGKG_MAX_ROWS``             ``100000``
max_bytes                   ``ORGKG_MAX_BYTES``            ``16777216``
max_query_length (chars)    ``ORGKG_MAX_QUERY_LENGTH``     ``65536``
workers (query processes)   ``ORGKG_WORKERS``              ``2``
sparql_workers              ``ORGKG_SPARQL_WORKERS``       ``2``
long_workers                ``ORGKG_LONG_WORKERS``         ``1``
sparql_per_client           ``ORGKG_SPARQL_PER_CLIENT``    ``2``
warm_up                     ``ORGKG_WARM_UP``              ``1`` (``0``: off)
warm_up_wait (seconds)      ``ORGKG_WARM_UP_WAIT``         ``2`` (``0`` on an on-disk store)
worker_memory (MiB)         ``ORGKG_WORKER_MEMORY``        ``768``
cors (origins)              ``ORGKG_CORS``                 ``*`` (``none``: off)
prepared_memory (MiB)       ``ORGKG_PREPARED_MEMORY``      ``1024`` (``0``: none)
==========================  =============================  ===============

The workers come in three lanes that never wait for one another:
``workers`` answer the catalogue, entities and search; ``sparql_workers``
answer ad-hoc ``/sparql`` queries (at a lower CPU priority); ``long_workers``
build the compliance report, exports and the viewer page. One client (one
address) may have ``sparql_per_client`` ``/sparql`` queries in flight; one
more is refused at once with 429 and ``Retry-After``. With ``warm_up``, every
parameter-free answer is computed when the service starts; the SPARQL
questions' answers are kept prepared for paging, up to ``prepared_memory``
in all (beyond it an answer is kept whole in the cache, or not at all when
it is over ``max_bytes``). The service takes traffic once the warm-up is
done or after ``warm_up_wait`` seconds, whichever comes first: a small
dataset is warm before its first request, a store of millions of triples
answers at once while its warm-up goes on (``/health`` says how far). Unless
it is set, an on-disk store (``--store oxigraph:DIR``, built once because
its data is big) does not wait at all: its warm-up takes minutes, not two
seconds, and the server should answer as soon as it has opened it.

``worker_memory`` is what one query may allocate on top of the worker's
size at fork (an address-space limit): a query past it ends that worker,
the client gets 503 and a fresh worker takes its place.

``cors`` names the web origins whose pages may read the answers (comma
separated): ``*`` lets any page, as SPARQL editors such as YASGUI need, since
everything served is read-only; ``none`` lets none (see :mod:`api.http.cors`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ontology.errors import SettingError
from ontology.languages import LANGUAGES, Lang

ENV_PREFIX = "ORGKG_"
CORS_OFF = "none"
# Seconds the start waits for the warm-up unless ``warm_up_wait`` says otherwise.
DEFAULT_WARM_UP_WAIT = 2.0


@dataclass(frozen=True)
class Settings:
    """Everything the command line and the service are configured with."""

    data: tuple[Path, ...] = ()
    store: str = "oxigraph"
    lang: Lang = "vi"
    # Answer as of this day (YYYY-MM-DD, YYYY-MM, YYYY); None: today when the
    # data is dated (ontology.timeline), else the data as it is.
    at: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    query_timeout: float = 10.0
    # check, export and the viewer page walk the whole graph: a longer limit.
    long_timeout: float = 120.0
    max_rows: int = 100_000
    max_bytes: int = 16 * 1024 * 1024
    max_query_length: int = 64 * 1024
    workers: int = 2
    sparql_workers: int = 2
    long_workers: int = 1
    sparql_per_client: int = 2
    warm_up: bool = True
    warm_up_wait: float | None = None  # None: DEFAULT_WARM_UP_WAIT, 0 on an on-disk store
    worker_memory: int = 768
    cors: str = "*"
    prepared_memory: int = 1024
    # Not settable from the environment: tests use it to keep runs quiet.
    log_level: str = field(default="info", compare=False)

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise SettingError(f"lang must be one of {', '.join(LANGUAGES)}, not {self.lang!r}")
        positive = (
            "query_timeout",
            "long_timeout",
            "max_rows",
            "max_bytes",
            "max_query_length",
            "workers",
            "sparql_workers",
            "long_workers",
            "sparql_per_client",
            "worker_memory",
        )
        for name in positive:
            if getattr(self, name) <= 0:
                raise SettingError(f"{name} must be positive, not {getattr(self, name)!r}")
        if self.warm_up_wait is not None and self.warm_up_wait < 0:
            raise SettingError(f"warm_up_wait must be 0 or more, not {self.warm_up_wait!r}")
        if self.prepared_memory < 0:
            raise SettingError(f"prepared_memory must be 0 or more, not {self.prepared_memory!r}")
        if not 0 <= self.port <= 65535:
            raise SettingError(f"port must be between 0 and 65535, not {self.port}")
        cors_origins(self.cors)  # a bad origin fails at start, naming the setting

    def start_wait(self, *, on_disk: bool) -> float:
        """Seconds the start waits for the warm-up: as set, else 2 (none on an on-disk store).

        >>> Settings().start_wait(on_disk=True), Settings(warm_up_wait=5).start_wait(on_disk=True)
        (0.0, 5)
        """
        if self.warm_up_wait is not None:
            return self.warm_up_wait
        return 0.0 if on_disk else DEFAULT_WARM_UP_WAIT

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``ORGKG_*`` variables, then ``overrides`` (None = not given)."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for item in fields(cls):
            if not item.init or item.name == "log_level":
                continue
            raw = environ.get(ENV_PREFIX + item.name.upper())
            if raw is not None and raw != "":
                values[item.name] = _parse(item.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "data" in values:
            values["data"] = tuple(Path(p) for p in values["data"])
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (None = keep)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def cors_origins(setting: str) -> list[str]:
    """The web origins the ``cors`` setting names: ``*``, a comma-separated list, or none.

    >>> cors_origins("*")
    ['*']
    >>> cors_origins("https://yasgui.example, http://localhost:3000/")
    ['https://yasgui.example', 'http://localhost:3000']
    >>> cors_origins("none")
    []
    """
    text = setting.strip()
    if text.lower() == CORS_OFF:
        return []
    origins = [origin.strip().rstrip("/") for origin in text.split(",") if origin.strip()]
    for origin in origins:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            raise SettingError(
                f"{ENV_PREFIX}CORS: {origin!r} is not an origin "
                f"(http(s)://host[:port], * or {CORS_OFF})"
            )
    return origins


def _parse(name: str, raw: str) -> Any:
    converters: dict[str, Callable[[str], Any]] = {
        "data": _data_paths,
        "port": int,
        "query_timeout": float,
        "long_timeout": float,
        "max_rows": int,
        "max_bytes": int,
        "max_query_length": int,
        "workers": int,
        "sparql_workers": int,
        "long_workers": int,
        "sparql_per_client": int,
        "warm_up": _flag,
        "warm_up_wait": float,
        "worker_memory": int,
        "prepared_memory": int,
    }
    convert = converters.get(name, str)
    try:
        return convert(raw)
    except ValueError:
        raise SettingError(f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid {name}") from None


def _data_paths(text: str) -> tuple[Path, ...]:
    """``ORGKG_DATA``: paths split on os.pathsep, ``bundled:NAME`` kept whole."""
    parts = [p for p in text.split(os.pathsep) if p]
    paths: list[Path] = []
    while parts:
        part = parts.pop(0)
        if part == "bundled" and parts and os.pathsep == ":":
            part = f"bundled:{parts.pop(0)}"
        paths.append(Path(part))
    return tuple(paths)


def _flag(text: str) -> bool:
    """``1``/``true``/``yes``/``on`` or ``0``/``false``/``no``/``off``."""
    value = text.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(text)
