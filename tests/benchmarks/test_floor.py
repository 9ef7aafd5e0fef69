"""The floor benchmark measures every question beside the engine, and reports the targets.

A small generated file only; nothing here asserts a wall-clock time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import floor
from benchmarks.disk_store import measure_disk
from benchmarks.floor import main, measure_size
from benchmarks.generator import ensure_dataset
from benchmarks.loads import KINDS, time_loads
from benchmarks.served_pages import page_paths
from benchmarks.served_pages import render as render_served
from benchmarks.sparql import check_sparql_targets
from benchmarks.targets import check_disk_targets, check_targets, render, render_disk
from queries import load_catalogue

SIZE = 3_000


@pytest.fixture(autouse=True)
def one_run_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """Quick questions are not repeated to fill a time budget here: the shapes are tested."""
    monkeypatch.setattr(floor, "QUICK_BUDGET_MS", 0.0)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    made = ensure_dataset(SIZE, out=tmp_path_factory.mktemp("floor"))
    return made.path, made.manifest.samples


def test_a_quick_call_is_repeated_to_fill_the_budget_and_never_run_fewer_times_than_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(floor, "QUICK_BUDGET_MS", 500.0)
    assert floor.runs_for(lambda: None, 3) == floor.MAX_RUNS
    monkeypatch.setattr(floor, "QUICK_BUDGET_MS", 0.0)
    assert floor.runs_for(lambda: None, 3) == 3


def test_every_question_has_a_floor_and_a_first_page(dataset: tuple[Path, dict[str, str]]) -> None:
    path, samples = dataset
    result = measure_size(path, samples, runs=1)
    questions = [row for row in result["graph"] if row["name"] != "projection: reporting"]
    assert all(row["primed_ms"] >= 0 for row in questions)  # once the projection is built
    # a cold call's CPU: the whole process's, of which the calling thread's is a part
    assert all(row["cpu_ms"] >= row["python_ms"] > 0 for row in result["graph"])
    assert all(row["best_ratio"] > 0 for row in result["questions"])  # best run to best run
    catalogue = load_catalogue()
    sparql = {q.id for q in catalogue.values() if q.kind == "sparql"}
    graph = {q.id for q in catalogue.values() if q.kind == "graph"}
    assert {row["name"] for row in result["questions"]} == sparql
    assert {row["name"] for row in result["graph"]} == graph | {"projection: reporting"}
    free = {q.id for q in catalogue.values() if not any(p.required for p in q.parameters)}
    for row in result["questions"]:
        assert row["floor_ms"] > 0 and row["orgkg_ms"] > 0 and row["page_ms"] > 0
        assert row["ratio"] == pytest.approx(row["orgkg_ms"] / row["floor_ms"])
        # CPU time too: this process's, which a busy machine does not inflate
        assert row["cpu_ratio"] == pytest.approx(row["orgkg_cpu_ms"] / row["floor_cpu_ms"])
        # a parameter-free question is also paged as served: cut from its prepared answer
        assert ("prepared_page_ms" in row) is (row["name"] in free)
        # search's label index: its build measured apart, its pages with it kept
        assert ("index_ms" in row) is (row["name"] == "search")
    load = result["load"]
    assert load["rows"] == result["triples"] >= SIZE
    assert load["screening_ms"] > 0 and load["folding_ms"] > 0
    result["disk"] = measure_disk(path)
    assert result["disk"]["first_question_rows"] > 0
    assert result["disk"]["rss_after_open_mb"] > 0
    targets = check_targets("3k", result)
    assert len(targets) == 8
    cold = next(t for t in targets if "networkx cold" in t["target"])
    assert "in the calling thread" in cold["measured"]
    assert all(isinstance(t["met"], bool) for t in targets)
    table = render("3k", result)
    assert "floor ms" in table and "open + ex-officio-posts page" in table
    assert result["disk"]["listing_rows"] > 0
    # built as orgkg load builds it: the networkx answer comes from the kept projection
    assert result["disk"]["keep_s"] > 0 and result["disk"]["networkx_rows"] > 0
    assert "of which keeping the projection" in table
    alone = render_disk("3k on disk", {"triples": result["triples"], "disk": result["disk"]})
    assert "open + ex-officio-posts page" in alone and "RSS after open" in alone
    assert [t["target"] for t in check_disk_targets("3k", result["disk"])] == [
        t["target"] for t in targets[-3:]
    ]


def test_only_load_and_graph_skips_the_questions(dataset: tuple[Path, dict[str, str]]) -> None:
    """``--only load,graph``: the questions are not run, and their targets are not claimed."""
    path, samples = dataset
    result = measure_size(path, samples, runs=1, parts=frozenset({"load", "graph"}))
    assert result["questions"] == []
    assert result["graph"] and result["load"]["ratio"] > 0
    names = [t["target"] for t in check_targets("3k", result)]
    assert len(names) == 3 and names[0].startswith("load") and "networkx cold" in names[1]
    assert "load" in render("3k", result)


def test_served_pages_ask_page_one_of_every_question_and_are_a_target() -> None:
    paths = page_paths(["/queries/units", "/queries/units?lang=en"], ["/queries/history?entity=x"])
    assert paths == [
        "/queries/units?limit=100",
        "/queries/units?lang=en&limit=100",
        "/queries/history?entity=x&lang=en&limit=100",
        "/queries/history?entity=x&limit=100",
    ]
    probe = {"p50_ms": 1.0, "p99_ms": 2.0, "max_ms": 3.0, "failures": 0}
    load = {"tool": "wrk", "connections": 16, "duration_s": 20.0, "rate": 900.0, "note": ""}
    served = {"pages": 4, "first_requests": probe, "load": {**load, **probe, "p99_ms": 501.0}}
    assert "p99 501.0 ms" in render_served(served)
    result = {
        "load": {"ratio": 1.0},
        "questions": [{"name": "units", "ratio": 1.0, "page_ms": 900.0, "prepared_page_ms": 1.0}],
        "graph": [{"name": "g", "orgkg_ms": 1.0, "warm_ms": 1.0}],
        "served_pages": served,
    }
    targets = {t["target"]: t for t in check_targets("1M", result)}
    assert not targets["HTTP first page p99 <= 500 ms"]["met"]
    page = next(t for name, t in targets.items() if name.startswith("first page"))
    assert page["met"] and "uncached slowest units 900 ms" in page["measured"]


def test_sparql_side_by_side_is_two_targets_of_the_same_run() -> None:
    """make bench ends with /sparql beside oxigraph serve: its share and its p99 are targets."""
    run = {"rate": 400.0, "p50_ms": 5.0, "p99_ms": 25.0, "failures": 0}
    document = {
        "runs": {
            "oxigraph": [{**run, "rate": 1000.0, "p99_ms": 11.0}, {**run, "rate": 900.0}],
            "orgkg": [run, {**run, "rate": 600.0, "p99_ms": 18.0}],
        }
    }
    share, p99 = check_sparql_targets(document)
    assert share["met"] and share["measured"].startswith("60%")
    assert p99["met"] and "p99 18.0 ms; oxigraph's own 11.0 ms" in p99["measured"]
    document["runs"]["orgkg"][1]["failures"] = 3
    assert not check_sparql_targets(document)[0]["met"]


def test_a_bad_size_is_refused_before_anything_is_measured(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--sizes", "lots", "--sparql-rounds", "0"]) == 2
    assert "not a size: 'lots'" in capsys.readouterr().err


def test_each_load_is_timed_in_a_fresh_process(dataset: tuple[Path, dict[str, str]]) -> None:
    """Every kind of load, every run: each in a process of its own."""
    path, _ = dataset
    times = time_loads(path, runs=2)
    assert times.processes == 2 * len(KINDS)
    assert times.floor_ms > 0 and times.orgkg_ms > 0 and times.floor_with_labels_ms > 0
    assert times.floor_lenient_ms > 0
    assert times.triples >= SIZE
