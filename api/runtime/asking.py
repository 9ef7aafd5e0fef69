"""Asking in plain words on the edges: the worker job, the JSON document, the text.

The JSON of an asked question is exactly::

    {"question": ID, "params": {NAME: IRI or text}, "understood": TEXT,
     "alternatives": [ID, ...], "answer": <SPARQL 1.1 Query Results JSON>}

A text no question explains, or a parameter its words do not name, is the one
error shape with the choices added:
``{"error": {"code", "message", "candidates": [...]}}`` (HTTP 422, exit 2).
"""

# Heavy libraries are imported where used (see api.runtime.jobs).
# ruff: noqa: PLC0415

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from api.runtime.jobs import Job
from queries.results import Rendered, render_result

if TYPE_CHECKING:
    from api.runtime.jobs import WorkerContext
    from ontology.errors import NotUnderstood, UnresolvedParameter
    from queries.answer import Answer
    from queries.ask import Interpretation

_SAID = {"vi": "Hiểu là", "en": "Understood as"}
_OTHERS = {"vi": "Câu hỏi khác", "en": "Other questions"}
_WHY = {"vi": "Vì sao", "en": "Why"}


def answer_ask(
    context: WorkerContext, *, q: str, lang: str, question: str | None = None
) -> Rendered:
    """The job behind ``GET /ask``: interpret, answer, and render the JSON document."""
    from queries.ask import ask

    meant, answer = ask(context.store, q, catalogue=context.catalogue, lang=lang, question=question)
    rendered = render_result(answer, "json", max_rows=context.max_rows, max_bytes=context.max_bytes)
    return Rendered(ask_document(meant, rendered.body), "application/json", rendered.truncated)


ANSWER_ASK = Job(answer_ask)


def ask_document(meant: Interpretation, answer_json: bytes) -> bytes:
    """The asked question's JSON around an answer already rendered as SPARQL JSON."""
    head = json.dumps(meant.to_dict(), ensure_ascii=False)
    return head[:-1].encode("utf-8") + b', "answer": ' + answer_json.strip() + b"}"


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


def ask_text(meant: Interpretation, answer: Answer, *, lang: str, explain: bool) -> str:
    """What was understood, the other likely questions, then the answer as a table."""
    lines = [f"{_SAID.get(lang, _SAID['en'])}: {meant.understood}"]
    if meant.alternatives:
        lines.append(f"{_OTHERS.get(lang, _OTHERS['en'])}: {', '.join(meant.alternatives)}")
    if explain:
        lines.append(f"{_WHY.get(lang, _WHY['en'])}:")
        lines.extend(f"  {line}" for line in meant.explanation)
    return "\n".join([*lines, "", answer.to_table()]) + "\n"
