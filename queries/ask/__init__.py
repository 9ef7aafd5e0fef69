"""Ask a catalogue question in plain words (Vietnamese with or without accents, English).

>>> from ontology import load_regulation
>>> meant, answer = ask(load_regulation(), "nhom truyen thong bao cao cho ai")
>>> meant.question.id
'chain-of-command'
"""

from __future__ import annotations

from queries.ask.interpretation import Interpretation, ask, interpret
from queries.ask.matcher import Matcher, matcher_for

__all__ = ["Interpretation", "Matcher", "ask", "interpret", "matcher_for"]
