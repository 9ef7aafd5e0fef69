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
substring of the input; ``offset`` says where.

>>> seg = segment("Tiêu đề\\n\\nÔng Nguyễn V. A. ký Quyết định số 5/QĐ-TTg. Bộ TT&TT thi hành.\\n")
>>> [(p.eid, p.text) for p in seg.passages if p.kind == "sent"]
[('para_1__sent_1', 'Ông Nguyễn V. A. ký Quyết định số 5/QĐ-TTg.'), ('para_1__sent_2', 'Bộ TT&TT thi hành.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Genre = Literal["decision", "article"]

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
_PHOTO_CREDIT = re.compile(r"\((?:Nguồn\s+)?[ẢảAa]nh\s*:[^()]*\)")
_CONCLUSION_START = re.compile(r"(?:Nơi nhận|KT\.|TM\.|Q\.|TL\.|TUQ\.)")
# Words ending with a full stop that do not end a sentence: titles and
# initials. A single upper-case letter ("V.") is an initial.
_ABBREVIATIONS = frozenset(
    {"TP", "Tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "Th", "St", "v.v", "tr", "TX", "Ng", "No"}
)
_OPENERS = "([{“‘«\"'"
_CLOSERS = ")]}”’»"
_TERMINALS = ".!?…"
_WHITESPACE = " \t\u00a0\u2009\u202f"
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


def split_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text`` as (offset, sentence), keeping the exact characters.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes
    or brackets) followed by white space and an upper-case letter, a digit
    or an opening bracket or quote, outside brackets and quotes. Initials
    ("V."), known abbreviations ("TP.", "ThS.") and numbers ("1.000",
    "18/10/2018") never end one. A trailing photo credit "(Nguồn ảnh: ...)"
    is a sentence of its own.
    """
    pieces: list[tuple[int, str]] = []
    credit = _PHOTO_CREDIT.search(text)
    body_end = len(text)
    if credit is not None and not text[credit.end() :].strip(_WHITESPACE):
        body_end = credit.start()
    start = _skip_space(text, 0, body_end)
    depth = 0
    i = start
    while i < body_end:
        char = text[i]
        if char in "([{“«":
            depth += 1
        elif char in ")]}”»" and depth > 0:
            depth -= 1
        elif char in _TERMINALS and depth == 0 and _ends_sentence(text, i, body_end):
            end = i + 1
            while end < body_end and text[end] in _CLOSERS + "\"'":
                end += 1
            pieces.append((start, text[start:end]))
            start = _skip_space(text, end, body_end)
            i = start
            continue
        i += 1
    tail = text[start:body_end].rstrip(_WHITESPACE + "\n")
    if tail:
        pieces.append((start, tail))
    if body_end < len(text) and credit is not None:
        pieces.append((credit.start(), credit.group(0)))
    return pieces


def _ends_sentence(text: str, i: int, end: int) -> bool:
    after = i + 1
    while after < end and text[after] in _CLOSERS + "\"'":
        after += 1
    if after >= end:
        return True
    if text[after] not in _WHITESPACE + "\n":
        return False  # "1.000", "v.v", "QĐ-TTg.abc"
    following = _skip_space(text, after, end)
    if following >= end:
        return True
    nxt = text[following]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if text[i] != ".":
        return True
    word = re.search(r"(\S+)$", text[:i])
    token = word.group(1).lstrip(_OPENERS) if word else ""
    if len(token) == 1 and token.isupper():
        return False  # an initial: "Nguyễn V. A."
    return token not in _ABBREVIATIONS


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i] in _WHITESPACE + "\n":
        i += 1
    return i


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(_WHITESPACE + "\r\ufeff")
        if stripped:
            lead = len(raw) - len(raw.lstrip(_WHITESPACE + "\r\ufeff"))
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
        """Split ``passage`` into sentences, after its first ``skip`` characters (a "1." or "a)")."""
        body = passage.text[skip:]
        lead = skip + len(body) - len(body.lstrip(_WHITESPACE))
        for index, (offset, sentence) in enumerate(split_sentences(passage.text[lead:]), start=1):
            line = _Line(0, passage.offset + lead + offset, sentence)
            self.add(f"{passage.eid}__sent_{index}", "sent", line, passage.eid)

    def done(self) -> Segmentation:
        return Segmentation(self.genre, tuple(self.passages), tuple(self.skipped))

    # -- news articles ---------------------------------------------------

    def article(self, lines: list[_Line]) -> Segmentation:
        counts = {"para": 0, "img": 0, "caption": 0}
        captions = {i for i, line in enumerate(lines) if _PHOTO_CREDIT.search(line.text)}
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
                if line.text[dateline.end() :].strip(_WHITESPACE):
                    self.skipped.append((line.number, line.text[dateline.end() :].strip()))
                self.add("dateline", "dateline", _Line(line.number, line.start, dateline.group(0)), None)
                continue
            if _ATTRIBUTION.fullmatch(line.text) and index >= len(lines) - 4:
                self.add("attribution", "attribution", line, None)
                ended = True
                continue
            kind = "para"
            if index in captions:
                kind = "caption"
            elif index + 1 in captions and line.text[-1] not in _TERMINALS + ":;":
                kind = "img"
            counts[kind] += 1
            passage = self.add(f"{kind}_{counts[kind]}", kind, line, None)
            if kind != "img":
                self.add_sentences(passage)
        return self.done()

    # -- formal decisions ------------------------------------------------

    def decision(self, lines: list[_Line]) -> Segmentation:
        part = "preface"
        counts: dict[str, int] = {}
        chapter: str | None = None
        container: str | None = None  # article, clause or point taking unnumbered lines
        article: str | None = None
        clause: str | None = None
        expect_heading: str | None = None
        last: Passage | None = None

        def count(key: str) -> int:
            counts[key] = counts.get(key, 0) + 1
            return counts[key]

        for line in lines:
            text = line.text
            if part in ("preface", "preamble") and (
                _ARTICLE.match(text) or _CHAPTER.match(text)
            ):
                part = "body"
            if part == "preface" and text.startswith("Căn cứ"):
                part = "preamble"
            if part == "body" and article and expect_heading is None and _is_conclusion(text):
                part = "conclusions"
            if part == "preface":
                self.add(f"preface__p_{count('preface')}", "preface", line, None)
                continue
            if part == "preamble":
                kind = "citation" if text.startswith("Căn cứ") else "recital"
                if text.rstrip(":").isupper():
                    kind = "formula"  # "QUYẾT ĐỊNH:", the enacting words
                self.add(f"preamble__{kind}_{count(kind)}", kind, line, None)
                continue
            if part == "conclusions":
                self.add(f"conclusions__p_{count('conclusions')}", "conclusion", line, None)
                continue
            if m := _CHAPTER.match(text):
                chapter = f"chp_{roman(m.group(1))}"
                self.add(chapter, "chapter", line, None)
                expect_heading, container, article = chapter, None, None
                continue
            if m := _SECTION.match(text):
                section = f"{chapter}__sec_{m.group(1)}" if chapter else f"sec_{m.group(1)}"
                self.add(section, "section", line, chapter)
                expect_heading, container, article = section, None, None
                continue
            if m := _ARTICLE.match(text):
                article = f"art_{m.group(1)}"
                parent = self._last_of(("section", "chapter"))
                last = self.add(article, "article", line, parent)
                container, clause, expect_heading = article, None, None
                continue
            if expect_heading is not None and text.upper() == text:
                self.add(f"{expect_heading}__heading", "heading", line, expect_heading)
                expect_heading = None
                continue
            expect_heading = None
            if article and (m := _CLAUSE.match(text + " ")):
                clause = f"{article}__para_{m.group(1)}"
                last = self.add(clause, "clause", line, article)
                container = clause
                self.add_sentences(last, m.end() - 1)
                continue
            if article and (m := _POINT.match(text + " ")):
                owner = clause or article
                last = self.add(f"{owner}__point_{point_id(m.group(1))}", "point", line, owner)
                container = last.eid
                self.add_sentences(last, m.end() - 1)
                continue
            owner = container or article or chapter
            key = f"{owner}/p"
            last = self.add(f"{owner}__p_{count(key)}" if owner else f"p_{count(key)}", "p", line, owner)
            self.add_sentences(last)
        return self.done()

    def _last_of(self, kinds: tuple[str, ...]) -> str | None:
        for passage in reversed(self.passages):
            if passage.kind in kinds:
                return passage.eid
        return None


def _is_conclusion(text: str) -> bool:
    """The signature block or the list of recipients after the last article."""
    if _CONCLUSION_START.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
