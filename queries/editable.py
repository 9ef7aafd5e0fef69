"""A catalogue question's SPARQL as a person can run it in an editor.

The runner binds ``?lang`` and the parameters as RDF terms, and Oxigraph
binds by substitution: the term stands wherever the variable does, nested
``OPTIONAL`` filters included. Pasted into an editor, the text would run
with them unbound, so :func:`editable_sparql` writes the same substitution
into the text: each bound variable becomes its term, ``(term AS ?v)`` in the
outer projection (``(SAMPLE(term) AS ?v)`` when the outer query groups: rdflib
gives a grouped query with a constant in its projection one row of nothing
when nothing matches); a sub-select's projection drops it (the outer ``AS`` would
rebind it), and so do ``GROUP BY`` and ``ORDER BY`` (a constant groups and
sorts nothing, and rdflib cannot group by one). Comments, strings and
IRIs are left alone. The text is for people to read, change and run; the
catalogue itself never runs it.

>>> from rdflib import Literal
>>> editable_sparql(
...     'SELECT ?lang ?x WHERE { ?x rdfs:label ?l FILTER(LANG(?l) = ?lang) } ORDER BY ?lang ?x',
...     {"lang": Literal("en")},
... )
'SELECT ("en" AS ?lang) ?x WHERE { ?x rdfs:label ?l FILTER(LANG(?l) = "en") } ORDER BY ?x'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ontology.store import Term

_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^\s<>"{}|^`\\]*>)
    |(?P<keyword>\b(?:SELECT|WHERE|GROUP\s+BY|ORDER\s+BY|HAVING|LIMIT|OFFSET|VALUES)\b)
    |(?P<variable>[?$](?P<name>[A-Za-z_][A-Za-z0-9_]*))
    |(?P<bracket>[(){}])""",
    re.IGNORECASE | re.VERBOSE,
)
_GROUP_BY = re.compile(r"\bGROUP\s+BY\b", re.IGNORECASE)


def editable_sparql(text: str, bindings: Mapping[str, Term]) -> str:
    """``text`` with each variable of ``bindings`` written as its term."""
    if not bindings:
        return text
    terms = {name: term.n3() for name, term in bindings.items()}
    out: list[str] = []
    mode = "body"  # or "projection" (after SELECT), "modifier" (GROUP/ORDER BY)
    depth = 0
    selects = 0
    start = 0
    # The outer query's modifiers follow the closing brace of its WHERE.
    grouped = _GROUP_BY.search(text, text.rfind("}") + 1) is not None
    for match in _TOKEN.finditer(text):
        out.append(text[start : match.start()])
        start = match.end()
        token = match.group()
        if match["keyword"]:
            keyword = " ".join(token.upper().split())
            mode = {"SELECT": "projection", "GROUP BY": "modifier", "ORDER BY": "modifier"}.get(
                keyword, "body"
            )
            depth = 0
            selects += keyword == "SELECT"
        elif match["bracket"]:
            if token == "(":
                depth += 1
            elif token == ")":
                depth -= 1
            elif mode != "body":  # a group opens or closes: the projection/modifier ended
                mode = "body"
        elif match["variable"] and match["name"] in terms:
            if mode == "modifier":  # drop the blank the variable leaves too
                while text[start : start + 1] == " ":
                    start += 1
            token = _substitute(
                terms[match["name"]], token, mode, depth, outer=selects == 1, grouped=grouped
            )
        out.append(token)
    out.append(text[start:])
    return "".join(out)


def _substitute(
    term: str, variable: str, mode: str, depth: int, *, outer: bool, grouped: bool
) -> str:
    if mode == "projection" and depth == 0:
        if not outer:
            return ""
        return f"(SAMPLE({term}) AS {variable})" if grouped else f"({term} AS {variable})"
    if mode == "modifier":
        return ""
    return term
