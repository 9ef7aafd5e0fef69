"""The accent-folded search form of a label.

Lower case, every combining mark dropped, and đ/Đ mapped to d explicitly:
Unicode decomposition leaves đ alone, so NFD alone would not fold it.

>>> fold("Tổ trưởng Tổ công tác")
'to truong to cong tac'
>>> fold("ĐIỆN TỬ")
'dien tu'
>>> fold_all(["Tổ trưởng", "Straße", "  Bộ   Nội vụ "])
['to truong', 'strasse', 'bo noi vu']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import chain

_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "Ł": "l"})


def _fold_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.casefold()


# Every Latin letter, precomposed or not, folded one character at a time.
# Folding is per character (marks are dropped, so their order never
# matters; casefold has no context), so a translate table gives the same
# result as the slow path, about ten times faster on a big load.
_LATIN = str.maketrans(
    {
        code: _fold_slowly(chr(code))
        for code in chain(
            range(0x41, 0x5B), range(0xC0, 0x250), range(0x300, 0x370), range(0x1E00, 0x1F00)
        )
    }
)


def fold(text: str) -> str:
    """Return the lower-case, mark-free, whitespace-collapsed form of ``text``."""
    quick = text.translate(_LATIN)
    bare = quick if quick.isascii() else _fold_slowly(text)
    return " ".join(bare.split())


# Outside ASCII, what the decomposition of a Latin text may hold: the
# combining marks fold drops (U+034F, a joiner of class 0, is kept by fold).
_NOT_MARK = re.compile("[^\\x00-\\x7f\u0300-\u034e\u0350-\u036f]")


def fold_all(texts: Sequence[str]) -> list[str]:
    """``[fold(t) for t in texts]``, in a few calls over the whole list.

    Decomposed all at once, the marks dropped by one ASCII encoding; a text
    that holds anything else (ß, a ligature, another script) is folded alone.

    >>> fold_all(["Phó Thủ tướng", "Đề án"]), fold_all([])
    (['pho thu tuong', 'de an'], [])
    """
    if not texts:  # joined, no text and one empty text would look alike
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        # A text's own line end is white space, which fold makes one space.
        joined = "\n".join(text.replace("\n", " ") for text in texts)
    for letter, plain in (("đ", "d"), ("Đ", "d"), ("ð", "d"), ("ł", "l"), ("Ł", "l")):
        joined = joined.replace(letter, plain)
    decomposed = unicodedata.normalize("NFD", joined)
    bare = decomposed.encode("ascii", "ignore").decode("ascii").lower().split("\n")
    if _NOT_MARK.search(decomposed) is None:
        return [" ".join(text.split()) for text in bare]
    parts = decomposed.split("\n")
    return [
        fold(text) if _NOT_MARK.search(part) else " ".join(plain.split())
        for text, part, plain in zip(texts, parts, bare, strict=True)
    ]
