"""Fidelity: the model's quotes against ``source.txt``, and what is left to model.

:func:`check_quotes` finds every passage's ``okg:text`` in the source text,
in document order and on word boundaries, and every sentence in its parent
passage, the sentences of a passage following each other with only white
space between them. So an invented quote, a changed word or a dropped full
stop is a violation naming the sentence, with the model's text and the
source's span side by side.

:func:`check_coverage` lists, as INFO results, the sentences that no fact is
derived from (``prov:wasDerivedFrom``, or ``okg:enforces`` in a shape).

A regulation folder is one holding ``source.ttl``; it must hold
``source.txt`` too, or the check cannot run (:class:`DataError`, exit 2).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib import Literal as RdfLiteral

from ontology.errors import DataError
from ontology.loader import BUNDLED
from ontology.namespaces import DCT, OKG, OKGSH, PROV, RDF
from ontology.report import Report, Result, Severity
from ontology.screening import read_checked

SOURCE_TEXT = "source.txt"
SOURCE_DATA = "source.ttl"
QUOTE_SHAPE = str(OKGSH.QuoteMatchesSource)
COVERAGE_SHAPE = str(OKGSH.SentenceCoverage)
_SPACE = " \t\n\r\u00a0\u2009\u202f"
# Between two sentences of a passage: white space, or a new line's list bullet
# (a source text written as a Markdown list, one quoted item a sentence).
_BULLET_GAP = re.compile(r"\s*\n[ \t]*[-*+•][ \t]+")


@dataclass(frozen=True)
class _Passage:
    node: URIRef
    eid: str
    text: str
    parent: URIRef | None
    order: int
    sentence: bool


def source_texts(paths: Sequence[Path | str]) -> list[str]:
    """The texts of the regulation folders among ``paths`` (the bundled one when empty)."""
    texts: list[str] = []
    for given in paths or (BUNDLED,):
        folder = Path(given)
        if not folder.is_dir():
            folder = folder.parent
        text_path = folder / SOURCE_TEXT
        if text_path.is_file():
            texts.append(read_checked(text_path).decode("utf-8"))
        elif (folder / SOURCE_DATA).is_file():
            raise DataError(
                f"a regulation folder needs its {SOURCE_TEXT}: the quotes of "
                f"{SOURCE_DATA} cannot be checked without it",
                path=text_path,
            )
    return texts


def check_quotes(data: Graph, texts: Sequence[str]) -> Report:
    """Violations for every quote that is not its span of a source text."""
    passages = _passages(data)
    if not passages:
        return Report(results=())
    if not texts:
        raise DataError(
            f"the data quotes {len(passages)} passages but no {SOURCE_TEXT} was found beside it"
        )
    results: list[Result] = []
    children: dict[URIRef | None, list[_Passage]] = defaultdict(list)
    for passage in passages.values():
        children[passage.parent].append(passage)
    for group in children.values():
        group.sort(key=lambda p: p.order)
    for root in (n for n in children if n is not None and n not in passages):
        source = max(texts, key=lambda t: _found(children[root], t))
        results += _check_tree(root, children, source)
    return Report(results=tuple(results), shapes=(QUOTE_SHAPE,))


def check_coverage(data: Graph, shapes: Graph) -> Report:
    """One INFO result per sentence that no fact is derived from."""
    cited = set(data.objects(None, PROV.wasDerivedFrom)) | set(shapes.objects(None, OKG.enforces))
    results = []
    for node in sorted(set(data.subjects(RDF.type, OKG.Sentence)), key=str):
        if node in cited:
            continue
        eid = str(data.value(node, DCT.identifier) or node)
        text = str(data.value(node, OKG.text) or "")
        results.append(
            Result(
                severity=Severity.INFO,
                shape=COVERAGE_SHAPE,
                focus=str(node),
                message_vi=f"Chưa có dữ kiện nào lấy từ câu {eid}: «{text}»",
                message_en=f"No fact is derived from sentence {eid} yet: «{text}»",
                sources=(eid,),
            )
        )
    return Report(results=tuple(results), shapes=(COVERAGE_SHAPE,))


def _passages(data: Graph) -> dict[URIRef, _Passage]:
    sentences = set(data.subjects(RDF.type, OKG.Sentence))
    found: dict[URIRef, _Passage] = {}
    for node, text in data.subject_objects(OKG.text):
        if not isinstance(node, URIRef) or not isinstance(text, RdfLiteral):
            continue
        parent = data.value(node, DCT.isPartOf)
        order = data.value(node, OKG.order)
        found[node] = _Passage(
            node=node,
            eid=str(data.value(node, DCT.identifier) or node),
            text=str(text),
            parent=parent if isinstance(parent, URIRef) else None,
            order=int(order) if isinstance(order, RdfLiteral) and str(order).isdigit() else 0,
            sentence=node in sentences,
        )
    return found


def _found(passages: list[_Passage], text: str) -> int:
    return sum(1 for p in passages if p.text in text)


def _check_tree(
    root: URIRef, children: dict[URIRef | None, list[_Passage]], source: str
) -> list[Result]:
    """Depth first from the document: passages in the source, sentences in their passage."""
    results: list[Result] = []
    cursor = 0
    stack = list(reversed(children.get(root, [])))
    while stack:
        passage = stack.pop()
        if passage.sentence:
            continue  # checked with its parent's other sentences below
        at = _find_bounded(source, passage.text, cursor)
        if at < 0:
            at = _find_bounded(source, passage.text, 0)
        kids = children.get(passage.node, [])
        if at < 0:
            results.append(_mismatch(passage, _closest(passage.text, source), "source.txt"))
            # Its sentences are then checked against the source itself, so an
            # edit made to both a sentence and its paragraph names the sentence.
            results += _check_against_source(kids, source)
        else:
            cursor = at
        results += _check_sentences(passage, [k for k in kids if k.sentence])
        stack.extend(reversed([k for k in kids if not k.sentence]))
    results += _check_against_source(children.get(root, []), source)
    return results


def _check_against_source(passages: list[_Passage], source: str) -> list[Result]:
    return [
        _mismatch(p, _closest(p.text, source), "source.txt")
        for p in passages
        if p.sentence and _find_bounded(source, p.text, 0) < 0
    ]


def _check_sentences(parent: _Passage, sentences: list[_Passage]) -> list[Result]:
    """Sentences follow each other in the parent, white space between, ending on a boundary."""
    results: list[Result] = []
    text = parent.text
    cursor: int | None = None  # None: the first sentence may follow a "1." or "a)"
    for index, sentence in enumerate(sentences):
        start = text.find(sentence.text, 0 if cursor is None else cursor)
        gap = "" if start < 0 or cursor is None else text[cursor:start]
        following = sentences[index + 1].text if index + 1 < len(sentences) else None
        end = start + len(sentence.text)
        between = not gap.strip(_SPACE) or _BULLET_GAP.fullmatch(gap) is not None
        ok = start >= 0 and between and (end == len(text) or text[end] in _SPACE)
        if ok:
            cursor = end
            continue
        begin = _skip(text, cursor or 0)
        stop = text.find(following, begin + 1) if following else -1
        span = text[begin:stop].rstrip(_SPACE) if stop > 0 else text[begin:].rstrip(_SPACE)
        results.append(_mismatch(sentence, span, parent.eid))
        cursor = stop if stop > 0 else len(text)
    return results


def _find_bounded(source: str, text: str, start: int) -> int:
    """Where ``text`` occurs from ``start`` with a boundary on both sides; -1 if nowhere."""
    at = source.find(text, start)
    while at >= 0:
        before = at == 0 or source[at - 1] in _SPACE
        end = at + len(text)
        after = end == len(source) or source[end] in _SPACE
        if before and after:
            return at
        at = source.find(text, at + 1)
    return -1


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def _closest(quote: str, source: str) -> str:
    """The line or sentence-sized piece of the source most like ``quote``."""
    pieces = [line.strip(_SPACE) for line in source.split("\n") if line.strip(_SPACE)]
    pieces += [p.strip(_SPACE) + "." for line in pieces for p in line.split(". ") if p]
    best = difflib.get_close_matches(quote, pieces, n=1, cutoff=0.3)
    return best[0] if best else ""


def _mismatch(passage: _Passage, span: str, where: str) -> Result:
    return Result(
        severity=Severity.VIOLATION,
        shape=QUOTE_SHAPE,
        focus=str(passage.node),
        path=str(OKG.text),
        value=passage.text,
        message_vi=(
            f"Trích dẫn {passage.eid} không khớp {where}: mô hình «{passage.text}», "
            f"văn bản «{span}»"
        ),
        message_en=(
            f"The quote of {passage.eid} does not match {where}: model «{passage.text}», "
            f"source «{span}»"
        ),
        sources=(passage.eid,),
    )
