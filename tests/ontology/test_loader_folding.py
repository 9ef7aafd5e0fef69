"""The folded labels each file brings are exactly those the query over the store gives."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from benchmarks.generator import generate
from ontology import find_sources, load_regulation
from ontology.folding import fold
from ontology.hidden_labels import folded_ntriples
from ontology.loader import parse_file
from ontology.namespaces import PREFIXES
from ontology.store import plain_graph
from ontology.store_oxigraph import OxigraphStore

HIDDEN = ox.NamedNode(PREFIXES["skos"] + "hiddenLabel")
SKOS = PREFIXES["skos"]
RDFS = PREFIXES["rdfs"]
# Escapes, blank nodes, typed and tagged labels, a label that folds to nothing,
# comments and other literals: what the text reading must get right.
TRICKY = f"""# <http://ex.org/c> <{SKOS}prefLabel> "Commented Out"@vi .
<http://ex.org/a> <{SKOS}prefLabel> "Tổ Công Tác"@VI .
<http://ex.org/a> <{SKOS}altLabel> "TCT \\u0110i\\u1EC7n \\"tử\\"\\tx\\\\y" .
<http://ex.org/a> <{RDFS}label> "Bộ  Nội   vụ"^^<http://www.w3.org/2001/XMLSchema#string> .
_:b1 <{SKOS}prefLabel> "Đảng ủy"@vi .
_:b1 <{SKOS}hiddenLabel> "already there" .
<http://ex.org/b> <{SKOS}prefLabel> "   "@en .
<http://ex.org/b> <{SKOS}prefLabel> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex.org/b> <{SKOS}note> "Không phải nhãn"@vi .
<http://ex.org/b>	<{SKOS}prefLabel>	"Tab Separated"@en	.
"""


def _hidden(store: ox.Store) -> set[tuple[str, str, str | None]]:
    """Hidden labels by subject (blank nodes by their label's text, which is stable)."""
    found = set()
    for quad in store.quads_for_pattern(None, HIDDEN, None):
        subject, label = quad.subject, quad.object
        assert isinstance(subject, ox.NamedNode | ox.BlankNode)
        assert isinstance(label, ox.Literal)
        key = subject.value if isinstance(subject, ox.NamedNode) else "_:" + _name(store, subject)
        found.add((key, label.value, label.language))
    return found


def _name(store: ox.Store, node: ox.BlankNode) -> str:
    labels = store.quads_for_pattern(node, ox.NamedNode(SKOS + "prefLabel"), None)
    return sorted(q.object.value for q in labels if isinstance(q.object, ox.Literal))[0]


def _folded_by_query(store: ox.Store) -> ox.Store:
    """``store`` after the store's own fold over every label (the reference)."""
    OxigraphStore(shapes=plain_graph(), version="test", native=store).add_folded_labels(fold)
    return store


def _by_query(raw: bytes) -> ox.Store:
    store = ox.Store()
    store.bulk_load(input=raw, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return _folded_by_query(store)


def _by_text(raw: bytes) -> ox.Store:
    store = ox.Store()
    text = raw + b"\n" + folded_ntriples(raw)
    store.bulk_load(input=text, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return store


def _synthetic() -> bytes:
    buffer = io.StringIO()
    generate(3_000, buffer)
    return buffer.getvalue().encode()


@pytest.mark.parametrize("raw", [TRICKY.encode(), _synthetic()], ids=["tricky", "synthetic"])
def test_text_folding_matches_the_query(raw: bytes) -> None:
    by_text, by_query = _hidden(_by_text(raw)), _hidden(_by_query(raw))
    assert by_text == by_query
    assert len(by_text) > 5


def test_tricky_labels_fold_as_expected() -> None:
    hidden = _hidden(_by_text(TRICKY.encode()))
    assert ("http://ex.org/a", "to cong tac", "vi") in hidden
    assert ("http://ex.org/a", 'tct dien "tu" x\\y', None) in hidden
    assert ("http://ex.org/a", "bo noi vu", None) in hidden
    assert ("_:Đảng ủy", "dang uy", "vi") in hidden
    assert not any(value == "commented out" for _, value, _ in hidden)


def test_small_files_bring_the_same_folded_labels_as_the_query() -> None:
    loaded = load_regulation()
    store = ox.Store()
    for path in find_sources().data:
        store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in parse_file(path))
    _folded_by_query(store)
    hidden = {(q.subject, q.object) for q in store.quads_for_pattern(None, HIDDEN, None)}
    assert isinstance(loaded, OxigraphStore)
    ours = {(q.subject, q.object) for q in loaded.native.quads_for_pattern(None, HIDDEN, None)}
    assert ours == hidden
