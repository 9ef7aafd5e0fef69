"""The on-disk store: built once (``orgkg load``), opened read-only, refused when stale."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ontology import BUNDLED, load_regulation
from ontology.errors import DataError, StoreError
from ontology.loader import build_store, open_built
from ontology.persistent import MANIFEST
from queries import load_catalogue
from queries.stream import answer_rendered

ORGKG = Path(sys.executable).parent / "orgkg"
SIMPLE = ["units", "posts", "reporting-lines", "duties", "span-of-control", "documents"]


@pytest.fixture
def regulation(tmp_path: Path) -> Path:
    """A copy of the bundled regulation that a test may edit."""
    copy = tmp_path / "regulation"
    shutil.copytree(BUNDLED, copy)
    return copy


def test_a_built_store_answers_like_the_memory_load(regulation: Path, tmp_path: Path) -> None:
    built = build_store([regulation], tmp_path / "store")
    assert built.rebuilt
    disk = open_built(tmp_path / "store")
    memory = load_regulation([regulation])
    assert len(disk) == len(memory) == built.manifest.triples
    catalogue = load_catalogue()
    for question_id in SIMPLE:
        question = catalogue[question_id]
        assert answer_rendered(disk, question).body == answer_rendered(memory, question).body
    assert disk.version == built.manifest.version
    assert disk.engine == "oxigraph"


def test_the_manifest_names_every_input_with_its_hash(regulation: Path, tmp_path: Path) -> None:
    build_store([regulation], tmp_path / "store")
    manifest = json.loads((tmp_path / "store" / MANIFEST).read_text(encoding="utf-8"))
    names = {Path(f["path"]).name for f in manifest["files"]}
    assert {"vocabulary.ttl", "bodies.ttl", "meetings.ttl"} <= names
    assert all(len(f["sha256"]) == 64 for f in manifest["files"])
    assert manifest["pyoxigraph"] and manifest["triples"] > 1000


def test_an_up_to_date_store_is_not_rebuilt(regulation: Path, tmp_path: Path) -> None:
    first = build_store([regulation], tmp_path / "store")
    again = build_store([regulation], tmp_path / "store")
    assert not again.rebuilt
    assert again.manifest == first.manifest
    assert build_store([regulation], tmp_path / "store", force=True).rebuilt


def test_changed_data_is_refused_naming_the_file(regulation: Path, tmp_path: Path) -> None:
    build_store([regulation], tmp_path / "store")
    units = regulation / "structure.ttl"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("Tổ công tác", "Tổ côNg tác", 1), encoding="utf-8")
    with pytest.raises(StoreError, match=r"structure\.ttl changed \(same size, new content\)"):
        open_built(tmp_path / "store")
    units.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"structure\.ttl changed .* bytes\)"):
        open_built(tmp_path / "store", [regulation])


def test_the_same_content_touched_still_opens(regulation: Path, tmp_path: Path) -> None:
    build_store([regulation], tmp_path / "store")
    os.utime(regulation / "structure.ttl")
    assert len(open_built(tmp_path / "store")) > 0


def test_other_data_given_is_refused(regulation: Path, tmp_path: Path) -> None:
    build_store([regulation], tmp_path / "store")
    with pytest.raises(StoreError, match="no longer given"):
        load_regulation([regulation / "bodies.ttl"], engine=f"oxigraph:{tmp_path / 'store'}")


def test_a_folder_without_manifest_is_refused(tmp_path: Path) -> None:
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "CURRENT").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not a complete orgkg store"):
        open_built(tmp_path / "half")
    with pytest.raises(StoreError, match="no store at"):
        open_built(tmp_path / "missing")


def test_a_folder_that_is_no_store_is_never_replaced(regulation: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(DataError, match="not an orgkg store"):
        build_store([regulation], precious)
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_bad_data_leaves_the_old_store(regulation: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    old = build_store([regulation], store).manifest
    (regulation / "broken.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.ttl"):
        build_store([regulation], store)
    assert open_built(store).version == old.version  # its own inputs are unchanged
    assert json.loads((store / MANIFEST).read_text(encoding="utf-8"))["version"] == old.version


def _big_ntriples(path: Path, count: int) -> None:
    label = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(f'<https://w3id.org/orgkg/id/bench/p{i}> {label} "Chức vụ {i}"@vi .\n')


def test_a_build_killed_half_way_leaves_the_old_store(regulation: Path, tmp_path: Path) -> None:
    """SIGKILL during a rebuild: the old store still opens, the half-built one is refused."""
    store = tmp_path / "store"
    old = build_store([regulation], store).manifest
    big = tmp_path / "big.nt"
    _big_ntriples(big, 400_000)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGKG_")}
    child = subprocess.Popen(
        [str(ORGKG), "load", str(regulation), str(big), "--into", str(store)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    half = tmp_path / "store.tmp"
    deadline = time.monotonic() + 60
    while not half.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert child.poll() is None, "the build finished before it could be killed"
    time.sleep(0.2)
    os.kill(child.pid, signal.SIGKILL)  # our own child, by its id
    child.wait(timeout=30)
    reopened = open_built(store)
    assert reopened.version == old.version
    assert len(reopened) == old.triples
    with pytest.raises(StoreError, match="not a complete orgkg store"):
        open_built(half)
    rebuilt = build_store([regulation], store, force=True)  # clears the half-built folder
    assert rebuilt.rebuilt and not half.exists()
