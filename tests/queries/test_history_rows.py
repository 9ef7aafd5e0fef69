"""history of an entity dated by itself: one row, on every engine, whatever else is labelled."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology import ENGINES, load_regulation
from queries import run_query

DATED_POST = Path(__file__).parent / "data" / "dated-post.ttl"
KEEPER = "http://example.org/lighthouses/keeper"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_dated_post_has_one_history_row_without_a_value(engine: str, lang: str) -> None:
    store = load_regulation([DATED_POST], engine=engine)
    answer = run_query(store, "history", {"entity": KEEPER}, lang=lang)
    rows = [dict(zip(answer.variables, row, strict=True)) for row in answer.rows]
    assert len(rows) == 1, rows
    (row,) = rows
    assert str(row["subject"]) == KEEPER
    assert str(row["from"]) == "2019-09-09"
    assert str(row["source"]) == "art_1"
    assert row["value"] is None and row["valueLabel"] is None
    assert str(row["subjectLabel"]) == {"vi": "Người gác hải đăng", "en": "Lighthouse keeper"}[lang]
