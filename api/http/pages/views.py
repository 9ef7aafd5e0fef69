"""The pages as HTTP responses: what a route calls when a browser asks.

Pages that read the store are rendered by a worker job (:mod:`api.http.pages.jobs`);
the catalogue and the SPARQL editor only need what the service already holds
and are rendered here. Pages of parameter-free requests are cached like the
answers they show.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from fastapi import Response
from rdflib import Literal

from api.http.pages import jobs
from api.http.pages.renderer import PAGE_HEADERS, render_page
from api.runtime.jobs import CHECK_COMPLIANCE
from api.runtime.service import Service
from ontology.formats import SOLUTION_FORMATS
from ontology.languages import Lang
from ontology.namespaces import PREFIXES
from queries.editable import editable_sparql
from queries.presentation import load_names

HTML = "text/html; charset=utf-8"


def send_html(body: bytes | str, status: int = 200) -> Response:
    """An HTML response under the pages' content security policy."""
    content = body.encode("utf-8") if isinstance(body, str) else body
    return Response(
        content=content, status_code=status, media_type=HTML, headers=dict(PAGE_HEADERS)
    )


async def send_question_page(
    service: Service, *, question_id: str, params: Mapping[str, str], lang: Lang
) -> Response:
    service.catalogue[question_id]  # 404 before a worker is used
    page = await service.run(
        jobs.QUESTION_PAGE, question_id=question_id, params=dict(params), lang=lang
    )
    return send_html(page.body, page.status)


async def send_workbook(
    service: Service, *, question_id: str, params: Mapping[str, str], lang: Lang
) -> Response:
    service.catalogue[question_id]
    body = await service.run(
        jobs.QUESTION_WORKBOOK, question_id=question_id, params=dict(params), lang=lang
    )
    return Response(
        content=body,
        media_type=SOLUTION_FORMATS["xlsx"],
        headers={"Content-Disposition": f'attachment; filename="{question_id}.xlsx"'},
    )


async def send_entity_page(service: Service, *, entity: str, lang: Lang) -> Response:
    page = await service.run(jobs.ENTITY_PAGE, entity=entity, lang=lang)
    return send_html(page.body, page.status)


async def send_check_page(service: Service, *, lang: Lang, at: str | None = None) -> Response:
    outcome = await service.run(CHECK_COMPLIANCE, at=at)
    report = outcome.rendered(fmt="json", lang=lang).body
    page = await service.run(jobs.CHECK_PAGE, report=report, lang=lang)
    return send_html(page.body, page.status)


async def send_outline_page(service: Service, *, lang: Lang, unit: str | None) -> Response:
    page = await service.run(jobs.OUTLINE_PAGE, lang=lang, unit=unit)
    return send_html(page.body, page.status)


def send_catalogue_page(service: Service, *, lang: Lang) -> Response:
    names = load_names()
    groups: dict[str, list[object]] = {}
    for question in sorted(service.catalogue.values(), key=lambda q: q.title_in(lang)):
        subject = question.tags[0] if question.tags else ""
        groups.setdefault(subject, []).append(question)
    subjects = sorted(
        ((names.subject(tag, lang), questions) for tag, questions in groups.items()),
        key=lambda item: item[0],
    )
    page = render_page(
        "catalogue.html", lang=lang, path="/queries", query={"lang": lang}, subjects=subjects
    )
    return send_html(page)


def send_sparql_page(service: Service, *, lang: Lang, text: str | None) -> Response:
    examples = []
    for question in sorted(service.catalogue.values(), key=lambda q: q.title_in(lang)):
        if question.kind != "sparql" or any(p.required for p in question.parameters):
            continue
        bindings = {"lang": Literal(lang)} if "lang" in question.variables else {}
        examples.append((question, editable_sparql(question.text, bindings)))
    settings = service.settings
    page = render_page(
        "sparql.html",
        lang=lang,
        path="/sparql",
        query={"lang": lang},
        text=text if text is not None else (examples[0][1] if examples else ""),
        examples=examples,
        prefixes=json.dumps(PREFIXES, ensure_ascii=False),
        timeout=settings.query_timeout,
        max_rows=settings.max_rows,
    )
    return send_html(page)
