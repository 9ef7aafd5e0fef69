"""``search``'s first page through the label index against search.rq, text by text.

The catalogue's ``search`` ranks its best 100 entities in the label index
(:mod:`queries.label_index`); a short text matches most labels, a long one
few, so the index's cost depends on the text. For each text this takes
turns: the first page (100 rows, uncached) through the index, then through
search.rq (the index switched off), ``--runs`` times, medians, and checks
that both gave the same bytes. The index is built once before (its cost is
printed apart)::

    python -m benchmarks.search_pages --size 1M --out /work/bench-out
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.generator import DEFAULT_SEED, OUT, ensure_dataset, parse_size
from benchmarks.timing import interleaved
from ontology import Store, load_regulation
from ontology.paging import Page
from queries import label_index, load_catalogue
from queries.analysis import memo_of
from queries.results import Rendered
from queries.stream import answer_rendered

# A phrase, a letter, two letters, a name, no match, a lone mark (folds to
# nothing: every label matches).
TEXTS = ("kế hoạch", "t", "to", "n", "nguyễn văn", "xyz", "\u0301")
PAGE = 100


def first_page(store: Store, q: str, *, indexed: bool) -> Rendered:
    """The first page of ``search`` for ``q``, evaluated again (nothing materialised)."""
    memo_of(store).pop("materialised", None)
    engines = label_index.INDEXED_ENGINES
    if not indexed:
        label_index.INDEXED_ENGINES = frozenset()
    try:
        question = load_catalogue()["search"]
        return answer_rendered(store, question, {"q": q}, page=Page(limit=PAGE))
    finally:
        label_index.INDEXED_ENGINES = engines


def measure(store: Store, texts: Sequence[str], runs: int) -> list[str]:
    """One line per text: the index's page, search.rq's, the rows; same bytes checked."""
    lines = []
    for q in texts:
        calls = [functools.partial(first_page, store, q, indexed=flag) for flag in (True, False)]
        (indexed_ms, plain_ms), (mine, theirs) = interleaved(list(calls), runs)
        if (mine.body, mine.total) != (theirs.body, theirs.total):
            raise AssertionError(f"search {q!r}: the index and search.rq answer differently")
        lines.append(
            f"{q!r:14} index {indexed_ms:8.1f} ms   search.rq {plain_ms:8.1f} ms"
            f"   rows {mine.total}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_pages", description=__doc__)
    parser.add_argument("--size", default="1M", help="triples of the synthetic data: 10k, 1M...")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (median)")
    parser.add_argument("--out", type=Path, default=OUT, help="where generated data is cached")
    args = parser.parse_args(argv)
    dataset = ensure_dataset(parse_size(args.size), seed=DEFAULT_SEED, out=args.out)
    store = load_regulation([dataset.path])
    start = time.perf_counter()
    label_index.rebuild_index(store)
    print(f"{args.size}: label index built in {(time.perf_counter() - start) * 1000:.0f} ms")
    first_page(store, TEXTS[0], indexed=True)  # the catalogue and the query parser, read once
    for line in measure(store, TEXTS, args.runs):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
