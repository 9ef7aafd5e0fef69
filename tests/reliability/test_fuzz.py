"""Fuzz: schemathesis against /openapi.json: no 5xx, every status the route documents.

Generated from the service's own OpenAPI document, with positive and
negative (schema-violating) inputs, against the app in-process (its
lifespan runs once, forking the query workers). Bounded so the whole run
stays well under a minute: this is a tripwire in ``make test``, not a
campaign (``schemathesis run`` does that against a served process).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from api.http.app import create_app
from api.runtime.settings import Settings
from tests.reliability.support import HOSTILE

MAX_EXAMPLES = 8


@schemathesis.serializer("application/sparql-query")
def _sparql_query_body(ctx: Any, value: Any) -> bytes:
    """POST /sparql takes the query as the raw body: send generated text as UTF-8."""
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


SETTINGS = Settings(
    data=(HOSTILE,), query_timeout=5.0, workers=2, log_level="critical", warm_up_wait=600.0
)
# The document only: building an app is cheap, its lifespan (load, fork) runs on first call.
schema = schemathesis.openapi.from_dict(create_app(SETTINGS).openapi())


@pytest.fixture(scope="module")
def app() -> Any:
    """The app under test; schemathesis starts its lifespan once and keeps it to the end."""
    return create_app(SETTINGS)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_and_only_documented_statuses(case: Any, app: Any) -> None:
    """Every generated request gets a non-5xx answer whose status the operation documents."""
    case.call_and_validate(app=app, checks=[not_a_server_error, status_code_conformance])
