"""Rendering the pages: one Jinja environment, autoescaped, and the links they share.

Every value from the data reaches a template as text and is escaped there;
the pages' scripts are files under ``/static/pages/`` (no inline script), so
the policy of :data:`CONTENT_SECURITY_POLICY` lets nothing else run.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from api.http.pages.texts import texts_in
from ontology.namespaces import ID
from queries.answer import compact

TEMPLATES = Path(__file__).resolve().parent / "templates"
LANGS = ("vi", "en")
# Scripts only from this server's files, requests only to it, no framing. Inline
# styles are allowed, as on the viewer page: the editor (CodeMirror) sets style
# attributes, and a style cannot run anything.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Vary": "Accept",
}


@functools.cache
def environment() -> Environment:
    """The pages' Jinja environment (one per process)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(entity_href=entity_href, graph_href=graph_href, compact=compact)
    return env


def render_page(
    template: str, *, lang: str, path: str, query: Mapping[str, str] | None = None, **context: Any
) -> str:
    """The page ``template`` in ``lang``; ``path`` and ``query`` make the vi/en switch."""
    others = {k: v for k, v in (query or {}).items() if k != "lang"}
    switch = {
        other: f"{path}?{urlencode({**others, 'lang': other})}" for other in LANGS if other != lang
    }
    return (
        environment()
        .get_template(template)
        .render(lang=lang, t=texts_in(lang), path=path, switch=switch, **context)
    )


def entity_href(iri: str, lang: str | None = None) -> str:
    """The entity page of ``iri``: ``/entities/<id>`` for the data namespace, else the IRI."""
    tail = iri[len(str(ID)) :] if iri.startswith(str(ID)) else iri
    href = "/entities/" + quote(tail, safe="/-._~")
    return f"{href}?lang={lang}" if lang else href


def graph_href(iri: str, lang: str | None = None) -> str:
    """The org graph centred on ``iri``."""
    query = {"focus": iri, **({"lang": lang} if lang else {})}
    return "/?" + urlencode(query)
