"""The checks the lenient parse leaves out, made on the text: never a yes the strict parse denies.

The cases (``data/strict-syntax.ttl``) pin down what Oxigraph's lenient parse
lets through and its strict parse refuses; each must be refused by orgkg's
big-file load, placed at its line, and each statement both parses accept
must load as the strict parse loads it. Random texts then check the one
promise :func:`passes_strict_syntax` makes: a yes means the strict parse
accepts what the lenient parse did.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, Namespace

from ontology import big_files, strict_syntax
from ontology.big_files import load_big_file
from ontology.errors import DataError
from ontology.store import plain_graph
from ontology.store_oxigraph import OxigraphStore
from ontology.strict_syntax import bare_text, passes_strict_syntax

CASES = Path(__file__).parent / "data" / "strict-syntax.ttl"
CASE = Namespace("https://w3id.org/orgkg/test/strict-syntax#")
HIDDEN = ox.NamedNode("http://www.w3.org/2004/02/skos/core#hiddenLabel")
FILLER = "".join(
    f'<http://ex.org/u{n}> <http://www.w3.org/2004/02/skos/core#prefLabel> "Đơn vị {n}"@vi .\n'
    for n in range(20)
)


class Case(NamedTuple):
    name: str
    text: str
    strict: bool  # the strict parse accepts it
    vouched: bool | None  # passes_strict_syntax says yes (None: not the point of the case)


def _cases() -> list[Case]:
    graph = Graph().parse(CASES)
    cases = []
    for case, text in graph.subject_objects(CASE.text):
        strict, vouched = graph.value(case, CASE.strict), graph.value(case, CASE.vouched)
        assert isinstance(strict, Literal)
        flag = None if not isinstance(vouched, Literal) else bool(vouched.toPython())
        name = str(case).removeprefix(str(CASE))
        cases.append(Case(name, str(text), bool(strict.toPython()), flag))
    return sorted(cases)


CASES_READ = _cases()


def _parses(text: bytes, *, lenient: bool) -> ox.Store | None:
    store = ox.Store()
    try:
        store.bulk_load(input=text, format=ox.RdfFormat.N_TRIPLES, lenient=lenient)
    except SyntaxError:
        return None
    return store


@pytest.mark.parametrize("case", CASES_READ, ids=[c.name for c in CASES_READ])
def test_each_case_is_judged_as_the_strict_parse_judges_it(case: Case) -> None:
    raw = case.text.encode("utf-8")
    assert (_parses(raw, lenient=False) is not None) == case.strict, "the engine changed"
    if not case.strict and _parses(raw, lenient=True) is not None:
        assert not passes_strict_syntax(raw, bare_text(raw))
    if case.vouched is not None:
        assert passes_strict_syntax(raw, bare_text(raw)) == case.vouched


@pytest.mark.parametrize("limit", [0, 1])
@pytest.mark.parametrize("case", CASES_READ, ids=[c.name for c in CASES_READ])
def test_with_few_lines_parsed_alone_each_case_is_still_never_wrongly_vouched_for(
    case: Case, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the lines it parses alone, it falls back to each distinct IRI, then gives up."""
    monkeypatch.setattr(strict_syntax, "_ODD_LINES", limit)
    raw = case.text.encode("utf-8")
    if _parses(raw, lenient=True) is not None and passes_strict_syntax(raw, bare_text(raw)):
        assert case.strict


@pytest.mark.parametrize("case", CASES_READ, ids=[c.name for c in CASES_READ])
def test_the_big_file_load_refuses_what_the_strict_parse_refuses_at_its_line(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(big_files, "PIECE_BYTES", 300)
    path = tmp_path / "case.nt"
    path.write_bytes((FILLER + case.text + "\n").encode("utf-8"))
    store = OxigraphStore(shapes=plain_graph(), version="test")
    if case.strict:
        load_big_file(store, path, ox.RdfFormat.N_TRIPLES, None)
        expected = _parses(path.read_bytes(), lenient=False)
        assert expected is not None
        assert {q for q in store.native if q.predicate != HIDDEN} == set(expected)
        return
    with pytest.raises(DataError) as refused:
        load_big_file(store, path, ox.RdfFormat.N_TRIPLES, None)
    assert refused.value.path == str(path)
    assert refused.value.line is not None and refused.value.line > FILLER.count("\n")


@pytest.mark.parametrize(
    ("first", "times"), [("", 1), ('<http://ex.org/a> <http://ex.org/p> "x"@en .\n', 1000)]
)
def test_a_base_direction_is_never_vouched_for(first: str, times: int) -> None:
    """The strict parse takes ``@en--ltr``, orgkg refuses it: "not sure", met first or later."""
    line = '<http://ex.org/a> <http://ex.org/p> "y"@en--ltr .\n'
    raw = (first + line * times).encode()
    assert _parses(raw, lenient=False) is not None
    assert not passes_strict_syntax(raw, bare_text(raw))


# Random statements, mostly well-formed, built from the pieces the checks read:
# schemes, authorities, paths with every kind of character, tags, strings with
# quotes, escapes and line jumps, comments.
_IRI_CHARS = [*list("aZ09-._~!$&'()*+,;=:/?@") * 4, *'#%[] "{}|^`\\éộ\ue000', "%E1", "\\u00E9"]
_iris = st.builds(
    lambda scheme, rest: f"<{scheme}{''.join(rest)}>",
    st.sampled_from(
        ["http://", "http:", "urn:", "", "1a:", "a_b:", "http://ex.org", "http://ex.org:"]
    ),
    st.lists(st.sampled_from(_IRI_CHARS), max_size=12),
)
_tags = st.one_of(
    st.sampled_from(["vi", "en", "en-GB", "zh-Hant-TW"]),
    st.text(alphabet="abcxyzEN019-", min_size=1, max_size=12),
)
_strings = st.lists(
    st.sampled_from([*"ab ab ab ab", '"', "\\", "\n", "\r", "\\n", '\\"']), max_size=10
)
_literals = st.builds(
    lambda text, tag: f'"{"".join(text)}"{tag}',
    _strings,
    st.one_of(st.just(""), _tags.map(lambda t: "@" + t), _tags.map(lambda t: " @" + t)),
)
_statements = st.builds(
    lambda subject, obj, tail: f"{subject} <http://ex.org/p> {obj}{tail}\n",
    _iris,
    st.one_of(_iris, _literals),
    st.sampled_from([" ."] * 12 + [' . # a "comment', " . # <x>", ""]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_statements, min_size=1, max_size=4))
def test_a_yes_is_never_wrong(statements: list[str]) -> None:
    raw = "".join(statements).encode("utf-8")
    lenient = _parses(raw, lenient=True)
    if lenient is None or not passes_strict_syntax(raw, bare_text(raw)):
        return
    strict = _parses(raw, lenient=False)
    assert strict is not None, raw
    assert set(strict) == set(lenient)
