"""Every question answers on data labelled in one language only.

Asked in the other language, a label column falls back to the label there
is, never to an IRI: an English-only department (the browser tests' made-up
one) and a Vietnamese-only one (data/vi-only-department.ttl).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology import Store, load_regulation
from queries import load_catalogue, run_query

ROOT = Path(__file__).resolve().parents[2]
# Each dataset and the post at the bottom of its chain of command.
DATASETS = {
    "en-only": (
        ROOT / "tests" / "browser" / "data" / "made-up-department.ttl",
        "Lighthouse Officer",
    ),
    "vi-only": (ROOT / "tests" / "queries" / "data" / "vi-only-department.ttl", "Chuyên viên"),
}
QUESTIONS = sorted(
    q.id for q in load_catalogue().values() if not any(p.required for p in q.parameters)
)


@pytest.fixture(scope="module", params=sorted(DATASETS))
def one_language(request: pytest.FixtureRequest) -> tuple[Store, str]:
    path, bottom = DATASETS[request.param]
    return load_regulation([path]), bottom


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_labels_fall_back_to_the_other_language(
    one_language: tuple[Store, str], question: str, lang: str
) -> None:
    records = run_query(one_language[0], question, lang=lang).records()
    labels = [
        str(value)
        for record in records
        for name, value in record.items()
        if name.endswith(("Label", "Labels")) and value is not None
    ]
    assert not [label for label in labels if label.startswith(("http://", "https://"))]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_chain_reads_in_the_only_language_there_is(
    one_language: tuple[Store, str], lang: str
) -> None:
    store, bottom = one_language
    chain = run_query(store, "chain-of-command", {"from": bottom}, lang=lang).records()
    labels = [str(r["nodeLabel"]) for r in chain]
    assert len(labels) >= 3 and labels[0] == bottom
    assert not [label for label in labels if label.startswith("http")]
