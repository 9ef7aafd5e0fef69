"""The ``integration`` marker: which tests run the whole stack.

``make test-fast`` (the inner loop) leaves out ``browser``, ``server``,
``slow`` and ``integration`` tests. A test module is integration when it
forks the service's worker pool, starts ``orgkg`` as a subprocess, runs the
catalogue on every engine, validates many files (or a whole model in each
test) with pyshacl, or rebuilds the model as of many days: each of
these costs seconds, which the unit tests below them never do. The modules
are listed here, by path, so the rule is read in one place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
INTEGRATION = (
    # whole folders: the service under attack, a real SPARQL server, the
    # scenarios and CI recipes (subprocesses), government-scale data
    "reliability/",
    "remote/",
    "bdd/test_features.py",
    "bdd/test_examples.py",
    "bdd/test_ci_recipes.py",
    "benchmarks/",
    # the HTTP service with its worker pool, or `orgkg serve`
    "api/test_api_server.py",
    "api/test_api_pool.py",
    "api/test_api_worker_errors.py",
    "api/test_api_check_export.py",
    "api/test_api_sparql.py",
    "api/test_api_health_docs.py",
    "api/test_api_queries.py",
    "api/test_api_entities_search.py",
    # `orgkg` run as a command, loading the bundled regulation each time
    "cli/test_cli_commands.py",
    "cli/test_cli_exit_codes.py",
    "cli/test_cli_progress.py",
    # the catalogue on every engine
    "queries/test_engines_agree.py",
    "queries/test_bundled_answers.py",
    "queries/test_entity_card.py",
    "queries/test_org_only.py",
    # pyshacl over every valid_*/invalid_* file
    "ontology/test_shapes.py",
    # a whole model validated (pyshacl), located line by line, or rebuilt as
    # of many days, in every test: seconds each, measured with --durations
    "ontology/test_sarif.py",
    "ontology/test_fidelity.py",
    "ontology/test_profiles.py",
    "ontology/test_timeline.py",
    "ontology/test_quote_lists.py",
    "ontology/test_persistent_store.py",
    "graph/test_kept_projection.py",
    "queries/test_paging.py",
    "queries/test_editable_sparql.py",
    "api/test_api_time.py",
    "api/test_api_pages.py",
    "api/test_api_check_profiles.py",
    "cli/test_cli_time.py",
    "cli/test_cli_query_xlsx.py",
    "cli/test_cli_any_organisation.py",
    "graph/test_jsonld_frames.py",
    "graph/test_exports_in_tools.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        where = item.path.relative_to(TESTS).as_posix()
        if where.startswith(INTEGRATION):
            item.add_marker(pytest.mark.integration)
