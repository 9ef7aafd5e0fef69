"""``GET /health``: is the service up, what is loaded, how many workers are free.

It only reads counters, so it answers at once even when every worker is busy.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Response

from api.http.deps import ServiceDep
from api.http.models import Health, WarmUp, WorkerStatus
from api.http.openapi import error_responses
from api.runtime.service import Service

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=Health,
    summary="Health of the service",
    responses={**error_responses(503)},
)
async def health(service: ServiceDep, response: Response) -> Health:
    pool = service.pool
    alive = pool.alive
    status: Literal["ok", "degraded", "unavailable"] = "ok"
    if alive < pool.size:
        status = "degraded" if alive else "unavailable"
    if status == "unavailable":
        response.status_code = 503
    return Health(
        status=status,
        engine=service.store.engine,
        version=service.store.version,
        triples=service.triples,
        workers=WorkerStatus(size=pool.size, alive=alive, idle=pool.idle),
        lanes={
            name: WorkerStatus(**vars(pool.lane_status(name)))
            for name in pool.lanes  # counters only: never waits
        },
        query_timeout=service.settings.query_timeout,
        network_isolated=pool.network_isolated,
        warm_up=WarmUp(
            state=_warm_up_state(service),
            done=service.warm_up_done,
            total=service.warm_up_total,
        ),
    )


def _warm_up_state(service: Service) -> Literal["off", "running", "done"]:
    if service.warm_up_running:
        return "running"
    return "done" if service.settings.warm_up and service.store.cacheable else "off"
