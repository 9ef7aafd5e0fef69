"""Asking in plain words in the service: the worker job behind ``GET /ask``.

The document it answers is :func:`queries.ask.document.ask_document`'s. A
text no question explains, or a parameter its words do not name, is the one
error shape with the choices added:
``{"error": {"code", "message", "candidates": [...]}}`` (HTTP 422, exit 2).
"""

# Heavy libraries are imported where used (see api.runtime.jobs).
# ruff: noqa: PLC0415

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from api.runtime.jobs import Job
from queries.ask.document import ask_document
from queries.results import Rendered, render_result

if TYPE_CHECKING:
    from api.runtime.jobs import WorkerContext
    from ontology.errors import NotUnderstood, UnresolvedParameter


def answer_ask(
    context: WorkerContext, *, q: str, lang: str, question: str | None = None
) -> Rendered:
    """The job behind ``GET /ask``: interpret, answer, and render the JSON document."""
    from queries.ask import ask

    meant, answer = ask(context.store, q, catalogue=context.catalogue, lang=lang, question=question)
    rendered = render_result(answer, "json", max_rows=context.max_rows, max_bytes=context.max_bytes)
    return Rendered(ask_document(meant, rendered.body), "application/json", rendered.truncated)


ANSWER_ASK = Job(answer_ask)


def ask_error(error: NotUnderstood | UnresolvedParameter) -> dict[str, Any]:
    """The one error shape, with what the person may choose from."""
    body: dict[str, Any] = {
        "code": error.code,
        "message": error.message,
        "candidates": list(error.candidates),
    }
    for name in ("question", "parameter"):
        value = getattr(error, name, None)
        if value is not None:
            body[name] = value
    return {"error": body}
