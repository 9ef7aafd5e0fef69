"""How often ``orgkg ask`` understands an analyst: top-1, top-3 and parameter accuracy.

Each phrasing set is a small TSV in ``tests/ask/data`` (text, expected
question, expected parameters) beside the data it is asked of. Run
``python -m tests.ask.accuracy`` (or ``make ask-accuracy``) to print the
figures the README quotes; ``tests/ask/test_accuracy.py`` holds them to a floor.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ontology import Store, load_regulation
from ontology.errors import DataError, NotUnderstood, UnresolvedParameter
from ontology.folding import fold
from queries import Catalogue, load_catalogue
from queries.ask import interpret, matcher_for
from queries.ask.entities import build_index, entity_index

DATA = Path(__file__).resolve().parent / "data"
ID_BASE = "https://w3id.org/orgkg/id/"
ORG_ONLY = Path(__file__).resolve().parents[1] / "queries" / "data" / "org-only-ministry.ttl"


@dataclass(frozen=True)
class Case:
    """One phrasing and what it means; ``line`` is where it is in its file."""

    text: str
    question: str
    params: Mapping[str, str]
    line: int


@dataclass(frozen=True)
class Outcome:
    case: Case
    question: str | None
    params: Mapping[str, str]
    top3: tuple[str, ...]

    @property
    def right_question(self) -> bool:
        return self.question == self.case.question

    @property
    def right(self) -> bool:
        return self.right_question and dict(self.params) == dict(self.case.params)


@dataclass(frozen=True)
class Figures:
    name: str
    cases: int
    top1: float
    top1_with_params: float
    top3: float
    params_when_question_right: float
    misses: tuple[Outcome, ...]
    seconds_per_question: float

    def lines(self) -> list[str]:
        return [
            f"{self.name}: {self.cases} phrasings",
            f"  top-1 question             {self.top1:6.1%}",
            f"  top-1 question + params    {self.top1_with_params:6.1%}",
            f"  top-3 question             {self.top3:6.1%}",
            f"  params right (question ok) {self.params_when_question_right:6.1%}",
            f"  interpretation time        {self.seconds_per_question * 1000:6.2f} ms a question",
            *(
                f"  miss line {o.case.line}: {o.case.text!r} -> {o.question} {dict(o.params)}"
                f" (expected {o.case.question} {dict(o.case.params)})"
                for o in self.misses
            ),
        ]


def read_cases(path: Path, base: str = ID_BASE) -> list[Case]:
    """The phrasings of a TSV file; an entity parameter's value is completed with ``base``."""
    cases: list[Case] = []
    catalogue = load_catalogue()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("text\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise DataError(
                "expected text, question, params (tab-separated)", path=path, line=number
            )
        text, question_id, raw = parts
        question = catalogue[question_id]
        params: dict[str, str] = {}
        if raw.strip() != "-":
            for item in raw.split(";"):
                name, _, value = item.partition("=")
                parameter = question.parameter(name.strip())
                if parameter is None:
                    raise DataError(
                        f"{question_id} has no parameter {name!r}", path=path, line=number
                    )
                # Text is compared folded: the search is accent-insensitive anyway.
                params[parameter.name] = base + value if parameter.kind == "iri" else fold(value)
        cases.append(Case(text, question_id, params, number))
    return cases


def run_case(store: Store, case: Case, lang: str) -> Outcome:
    """What ``orgkg ask`` makes of one phrasing (nothing is run)."""
    try:
        meant = interpret(store, case.text, lang=lang)
    except NotUnderstood as exc:
        return Outcome(case, None, {}, tuple(c["id"] for c in exc.candidates[:3]))
    except UnresolvedParameter as exc:
        return Outcome(case, exc.question, {}, (exc.question or "",))
    top3 = (meant.question.id, *meant.alternatives[:2])
    params = {
        name: value if meant.question.parameter(name).kind == "iri" else fold(value)  # type: ignore[union-attr]
        for name, value in meant.params.items()
    }
    return Outcome(case, meant.question.id, params, top3)


def measure(name: str, store: Store, cases: Sequence[Case], lang: str = "vi") -> Figures:
    """Run every case and count."""
    started = time.perf_counter()
    outcomes = [run_case(store, case, lang) for case in cases]
    elapsed = time.perf_counter() - started
    total = len(outcomes) or 1
    right_question = [o for o in outcomes if o.right_question]
    return Figures(
        name=name,
        cases=len(outcomes),
        top1=len(right_question) / total,
        top1_with_params=sum(o.right for o in outcomes) / total,
        top3=sum(o.case.question in o.top3 for o in outcomes) / total,
        params_when_question_right=(
            sum(o.right for o in right_question) / len(right_question) if right_question else 0.0
        ),
        misses=tuple(o for o in outcomes if not o.right),
        seconds_per_question=elapsed / total,
    )


def phrasing_sets() -> list[tuple[str, list[Path], str, Path]]:
    """(name, data to load, language, phrasings) of every measured set."""
    return [
        ("bundled regulation (Decision 426)", [], "vi", DATA / "bundled.tsv"),
        ("ORG-only ministry fixture", [ORG_ONLY], "vi", DATA / "org-only.tsv"),
        ("English organogram fixture", [DATA / "organogram.ttl"], "en", DATA / "organogram.tsv"),
    ]


def overhead(store: Store, cases: Sequence[Case], repeats: int = 5) -> list[str]:
    """What asking adds to a question's own time: one-off builds, then each interpretation."""
    catalogue = Catalogue(load_catalogue().values())  # a fresh object: a fresh matcher
    started = time.perf_counter()
    matcher_for(catalogue)
    built = time.perf_counter() - started
    started = time.perf_counter()
    build_index(store, "vi")
    indexed = time.perf_counter() - started
    entity_index(store, "vi")
    timings: list[float] = []
    for _ in range(repeats):
        for case in cases:
            started = time.perf_counter()
            with contextlib.suppress(NotUnderstood, UnresolvedParameter):
                interpret(store, case.text, catalogue=catalogue)
            timings.append(time.perf_counter() - started)
    timings.sort()
    return [
        "ask overhead on the bundled regulation (beside the question's own time):",
        f"  matcher built once per catalogue        {built * 1000:7.1f} ms",
        f"  entity index built once per store       {indexed * 1000:7.1f} ms",
        f"  one interpretation, median / p95 / max  {statistics.median(timings) * 1000:.2f} / "
        f"{timings[int(len(timings) * 0.95)] * 1000:.2f} / {timings[-1] * 1000:.2f} ms",
    ]


def main() -> int:
    bundled = load_regulation()
    lines = overhead(bundled, read_cases(DATA / "bundled.tsv"))
    sys.stdout.write("\n".join(lines) + "\n")
    for name, data, lang, phrasings in phrasing_sets():
        store = load_regulation(data)
        base = base_of(phrasings)
        figures = measure(name, store, read_cases(phrasings, base), lang)
        sys.stdout.write("\n".join(figures.lines()) + "\n")
    return 0


def base_of(path: Path) -> str:
    """The ``# base: IRI`` line of a phrasing file (its entities' namespace)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# base:"):
            return line.partition(":")[2].strip()
    return ID_BASE


if __name__ == "__main__":
    raise SystemExit(main())
