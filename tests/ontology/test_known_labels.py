"""The labels read as the data is loaded are exactly those the engine gives afterwards.

``Store.known_labels`` (``ontology/known_labels.py``) spares an answer that
shows thousands of nodes the engine's read of every label. It must hold,
for every labelled IRI, what ``graph.projection.node_labels`` reads from
the engine (``projection-labels.rq``): from the lines of a big N-Triples
file, from small files' quads, and from both at once; and it must be None
whenever some label went into the store another way, so the engine answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.projection import node_labels, select_values
from ontology import BUNDLED, ENGINES, Store, find_sources, known_labels, load_regulation, loader
from ontology.known_labels import Labels, shown_labels

DATA = Path(__file__).parent / "data"
GRAPH_DATA = Path(__file__).parents[1] / "graph" / "data"
WRITTEN = DATA / "labels-written.nt"  # every way N-Triples writes a label statement
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _asked(store: Store) -> dict[str, Labels]:
    """Every labelled IRI's labels as the engine gives them (what node_labels reads)."""
    return shown_labels(select_values(store, "projection-labels"))


def _as_the_big_file(data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A copy of ``data`` that the loader reads as its one big file (Oxigraph parses it).

    The copy is padded with comment lines past every other file the loader
    reads (the vocabulary), and the threshold of a big file set just below it.
    """
    others = find_sources([]).data
    padding = max(path.stat().st_size for path in others) + 1
    copy = tmp_path / ("big" + data.suffix)
    copy.write_bytes(data.read_bytes() + b"# padding\n" * (padding // 10 + 1))
    monkeypatch.setattr(loader, "_BULK_BYTES", copy.stat().st_size - 1)
    return copy


@pytest.mark.parametrize(
    "data",
    [[BUNDLED], [GRAPH_DATA / "labels-mixed.ttl"], [GRAPH_DATA / "edges-odd-terms.ttl"], [WRITTEN]],
    ids=["bundled", "labels-mixed", "odd-terms", "written"],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_labels_read_from_quads_are_the_engines(data: list[Path], engine: str) -> None:
    store = load_regulation(data, engine=engine)
    assert store.known_labels is not None
    assert store.known_labels == _asked(store)
    assert store.known_labels, "the data must have labels to compare"


def test_labels_cut_out_of_a_big_text_are_the_engines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = load_regulation([_as_the_big_file(WRITTEN, monkeypatch, tmp_path)])
    assert store.known_labels == _asked(store)
    assert store.known_labels is not None
    ex = "http://ex.org/"
    # The smallest of two Vietnamese labels (one tagged VI); en-gb is not en.
    assert store.known_labels[ex + "a"] == ("Ban Chỉ đạo", None)
    assert store.known_labels[ex + "b"] == ("Bộ  Nội   vụ", "Ministry")  # rdfs:label alone
    assert ex + "c" not in store.known_labels  # a preferred IRI hides its rdfs:label
    assert store.known_labels[ex + "d"] == ('TCT Điện "tử"\tx\\y', "Dòng\nhai")
    assert store.known_labels[ex + "e"] == ("42", "Tab Separated")  # a typed literal: both
    assert store.known_labels[ex + "i"] == (None, "Empty Vietnamese, then this")
    assert store.known_labels[ex + "j"] == ("Windows line end", None)
    assert store.known_labels[ex + "l"] == ("Chỉ viết hoa", None)  # tagged VI
    assert ex + "commented" not in store.known_labels and ex + "h" not in store.known_labels


def test_a_big_text_and_small_files_are_read_together(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A small Turtle file's skos:prefLabel hides the big file's rdfs:label of the same IRI."""
    big = _as_the_big_file(WRITTEN, monkeypatch, tmp_path)
    small = tmp_path / "small.ttl"
    small.write_text(
        f'<http://ex.org/b> <{SKOS}prefLabel> "Bộ"@vi .\n'
        f'<http://ex.org/z> <{SKOS}prefLabel> "Only in the small file"@en .\n',
        encoding="utf-8",
    )
    store = load_regulation([big, small])
    assert store.known_labels is not None
    assert store.known_labels == _asked(store)
    assert store.known_labels["http://ex.org/b"] == ("Bộ", None)


@pytest.mark.parametrize(
    "line",
    [
        f'_:b1 <{SKOS}prefLabel> "A labelled blank node"@vi .',
        f'<http://ex.org/\\u0041> <{SKOS}prefLabel> "An escaped IRI"@vi .',
    ],
    ids=["blank-node", "escaped-iri"],
)
def test_labels_the_text_cannot_give_are_asked_of_the_engine(
    line: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "data.nt"
    data.write_bytes(WRITTEN.read_bytes() + line.encode() + b"\n")
    store = load_regulation([_as_the_big_file(data, monkeypatch, tmp_path)])
    assert store.known_labels is None
    nodes = list(_asked(store))
    assert node_labels(store, nodes) == _asked(store)


def test_a_file_only_the_exact_check_vouches_for_gives_its_labels_from_the_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An escape in an XSD literal: the quick check is not sure, the labels read are still right."""
    line = f'<http://ex.org/k> <{SKOS}prefLabel> "\\u0041n escape"^^<{XSD_STRING}> .'
    data = tmp_path / "data.nt"
    data.write_bytes(WRITTEN.read_bytes() + line.encode() + b"\n")
    store = load_regulation([_as_the_big_file(data, monkeypatch, tmp_path)])
    assert store.known_labels is not None
    assert node_labels(store, list(_asked(store))) == _asked(store)


def test_a_big_turtle_file_leaves_the_labels_to_the_engine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    big = _as_the_big_file(GRAPH_DATA / "labels-mixed.ttl", monkeypatch, tmp_path)
    store = load_regulation([big])
    assert store.known_labels is None
    assert node_labels(store, list(_asked(store))) == _asked(store)


def test_node_labels_answer_from_what_was_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the labels known, node_labels never asks the engine, for a few nodes or many."""
    store = load_regulation([GRAPH_DATA / "labels-mixed.ttl"])
    expected = _asked(store)
    nodes = [*expected, "http://example.org/labels/not-there"]

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the engine was asked for labels it need not read")

    monkeypatch.setattr(type(store), "select_values", refuse)
    monkeypatch.setattr(type(store), "select_values_later", refuse)
    assert node_labels(store, nodes) == {**expected, nodes[-1]: (None, None)}


def _reference(rows: list[tuple[str, str, str]], wanted: list[str]) -> dict[str, Labels]:
    """What node_labels documents, written plainly: per language the smallest label, the
    smallest untagged one where a language has none, and an empty label counts as none."""

    def smallest(node: str, language: str) -> str | None:
        texts = [text for n, text, tag in rows if n == node and tag == language]
        return min(texts) if texts else None

    return {
        node: (
            smallest(node, "vi") or smallest(node, ""),
            smallest(node, "en") or smallest(node, ""),
        )
        for node in wanted
    }


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d"]),
            st.sampled_from(["", "Ban", "Board", "Tổ", "Zeta"]),
            st.sampled_from(["vi", "en", "", "de"]),
        ),
        max_size=12,
    ),
    st.lists(st.sampled_from(["a", "b", "c", "x"]), unique=True),
)
def test_shown_labels_are_the_documented_ones(
    rows: list[tuple[str, str, str]], wanted: list[str]
) -> None:
    """Both ways of working them out (a column at a time, or row by row) agree with the rule."""
    assert shown_labels(rows, wanted) == _reference(rows, wanted)
    everyone = list(dict.fromkeys(node for node, _, _ in rows))
    assert shown_labels(rows) == _reference(rows, everyone)


