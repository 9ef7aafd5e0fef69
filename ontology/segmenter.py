"""Segmentation: a plain Vietnamese text -> passages and sentences with eIds.

Two genres are recognised, by their structure, never by their content:

* a **formal decision** (any line opens with ``Điều N.``): preface lines
  (``preface__p_N``), the preamble (``preamble__citation_N`` for "Căn cứ ...",
  ``preamble__recital_N`` otherwise), chapters ``chp_N`` (Roman numerals read
  as numbers) and sections ``chp_N__sec_M``, articles ``art_N`` (numbered
  across the text, as Akoma Ntoso does), clauses ``art_N__para_M`` ("1."),
  points ``art_N__para_M__point_a`` ("a)"; "đ)" is ``point_dd``), unnumbered
  lines ``__p_K`` and the signature block ``conclusions__p_N``;
* a **news article** otherwise: ``title`` (the first line), ``dateline``
  ("Thứ sáu - 19/10/2018 10:29"), ``para_N``, ``img_N`` (the title line of a
  photo: a line without final punctuation just before its caption),
  ``caption_N`` (a line crediting a photo, "(Nguồn ảnh: ...)") and
  ``attribution`` ("Theo ICTnews"); lines after the attribution are page
  furniture and are skipped (listed in ``Segmentation.skipped``).

Every paragraph, caption, clause, point and unnumbered body line is split
into sentences (``__sent_K``). Every passage's text is a byte-exact
substring of the input; ``offset`` says where. Where a sentence ends is
:mod:`ontology.sentences`'s rule.

>>> seg = segment("Tiêu đề\\n\\nÔng Nguyễn V. A. ký Quyết định số 5/QĐ-TTg. Bộ TT&TT thi hành.\\n")
>>> for p in seg.sentences():
...     print(p.eid, p.text)
para_1__sent_1 Ông Nguyễn V. A. ký Quyết định số 5/QĐ-TTg.
para_1__sent_2 Bộ TT&TT thi hành.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ontology.sentences import TERMINALS, WHITESPACE, split_sentences

Genre = Literal["decision", "article"]

__all__ = [
    "Genre",
    "Passage",
    "Segmentation",
    "point_id",
    "roman",
    "segment",
    "split_sentences",
]

_ARTICLE = re.compile(r"Điều\s+(\d+)\s*[.:]")
_CHAPTER = re.compile(r"Chương\s+([IVXLC]+|\d+)\b")
_SECTION = re.compile(r"Mục\s+(\d+)\b")
_CLAUSE = re.compile(r"(\d+)\.\s")
_POINT = re.compile(r"([a-zđ])\)\s")
_DATELINE = re.compile(
    r"(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật)\s*[-,]\s*\d{1,2}/\d{1,2}/\d{4}"
    r"(?:\s*[-,]?\s*\d{1,2}:\d{2})?",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(r"Theo\s+[^.!?]{1,60}")
# A caption ends with its photo credit: "(Nguồn ảnh: X)" or "Ảnh: X".
_CAPTION = re.compile(
    r"(?:\((?:Nguồn\s+)?[ẢảAa]nh\s*:[^()]*\)|(?:^|\s)(?:Nguồn\s+)?Ảnh\s*:[^.!?()]{1,60})\W*$"
)
_CONCLUSION_START = re.compile(r"(?:Nơi nhận|KT\.|TM\.|Q\.|TL\.|TUQ\.)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class Passage:
    """One passage or sentence: its eId, kind, text, parent and position."""

    eid: str
    kind: str
    text: str
    offset: int
    order: int
    parent: str | None = None

    @property
    def is_sentence(self) -> bool:
        return self.kind == "sent"


@dataclass(frozen=True)
class Segmentation:
    """A text cut into passages (document order, parents before children)."""

    genre: Genre
    passages: tuple[Passage, ...]
    skipped: tuple[tuple[int, str], ...] = field(default=())

    def sentences(self) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.is_sentence)

    def find(self, eid: str) -> Passage | None:
        return next((p for p in self.passages if p.eid == eid), None)


@dataclass(frozen=True)
class _Line:
    number: int
    start: int
    text: str


def segment(text: str) -> Segmentation:
    """Cut ``text`` into passages and sentences (see the module docstring)."""
    lines = _lines(text)
    if any(_ARTICLE.match(line.text) for line in lines):
        return _Builder(text, "decision").decision(lines)
    return _Builder(text, "article").article(lines)


def _lines(text: str) -> list[_Line]:
    """The non-blank lines, a hard-wrapped line joined to the one it continues.

    A line continues the previous one when it follows it directly, opens
    with a lower-case letter, and the previous one does not end a sentence
    or a clause (``. ! ? … : ;``); the joined text keeps the line break, so
    it is still an exact substring of the input.
    """
    lines: list[_Line] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(WHITESPACE + "\r\ufeff")
        if stripped:
            lead = len(raw) - len(raw.lstrip(WHITESPACE + "\r\ufeff"))
            last = lines[-1] if lines else None
            if (
                last is not None
                and last.number == number - 1
                and stripped[0].islower()
                and last.text[-1] not in TERMINALS + ":;"
            ):
                end = start + lead + len(stripped)
                lines[-1] = _Line(number, last.start, text[last.start : end])
            else:
                lines.append(_Line(number, start + lead, stripped))
        start += len(raw) + 1
    return lines


def roman(numeral: str) -> int:
    """``"IV"`` -> 4; digits are read as they are."""
    if numeral.isdigit():
        return int(numeral)
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN[char]
        following = _ROMAN[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def point_id(letter: str) -> str:
    """The eId form of a point letter: ``a`` -> ``a``, ``đ`` -> ``dd``."""
    return "dd" if letter == "đ" else letter


class _Builder:
    """Collects passages and numbers children per parent."""

    def __init__(self, text: str, genre: Genre) -> None:
        self.text = text
        self.genre: Genre = genre
        self.passages: list[Passage] = []
        self.skipped: list[tuple[int, str]] = []
        self._children: dict[str | None, int] = {}

    def add(self, eid: str, kind: str, line: _Line, parent: str | None) -> Passage:
        order = self._children.get(parent, 0) + 1
        self._children[parent] = order
        passage = Passage(eid, kind, line.text, line.start, order, parent)
        self.passages.append(passage)
        return passage

    def add_sentences(self, passage: Passage, skip: int = 0) -> None:
        """Split ``passage`` into sentences after its first ``skip`` characters ("1.", "a)")."""
        body = passage.text[skip:]
        lead = skip + len(body) - len(body.lstrip(WHITESPACE))
        for index, (offset, sentence) in enumerate(split_sentences(passage.text[lead:]), start=1):
            line = _Line(0, passage.offset + lead + offset, sentence)
            self.add(f"{passage.eid}__sent_{index}", "sent", line, passage.eid)

    def done(self) -> Segmentation:
        return Segmentation(self.genre, tuple(self.passages), tuple(self.skipped))

    # -- news articles ---------------------------------------------------

    def article(self, lines: list[_Line]) -> Segmentation:
        counts = {"para": 0, "img": 0, "caption": 0}
        captions = {i for i, line in enumerate(lines) if _CAPTION.search(line.text)}
        ended = False
        for index, line in enumerate(lines):
            if ended:
                self.skipped.append((line.number, line.text))
                continue
            if index == 0:
                self.add("title", "title", line, None)
                continue
            dateline = _DATELINE.match(line.text)
            if dateline and not any(p.kind == "dateline" for p in self.passages):
                if line.text[dateline.end() :].strip(WHITESPACE):
                    self.skipped.append((line.number, line.text[dateline.end() :].strip()))
                self.add(
                    "dateline", "dateline", _Line(line.number, line.start, dateline.group(0)), None
                )
                continue
            if _ATTRIBUTION.fullmatch(line.text) and index >= len(lines) - 4:
                self.add("attribution", "attribution", line, None)
                ended = True
                continue
            kind = "para"
            if index in captions:
                kind = "caption"
            elif index + 1 in captions and line.text[-1] not in TERMINALS + ":;":
                kind = "img"
            counts[kind] += 1
            passage = self.add(f"{kind}_{counts[kind]}", kind, line, None)
            if kind != "img":
                self.add_sentences(passage)
        return self.done()

    # -- formal decisions ------------------------------------------------

    def decision(self, lines: list[_Line]) -> Segmentation:
        reader = _DecisionReader(self)
        for line in lines:
            reader.read(line)
        return self.done()

    def last_of(self, kinds: tuple[str, ...]) -> str | None:
        for passage in reversed(self.passages):
            if passage.kind in kinds:
                return passage.eid
        return None


class _DecisionReader:
    """Reads a formal decision line by line: which part it is in, and the open containers."""

    def __init__(self, builder: _Builder) -> None:
        self.builder = builder
        self.part = "preface"
        self.counts: dict[str, int] = {}
        self.chapter: str | None = None
        self.article: str | None = None
        self.clause: str | None = None
        self.container: str | None = None  # article, clause or point taking unnumbered lines
        self.expect_heading: str | None = None

    def count(self, key: str) -> int:
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def read(self, line: _Line) -> None:
        text = line.text
        if self.part in ("preface", "preamble") and (_ARTICLE.match(text) or _CHAPTER.match(text)):
            self.part = "body"
        if self.part == "preface" and text.startswith("Căn cứ"):
            self.part = "preamble"
        if (
            self.part == "body"
            and self.article
            and self.expect_heading is None
            and _is_conclusion(text)
        ):
            self.part = "conclusions"
        if self.part == "preface":
            self.builder.add(f"preface__p_{self.count('preface')}", "preface", line, None)
        elif self.part == "preamble":
            kind = "citation" if text.startswith("Căn cứ") else "recital"
            if text.rstrip(":").isupper():
                kind = "formula"  # "QUYẾT ĐỊNH:", the enacting words
            self.builder.add(f"preamble__{kind}_{self.count(kind)}", kind, line, None)
        elif self.part == "conclusions":
            eid = f"conclusions__p_{self.count('conclusions')}"
            self.builder.add(eid, "conclusion", line, None)
        elif not self.structure(line):
            self.content(line)

    def structure(self, line: _Line) -> bool:
        """A chapter, section, article or heading line; False for content."""
        text, add = line.text, self.builder.add
        if m := _CHAPTER.match(text):
            self.chapter = f"chp_{roman(m.group(1))}"
            add(self.chapter, "chapter", line, None)
            self.expect_heading, self.container, self.article = self.chapter, None, None
        elif m := _SECTION.match(text):
            number = m.group(1)
            section = f"{self.chapter}__sec_{number}" if self.chapter else f"sec_{number}"
            add(section, "section", line, self.chapter)
            self.expect_heading, self.container, self.article = section, None, None
        elif m := _ARTICLE.match(text):
            self.article = f"art_{m.group(1)}"
            add(self.article, "article", line, self.builder.last_of(("section", "chapter")))
            self.container, self.clause, self.expect_heading = self.article, None, None
        elif self.expect_heading is not None and text.upper() == text:
            add(f"{self.expect_heading}__heading", "heading", line, self.expect_heading)
            self.expect_heading = None
        else:
            self.expect_heading = None
            return False
        return True

    def content(self, line: _Line) -> None:
        """A clause ("1."), a point ("a)") or an unnumbered line, split into sentences."""
        text, add = line.text, self.builder.add
        if self.article and (m := _CLAUSE.match(text + " ")):
            self.clause = f"{self.article}__para_{m.group(1)}"
            passage = add(self.clause, "clause", line, self.article)
            self.container = self.clause
            self.builder.add_sentences(passage, m.end() - 1)
        elif self.article and (m := _POINT.match(text + " ")):
            owner = self.clause or self.article
            passage = add(f"{owner}__point_{point_id(m.group(1))}", "point", line, owner)
            self.container = passage.eid
            self.builder.add_sentences(passage, m.end() - 1)
        else:
            parent = self.container or self.article or self.chapter
            number = self.count(f"{parent}/p")
            eid = f"{parent}__p_{number}" if parent else f"p_{number}"
            passage = add(eid, "p", line, parent)
            self.builder.add_sentences(passage)


def _is_conclusion(text: str) -> bool:
    """The signature block or the list of recipients after the last article."""
    if _CONCLUSION_START.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
