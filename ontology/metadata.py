"""Document metadata read from a segmented text: only what the text states.

Number and symbol ("Số: 54/QĐ-TCT66", "quyết định 426"), date ("ngày 18
tháng 10 năm 2018", "Ngày 18/10/2018, ... ký"), the signer's name and title,
the title line of a decision and its issuing body. Each value keeps the id of
the passage it was read from. What the text does not state stays None: no
default, no guess.

>>> from ontology.segmenter import segment
>>> text = "Tin\\n\\nNgày 18/10/2018, Bộ trưởng Mai Tiến Dũng đã ký quyết định 426.\\n"
>>> meta = read_metadata(segment(text))
>>> meta.kind, meta.number.value, meta.date.value, meta.signer.value
('Quyết định', '426', '2018-10-18', 'Mai Tiến Dũng')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ontology.segmenter import Passage, Segmentation

# Kinds of Vietnamese legal documents and their usual English names: a
# fixed vocabulary, not a translation of the text.
DOCUMENT_KINDS: dict[str, str] = {
    "Quyết định": "Decision",
    "Nghị định": "Decree",
    "Thông tư": "Circular",
    "Chỉ thị": "Directive",
    "Nghị quyết": "Resolution",
    "Luật": "Law",
    "Quy chế": "Regulation",
}
_NUMBER = re.compile(r"Số\s*:\s*([0-9]+(?:/[0-9]{4})?/[A-ZĐ0-9-]+(?:-[A-ZĐa-z0-9]+)*)")
_KIND_LINE = re.compile("(" + "|".join(k.upper() for k in DOCUMENT_KINDS) + r")\s*$")
_SIGNED = re.compile(
    r"(?:đã\s+)?(?:ký(?:\s+ban\s+hành)?)\s+(" + "|".join(DOCUMENT_KINDS) + r")\s+(?:số\s+)?"
    r"([0-9]+(?:/[A-ZĐ0-9-]+)?)",
    re.IGNORECASE,
)
_ADVERBS = re.compile(r"(?:\s+(?:vừa|mới|đã|đã từng|chính thức))+$")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_SLASH = re.compile(r"[Nn]gày\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_NAME_WORD = re.compile(r"[A-ZÀ-ỸĐ][a-zà-ỹđ]*$")
_INSTITUTION_WORDS = frozenset(
    {"Bộ", "Ban", "Cục", "Sở", "Vụ", "Ủy", "Uỷ", "Tổng", "Nhà", "Hội", "Tổ", "Nhóm", "Phòng"}
)
# Common family names: a run of capitalised words longer than a name
# ("Hà Nội Nguyễn Đức Chung") starts the name at the first of them.
_FAMILY_NAMES = frozenset(
    {
        *("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi"),
        *("Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Mai", "Đào", "Đinh", "Lâm", "Trương", "Hà", "Tô"),
        *("Tạ", "Lương", "Đoàn", "Trịnh", "Cao", "Chu", "Vương", "Quách", "Thái", "Kiều"),
    }
)
_TITLE_OPENERS = ("Về việc", "Về ", "Ban hành", "Thành lập", "Quy định", "Phê duyệt")


@dataclass(frozen=True)
class Stated:
    """A value and the passage (eId) that states it."""

    value: str
    source: str


@dataclass(frozen=True)
class Metadata:
    """What the text states about the document it is about."""

    kind: str | None = None
    number: Stated | None = None
    date: Stated | None = None
    title: Stated | None = None
    signer: Stated | None = None
    signer_title: Stated | None = None
    issuer: Stated | None = None

    @property
    def kind_en(self) -> str | None:
        return DOCUMENT_KINDS.get(self.kind) if self.kind else None


def read_metadata(segmentation: Segmentation) -> Metadata:
    """The metadata a decision's preface and signature, or an article's lead, state."""
    if segmentation.genre == "decision":
        return _decision(segmentation.passages)
    return _article(segmentation.passages)


def _decision(passages: tuple[Passage, ...]) -> Metadata:
    preface = [p for p in passages if p.kind == "preface"]
    conclusions = [p for p in passages if p.kind == "conclusion"]
    kind = number = date = title = issuer = signer = signer_title = None
    for index, passage in enumerate(preface):
        if number is None and (m := _NUMBER.search(passage.text)):
            number = Stated(m.group(1), passage.eid)
        if date is None and (day := _date(passage.text)):
            date = Stated(day, passage.eid)
        if kind is None and (m := _KIND_LINE.match(passage.text)):
            kind = next(k for k in DOCUMENT_KINDS if k.upper() == m.group(1))
            following = preface[index + 1] if index + 1 < len(preface) else None
            if following is not None and following.text.startswith(_TITLE_OPENERS):
                title = Stated(following.text, following.eid)
    # The issuing body heads the page, before the national motto.
    for passage in preface:
        if passage.text.upper().startswith("CỘNG HÒA") or passage.text.upper().startswith(
            "CỘNG HOÀ"
        ):
            break
        if passage.text.isupper():
            issuer = Stated(passage.text, passage.eid)
    # The signature block ends with the signer's post, then their name.
    names = [p for p in conclusions if _is_name(p.text)]
    if names:
        last = names[-1]
        signer = Stated(last.text, last.eid)
        before = [p for p in conclusions if p.order < last.order and p.text.isupper()]
        if before:
            signer_title = Stated(before[-1].text, before[-1].eid)
    return Metadata(kind, number, date, title, signer, signer_title, issuer)


def _article(passages: tuple[Passage, ...]) -> Metadata:
    for passage in passages:
        if not passage.is_sentence:
            continue
        signed = _SIGNED.search(passage.text)
        if signed is None:
            continue
        kind = next(k for k in DOCUMENT_KINDS if k.lower() == signed.group(1).lower())
        day = _date(passage.text[: signed.start()])
        # "... Lê Thành Long vừa ký": the adverbs before the verb are not the name.
        lead = _ADVERBS.sub("", passage.text[: signed.start()].rstrip())
        name = _name_before(lead)
        signer = signer_title = None
        if name is not None:
            signer = Stated(name, passage.eid)
            head = lead[: len(lead) - len(name)].rstrip(" ,")
            head = re.sub(r"^.*?\d{4}\s*,\s*", "", head)  # drop "Ngày 18/10/2018,"
            head = re.sub(r"^\([^)]*\)\s*[-–—]\s*", "", head)  # drop "(PLVN) - "
            if head:
                signer_title = Stated(head, passage.eid)
        return Metadata(
            kind=kind,
            number=Stated(signed.group(2), passage.eid),
            date=Stated(day, passage.eid) if day else None,
            signer=signer,
            signer_title=signer_title,
        )
    return Metadata()


def _date(text: str) -> str | None:
    """ISO date of "ngày 18 tháng 10 năm 2018" or "ngày 18/10/2018"; None if absent or invalid."""
    m = _DATE_WORDS.search(text) or _DATE_SLASH.search(text)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    except ValueError:
        return None


def _name_before(text: str) -> str | None:
    """The person's name that ends ``text``: two to five capitalised words."""
    words = text.split()
    name: list[str] = []
    for word in reversed(words):
        if not _NAME_WORD.match(word) or word in _INSTITUTION_WORDS or len(name) == 5:
            break
        name.insert(0, word)
    if len(name) > 3:
        starts = [i for i, w in enumerate(name) if w in _FAMILY_NAMES and len(name) - i <= 4]
        name = name[starts[0] :] if starts else name[-3:]
    return " ".join(name) if len(name) >= 2 else None


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words)
