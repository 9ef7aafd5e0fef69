"""The OpenAPI document keeps every operation, parameter and status it had.

``data/openapi-operations.json`` was taken from the API before the ``api/``
split (issue 11); a route, parameter or documented status missing now is a
break for clients. Additions are allowed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from api.http.app import create_app
from api.runtime.settings import Settings

SNAPSHOT = Path(__file__).parent / "data" / "openapi-operations.json"


def _operations(document: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    operations = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            operations[f"{method.upper()} {path}"] = {
                "parameters": sorted(p["name"] for p in operation.get("parameters", [])),
                "responses": sorted(operation.get("responses", {})),
            }
    return operations


def _losses(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What ``before`` documents that ``now`` does not: operations, parameters, statuses."""
    losses = [f"{name}: gone" for name in sorted(set(before) - set(now))]
    for name in sorted(set(before) & set(now)):
        for part in ("parameters", "responses"):
            lost = sorted(set(before[name][part]) - set(now[name][part]))
            losses.extend(f"{name}: {part} {item} gone" for item in lost)
    return losses


def test_every_operation_of_the_snapshot_is_still_documented() -> None:
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = _operations(create_app(Settings()).openapi())
    assert _losses(before, now) == []


def test_a_removed_operation_or_status_counts_as_a_loss() -> None:
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    document = create_app(Settings()).openapi()
    del document["paths"]["/health"]
    del document["paths"]["/check"]["get"]["responses"]["503"]
    assert _losses(before, _operations(document)) == [
        "GET /health: gone",
        "GET /check: responses 503 gone",
    ]