def test_labels_one_per_language_are_read_a_column_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Most data has at most one label per language: the row-by-row way is then not taken."""
    rows = [("a", "Ban", "vi"), ("a", "Board", "en"), ("b", "Tổ", "vi"), ("b", "Gruppe", "de")]
    expected = {"a": ("Ban", "Board"), "b": ("Tổ", None)}

    def row_by_row(*_args: object) -> None:
        raise AssertionError("the row-by-row way was taken")

    monkeypatch.setattr(known_labels, "_smallest", row_by_row)
    assert shown_labels(rows) == expected


def test_labels_kept_one_dict_per_language_read_as_a_mapping() -> None:
    """KnownLabels (the load's labels, one label per language) answers as the dict would."""
    labels = shown_labels([("a", "Ban", "vi"), ("a", "Board", "en"), ("b", "Gruppe", "de")])
    kept = known_labels.KnownLabels({"a": "Ban"}, {"a": "Board"}, ["a", "b", "a"])
    assert kept == labels == {"a": ("Ban", "Board"), "b": (None, None)}
    assert kept.get("b") == (None, None) and kept.get("c", "absent") == "absent"
    assert "b" in kept and "c" not in kept and len(kept) == 2 and list(kept) == ["a", "b"]
    with pytest.raises(KeyError):
        kept["c"]
    # many nodes at once, as the answers look them up: a node never labelled has none
    assert kept.pairs(["b", "c", "a"]) == {
        "b": (None, None),
        "c": (None, None),
        "a": ("Ban", "Board"),
    }
    plain = {"a": ("Ban", "Board"), "b": (None, None)}  # labels kept as a dict (an on-disk store's)
    assert known_labels.pairs_of(plain, ["c", "a"]) == known_labels.pairs_of(kept, ["c", "a"])
