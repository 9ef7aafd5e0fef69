"""The scenarios cover the text both ways, and say what they check.

A sentence is *normative* when some modelled fact is derived from it
(``prov:wasDerivedFrom``): then at least one scenario must be tagged with its
id. Every tag must name a real passage of the source document, every
scenario must quote, word for word, each sentence it is tagged with, and
give a one-line English gloss.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from ontology import Store
from tests.bdd.scenario_index import (
    FEATURES,
    ScenarioInfo,
    all_scenarios,
    cited_passages,
    feature_files,
    parse_feature,
)

HERE = Path(__file__).resolve().parent


def spaced(text: str) -> str:
    """Whitespace runs as one space: the source has no-break spaces a reader cannot see."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def scenarios() -> list[ScenarioInfo]:
    return all_scenarios()


@pytest.fixture(scope="module")
def normative(orgkg_store: Store) -> set[str]:
    return cited_passages(orgkg_store.triples())


def test_every_normative_sentence_has_a_scenario(
    scenarios: list[ScenarioInfo], normative: set[str], passages: dict[str, str]
) -> None:
    tagged = {tag for s in scenarios for tag in s.tags}
    missing = sorted(normative - tagged)
    assert not missing, "sentences the model cites but no scenario checks:\n" + "\n".join(
        f"  @{sid}: {passages.get(sid, '')}" for sid in missing
    )


def test_every_tag_names_a_real_sentence(
    scenarios: list[ScenarioInfo], passages: dict[str, str]
) -> None:
    unknown = sorted(
        f"{s.where}: @{tag}" for s in scenarios for tag in s.tags if tag not in passages
    )
    assert not unknown, "tags that name no passage of the source:\n" + "\n".join(unknown)


def test_every_scenario_is_tagged_with_a_sentence(scenarios: list[ScenarioInfo]) -> None:
    untagged = [s.where for s in scenarios if not s.tags]
    assert not untagged, "scenarios with no sentence tag:\n" + "\n".join(untagged)


def test_every_scenario_quotes_its_sentences_word_for_word(
    scenarios: list[ScenarioInfo], passages: dict[str, str]
) -> None:
    wrong = [
        f"{s.where}: quotes {sorted(s.quotes)} but is tagged {sorted(s.tags)}"
        for s in scenarios
        if sorted(map(spaced, s.quotes))
        != sorted(spaced(passages.get(tag, f"<@{tag}>")) for tag in set(s.tags))
    ]
    assert not wrong, "quote each tagged sentence as “Câu nguồn: “...””:\n" + "\n".join(wrong)


def test_every_scenario_has_an_english_gloss(scenarios: list[ScenarioInfo]) -> None:
    bare = [s.where for s in scenarios if not s.glossed]
    assert not bare, "add a line 'In English: ...' to:\n" + "\n".join(bare)


@pytest.mark.parametrize("path", feature_files(), ids=lambda p: p.stem)
def test_feature_file_is_vietnamese_nfc_with_one_feature(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path} is not NFC"
    assert text.startswith("# language: vi\n"), f"{path} must start with '# language: vi'"
    document = parse_feature(path)
    assert document["feature"]["language"] == "vi"
    assert text.count("Tính năng:") == 1, f"{path}: one Tính năng per file"


STEP = re.compile(
    r"""@(?:given|when|then)\(\s*(?:parsers\.parse\()?(?P<q>['"])(?P<text>(?:(?!(?P=q)).)*)(?P=q)"""
)


def test_every_step_is_documented_in_the_features_readme() -> None:
    steps = [
        m["text"]
        for module in sorted((HERE / "steps").glob("*.py"))
        for m in STEP.finditer(module.read_text(encoding="utf-8"))
    ]
    readme = (FEATURES / "README.md").read_text(encoding="utf-8")
    assert len(steps) > 40
    missing = [step for step in steps if f"`{step}`" not in readme]
    assert not missing, "document these steps in features/README.md:\n" + "\n".join(missing)
