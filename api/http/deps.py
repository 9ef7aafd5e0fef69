"""Dependencies of the routes (``Annotated`` aliases).

They are ``async def`` on purpose: they do no I/O, and a plain ``def``
dependency is run in the threadpool, a thread handoff per request that
measured 39 % of the server's time on cached answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from api.runtime.service import Service
from ontology.dating import parse_at
from ontology.errors import StoreError
from ontology.languages import Lang


async def get_service(request: Request) -> Service:
    """The service the lifespan started."""
    service: Service | None = getattr(request.app.state, "service", None)
    if service is None or not service.started:
        raise StoreError("the service is starting or stopping")
    return service


ServiceDep = Annotated[Service, Depends(get_service)]


async def get_lang(
    service: ServiceDep,
    lang: Annotated[
        Lang | None,
        Query(description="Language of labels and messages; default: the service's (vi)."),
    ] = None,
) -> Lang:
    """The language asked for, or the service's default."""
    return lang or service.settings.lang


LangDep = Annotated[Lang, Depends(get_lang)]


@dataclass(frozen=True)
class AsOf:
    """The day a request is answered for (``?at=``), and whether it was asked.

    ``day`` is None when the data says nothing about time (then the store
    answers as it is); without ``?at=`` a dated store answers as of today,
    and the response says so (``X-Orgkg-As-Of``, ``X-Orgkg-As-Of-Default``).
    """

    day: str | None
    default: bool

    def headers(self) -> dict[str, str]:
        if self.day is None:
            return {}
        return {AS_OF_HEADER: self.day, AS_OF_DEFAULT_HEADER: "true" if self.default else "false"}


AS_OF_HEADER = "X-Orgkg-As-Of"
AS_OF_DEFAULT_HEADER = "X-Orgkg-As-Of-Default"


async def get_as_of(
    service: ServiceDep,
    at: Annotated[
        str | None,
        Query(
            description="Answer as of this day (YYYY-MM-DD, YYYY-MM or YYYY); "
            "default: today when the data is dated."
        ),
    ] = None,
) -> AsOf:
    """The day to answer for: ``?at=``, else today for dated data (400 on a bad date)."""
    if at is not None:
        return AsOf(parse_at(at).isoformat(), default=False)
    if service.settings.at:  # `orgkg --at DAY serve`: that day by default
        return AsOf(parse_at(service.settings.at, name="--at").isoformat(), default=True)
    if service.dated:
        return AsOf(date.today().isoformat(), default=True)
    return AsOf(None, default=True)


AsOfDep = Annotated[AsOf, Depends(get_as_of)]
