"""Bad input data: every bad file is refused with file:line:column and one reason.

Loader level (``load_regulation``); the command-line and service surfaces of
the same corpus are in ``test_cli_errors.py`` and ``test_http_errors.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest
from rdflib import URIRef

from ontology import DataError, find_sources, load_regulation, screening
from ontology.screening import MAX_TERM_CHARS
from tests.reliability.support import BAD, CORPUS, HOSTILE, Listener


@pytest.mark.parametrize(("name", "line", "column", "reason"), CORPUS, ids=[c[0] for c in CORPUS])
def test_bad_file_is_refused_at_its_place(
    name: str, line: int | None, column: int | None, reason: str
) -> None:
    """Each bad file raises DataError naming file, line, column and why, on one line."""
    path = BAD / name
    with pytest.raises(DataError) as caught:
        load_regulation([path])
    error = caught.value
    assert (error.path, error.line, error.column) == (str(path), line, column), str(error)
    assert re.search(reason, error.reason), error.reason
    where = ":".join(str(p) for p in (path, line, column) if p is not None)
    assert str(error) == f"{where}: {error.reason}"
    assert "\n" not in str(error)
    assert error.exit_code == 2 and error.http_status == 422


@pytest.mark.parametrize("engine", ["oxigraph", "memory"])
def test_bad_file_is_refused_on_every_engine(engine: str) -> None:
    """The checks sit before the engine choice: the reference engine refuses alike."""
    with pytest.raises(DataError, match="not a valid xsd:integer"):
        load_regulation([BAD / "ill_typed_integer.ttl"], engine=engine)


@pytest.mark.parametrize(
    ("lexical", "datatype"),
    [
        ("abc", "integer"),
        ("1.5", "integer"),
        ("300", "byte"),
        ("-1", "nonNegativeInteger"),
        ("1,5", "decimal"),
        ("yes", "boolean"),
        ("2018-02-30", "date"),
        ("18/10/2018", "date"),
        ("2018-10-18T25:00:00", "dateTime"),
        ("2018-13", "gYearMonth"),
        ("năm 2018", "gYear"),
        ("1 ngày", "duration"),
        ("12:61:00", "time"),
        ("abc", "double"),
        ("zz", "hexBinary"),
    ],
)
def test_ill_typed_literal_is_refused(tmp_path: Path, lexical: str, datatype: str) -> None:
    """A literal outside its XSD lexical space never reaches the store (Oxigraph keeps it)."""
    path = tmp_path / "typed.ttl"
    path.write_text(
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f'<https://w3id.org/orgkg/id/x> <https://w3id.org/orgkg/ns#v> "{lexical}"'
        f"^^xsd:{datatype} .\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=f"is not a valid xsd:{datatype}") as caught:
        load_regulation([path])
    assert (caught.value.line, caught.value.column) == (2, 62)


@pytest.mark.parametrize(
    ("lexical", "datatype"),
    [
        (" 12 ", "integer"),
        ("-0", "nonNegativeInteger"),
        ("2016-02-29", "date"),
        ("2018-10-18+07:00", "date"),
        ("2018-10-18T24:00:00", "dateTime"),
        ("--02-29", "gMonthDay"),
        ("P1Y2M3DT4H5M6.5S", "duration"),
        ("-INF", "double"),
        ("9" * 5000, "integer"),
        ("aGVsbG8=", "base64Binary"),
        ("bất kỳ", "string"),
        ("x", "anyURI"),
    ],
)
def test_well_typed_literal_loads(tmp_path: Path, lexical: str, datatype: str) -> None:
    """The datatype check refuses only what XSD refuses (edges of each lexical space)."""
    path = tmp_path / "typed.ttl"
    path.write_text(
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f'<https://w3id.org/orgkg/id/x> <https://w3id.org/orgkg/ns#v> "{lexical}"'
        f"^^xsd:{datatype} .\n",
        encoding="utf-8",
    )
    assert len(load_regulation([path])) > 0


def test_huge_literal_is_refused_with_its_size(tmp_path: Path) -> None:
    """A literal over the 1,000,000-character cap is refused at its place, saying the limit."""
    path = tmp_path / "huge.ttl"
    size = screening.MAX_TERM_CHARS + 1
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/orgkg/id/a> skos:prefLabel "ngắn"@vi .\n'
        f'<https://w3id.org/orgkg/id/b> skos:prefLabel "{"Tổ " * (size // 3 + 1)}"@vi .\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"longer than the limit of 1,000,000") as caught:
        load_regulation([path])
    assert (caught.value.line, caught.value.column) == (3, 47)
    assert len(str(caught.value)) < 300, "the message must not echo the literal"


def test_literal_just_under_the_cap_loads(tmp_path: Path) -> None:
    """The cap is a limit, not a guess: a literal of exactly MAX_TERM_CHARS characters loads."""
    path = tmp_path / "big-label.ttl"
    path.write_text(
        f'<https://w3id.org/orgkg/id/a> <https://w3id.org/orgkg/ns#v> "{"a" * MAX_TERM_CHARS}" .\n',
        encoding="utf-8",
    )
    assert len(load_regulation([path])) > 0


def test_file_over_the_size_cap_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_FILE_BYTES the file is refused from its size alone, with the limit and a way out."""
    sources = find_sources([])
    cap = max(p.stat().st_size for p in (*sources.data, *sources.shapes))  # the rest still loads
    monkeypatch.setattr(screening, "MAX_FILE_BYTES", cap)
    path = tmp_path / "big.ttl"
    line = "<https://w3id.org/orgkg/id/a> <https://w3id.org/orgkg/ns#v> 1 .\n"
    path.write_text(line * (cap // len(line) + 10))
    read: list[Path] = []
    original = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    with pytest.raises(DataError, match=r"over the limit of \d+ MB .* split it") as caught:
        load_regulation([path])
    assert caught.value.path == str(path)
    assert path not in read


_BIG_LOAD = textwrap.dedent(
    """
    import resource, sys, time
    from ontology import DataError, find_sources, load_regulation
    start = time.monotonic()
    try:
        store = load_regulation([sys.argv[1]])
        outcome = f"loaded {len(store)}"
    except DataError as error:
        outcome = f"refused {error}"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{outcome}\\n{peak}\\n{time.monotonic() - start:.1f}")
    """
)


def _write_big_turtle(path: Path, megabytes: int, tail: str = "") -> int:
    """Write a realistic Turtle file of about ``megabytes`` MB; returns its line count."""
    block = (
        "<https://w3id.org/orgkg/id/b/unit/u{i}> a\n"
        "  <http://www.w3.org/ns/org#OrganizationalUnit> ;\n"
        '  <http://www.w3.org/2004/02/skos/core#prefLabel> "Tổ công tác số {i}"@vi,\n'
        '    "Working group {i}"@en ;\n'
        "  <http://www.w3.org/ns/org#unitOf> <https://w3id.org/orgkg/id/b> ;\n"
        '  <https://w3id.org/orgkg/ns#order> "{i}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    )
    lines = 0
    with path.open("w", encoding="utf-8") as out:
        written, i = 0, 0
        while written < megabytes * 2**20:
            chunk = "".join(block.format(i=i + k) for k in range(1000))
            out.write(chunk)
            written += len(chunk.encode())
            lines += 1000 * block.count("\n")
            i += 1000
        out.write(tail)
    return lines + tail.count("\n")


def _load_in_child(path: Path) -> tuple[str, int, float]:
    result = subprocess.run(
        [sys.executable, "-c", _BIG_LOAD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    outcome, peak, seconds = result.stdout.strip().splitlines()
    return outcome, int(peak), float(seconds)


@pytest.mark.slow
def test_fifty_megabyte_file_loads_in_bounded_memory(tmp_path: Path) -> None:
    """A 50 MB file (1.4 M triples) loads, peaking under 1.5 GB (about 16x the file)."""
    path = tmp_path / "big.ttl"
    _write_big_turtle(path, 50)
    outcome, peak_mb, _seconds = _load_in_child(path)
    assert outcome.startswith("loaded "), outcome
    assert int(outcome.split()[1]) > 1_000_000
    assert peak_mb < 1536, f"peak {peak_mb} MB"


@pytest.mark.slow
def test_fifty_megabyte_file_with_an_error_at_the_end_is_refused_at_its_line(
    tmp_path: Path,
) -> None:
    """A bad literal at the end of 50 MB is found before loading, at its line, memory bounded."""
    path = tmp_path / "big-bad.ttl"
    lines = _write_big_turtle(
        path,
        50,
        tail='<https://w3id.org/orgkg/id/z> <https://w3id.org/orgkg/ns#order> "ba"^^'
        "<http://www.w3.org/2001/XMLSchema#integer> .\n",
    )
    outcome, peak_mb, _ = _load_in_child(path)
    assert outcome == (f'refused {path}:{lines}:66: "ba" is not a valid xsd:integer'), outcome
    assert peak_mb < 1024, f"peak {peak_mb} MB"


def test_owl_imports_of_a_url_loads_as_a_triple_and_fetches_nothing(
    tmp_path: Path, listener: Listener
) -> None:
    """owl:imports is data, not an instruction: the triple is kept, the URL never contacted."""
    path = tmp_path / "imports.ttl"
    target = f"{listener.url}vocabulary.ttl"
    path.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"<https://w3id.org/orgkg/id/reg> a owl:Ontology ; owl:imports <{target}> .\n",
        encoding="utf-8",
    )
    store = load_regulation([path])
    table = store.select("SELECT ?o WHERE { <https://w3id.org/orgkg/id/reg> owl:imports ?o }")
    assert table.column("o") == [URIRef(target)]
    assert listener.connections == []


@pytest.mark.parametrize(
    "context",
    [
        '"{url}ctx.jsonld"',
        '["{url}ctx.jsonld"]',
        '{{"@import": "{url}ctx.jsonld"}}',
        '[{{"skos": "http://www.w3.org/2004/02/skos/core#"}}, "{url}ctx.jsonld"]',
    ],
    ids=["string", "array", "import", "array-after-inline"],
)
def test_remote_jsonld_context_is_refused_without_a_connection(
    tmp_path: Path, listener: Listener, context: str
) -> None:
    """A JSON-LD @context URL (every form) is refused at its place; the listener sees nothing."""
    path = tmp_path / "remote.jsonld"
    path.write_text(
        '{\n  "@context": '
        + context.format(url=listener.url)
        + ',\n  "@id": "https://w3id.org/orgkg/id/x",\n  "skos:prefLabel": "Tổ"\n}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="context") as caught:
        load_regulation([path])
    assert caught.value.line == 2 and caught.value.column is not None
    assert listener.connections == []


def test_data_path_that_is_a_url_is_not_fetched(listener: Listener) -> None:
    """--data takes files: a URL given as data is 'no such file', never a download."""
    with pytest.raises(DataError, match="no such file"):
        load_regulation([f"{listener.url}data.ttl"])
    assert listener.connections == []


def test_link_out_of_the_data_folder_is_refused(tmp_path: Path) -> None:
    """A symlink inside a data folder must not make orgkg read (and serve) a file outside it."""
    secret = tmp_path / "outside" / "secret.ttl"
    secret.parent.mkdir()
    secret.write_text('<https://w3id.org/orgkg/id/s> <https://w3id.org/orgkg/ns#v> "secret" .\n')
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "ok.ttl").write_bytes(HOSTILE.read_bytes())
    (folder / "secret.ttl").symlink_to(secret)
    with pytest.raises(DataError, match="outside the data folder") as caught:
        load_regulation([folder])
    assert caught.value.path == str(folder / "secret.ttl")


def test_link_to_a_folder_outside_is_not_followed(tmp_path: Path) -> None:
    """A symlinked folder leading out of the data folder is not walked into."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.ttl").write_text(
        '<https://w3id.org/orgkg/id/s> <https://w3id.org/orgkg/ns#v> "secret" .\n'
    )
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "ok.ttl").write_bytes(HOSTILE.read_bytes())
    (folder / "more").symlink_to(outside, target_is_directory=True)
    store = load_regulation([folder])
    assert not store.select('SELECT ?s WHERE { ?s ?p "secret" }').rows


def test_link_inside_the_data_folder_is_fine(tmp_path: Path) -> None:
    """Links that stay inside the folder are ordinary files."""
    folder = tmp_path / "data"
    (folder / "real").mkdir(parents=True)
    (folder / "real" / "hostile.ttl").write_bytes(HOSTILE.read_bytes())
    (folder / "alias.ttl").symlink_to(folder / "real" / "hostile.ttl")
    assert len(load_regulation([folder])) > 0


def test_broken_link_is_named(tmp_path: Path) -> None:
    """A dangling link is an error with its name, not a silently missing file."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "gone.ttl").symlink_to(tmp_path / "nowhere.ttl")
    with pytest.raises(DataError, match="broken link"):
        load_regulation([folder])


def test_named_pipe_is_never_opened(tmp_path: Path) -> None:
    """A FIFO named like data would block a reader: skipped in a folder, refused when given."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "ok.ttl").write_bytes(HOSTILE.read_bytes())
    os.mkfifo(folder / "pipe.ttl")
    assert len(load_regulation([folder])) > 0
    with pytest.raises(DataError, match="not a regular file"):
        load_regulation([folder / "pipe.ttl"])


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """Windows editors prefix a BOM; it is not an error and does not shift later columns."""
    path = tmp_path / "bom.ttl"
    path.write_bytes(b"\xef\xbb\xbf" + HOSTILE.read_bytes())
    assert len(load_regulation([path])) == len(load_regulation([HOSTILE]))


def test_nfd_on_a_long_line_is_found_in_linear_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The NFC check is not quadratic: it examines each character of a 2 MB line a few times.

    Counted, not timed: every text handed to ``unicodedata.is_normalized`` is
    added up. Checking growing prefixes (the quadratic way) would hand it about
    two million million characters; the check must stay within a few times the
    line's length.
    """
    path = tmp_path / "long.ttl"
    text = "a" * 2_000_000 + unicodedata.normalize("NFD", "ổ")
    line = f'<https://w3id.org/orgkg/id/a> <https://w3id.org/orgkg/ns#v> "{text}" .\n'
    path.write_text(line, encoding="utf-8")
    examined = 0
    is_normalized = unicodedata.is_normalized

    def counting(form: str, unistr: str) -> bool:
        nonlocal examined
        examined += len(unistr)
        return is_normalized(form, unistr)  # type: ignore[arg-type]

    monkeypatch.setattr(unicodedata, "is_normalized", counting)
    with pytest.raises(DataError, match="NFC") as caught:
        load_regulation([path])
    assert caught.value.column == 62 + 2_000_000
    assert 0 < examined <= 8 * len(line)


def test_hostile_fixture_is_valid_data() -> None:
    """The escaping tests rely on hostile.ttl loading cleanly: its danger is in its text only."""
    store = load_regulation([HOSTILE])
    labels = {str(row[0]) for row in store.select("SELECT ?l WHERE { ?s skos:prefLabel ?l }")}
    assert any("<script>" in label for label in labels)
    assert any(label.startswith("=HYPERLINK") for label in labels)
