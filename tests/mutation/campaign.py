"""A mutation campaign: every mutant against the shapes and the scenarios.

A mutant is *killed* when ``orgkg check`` reports a violation on it, when a
scenario fails on it, or when orgkg refuses to load it; it *survives*
otherwise. A survivor is either an edit the text allows (listed, with the
reason, in the regulation's accepted-survivors file) or a hole in the
compliance suite.

Each mutant is judged in-process: the scenarios are parsed once
(:class:`~tests.mutation.scenarios.Suite`), the shapes' SPARQL once per
process (:mod:`ontology.parsed_queries`), and the one ``orgkg check`` report
of a mutant serves both its compliance scenarios and the shapes oracle.
``jobs`` > 1 judges mutants in forked worker processes, which inherit the
parsed suite and queries from the baseline run.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ontology import OrgkgError, load_regulation
from ontology.report import Severity
from tests.bdd.model import Compliance
from tests.mutation.mutant import Model, Mutant
from tests.mutation.scenarios import Suite, loaded

Verdict = Literal["killed", "survived"]
HERE = Path(__file__).resolve().parent
ACCEPTED = HERE / "accepted"


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    verdict: Verdict
    killed_by: tuple[
        str, ...
    ] = ()  # "scenario features/x.feature:12 ...", "shape rsh:X", "load ..."
    accepted: str | None = None  # why the text allows this edit (survivors only)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.mutant.id,
            "operator": self.mutant.operator,
            "description": self.mutant.description,
            "sentences": list(self.mutant.sentences),
            "verdict": self.verdict,
            "killed_by": list(self.killed_by),
            "accepted": self.accepted,
        }


def accepted_survivors(slug: str) -> dict[str, str]:
    """Mutant id -> why the text allows that edit, for the regulation ``slug``."""
    path = ACCEPTED / f"{slug}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {str(k): str(v) for k, v in data.get("survivors", {}).items()}


def judge(
    mutant: Mutant,
    model: Model,
    suite: Suite,
    *,
    workspace: Path,
    every_oracle: bool = False,
) -> Outcome:
    """Run one mutant: load it as orgkg would, then scenarios, then shapes.

    Stops at the first oracle that kills it, unless ``every_oracle``.
    """
    folder = mutant.write(model, workspace / "m")
    try:
        store = load_regulation([folder])
    except OrgkgError as exc:
        return Outcome(mutant, "killed", (f"load: {exc}",))
    compliance = Compliance()
    failures = suite.failures(
        loaded((str(folder),), store, None),
        first_only=not every_oracle,
        compliance=compliance,
        sentences=mutant.sentences,
    )
    killers = [f"scenario {f.scenario.where} {f.scenario.name}" for f in failures]
    if killers and not every_oracle:
        return Outcome(mutant, "killed", tuple(killers))
    report = compliance.report(store)  # the compliance scenarios' own, when they ran
    killers += sorted(
        {f"shape {r.shape}" for r in report.results if r.severity is Severity.VIOLATION}
    )
    return Outcome(mutant, "killed" if killers else "survived", tuple(killers))


@dataclass
class Campaign:
    """The outcomes of a run and their tallies, per sentence and per operator."""

    regulation: str
    baseline: Outcome | None = None  # the unedited model: must survive, or nothing counts
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0  # wall-clock time of the run, baseline included
    jobs: int = 1

    @property
    def killed(self) -> int:
        return sum(1 for o in self.outcomes if o.verdict == "killed")

    @property
    def score(self) -> float:
        return self.killed / len(self.outcomes) if self.outcomes else 1.0

    @property
    def survivors(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.verdict == "survived"]

    @property
    def unexplained(self) -> list[Outcome]:
        """Survivors nobody has shown the text allows: holes in the suite."""
        return [o for o in self.survivors if o.accepted is None]

    def tally(self, key: Callable[[Outcome], Iterable[str]]) -> dict[str, tuple[int, int]]:
        """key -> (killed, survived)."""
        counts: dict[str, list[int]] = {}
        for outcome in self.outcomes:
            for name in key(outcome):
                pair = counts.setdefault(name, [0, 0])
                pair[0 if outcome.verdict == "killed" else 1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(counts.items(), key=lambda kv: _order(kv[0]))}

    def to_dict(self) -> dict[str, object]:
        return {
            "regulation": self.regulation,
            "mutants": len(self.outcomes),
            "killed": self.killed,
            "survived": len(self.survivors),
            "score": round(self.score, 4),
            "seconds": round(self.seconds, 1),
            "jobs": self.jobs,
            "by_sentence": {
                k: {"killed": a, "survived": b} for k, (a, b) in self.tally(_sentences).items()
            },
            "by_operator": {
                k: {"killed": a, "survived": b} for k, (a, b) in self.tally(_operator).items()
            },
            "outcomes": [o.to_dict() for o in self.outcomes],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_table(self) -> str:
        if self.baseline is not None and self.baseline.verdict == "killed":
            reasons = "\n".join(f"- {k}" for k in self.baseline.killed_by)
            return f"The unedited model of {self.regulation} already fails:\n{reasons}\n"
        lines = [
            f"Mutation run on {self.regulation}: {len(self.outcomes)} mutants, "
            f"{self.killed} killed, {len(self.survivors)} survived, score {self.score:.1%} "
            f"({self.seconds:.0f} s, {self.jobs} job{'s' if self.jobs > 1 else ''})",
            "",
            _table("sentence", self.tally(_sentences)),
            "",
            _table("operator", self.tally(_operator)),
        ]
        if self.survivors:
            lines += ["", "Survivors:"]
            for o in self.survivors:
                why = o.accepted or "NOT EXPLAINED: a hole in the shapes or scenarios"
                lines.append(f"- {o.mutant.id} [{', '.join(o.mutant.sentences)}]: {why}")
        return "\n".join(lines) + "\n"


def run(
    model: Model,
    mutants: Iterable[Mutant],
    *,
    suite: Suite | None = None,
    every_oracle: bool = False,
    baseline: bool = True,
    jobs: int = 1,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Campaign:
    """Judge every mutant of ``model``; the accepted survivors come from its slug.

    The unedited model is judged first (``baseline``): when the suite fails
    on it, no kill means anything and the campaign stops there. ``jobs``
    worker processes share the mutants; the outcomes keep the mutants' order.
    """
    started = time.perf_counter()
    suite = suite or Suite.load()
    accepted = accepted_survivors(model.folder.name)
    campaign = Campaign(regulation=model.folder.name, jobs=jobs)
    chosen = list(mutants)
    with tempfile.TemporaryDirectory(prefix="orgkg-mutant-") as tmp:
        if baseline:
            unedited = Mutant(
                id="baseline", operator="none", description="the model as it is", sentences=()
            )
            campaign.baseline = judge(
                unedited, model, suite, workspace=Path(tmp) / "base", every_oracle=True
            )
            if campaign.baseline.verdict == "killed":
                campaign.seconds = time.perf_counter() - started
                return campaign  # the suite fails on the model itself: no kill means anything
        bench = _Bench(model, suite, Path(tmp), every_oracle)
        judged: dict[int, Outcome] = {}
        for index, verdict in bench.judge_all(chosen, jobs):
            outcome = verdict
            if verdict.verdict == "survived" and verdict.mutant.id in accepted:
                outcome = Outcome(verdict.mutant, "survived", (), accepted[verdict.mutant.id])
            judged[index] = outcome
            if on_outcome is not None:
                on_outcome(outcome)
        campaign.outcomes = [judged[i] for i in sorted(judged)]
    campaign.seconds = time.perf_counter() - started
    return campaign


@dataclass(frozen=True)
class _Bench:
    """What judging needs, set up once: forked workers inherit it."""

    model: Model
    suite: Suite
    workspace: Path
    every_oracle: bool

    def judge_one(self, index: int, mutant: Mutant) -> Outcome:
        where = self.workspace / str(index)
        try:
            return judge(
                mutant, self.model, self.suite, workspace=where, every_oracle=self.every_oracle
            )
        finally:
            shutil.rmtree(where, ignore_errors=True)

    def judge_all(self, mutants: Sequence[Mutant], jobs: int) -> Iterator[tuple[int, Outcome]]:
        """(index, outcome) of every mutant, in the order they are judged."""
        if jobs <= 1 or len(mutants) <= 1:
            for index, mutant in enumerate(mutants):
                yield index, self.judge_one(index, mutant)
            return
        _SHARED.bench, _SHARED.mutants = self, mutants  # forked workers start with them
        context = multiprocessing.get_context("fork")
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                futures = {pool.submit(_judge_in_worker, i): i for i in range(len(mutants))}
                for future in as_completed(futures):
                    verdict, killed_by = future.result()
                    index = futures[future]
                    yield index, Outcome(mutants[index], verdict, killed_by)
        finally:
            _SHARED.bench, _SHARED.mutants = None, ()


@dataclass
class _Shared:
    """What a forked worker inherits: only mutant indexes and verdicts cross processes."""

    bench: _Bench | None = None
    mutants: Sequence[Mutant] = ()


_SHARED = _Shared()


def _judge_in_worker(index: int) -> tuple[Verdict, tuple[str, ...]]:
    """Judge the ``index``-th mutant in a forked worker; only the verdict goes back."""
    if _SHARED.bench is None:
        raise RuntimeError("a mutation worker started without the mutants to judge")
    outcome = _SHARED.bench.judge_one(index, _SHARED.mutants[index])
    return outcome.verdict, outcome.killed_by


def _sentences(outcome: Outcome) -> tuple[str, ...]:
    return outcome.mutant.sentences or ("(no sentence)",)


def _operator(outcome: Outcome) -> tuple[str, ...]:
    return (outcome.mutant.operator,)


def _order(key: str) -> tuple[object, ...]:
    """``para_10__sent_2`` after ``para_9__sent_1``: numbers compare as numbers."""
    return tuple(
        (0, int(c), "") if c.isdigit() else (1, 0, c) for c in key.replace("__", "_").split("_")
    )


def _table(title: str, tally: dict[str, tuple[int, int]]) -> str:
    width = max([len(title), *map(len, tally)])
    rows = [f"{title:<{width}}  killed  survived  score", f"{'-' * width}  ------  --------  -----"]
    for name, (killed, survived) in tally.items():
        score = killed / (killed + survived)
        rows.append(f"{name:<{width}}  {killed:>6}  {survived:>8}  {score:>5.0%}")
    return "\n".join(rows)
