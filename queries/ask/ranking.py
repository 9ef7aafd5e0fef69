"""Okapi BM25 over short documents of tokens (written here: it is small).

>>> index = Bm25([["bao", "cao"], ["con", "dau"]])
>>> [round(s, 3) for s in index.scores(["dau"])]
[0.0, 0.693]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


class Bm25:
    """Scores of a query against every document, Okapi BM25 (k1, b)."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.5) -> None:
        self.k1 = k1
        self.b = b
        self._counts = [Counter(document) for document in documents]
        self._lengths = [len(document) for document in documents]
        self._average = (sum(self._lengths) / len(documents)) if documents else 0.0
        frequency: Counter[str] = Counter()
        for counts in self._counts:
            frequency.update(counts.keys())
        total = len(documents)
        self._idf = {
            token: math.log(1 + (total - seen + 0.5) / (seen + 0.5))
            for token, seen in frequency.items()
        }
        # Token -> the documents holding it: a query touches only those.
        self._postings: dict[str, list[int]] = {}
        for index, counts in enumerate(self._counts):
            for token in counts:
                self._postings.setdefault(token, []).append(index)

    def __len__(self) -> int:
        return len(self._counts)

    def scores(self, query: Sequence[str]) -> list[float]:
        """One score per document (0 where no query token occurs)."""
        out = [0.0] * len(self._counts)
        for token in set(query):
            idf = self._idf.get(token)
            if idf is None:
                continue
            for index in self._postings[token]:
                tf = self._counts[index][token]
                norm = 1 - self.b + self.b * self._lengths[index] / (self._average or 1.0)
                out[index] += idf * tf * (self.k1 + 1) / (tf + self.k1 * norm)
        return out

    def shared(self, query: Sequence[str], index: int) -> list[str]:
        """The query tokens document ``index`` holds, in query order, once each."""
        counts = self._counts[index]
        return list(dict.fromkeys(token for token in query if token in counts))
