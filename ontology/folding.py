"""The accent-folded search form of a label.

Lower case, every combining mark dropped, and đ/Đ mapped to d explicitly:
Unicode decomposition leaves đ alone, so NFD alone would not fold it.

>>> fold("Tổ trưởng Tổ công tác")
'to truong to cong tac'
>>> fold("ĐIỆN TỬ")
'dien tu'
"""

from __future__ import annotations

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "Ł": "l"})


def fold(text: str) -> str:
    """Return the lower-case, mark-free, whitespace-collapsed form of ``text``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
