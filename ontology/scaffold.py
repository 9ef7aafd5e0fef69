"""``orgkg init``: a regulation folder from a plain text.

:func:`create_folder` writes, all or nothing, ``source.txt`` (a byte-exact
copy), ``source.ttl`` (the text as data: every passage and sentence with its
eId, parent, order and exact text), ``model.ttl`` (empty but for the
document's metadata the text states), ``README.md`` (every passage and
sentence with its id and text), an empty ``shapes/`` and a ``features/``
skeleton. :func:`update_folder` re-reads a changed text: unchanged sentences
keep their ids, ``source.txt``, ``source.ttl`` and ``README.md`` are
replaced one file at a time, and the sentences the model cites that changed
or disappeared are returned. The files' texts are rendered by
:mod:`ontology.skeleton`.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from ontology.errors import DataError
from ontology.loader import FORMATS, SHAPES_FOLDER, parse_file, parse_graph
from ontology.metadata import read_metadata
from ontology.namespaces import DCT, ID, OKG, RDF
from ontology.screening import read_checked
from ontology.segmenter import Segmentation, segment
from ontology.skeleton import (
    MODEL,
    SOURCE_DATA,
    SOURCE_TEXT,
    literal,
    render_feature,
    render_model,
    render_readme,
    render_source,
    slugify,
)
from ontology.writer import write_file, write_folder


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
        f"features/{slug}.feature": render_feature(segmentation, slug),
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


__all__ = [
    "MODEL",
    "SOURCE_DATA",
    "SOURCE_TEXT",
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
