"""An asked question as a document: the JSON every surface gives, and the text for people.

The JSON of an asked question is exactly::

    {"question": ID, "params": {NAME: IRI or text}, "understood": TEXT,
     "alternatives": [ID, ...], "answer": <SPARQL 1.1 Query Results JSON>}
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from queries.answer import Answer
    from queries.ask.interpretation import Interpretation

_SAID = {"vi": "Hiểu là", "en": "Understood as"}
_OTHERS = {"vi": "Câu hỏi khác", "en": "Other questions"}
_WHY = {"vi": "Vì sao", "en": "Why"}


def ask_document(meant: Interpretation, answer_json: bytes) -> bytes:
    """The asked question's JSON around an answer already rendered as SPARQL JSON."""
    head = json.dumps(meant.to_dict(), ensure_ascii=False)
    return head[:-1].encode("utf-8") + b', "answer": ' + answer_json.strip() + b"}"


def ask_text(meant: Interpretation, answer: Answer, *, lang: str, explain: bool) -> str:
    """What was understood, the other likely questions, then the answer as a table."""
    lines = [f"{_SAID.get(lang, _SAID['en'])}: {meant.understood}"]
    if meant.alternatives:
        lines.append(f"{_OTHERS.get(lang, _OTHERS['en'])}: {', '.join(meant.alternatives)}")
    if explain:
        lines.append(f"{_WHY.get(lang, _WHY['en'])}:")
        lines.extend(f"  {line}" for line in meant.explanation)
    return "\n".join([*lines, "", answer.to_table()]) + "\n"
