"""Step definitions for the Vietnamese scenarios in ``features/``.

Each step is one call into orgkg's public functions — the ones the command
line and the HTTP service call (``queries.run_query``, ``queries.search``,
``queries.describe_entity``, ``ontology.validation.check``) — and one
assertion; no SPARQL here. A failed ``Thì`` step says, in Vietnamese and in
English, which sentence of the source text the model contradicts (the
scenario's ``@para_N__sent_M`` tags), then shows the answer it got.

The data under test is the bundled regulation unless ``--orgkg-data PATH``
(repeatable) or ``ORGKG_DATA`` (paths joined by ``os.pathsep``) names other
files or folders, exactly like ``orgkg --data``; ``--orgkg-store`` (or
``ORGKG_STORE``) picks the engine. The store is loaded once per session.
Every passage id of the source document is registered as a marker, so under
``--strict-markers`` a tag that names no sentence fails collection.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

import pytest
from pytest_bdd.parser import Scenario

from ontology import OrgkgError, Store, load_regulation
from tests.bdd.model import (
    Cited,
    Compliance,
    LoadedModel,
    bundled_passages,
    data_paths,
    passages_of,
)
from tests.bdd.recipes import CiRuns, run_all
from tests.bdd.steps import (
    asking,
    entities,
    meetings,
    reporting,
    rules,
    staffing,
    structure,
    timeline,
)
from tests.bdd.steps import (
    compliance as compliance_steps,
)

# pytest-bdd registers each step as a fixture of the module that defines it,
# and pytest reads fixtures of this conftest only: bring the steps here.
for _module in (
    asking,
    compliance_steps,
    entities,
    meetings,
    reporting,
    rules,
    staffing,
    structure,
    timeline,
):
    globals().update(
        {name: value for name, value in vars(_module).items() if name.startswith("pytestbdd_")}
    )

_MODEL = pytest.StashKey["LoadedModel"]()
_DESCRIPTION = pytest.StashKey[str]()
_CI = pytest.StashKey[tuple[Path, "Future[CiRuns]"]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("orgkg", "orgkg scenarios")
    group.addoption(
        "--orgkg-data",
        action="append",
        default=None,
        metavar="PATH",
        help="data the scenarios check: a file or folder, repeatable, as `orgkg --data` "
        "(default: $ORGKG_DATA, else the bundled regulation)",
    )
    group.addoption(
        "--orgkg-store",
        default=None,
        metavar="ENGINE",
        help="oxigraph, memory or a SPARQL endpoint URL (default: $ORGKG_STORE, else oxigraph)",
    )


def pytest_configure(config: pytest.Config) -> None:
    paths = data_paths(config)
    engine = config.getoption("--orgkg-store", default=None) or os.environ.get(
        "ORGKG_STORE", "oxigraph"
    )
    store: Store | None = None
    error: OrgkgError | None = None
    try:
        store = load_regulation(paths, engine=engine)
    except OrgkgError as exc:  # every scenario then fails with this message
        error = exc
    passages = passages_of(store.triples()) if store is not None else {}
    config.stash[_MODEL] = LoadedModel(paths, engine, store, error, passages)
    for passage in sorted(bundled_passages().keys() | passages.keys()):
        config.addinivalue_line("markers", f"{passage}: checks passage {passage} of the source")


@pytest.fixture(scope="session")
def orgkg_model(pytestconfig: pytest.Config) -> LoadedModel:
    """The data under test with its passages (see the module docstring)."""
    return pytestconfig.stash[_MODEL]


@pytest.fixture(scope="session")
def orgkg_store(orgkg_model: LoadedModel) -> Store:
    """The store under test, loaded once per session."""
    if orgkg_model.store is None:
        pytest.fail(f"orgkg cannot load the data under test: {orgkg_model.error}", pytrace=False)
    return orgkg_model.store


@pytest.fixture(scope="session")
def passages(orgkg_model: LoadedModel) -> dict[str, str]:
    """Passage id -> text of the source document under test, and of the bundled ones."""
    return {**bundled_passages(), **orgkg_model.passages}


@pytest.fixture(scope="session")
def compliance() -> Compliance:
    """``orgkg check``'s report, once per store."""
    return Compliance()


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, scenario: Scenario) -> None:
    """Keep the running scenario's description: ``cau`` checks its quotes."""
    request.node.stash[_DESCRIPTION] = scenario.description


@pytest.fixture
def cau(request: pytest.FixtureRequest, passages: dict[str, str]) -> Cited:
    """The source sentences the running scenario is tagged with (its quotes checked)."""
    tags = {m.name for m in request.node.iter_markers()}
    return Cited.of(tags, passages, request.node.stash.get(_DESCRIPTION, ""))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the CI recipes (seconds of subprocesses) now, beside the in-process scenarios."""
    if session.config.option.collectonly:
        return
    if any("ci_runs" in getattr(item, "fixturenames", ()) for item in session.items):
        workspace = Path(tempfile.mkdtemp(prefix="orgkg-ci-"))
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="orgkg-ci")
        session.config.stash[_CI] = (workspace, pool.submit(run_all, workspace))
        pool.shutdown(wait=False)


def pytest_unconfigure(config: pytest.Config) -> None:
    started = config.stash.get(_CI, None)
    if started is not None:
        workspace, runs = started
        runs.cancel()  # never started: never will
        wait([runs])  # started: its subprocesses finish before their folder goes
        shutil.rmtree(workspace, ignore_errors=True)


@pytest.fixture(scope="session")
def ci_runs(pytestconfig: pytest.Config) -> CiRuns:
    """The CI recipes of examples/ci, run once on a good and a broken repository."""
    return pytestconfig.stash[_CI][1].result()
