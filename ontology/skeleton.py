"""The texts of a new regulation folder: ``source.ttl``, ``model.ttl``, ``README.md``, a feature.

:mod:`ontology.scaffold` decides what goes where (and keeps ids across
versions); the functions here only render a segmented text and its
metadata as Turtle, Markdown or Gherkin.
"""

from __future__ import annotations

import re

from ontology.folding import fold
from ontology.metadata import Metadata, Stated
from ontology.namespaces import ID
from ontology.segmenter import Segmentation

SOURCE_TEXT = "source.txt"
SOURCE_DATA = "source.ttl"
MODEL = "model.ttl"
_KIND_ABBREVIATIONS = {
    "Quyết định": "qd",
    "Nghị định": "nd",
    "Thông tư": "tt",
    "Chỉ thị": "ct",
    "Nghị quyết": "nq",
    "Luật": "luat",
    "Quy chế": "qc",
}
_DATELINE_TIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\D+(\d{1,2}):(\d{2}))?")


def slugify(text: str) -> str:
    """An ASCII IRI slug, words joined by hyphens: ``Quyết định 54`` -> ``quyet-dinh-54``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def literal(text: str) -> str:
    """A Turtle string literal (quotes, backslashes and line breaks escaped)."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def render_source(segmentation: Segmentation, slug: str, meta: Metadata) -> str:
    """source.ttl: the document, its passages and sentences."""
    lines = [
        f"# The source text of {slug} as data, written by `orgkg init` from source.txt:",
        f"# a {segmentation.genre}, its passages and sentences with Akoma Ntoso eIds.",
        "# okg:text is a byte-exact substring of source.txt; okg:order is the position",
        "# within the parent (dcterms:isPartOf). Regenerate with `orgkg init --update`.",
    ]
    lines += [f"# Skipped line {n} (page furniture): {text}" for n, text in segmentation.skipped]
    lines += [
        "",
        "@prefix okg: <https://w3id.org/orgkg/ns#> .",
        f"@prefix src: <{ID}doc/{slug}/> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
        f"<{ID}doc/{slug}> a okg:SourceDocument ;",
        f"    dcterms:identifier {literal(slug)} ;",
        f"    dcterms:title {literal(_document_title(segmentation, meta))}@vi ;",
    ]
    issued = _issued(segmentation, meta)
    if issued:
        lines.append(f"    dcterms:issued {issued} ;")
    lines += ['    dcterms:language "vi" .', ""]
    for passage in segmentation.passages:
        parent = f"src:{passage.parent}" if passage.parent else f"<{ID}doc/{slug}>"
        kind = "okg:Sentence" if passage.is_sentence else "okg:Passage"
        lines += [
            f"src:{passage.eid} a {kind} ;",
            f"    dcterms:identifier {literal(passage.eid)} ;",
            f"    dcterms:isPartOf {parent} ;",
            f"    okg:order {passage.order} ;",
            f"    okg:text {literal(passage.text)} .",
            "",
        ]
    return "\n".join(lines)


def _document_title(segmentation: Segmentation, meta: Metadata) -> str:
    if segmentation.genre == "article":
        return segmentation.passages[0].text
    if meta.kind and meta.number:
        title = f"{meta.kind} {meta.number.value}"
        return f"{title} {meta.title.value}" if meta.title else title
    return segmentation.passages[0].text


def _issued(segmentation: Segmentation, meta: Metadata) -> str | None:
    dateline = segmentation.find("dateline")
    if dateline is not None and (m := _DATELINE_TIME.search(dateline.text)):
        day, month, year, hour, minute = m.groups()
        date = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        if hour is not None:
            return f'"{date}T{int(hour):02d}:{minute}:00"^^xsd:dateTime'
        return f'"{date}"^^xsd:date'
    if segmentation.genre == "decision" and meta.date is not None:
        return f'"{meta.date.value}"^^xsd:date'
    return None


def legal_resource_slug(meta: Metadata) -> str | None:
    """``qd-54-qd-tct66-2019`` for Decision 54/QĐ-TCT66 of 2019; None without kind and number."""
    if meta.kind is None or meta.number is None:
        return None
    parts = [_KIND_ABBREVIATIONS.get(meta.kind, slugify(meta.kind)), slugify(meta.number.value)]
    if meta.date is not None:
        parts.append(meta.date.value[:4])
    return "-".join(parts)


