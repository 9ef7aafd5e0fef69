"""An on-disk store keeps its reporting projection and labels (``graph.kept``).

The build asks the engine and keeps what it got; a process opening the
store (here: the store opened again, with a memo of its own) reads the kept
file instead, and must get the very graph the engine gives (nodes, kinds,
each node's successors and predecessors in order), the same labels, and the
same answers to every networkx question. A kept file that is damaged, or
that another version of the data or of orgkg would have written, is never
read; a store opened read-only is never written to.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.kept import is_kept, keep, kept_path, read_kept
from graph.projection import node_labels, project_reporting
from ontology import BUNDLED, Store, load_regulation
from ontology.languages import LANGUAGES
from ontology.loader import build_store, open_built
from queries import load_catalogue, run_query
from queries.analysis import keep_projection, reporting_of

GRAPH_DATA = Path(__file__).parent / "data"
DATASETS = {
    "bundled": [BUNDLED],
    "labels-mixed": [GRAPH_DATA / "labels-mixed.ttl"],
    "odd-terms": [GRAPH_DATA / "edges-odd-terms.ttl"],
}
ORGKG = Path(sys.executable).parent / "orgkg"


@pytest.fixture(scope="module", params=sorted(DATASETS))
def data(request: pytest.FixtureRequest) -> list[Path]:
    paths: list[Path] = DATASETS[request.param]
    return paths


@pytest.fixture(scope="module")
def folder(data: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store of ``data``, built with its projection kept (as ``orgkg load`` builds).

    Shared by the module's tests: a test that damages the kept file puts it back.
    """
    into = tmp_path_factory.mktemp("kept") / "store"
    build_store(data, into, keep=keep_projection)
    return into


def _engine_only(folder: Path) -> Store:
    """The store at ``folder`` answering from the engine alone, as if nothing were kept."""
    store = open_built(folder)
    store.kept_in = None
    return store


def _same_graph(kept: nx.DiGraph, engine: nx.DiGraph) -> None:
    assert list(kept.nodes(data=True)) == list(engine.nodes(data=True))
    for node in engine:  # the walks go in this order
        assert list(kept.succ[node].items()) == list(engine.succ[node].items()), node
        assert list(kept.pred[node].items()) == list(engine.pred[node].items()), node


def test_the_kept_projection_and_labels_are_the_engines(folder: Path) -> None:
    assert [p.name for p in folder.glob("*.partial")] == []
    kept = read_kept(open_built(folder))
    assert kept is not None
    graph, labels = kept
    engine = _engine_only(folder)
    expected = project_reporting(engine, labels=False)
    _same_graph(graph, expected)
    assert labels == node_labels(engine, list(expected))


def test_each_kept_edge_has_attributes_of_its_own(folder: Path) -> None:
    """As networkx builds them: one dict per edge, the same from either end."""
    kept = read_kept(open_built(folder))
    assert kept is not None
    graph = kept[0]
    edges = list(graph.edges(data=True))
    assert all(graph.pred[v][u] is data for u, v, data in edges)
    assert len({id(data) for _u, _v, data in edges}) == len(edges)


def test_a_store_opened_later_answers_from_the_kept_file_alike(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _engine_only(folder)
    starts = list(reporting_of(engine))[:3]
    cases = []
    for question in (q for q in load_catalogue().values() if q.kind == "graph"):
        required = [p.name for p in question.parameters if p.required]
        for params in [{required[0]: start} for start in starts] if required else [{}]:
            cases += [(question, params, lang) for lang in LANGUAGES]
    expected = [run_query(engine, *case[:2], lang=case[2]) for case in cases]
    later = open_built(folder)

    def no_engine(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the kept projection was not read")

    monkeypatch.setattr("queries.analysis.project_reporting", no_engine)
    monkeypatch.setattr("queries.analysis.node_labels", no_engine)
    monkeypatch.setattr("queries.analysis.every_label_later", no_engine)
    for (question, params, lang), there in zip(cases, expected, strict=True):
        here = run_query(later, question, params, lang=lang)
        assert (here.variables, here.rows) == (there.variables, there.rows), question.id


@pytest.mark.parametrize("damage", ["truncated", "not json", "other lengths", "other format"])
def test_a_damaged_kept_file_is_not_read(folder: Path, damage: str) -> None:
    path = kept_path(open_built(folder))
    assert path is not None
    text = path.read_text(encoding="utf-8")
    damaged = {
        "truncated": text[: len(text) // 2],
        "not json": "<html>",
        "other lengths": text.replace('"kinds":[', '"kinds":["post",', 1),
        "other format": text.replace('"format":1', '"format":0', 1),
    }[damage]
    path.write_text(damaged, encoding="utf-8")
    try:
        later = open_built(folder)
        assert read_kept(later) is None
        _same_graph(reporting_of(later), project_reporting(_engine_only(folder), labels=False))
        assert path.read_text(encoding="utf-8") == damaged  # opened read-only: nothing written
    finally:
        path.write_text(text, encoding="utf-8")


def test_another_version_of_the_data_has_a_file_of_its_own(folder: Path) -> None:
    store = open_built(folder)
    path = kept_path(store)
    store.version = "another version"
    assert kept_path(store) not in (None, path)
    assert read_kept(store) is None


def test_a_store_built_without_it_is_never_written_to(data: list[Path], tmp_path: Path) -> None:
    """Opened read-only, a store answers every networkx question from the engine."""
    build_store(data, tmp_path / "store")
    store = open_built(tmp_path / "store")
    before = sorted(p.name for p in (tmp_path / "store").iterdir())
    for question in (q for q in load_catalogue().values() if q.kind == "graph"):
        if not any(p.required for p in question.parameters):
            assert run_query(store, question).variables
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == before
    assert not is_kept(store)


def test_a_folder_that_cannot_be_written_to_keeps_nothing(folder: Path, tmp_path: Path) -> None:
    store = open_built(folder)
    store.kept_in = tmp_path / "no such folder"
    assert keep(store, reporting_of(store), {}) is None
    assert not store.kept_in.exists()


def test_a_store_loaded_in_memory_keeps_nothing() -> None:
    store: Store = load_regulation()
    assert kept_path(store) is None and read_kept(store) is None
    assert keep_projection(store) is None


def test_orgkg_load_keeps_the_projection_once(tmp_path: Path) -> None:
    into = tmp_path / "store"
    command = [str(ORGKG), "load", str(BUNDLED), "--into", str(into)]
    first = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert "with its reporting projection kept" in first.stderr
    assert is_kept(open_built(into))
    assert len(list(into.glob("orgkg-kept-*"))) == 1  # no partial file left
    again = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert "up to date" in again.stderr and "projection" not in again.stderr
    for kept in into.glob("orgkg-kept-*"):  # as a store built by an orgkg that kept none
        kept.unlink()
    older = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert "keeps no reporting projection" in older.stderr and "--force" in older.stderr
