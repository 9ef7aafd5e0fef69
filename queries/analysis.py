"""Questions answered by networkx functions (see :mod:`graph`), not SPARQL."""

from __future__ import annotations

from queries.question import Question

GRAPH_QUESTIONS: tuple[Question, ...] = ()