def render_model(meta: Metadata, slug: str) -> str:
    """model.ttl: the legal resource with what the text states, and room for the model."""
    lines = [
        f"# The model of {slug}: add the facts of the text here, each with",
        "# prov:wasDerivedFrom the sentence it comes from (see source.ttl, README.md).",
        "# `orgkg draft` proposes candidates in draft.ttl.txt (never loaded).",
        "# Below: only the document metadata the text states, each citing where.",
        "",
        "@prefix okg: <https://w3id.org/orgkg/ns#> .",
        f"@prefix src: <{ID}doc/{slug}/> .",
        "@prefix eli: <http://data.europa.eu/eli/ontology#> .",
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
    ]
    resource = legal_resource_slug(meta)
    if resource is None or meta.number is None or meta.kind is None or meta.kind_en is None:
        lines += [
            "# The text states no document kind and number: no legal resource yet.",
            f"<{ID}doc/{slug}> a okg:SourceDocument .",
            "",
        ]
        return "\n".join(lines)
    number = meta.number.value
    sources = sorted({s.source for s in (meta.number, meta.date, meta.title, meta.signer) if s})
    lines += [f"<{ID}doc/{resource}> a eli:LegalResource ;"]
    lines += [
        f"    skos:prefLabel {literal(meta.kind + ' ' + number)}@vi, "
        f"{literal(meta.kind_en + ' ' + number)}@en ;",
        f"    eli:number {literal(number)} ;",
    ]
    if meta.date is not None:
        lines.append(f'    eli:date_document "{meta.date.value}"^^xsd:date ;')
    if meta.title is not None:
        lines.append(f"    eli:title {literal(meta.title.value)}@vi ;")
    person = f"{ID}person/{slugify(meta.signer.value)}" if meta.signer else None
    if person is not None:
        lines.append(f"    okg:signedBy <{person}> ;")
    lines += [f"    prov:wasDerivedFrom {', '.join('src:' + s for s in sources)} .", ""]
    if person is not None and meta.signer is not None:
        name = literal(meta.signer.value)
        lines += [
            "# A person's name is the same in both languages.",
            f"<{person}> a foaf:Person ;",
            f"    skos:prefLabel {name}@vi, {name}@en ;",
            f"    prov:wasDerivedFrom src:{meta.signer.source} .",
            "",
        ]
    pending = [
        (what, stated)
        for what, stated in (("issuing body", meta.issuer), ("signer's title", meta.signer_title))
        if stated is not None
    ]
    if pending:
        lines.append("# Stated by the text, to model as a body or post (with its English label):")
        lines += [f"#   {what}: «{s.value}» ({s.source})" for what, s in pending]
        lines.append("")
    return "\n".join(lines)


def render_readme(segmentation: Segmentation, slug: str, meta: Metadata) -> str:
    """README.md: what the folder holds, the metadata found, every passage and sentence."""
    lines = [
        f"# {slug}",
        "",
        f"Written by `orgkg init` from `{SOURCE_TEXT}` ({segmentation.genre}). Files:",
        f"`{SOURCE_TEXT}` the text, `{SOURCE_DATA}` the text as data, `{MODEL}` the model,",
        "`shapes/` this text's own SHACL shapes, `features/` its Gherkin scenarios.",
        "",
        "## Metadata stated by the text",
        "",
    ]
    found = [
        ("kind", Stated(meta.kind, "") if meta.kind else None),
        ("number", meta.number),
        ("date", meta.date),
        ("title", meta.title),
        ("signer", meta.signer),
        ("signer's title", meta.signer_title),
        ("issuing body", meta.issuer),
    ]
    for what, stated in found:
        if stated:
            where = f" ({stated.source})" if stated.source else ""
            lines.append(f"- {what}: {stated.value}{where}")
        else:
            lines.append(f"- {what}: not stated")
    lines += ["", "## Passages and sentences", "", "| id | text |", "|---|---|"]
    for passage in segmentation.passages:
        text = passage.text.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{passage.eid}` | {text} |")
    if segmentation.skipped:
        lines += ["", "## Skipped (page furniture)", ""]
        lines += [f"- line {n}: {text}" for n, text in segmentation.skipped]
    return "\n".join(lines) + "\n"


def render_feature(segmentation: Segmentation, slug: str) -> str:
    first = next((p for p in segmentation.sentences()), None)
    example = first.eid if first else "para_1__sent_1"
    return (
        "# language: vi\n"
        f"# Kịch bản kiểm tra mô hình của {slug}: mỗi câu quy phạm một kịch bản,\n"
        f"# gắn thẻ mã câu (ví dụ @{example}) và trích nguyên văn câu đó.\n"
        f"Tính năng: {segmentation.passages[0].text}\n"
    )
