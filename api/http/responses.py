"""Building HTTP responses from rendered answers."""

from __future__ import annotations

from fastapi import Response

from queries.results import Rendered

TRUNCATED_HEADER = "X-Orgkg-Truncated"


def send_rendered(rendered: Rendered, *, headers: dict[str, str] | None = None) -> Response:
    """A response carrying ``rendered``; a cut answer says so in ``X-Orgkg-Truncated``."""
    all_headers = {TRUNCATED_HEADER: "true" if rendered.truncated else "false", "Vary": "Accept"}
    all_headers.update(headers or {})
    return Response(content=rendered.body, media_type=rendered.media_type, headers=all_headers)
