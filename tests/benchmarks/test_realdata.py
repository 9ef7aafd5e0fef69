"""The real-data benchmark's file: the UK organograms, whole, copied with distinct IRIs.

Builds the data only (the measuring is benchmarks.floor's, tested in
test_floor.py); nothing here asserts a wall-clock time.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from benchmarks.realdata import SOURCES, RealData, ensure_realdata, source_files

ID = "https://w3id.org/orgkg/id/"


def copy_of(subject: object) -> str:
    """``r3`` for ``<https://w3id.org/orgkg/id/r3/...>``."""
    return str(subject).removeprefix(f"<{ID}").split("/", 1)[0]


@pytest.fixture(scope="module")
def store_and_data(tmp_path_factory: pytest.TempPathFactory) -> tuple[ox.Store, RealData]:
    data = ensure_realdata(30_000, [SOURCES], tmp_path_factory.mktemp("realdata"))
    store = ox.Store()
    store.bulk_load(path=str(data.path), format=ox.RdfFormat.N_TRIPLES)
    return store, data


def test_every_copy_is_the_real_graph_under_its_own_iris(
    store_and_data: tuple[ox.Store, RealData],
) -> None:
    store, data = store_and_data
    assert data.copies >= 2 and len(store) == data.triples == data.copies * data.base_triples
    copies = {copy_of(q.subject) for q in store.quads_for_pattern(None, None, None)}
    assert copies == {f"r{i}" for i in range(data.copies)}
    # Each copy holds as many posts as the real snapshots together (none shared).
    posts = ox.NamedNode("http://www.w3.org/ns/org#Post")
    kind = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    per_copy: dict[str, int] = {}
    for quad in store.quads_for_pattern(None, kind, posts):
        name = copy_of(quad.subject)
        per_copy[name] = per_copy.get(name, 0) + 1
    assert len(set(per_copy.values())) == 1 and next(iter(per_copy.values())) > 100


def test_every_snapshot_is_in_and_the_samples_are_in_the_data(
    store_and_data: tuple[ox.Store, RealData],
) -> None:
    store, data = store_and_data
    assert len(data.snapshots) * 2 == len(source_files([SOURCES]))  # senior + junior each
    for name in ("deep_post", "deep_unit", "person", "body"):
        node = ox.NamedNode(data.samples[name])
        assert next(store.quads_for_pattern(node, None, None), None) is not None, name


def test_a_folder_without_organograms_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match=r"no \.csv"):
        ensure_realdata(1_000, [tmp_path], tmp_path / "out")


def test_real_data_above_one_file_is_a_folder_of_parts_with_the_same_triples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5M real triples exceed what the loader reads as one file: they are written as parts."""
    monkeypatch.setattr("benchmarks.realdata.SINGLE_FILE_TRIPLES", 10_000)
    monkeypatch.setattr("benchmarks.realdata.PART_BYTES", 1_000_000)
    data = ensure_realdata(30_000, [SOURCES], tmp_path)
    assert data.path.is_dir()
    parts = sorted(data.path.glob("part-*.nt"))
    assert len(parts) >= 2
    store = ox.Store()
    for part in parts:
        store.bulk_load(path=str(part), format=ox.RdfFormat.N_TRIPLES)
    assert len(store) == data.triples == data.copies * data.base_triples
    assert ensure_realdata(30_000, [SOURCES], tmp_path).path == data.path  # cached
