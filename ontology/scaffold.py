"""``orgkg init``: a regulation folder from a plain text.

:func:`create_folder` writes, all or nothing, ``source.txt`` (a byte-exact
copy), ``source.ttl`` (the text as data: every passage and sentence with its
eId, parent, order and exact text), ``model.ttl`` (empty but for the
document's metadata the text states), ``README.md`` (every passage and
sentence with its id and text), an empty ``shapes/`` and a ``features/``
skeleton. :func:`update_folder` re-reads a changed text: unchanged sentences
keep their ids, ``source.txt``, ``source.ttl`` and ``README.md`` are
replaced one file at a time, and the sentences the model cites that changed
or disappeared are returned.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from ontology.errors import DataError
from ontology.folding import fold
from ontology.loader import FORMATS, SHAPES_FOLDER, parse_file, parse_graph
from ontology.metadata import Metadata, Stated, read_metadata
from ontology.namespaces import DCT, ID, OKG, RDF
from ontology.screening import read_checked
from ontology.segmenter import Segmentation, segment
from ontology.writer import write_file, write_folder

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


@dataclass(frozen=True)
class CitedChange:
    """A sentence the model cites whose text changed or that disappeared."""

    eid: str
    old_text: str
    new_eid: str | None
    new_text: str | None

    def describe(self) -> str:
        if self.new_eid is None:
            return f"{self.eid}: disappeared (was «{self.old_text}»)"
        return f"{self.eid}: changed, now {self.new_eid} «{self.new_text}» (was «{self.old_text}»)"


MAX_LINE = 100_000
"""The longest line a text may have; a paragraph of a real regulation is a few thousand."""


def slugify(text: str) -> str:
    """An ASCII IRI slug, words joined by hyphens: ``Quyết định 54`` -> ``quyet-dinh-54``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def read_text(path: Path) -> tuple[bytes, str]:
    """The raw bytes of a text file and its text; DataError if absent, not UTF-8 NFC, or empty."""
    if not path.is_file():
        raise DataError("no such text file", path=path)
    raw = path.read_bytes()
    text = read_checked(path).decode("utf-8")
    if not text.strip():
        raise DataError("the text is empty", path=path, line=1, column=1)
    if not any(character.isalpha() for character in text):
        raise DataError("the text has no words (only numbers and signs)", path=path, line=1)
    return raw, text


def segment_checked(text: str, path: Path) -> Segmentation:
    """The text's passages; DataError on a line too long to be one paragraph of a text."""
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE:
            raise DataError(
                f"a line of {len(line):,} characters (at most {MAX_LINE:,}): "
                "were the text's line breaks lost?",
                path=path,
                line=number,
            )
    return segment(text)


def create_folder(target: Path, source: Path) -> Segmentation:
    """Write a new regulation folder for the text at ``source`` (see the module docstring)."""
    raw, text = read_text(source)
    segmentation = segment_checked(text, source)
    slug = slugify(target.resolve().name) or "document"
    meta = read_metadata(segmentation)
    files: dict[str, bytes | str] = {
        SOURCE_TEXT: raw,
        SOURCE_DATA: render_source(segmentation, slug, meta),
        MODEL: render_model(meta, slug),
        "README.md": render_readme(segmentation, slug, meta),
        f"{SHAPES_FOLDER}/": b"",
        f"features/{slug}.feature": _feature(segmentation, slug),
    }
    write_folder(target, files)
    return segmentation


def update_folder(target: Path, source: Path) -> tuple[Segmentation, list[CitedChange]]:
    """Re-segment a changed text into an existing folder, keeping unchanged sentence ids."""
    old_path = target / SOURCE_DATA
    if not old_path.is_file():
        raise DataError(f"no {SOURCE_DATA} to update (run init without --update)", path=old_path)
    raw, text = read_text(source)
    slug, old = _old_passages(old_path)
    slug = slug or slugify(target.resolve().name) or "document"
    segmentation = _keep_ids(segment_checked(text, source), old)
    meta = read_metadata(segmentation)
    new_texts = {p.eid: p.text for p in segmentation.passages}
    changes: list[CitedChange] = []
    for eid in sorted(_cited(target, slug)):
        if eid not in old or new_texts.get(eid) == old[eid][0]:
            continue
        replacement = _replacement(segmentation, old, eid)
        changes.append(CitedChange(eid, old[eid][0], replacement, new_texts.get(replacement or "")))
    write_file(target / SOURCE_TEXT, raw)
    write_file(target / SOURCE_DATA, render_source(segmentation, slug, meta))
    write_file(target / "README.md", render_readme(segmentation, slug, meta))
    return segmentation, changes


