"""The loader: one function turns files and folders into a store, on every engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from ontology import DataError, fold, load_regulation
from ontology.loader import find_sources

TINY = """\
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> .
<http://example.org/post/a> skos:prefLabel "Tổ trưởng Đội"@vi, "Team leader"@en ;
    org:reportsTo <http://example.org/post/b> .
"""


@pytest.fixture
def regulation(tmp_path: Path) -> Path:
    folder = tmp_path / "reg"
    (folder / "shapes").mkdir(parents=True)
    (folder / "data.ttl").write_text(TINY, encoding="utf-8")
    (folder / "shapes" / "own.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<http://example.org/S> a sh:NodeShape .\n",
        encoding="utf-8",
    )
    (folder / "notes.md").write_text("not RDF", encoding="utf-8")
    return folder


def test_fold_drops_marks_and_maps_d_stroke() -> None:
    """đ/Đ do not decompose in Unicode, so folding must map them explicitly."""
    assert fold("  Đường ĐIỆN   tử ") == "duong dien tu"
    assert fold("Nguyễn Mạnh Hùng") == "nguyen manh hung"


def test_folder_splits_data_from_its_shapes(regulation: Path) -> None:
    sources = find_sources([regulation])
    names = [p.name for p in sources.data]
    assert "data.ttl" in names and "own.ttl" not in names
    assert regulation / "shapes" / "own.ttl" in sources.shapes
    assert "notes.md" not in names


@pytest.mark.parametrize("engine", ["oxigraph", "memory"])
def test_every_label_gets_a_folded_hidden_label(regulation: Path, engine: str) -> None:
    store = load_regulation([regulation], engine=engine)
    table = store.select(
        "SELECT ?s ?h WHERE { ?s skos:hiddenLabel ?h FILTER(?s = <http://example.org/post/a>) }"
    )
    assert sorted(table.column("h"), key=str) == [
        Literal("team leader", lang="en"),
        Literal("to truong doi", lang="vi"),
    ]
    assert store.engine == engine
    assert len(store.shapes) >= 1


@pytest.mark.parametrize("engine", ["oxigraph", "memory"])
def test_bindings_are_rdf_terms_on_every_engine(regulation: Path, engine: str) -> None:
    store = load_regulation([regulation], engine=engine)
    table = store.select(
        "SELECT ?post ?boss WHERE { ?post org:reportsTo ?boss }",
        {"boss": URIRef("http://example.org/post/b")},
    )
    assert table.column("post") == [URIRef("http://example.org/post/a")]


def test_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://e/> .\nex:a ex:b "x"@@ .\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_regulation([bad])
    assert (caught.value.path, caught.value.line, caught.value.column) == (str(bad), 2, 15)
    assert str(caught.value).startswith(f"{bad}:2:15: ")


def test_missing_path_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_regulation([tmp_path / "nowhere.ttl"])


def test_unknown_engine_is_refused(regulation: Path) -> None:
    with pytest.raises(DataError, match="unknown store"):
        load_regulation([regulation], engine="postgres")


def test_version_changes_when_the_data_changes(regulation: Path) -> None:
    before = load_regulation([regulation]).version
    (regulation / "more.ttl").write_text(TINY.replace("post/b", "post/c"), encoding="utf-8")
    assert load_regulation([regulation]).version != before


def test_the_fast_fold_agrees_with_the_definition_on_every_character() -> None:
    """The translate-table fold equals NFD + drop marks + casefold, for all of the BMP."""
    from ontology.folding import _fold_slowly  # noqa: PLC0415 (the definition under test)

    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates are not characters
        text = f"A{chr(code)} Ă"
        assert fold(text) == " ".join(_fold_slowly(text).split()), hex(code)
