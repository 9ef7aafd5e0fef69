"""The Vietnamese scenarios, run in-process against any store.

pytest-bdd needs a pytest session per model; a mutation run checks hundreds
of models. So the scenarios of ``features/`` are parsed once with
pytest-bdd's own parser and each step is matched to the very step function
``tests/bdd/steps`` registers, then called with the same arguments pytest
would inject (the store, the answer of the previous ``Khi`` step, the cited
sentences, ...). A scenario fails exactly when one of its steps raises;
a step that skips (``pytest.skip``: the scenarios of ``features/time/``
check the two bundled folders together, not the data under test) ends its
scenario without a verdict, as pytest would.
"""

from __future__ import annotations

import inspect
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_bdd.parser import FeatureParser, Step
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from ontology import OrgkgError, Store
from tests.bdd import steps as step_package
from tests.bdd.model import Cited, Compliance, LoadedModel, passages_of
from tests.bdd.scenario_index import FEATURES
from tests.bdd.steps import (  # noqa: F401  (importing registers the steps)
    asking,
    entities,
    meetings,
    reporting,
    rules,
    staffing,
    structure,
    timeline,
)
from tests.bdd.steps import compliance as compliance_steps  # noqa: F401

CHECK_STEP = "kiểm tra tuân thủ"


@dataclass(frozen=True)
class Scenario:
    """One scenario (one row of an outline) with its steps rendered."""

    where: str  # features/x/y.feature:12
    name: str
    tags: frozenset[str]
    description: str
    steps: tuple[Step, ...]

    @property
    def checks(self) -> bool:
        """True when it runs ``orgkg check`` (seconds): such scenarios go last."""
        return any(step.name == CHECK_STEP for step in self.steps)


@dataclass(frozen=True)
class Failure:
    scenario: Scenario
    step: str
    message: str


@dataclass
class Suite:
    """The scenarios of a features folder and the step functions they use."""

    scenarios: tuple[Scenario, ...]
    _definitions: tuple[StepFunctionContext, ...] = field(default_factory=tuple)

    @classmethod
    def load(cls, folder: Path = FEATURES) -> Suite:
        own = step_package.__name__ + "."
        definitions = tuple(
            c
            for c in step_function_context_registry.values()
            if c.step_func.__module__.startswith(own)
        )
        found = [s for path in sorted(folder.rglob("*.feature")) for s in _scenarios(folder, path)]
        # Cheap questions first, `orgkg check` last: a run stops at the first failure.
        return cls(tuple(sorted(found, key=lambda s: s.checks)), definitions)

    def failures(
        self,
        model: LoadedModel,
        *,
        first_only: bool = True,
        compliance: Compliance | None = None,
        sentences: Collection[str] = (),
    ) -> Iterator[Failure]:
        """The scenarios that fail on ``model`` (only the first one if ``first_only``).

        ``compliance`` keeps the ``orgkg check`` reports the scenarios ask
        for, so the caller can reuse them. The scenarios tagged with one of
        ``sentences`` (those an edit touches) run first among the cheap ones:
        they are the likeliest to fail, which ends a ``first_only`` run early.
        """
        compliance = compliance if compliance is not None else Compliance()
        touched = set(sentences)
        order = sorted(self.scenarios, key=lambda s: (s.checks, not s.tags & touched))
        for scenario in order:
            failure = self._run(scenario, model, compliance)
            if failure is not None:
                yield failure
                if first_only:
                    return

    def _run(
        self, scenario: Scenario, model: LoadedModel, compliance: Compliance
    ) -> Failure | None:
        fixtures: dict[str, object] = {
            "orgkg_model": model,
            "orgkg_store": model.store,
            "passages": model.passages,
            "compliance": compliance,
        }
        for step in scenario.steps:
            try:
                if step.type == "then" and "cau" not in fixtures:
                    fixtures["cau"] = Cited.of(scenario.tags, model.passages, scenario.description)
                self._call(step, fixtures)
            except (AssertionError, OrgkgError, LookupError, ValueError) as exc:
                return Failure(scenario, f"{step.keyword} {step.name}", str(exc))
            except pytest.skip.Exception:
                return None
        return None

    def _call(self, step: Step, fixtures: dict[str, object]) -> None:
        context = self._definition(step)
        arguments = context.parser.parse_arguments(step.name) or {}
        values = {k: context.converters.get(k, _same)(v) for k, v in arguments.items()}
        if step.datatable is not None:
            values["datatable"] = step.datatable.raw()
        parameters = inspect.signature(context.step_func).parameters
        kwargs = {name: values[name] if name in values else fixtures[name] for name in parameters}
        result = context.step_func(**kwargs)
        if context.target_fixture:
            fixtures[context.target_fixture] = result

    def _definition(self, step: Step) -> StepFunctionContext:
        # As pytest-bdd: of several matching definitions the last one
        # registered wins ('hỏi câu "{question}"' also matches the longer step).
        for context in reversed(self._definitions):
            if context.type in (None, step.type) and context.parser.is_matching(step.name):
                return context
        raise LookupError(f"no step definition for {step.type} {step.name!r}")


def _same(value: object) -> object:
    return value


def _scenarios(folder: Path, path: Path) -> Iterator[Scenario]:
    feature = FeatureParser(str(folder), str(path.relative_to(folder))).parse()
    for template in feature.scenarios.values():
        rule_tags = template.rule.tags if template.rule is not None else set()
        contexts = [c for examples in template.examples for c in examples.as_contexts()] or [{}]
        for context in contexts:
            rendered = template.render(context)
            yield Scenario(
                where=f"{path.relative_to(folder.parent)}:{template.line_number}",
                name=rendered.name,
                tags=frozenset(template.tags | feature.tags | rule_tags),
                description=template.description,
                steps=tuple(rendered.steps),
            )


def loaded(paths: tuple[str, ...], store: Store | None, error: OrgkgError | None) -> LoadedModel:
    """The model the steps see, as ``tests/bdd/conftest.py`` builds it."""
    passages = passages_of(store.triples()) if store is not None else {}
    return LoadedModel(paths, "oxigraph", store, error, passages)