# -- ids kept across versions ------------------------------------------------


def _old_passages(path: Path) -> tuple[str | None, dict[str, tuple[str, str | None]]]:
    """The document's slug, and eId -> (text, parent eId) of every passage of a source.ttl."""
    graph = parse_graph([path])
    found: dict[str, tuple[str, str | None]] = {}
    for node, text in graph.subject_objects(OKG.text):
        eid = graph.value(node, DCT.identifier)
        parent = graph.value(node, DCT.isPartOf)
        parent_id = graph.value(parent, DCT.identifier) if parent is not None else None
        if eid is not None:
            found[str(eid)] = (str(text), str(parent_id) if parent_id is not None else None)
    document = next(iter(graph.subjects(RDF.type, OKG.SourceDocument)), None)
    slug = graph.value(document, DCT.identifier) if document is not None else None
    return (str(slug) if slug is not None else None), found


def _keep_ids(new: Segmentation, old: dict[str, tuple[str, str | None]]) -> Segmentation:
    """Give unchanged sentences their old ids; new or changed ones fresh, never reused, ids."""
    by_parent: dict[str | None, list[tuple[str, str]]] = defaultdict(list)
    for eid, (text, parent) in old.items():
        if "__sent_" in eid:
            by_parent[parent].append((eid, text))
    renamed: dict[str, str] = {}
    for parent in {p.parent for p in new.passages if p.is_sentence}:
        current = [p for p in new.passages if p.is_sentence and p.parent == parent]
        before = sorted(by_parent.get(parent, []), key=lambda item: _index(item[0]))
        used = {_index(eid) for eid, _ in before}
        following = max(used, default=0) + 1
        matcher = difflib.SequenceMatcher(
            None, [t for _, t in before], [p.text for p in current], autojunk=False
        )
        for tag, i1, _i2, j1, j2 in matcher.get_opcodes():
            for offset, passage in enumerate(current[j1:j2]):
                if tag == "equal":
                    renamed[passage.eid] = before[i1 + offset][0]
                else:
                    renamed[passage.eid] = f"{parent}__sent_{following}"
                    following += 1
    passages = tuple(replace(p, eid=renamed.get(p.eid, p.eid)) for p in new.passages)
    return replace(new, passages=passages)


def _index(eid: str) -> int:
    return int(eid.rsplit("_", 1)[1])


def _replacement(new: Segmentation, old: dict[str, tuple[str, str | None]], eid: str) -> str | None:
    """The new sentence that stands where a changed one stood (same parent, most alike)."""
    text, parent = old[eid]
    candidates = [p for p in new.passages if p.parent == parent and p.eid not in old]
    if not candidates:
        return None
    best = max(candidates, key=lambda p: difflib.SequenceMatcher(None, text, p.text).ratio())
    return best.eid if difflib.SequenceMatcher(None, text, best.text).ratio() >= 0.5 else None


def _cited(folder: Path, slug: str) -> set[str]:
    """The passage ids the folder's model and shapes cite (any triple's object)."""
    prefix = f"{ID}doc/{slug}/"
    cited: set[str] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix not in FORMATS or path.name == SOURCE_DATA or not path.is_file():
            continue
        for quad in parse_file(path):
            value = getattr(quad.object, "value", "")
            if isinstance(value, str) and value.startswith(prefix):
                cited.add(value[len(prefix) :])
    return cited


# -- renderings ----------------------------------------------------------------


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


def _feature(segmentation: Segmentation, slug: str) -> str:
    first = next((p for p in segmentation.sentences()), None)
    example = first.eid if first else "para_1__sent_1"
    return (
        "# language: vi\n"
        f"# Kịch bản kiểm tra mô hình của {slug}: mỗi câu quy phạm một kịch bản,\n"
        f"# gắn thẻ mã câu (ví dụ @{example}) và trích nguyên văn câu đó.\n"
        f"Tính năng: {segmentation.passages[0].text}\n"
    )


__all__ = [
    "CitedChange",
    "create_folder",
    "literal",
    "read_text",
    "render_model",
    "render_readme",
    "render_source",
    "slugify",
    "update_folder",
]
