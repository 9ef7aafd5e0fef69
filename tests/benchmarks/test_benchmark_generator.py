"""The benchmark's data generator: deterministic, and shaped like a real regulation.

Only small sizes here (10k triples and less); the benchmark itself runs the
big ones. Nothing asserts a wall-clock time.
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from benchmarks.generator import Manifest, generate, parse_size
from benchmarks.progress import Progress
from benchmarks.terms import DERIVED, OKG, ORG, PREF, TYPE
from ontology import VOCABULARY, Store, load_regulation
from ontology.validation import validate
from queries import run_query

SIZE = 10_000
HIDDEN = "http://www.w3.org/2004/02/skos/core#hiddenLabel"
ODRL = "http://www.w3.org/ns/odrl/2/"
Triple = tuple[str, str, str]
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Manifest]:
    path = tmp_path_factory.mktemp("generated") / "synthetic-10k.nt"
    with path.open("w", encoding="utf-8") as stream:
        manifest = generate(SIZE, stream)
    return path, manifest


@pytest.fixture(scope="module")
def triples(generated: tuple[Path, Manifest]) -> list[tuple[OxTerm, ox.NamedNode, OxTerm]]:
    path, _ = generated
    return [(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path))]  # type: ignore[misc]


@pytest.fixture(scope="module")
def by_predicate(triples: list[tuple[OxTerm, ox.NamedNode, OxTerm]]) -> dict[str, list[Triple]]:
    index: dict[str, list[Triple]] = defaultdict(list)
    for s, p, o in triples:
        index[p.value].append((_text(s), p.value, _text(o)))
    return index


@pytest.fixture(scope="module")
def store(generated: tuple[Path, Manifest]) -> Store:
    return load_regulation([generated[0]])


def _text(term: object) -> str:
    return str(getattr(term, "value", term))


def _typed(by_predicate: dict[str, list[Triple]], cls: str) -> set[str]:
    return {s for s, _, o in by_predicate[TYPE] if o == cls}


def test_a_seed_gives_the_same_bytes_and_another_seed_others() -> None:
    first, second, other = io.StringIO(), io.StringIO(), io.StringIO()
    generate(3_000, first, seed=7)
    generate(3_000, second, seed=7)
    generate(3_000, other, seed=8)
    assert first.getvalue() == second.getvalue()
    assert first.getvalue() != other.getvalue()


def test_sizes_parse() -> None:
    assert [parse_size(s) for s in ("10k", "100k", "1M", "5M", "2.5M", "1234")] == [
        10_000, 100_000, 1_000_000, 5_000_000, 2_500_000, 1234,
    ]  # fmt: skip
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


def test_the_file_holds_the_target_and_little_more(
    generated: tuple[Path, Manifest], triples: list[object]
) -> None:
    _, manifest = generated
    assert manifest.triples == len(triples) == len(set(map(str, triples)))
    assert SIZE <= manifest.triples <= SIZE * 1.1


def test_no_hidden_labels_are_written_but_the_loader_adds_them(
    by_predicate: dict[str, list[Triple]], store: Store, generated: tuple[Path, Manifest]
) -> None:
    assert HIDDEN not in by_predicate
    folds = list(store.triples())
    assert len(store) > generated[1].triples
    assert any(str(p) == HIDDEN for _, p, _ in folds)


def test_every_project_term_is_defined_by_the_vocabulary(
    triples: list[tuple[OxTerm, ox.NamedNode, OxTerm]],
) -> None:
    defined = {
        q.subject.value for q in ox.parse(path=str(VOCABULARY)) if hasattr(q.subject, "value")
    }
    used = {
        term.value
        for s, p, o in triples
        for term in (p, o)
        if isinstance(term, ox.NamedNode) and term.value.startswith(OKG)
    }
    assert used <= defined, sorted(used - defined)


def test_every_body_is_a_unit_tree_6_to_8_levels_deep(
    by_predicate: dict[str, list[Triple]],
) -> None:
    tree = nx.DiGraph((child, parent) for child, _, parent in by_predicate[ORG + "unitOf"])
    bodies = _typed(by_predicate, ORG + "FormalOrganization") & set(tree)
    assert bodies
    for body in bodies:
        depth = 1 + max(nx.shortest_path_length(tree.reverse(copy=False), body).values())
        assert 6 <= depth <= 8, (body, depth)


def test_every_post_reports_through_a_qualified_line(by_predicate: dict[str, list[Triple]]) -> None:
    reports = Counter(s for s, _, _ in by_predicate[ORG + "reportsTo"])
    recipient_of = {s: o for s, _, o in by_predicate[OKG + "recipient"]}
    qualified = {(o, recipient_of[s]) for s, _, o in by_predicate[OKG + "reporter"]}
    assert {(s, o) for s, _, o in by_predicate[ORG + "reportsTo"]} == qualified
    assert set(reports.values()) == {1}
    chairs = {s for s, _, _ in by_predicate[OKG + "exOfficio"]}
    tops = _typed(by_predicate, ORG + "Post") - set(reports) - chairs
    assert len(tops) == 1  # the head of the government reports to no one
    lines = set(recipient_of)
    assert lines <= {s for s, _, _ in by_predicate[OKG + "frequency"]}
    assert lines <= {s for s, _, _ in by_predicate[OKG + "channel"]}


def test_a_few_duties_have_no_bearer(by_predicate: dict[str, list[Triple]]) -> None:
    duties = _typed(by_predicate, ODRL + "Duty")
    bearers = {s for s, _, _ in by_predicate[ODRL + "assignee"]}
    unassigned = duties - bearers
    assert 0 < len(unassigned) <= 0.1 * len(duties)


def test_some_people_are_in_several_units(by_predicate: dict[str, list[Triple]]) -> None:
    unit_of_post = {s: o for s, _, o in by_predicate[ORG + "postIn"]}
    units_of_person: dict[str, set[str]] = defaultdict(set)
    for person, _, post in by_predicate[ORG + "holds"]:
        units_of_person[person].add(unit_of_post[post])
    assert any(len(units) >= 2 for units in units_of_person.values())
    assert by_predicate[OKG + "sitsIn"]
    assert _typed(by_predicate, ORG + "Membership")


def test_labels_are_bilingual_nfc_and_vietnamese_has_diacritics(
    triples: list[tuple[OxTerm, ox.NamedNode, OxTerm]],
) -> None:
    languages: dict[str, Counter[str]] = defaultdict(Counter)
    for s, p, o in triples:
        if isinstance(o, ox.Literal):
            assert unicodedata.is_normalized("NFC", o.value)
        if p.value == PREF and isinstance(o, ox.Literal):
            languages[_text(s)][o.language or ""] += 1
    assert languages
    assert all(counts == Counter({"vi": 1, "en": 1}) for counts in languages.values())
    vietnamese = [
        o.value for _, p, o in triples if isinstance(o, ox.Literal) and o.language == "vi"
    ]
    assert any(not text.isascii() for text in vietnamese)
    assert any("đ" in text.lower() for text in vietnamese)


def test_every_fact_comes_from_a_sentence_with_its_text(
    by_predicate: dict[str, list[Triple]],
) -> None:
    sentences = _typed(by_predicate, OKG + "Sentence") | _typed(by_predicate, OKG + "Passage")
    texts = {s for s, _, _ in by_predicate[OKG + "text"]}
    sources = {o for _, _, o in by_predicate[DERIVED]}
    assert sources <= sentences <= texts
    modelled = set().union(
        *(
            _typed(by_predicate, ORG + name)
            for name in ("Post", "OrganizationalUnit", "Membership")
        ),
        _typed(by_predicate, OKG + "ReportingLine"),
        _typed(by_predicate, ODRL + "Duty"),
    )
    derived = {s for s, _, _ in by_predicate[DERIVED]}
    assert modelled <= derived


def test_the_aggregate_questions_find_what_the_data_holds(store: Store) -> None:
    assert len(run_query(store, "multi-unit-members", lang="en").rows) > 0
    assert len(run_query(store, "uncovered-duties", lang="en").rows) > 0


@pytest.mark.slow
def test_a_small_sample_conforms_to_the_generic_shapes(tmp_path: Path) -> None:
    # pyshacl is slow (tens of seconds at 10k triples): check a one-body sample.
    path = tmp_path / "sample.nt"
    with path.open("w", encoding="utf-8") as stream:
        generate(1_500, stream)
    store = load_regulation([path])
    report = validate(store.data_graph(), store.shapes)
    assert report.conforms, [(r.shape, r.focus) for r in report.results][:10]


def test_the_progress_bar_draws_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    progress = Progress(200, "loading x.nt", stream=quiet)
    progress.update(100)
    progress.close()
    assert quiet.getvalue() == ""
    line = progress.render(100_000_000, 2.0)
    assert line.startswith("loading x.nt [") and "100%" in line
    assert "50%" in Progress(200_000_000, "x").render(100_000_000, 1.0)
