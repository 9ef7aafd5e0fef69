"""Sentences: where a Vietnamese paragraph's sentences begin and end.

A sentence ends at a full stop, question or exclamation mark or ellipsis
outside brackets and quotes, before a capital, a digit or an opening mark,
unless the word before it is a title or an initial ("TS.", "V."). A photo
credit at the end of a caption is not a sentence of its own.

>>> split_sentences("Ông Nguyễn V. A. ký. Bộ thi hành.")
[(0, 'Ông Nguyễn V. A. ký.'), (21, 'Bộ thi hành.')]
"""

from __future__ import annotations

import re

_PHOTO_CREDIT = re.compile(r"\((?:Nguồn\s+)?[ẢảAa]nh\s*:[^()]*\)")
# Words ending with a full stop that do not end a sentence: titles and
# initials. A single upper-case letter ("V.") is an initial.
_ABBREVIATIONS = frozenset(
    {"TP", "Tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "Th", "St", "v.v", "tr", "TX", "Ng", "No"}
)
_OPENERS = "([{“‘«\"'"
_CLOSERS = ")]}”’»"
TERMINALS = ".!?…"
WHITESPACE = " \t\u00a0\u2009\u202f"


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
    if credit is not None and not text[credit.end() :].strip(WHITESPACE):
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
        elif char in TERMINALS and depth == 0 and _ends_sentence(text, i, body_end):
            end = i + 1
            while end < body_end and text[end] in _CLOSERS + "\"'":
                end += 1
            pieces.append((start, text[start:end]))
            start = _skip_space(text, end, body_end)
            i = start
            continue
        i += 1
    tail = text[start:body_end].rstrip(WHITESPACE + "\n")
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
    if text[after] not in WHITESPACE + "\n":
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
    while i < end and text[i] in WHITESPACE + "\n":
        i += 1
    return i
