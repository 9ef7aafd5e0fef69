"""The question catalogue and everything that answers questions.

>>> from ontology import load_regulation
>>> from queries import load_catalogue, run_query
>>> answer = run_query(load_regulation(), load_catalogue()["posts"], {}, lang="en")
>>> answer.to_json()["head"]["vars"][:2]
['post', 'postLabel']
"""

from __future__ import annotations

from ontology.languages import LANGUAGES
from queries.answer import Answer
from queries.catalogue import Catalogue, load_catalogue, read_question, read_questions
from queries.entity import describe_entity, find_entity, search
from queries.guard import check_read_only
from queries.lookup import resolve_entity
from queries.question import PARAMETER_KINDS, Parameter, Question
from queries.runner import bind_parameters, run_query
from queries.sparql import run_sparql

__all__ = [
    "LANGUAGES",
    "PARAMETER_KINDS",
    "Answer",
    "Catalogue",
    "Parameter",
    "Question",
    "bind_parameters",
    "check_read_only",
    "describe_entity",
    "find_entity",
    "load_catalogue",
    "read_question",
    "read_questions",
    "resolve_entity",
    "run_query",
    "run_sparql",
    "search",
]
