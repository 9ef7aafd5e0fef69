"""Building HTTP responses from rendered answers."""

from __future__ import annotations

from fastapi import Response
from starlette.datastructures import URL

from queries.results import Rendered

TRUNCATED_HEADER = "X-Orgkg-Truncated"
TOTAL_HEADER = "X-Orgkg-Total"


def send_rendered(rendered: Rendered, *, headers: dict[str, str] | None = None) -> Response:
    """A response carrying ``rendered``; a cut answer says so in ``X-Orgkg-Truncated``."""
    all_headers = {TRUNCATED_HEADER: "true" if rendered.truncated else "false", "Vary": "Accept"}
    all_headers.update(headers or {})
    return Response(content=rendered.body, media_type=rendered.media_type, headers=all_headers)


def page_headers(rendered: Rendered, url: URL | None, limit: int | None) -> dict[str, str]:
    """``X-Orgkg-Total`` and, when more rows follow, ``Link: <...>; rel="next"``.

    Headers, not fields in the body, so the body stays plain SPARQL Results
    JSON (or CSV) that every client reads.
    """
    headers: dict[str, str] = {}
    if rendered.total is None:
        return headers
    headers[TOTAL_HEADER] = str(rendered.total)
    following = rendered.next_offset()
    if following is not None and limit is not None and url is not None:
        target = url.include_query_params(offset=following, limit=limit)
        headers["Link"] = f'<{target.path}?{target.query}>; rel="next"'
    return headers
