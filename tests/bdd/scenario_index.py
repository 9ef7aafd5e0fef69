"""An index of the scenarios under ``features/`` and of the sentences the model cites.

The coverage test and the run summary read it: which sentence each scenario
is tagged with and quotes, and which sentences the modelled facts come from
(``prov:wasDerivedFrom``), so both can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner
from rdflib.namespace import DCTERMS, PROV

ROOT = Path(__file__).resolve().parents[2]
FEATURES = ROOT / "features"
QUOTE = re.compile(r"^Câu nguồn: “(?P<text>.*)”$")
GLOSS = re.compile(r"^In English: \S")


@dataclass(frozen=True)
class ScenarioInfo:
    """One scenario (or scenario outline) as written in a feature file."""

    path: Path
    line: int
    name: str
    tags: tuple[str, ...]  # without "@", the scenario's own plus its feature's and rule's
    quotes: tuple[str, ...]  # the sentences quoted in its description
    glossed: bool  # has a one-line English gloss

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line} ({self.name})"


def feature_files(folder: Path = FEATURES) -> list[Path]:
    """Every ``.feature`` file under ``folder``, in a stable order."""
    return sorted(folder.rglob("*.feature"))


def parse_feature(path: Path) -> dict[str, Any]:
    """The gherkin-official document of one file (raises on a syntax error)."""
    document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
    return cast("dict[str, Any]", document)


def scenarios_in(path: Path) -> list[ScenarioInfo]:
    """The scenarios of one feature file, rules included."""
    feature = parse_feature(path).get("feature") or {}
    found: list[ScenarioInfo] = []

    def walk(children: Iterable[dict[str, Any]], inherited: tuple[str, ...]) -> None:
        for child in children:
            if "rule" in child:
                rule = child["rule"]
                walk(rule["children"], inherited + _tags(rule))
            elif "scenario" in child:
                found.append(_info(path, child["scenario"], inherited))

    walk(feature.get("children", []), _tags(feature))
    return found


def all_scenarios(folder: Path = FEATURES) -> list[ScenarioInfo]:
    return [s for path in feature_files(folder) for s in scenarios_in(path)]


def cited_passages(triples: Iterable[tuple[Any, Any, Any]]) -> set[str]:
    """Ids of the passages some modelled fact is ``prov:wasDerivedFrom``."""
    identifiers: dict[Any, str] = {}
    cited: set[Any] = set()
    for s, p, o in triples:
        if p == DCTERMS.identifier:
            identifiers[s] = str(o)
        elif p == PROV.wasDerivedFrom:
            cited.add(o)
    return {identifiers[node] for node in cited if node in identifiers}


def _tags(node: dict[str, Any]) -> tuple[str, ...]:
    return tuple(tag["name"].lstrip("@") for tag in node.get("tags", []))


def _info(path: Path, scenario: dict[str, Any], inherited: tuple[str, ...]) -> ScenarioInfo:
    lines = [line.strip() for line in (scenario.get("description") or "").splitlines()]
    quotes = tuple(m["text"] for m in map(QUOTE.match, lines) if m)
    example_tags = tuple(t for ex in scenario.get("examples", []) for t in _tags(ex))
    return ScenarioInfo(
        path=path,
        line=scenario["location"]["line"],
        name=scenario["name"],
        tags=inherited + _tags(scenario) + example_tags,
        quotes=quotes,
        glossed=any(GLOSS.match(line) for line in lines),
    )
