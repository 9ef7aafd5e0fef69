"""The words of a question: folded, split, stemmed, synonyms made one.

Everything the matcher compares goes through :func:`words` (folded, lower
case, no diacritics, đ = d, a crude English plural stem) and then, for the
question's wording only, :meth:`Synonyms.canonical` (the domain's variants
replaced by one form, longest first). ``{name}`` in an example phrasing and
an entity named in an asked text both become :data:`SLOT`.

>>> words("Nhóm Truyền thông báo cáo cho ai?")
['nhom', 'truyen', 'thong', 'bao', 'cao', 'cho', 'ai']
>>> words("Who reports to the Director?")
['who', 'report', 'to', 'the', 'director']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path

from ontology.errors import DataError
from ontology.folding import fold

SLOT = "@"
SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.txt"
_WORD = re.compile(r"[a-z0-9]+(?:[&'][a-z0-9]+)*")
_UNCHANGED = frozenset({"does", "goes", "has", "was", "this", "its", "yes", "less"})
_SLOT_MARK = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
ARTICLES = frozenset({"the", "a", "an"})
# Words that ask rather than say what is asked: no unigram feature of their
# own (bigrams keep them: "cho ai" tells questions apart), and left out of
# the share of words a question must explain (its confidence).
# Vietnamese (folded) and English, one string: a word list reads best as words.
FUNCTION_WORDS = frozenset(
    """
    ai cho cua la gi nao co khong cac nhung duoc va o trong thi voi ve nay do the
    toi minh xin hay vui long biet muon xem liet ke hoi dau ra sao may
    who what which whom whose is are was a an of to does in for me show list
    tell please i want know by and with there on at from it its any all how
    """.split()  # noqa: SIM905
)


def words(text: str) -> list[str]:
    """``text`` as folded, stemmed words (no slots)."""
    return [stem(word) for word in _WORD.findall(fold(text))]


def phrasing_words(text: str) -> tuple[list[str], list[str]]:
    """An example phrasing's words, ``{name}`` as :data:`SLOT`; and the slot names in order."""
    out: list[str] = []
    names: list[str] = []
    for index, piece in enumerate(_SLOT_MARK.split(text)):
        if index % 2:
            out.append(SLOT)
            names.append(piece)
        else:
            out.extend(words(piece))
    return out, names


def stem(word: str) -> str:
    """A crude English plural stem: ``duties`` -> ``duty``, ``reports`` -> ``report``.

    Folded Vietnamese syllables never end in ``s``, so they pass unchanged.
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word in _UNCHANGED:
        return word
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def features(sequence: Sequence[str]) -> list[str]:
    """Word unigrams (but function words) and bigrams: word order counts, but only locally.

    Articles are skipped: they never tell questions apart. (Bigrams over a
    one-word gap were tried and lost 2 points of top-1 on the bundled set.)
    """
    kept = [w for w in sequence if w not in ARTICLES]
    bigrams = [f"{a} {b}" for a, b in pairwise(kept)]
    return [*(w for w in kept if w not in FUNCTION_WORDS), *bigrams]


def char_grams(sequence: Iterable[str]) -> list[str]:
    """Character trigrams of each word (with edges): a one-letter typo keeps most of them."""
    grams: list[str] = []
    for word in sequence:
        if word == SLOT or len(word) < 3:
            continue
        padded = f"<{word}>"
        grams.extend(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and (a[diff[1]] == b[diff[0]])
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(shorter) and shorter[i] == longer[i]:
        i += 1
    return shorter[i:] == longer[i + 1 :]


class Synonyms:
    """The domain's variants of a word or phrase, each mapped to one canonical form."""

    def __init__(self, table: dict[tuple[str, ...], tuple[str, ...]]) -> None:
        self._table = table
        self._longest = max((len(key) for key in table), default=0)
        self.words = frozenset(word for key in table for word in key)

    def canonical(self, sequence: Sequence[str]) -> list[str]:
        """``sequence`` with every variant replaced by its canonical words, longest first."""
        out: list[str] = []
        i = 0
        while i < len(sequence):
            for size in range(min(self._longest, len(sequence) - i), 0, -1):
                replacement = self._table.get(tuple(sequence[i : i + size]))
                if replacement is not None:
                    out.extend(replacement)
                    i += size
                    break
            else:
                out.append(sequence[i])
                i += 1
        return out


@functools.cache
def load_synonyms(path: Path = SYNONYMS_FILE) -> Synonyms:
    """The synonym table (``canonical: variant | variant`` lines), or DataError at the bad line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read the synonym table: {exc}", path=path) from None
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        canonical, sep, variants = stripped.partition(":")
        target = tuple(words(canonical))
        if not sep or not target:
            raise DataError("expected 'canonical: variant | variant'", path=path, line=number)
        table[target] = target
        for variant in variants.split("|"):
            key = tuple(words(variant))
            if key:
                table[key] = target
    return Synonyms(table)
