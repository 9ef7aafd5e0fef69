"""The folded labels each file brings are exactly those the query over the store gives."""

from __future__ import annotations

import io
import random
import unicodedata

import pyoxigraph as ox
import pytest

from benchmarks.generator import generate
from ontology import find_sources, load_regulation
from ontology.folding import fold, fold_all
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
<http://ex.org/c> <http://ex.org/uses> <{SKOS}prefLabel> .
<http://ex.org/c> <{RDFS}comment> "see <{SKOS}prefLabel> here"@en .
<{SKOS}altLabel> <{RDFS}label> "Nhãn thay thế"@vi .
<http://ex.org/d> <{SKOS}prefLabel> "A <{SKOS}prefLabel> B"@en .
<http://ex.org/d> <{SKOS}prefLabel> "Dòng\\nhai"@vi .
<http://ex.org/d> <{SKOS}prefLabel> "Straße ﬁ Ωmega"@de .
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
    # A label predicate's IRI as an object, in a literal, or as a subject.
    assert not any(subject == "http://ex.org/c" for subject, _, _ in hidden)
    assert (SKOS + "altLabel", "nhan thay the", "vi") in hidden
    assert ("http://ex.org/d", f"a <{SKOS.lower()}preflabel> b", "en") in hidden
    assert ("http://ex.org/d", "dong hai", "vi") in hidden


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


# Every Latin letter orgkg folds, their marks alone, and what the batch must
# hand to the one-by-one fold: other scripts, ligatures, spaces, a class-0 joiner.
_ALPHABET = [
    chr(code)
    for code in [
        *range(0x20, 0x7F),
        *range(0xA0, 0x250),
        *range(0x300, 0x370),
        *range(0x1E00, 0x1F00),
        0x3B1,
        0x416,
        0x4E2D,
        0xFB01,
        0x2003,
        0x130,
        0x212A,
    ]
]
_TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


@pytest.mark.parametrize("seed", range(5))
def test_folding_a_whole_list_is_folding_each_label(seed: int) -> None:
    """fold_all (the big-file path) gives fold's answer for any mix of texts."""
    rng = random.Random(seed)
    texts = [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12)))
        for _ in range(rng.randint(1, 400))
    ]
    texts.append("dòng\nhai")  # a label's own line end (written \n in N-Triples)
    assert fold_all(texts) == [fold(text) for text in texts]
    # Vietnamese alone takes the whole-list path: every letter with every tone.
    vietnamese = [
        unicodedata.normalize(
            "NFC",
            "".join(rng.choice("aăâeêioôơuưyAĂÂĐđ ") + rng.choice(_TONES) for _ in range(12)),
        )
        for _ in range(400)
    ]
    assert fold_all(vietnamese) == [fold(text) for text in vietnamese]
