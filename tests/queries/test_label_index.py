"""The label index answers `search` with exactly search.rq's bytes, or leaves it to search.rq.

Each search is answered twice on the same store: through the index (the
catalogue's path) and through search.rq (the index switched off), in every
result format, whole and in pages; the bodies and totals must be equal. The
searches run on tests/queries/data/search-labels.ttl (tricky labels: ties,
several languages, đ/Đ, typed folded labels, a blank node, 130 matches) and
on the bundled regulation.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal

from api.runtime.jobs import WorkerContext, answer_question, prime, search_labels
from ontology import Store, load_regulation
from ontology.folding import fold
from ontology.formats import SOLUTION_FORMATS
from ontology.paging import FULL, Page
from ontology.store_oxigraph import OxigraphStore
from queries import label_index, load_catalogue
from queries.ask import ask
from queries.label_index import (
    LIMIT,
    LabelIndex,
    label_index_of,
    prepare_index,
    question_text,
)
from queries.results import Rendered
from queries.stream import answer_rendered

DATA = Path(__file__).resolve().parent / "data" / "search-labels.ttl"
NEW = DATA.with_name("search-labels-added.nt")  # one more folded label
SEARCH = load_catalogue()["search"]
# Ranked by the index: a letter, exact, prefix, inside, tied (130 matches),
# đ/Đ, several languages, no match, only a typed (non-string) label.
INDEXED = [
    "b",
    "c",
    "ban",
    "Ban Kế hoạch",
    "ke hoach",
    "to cong tac",
    "Tổ công tác",
    "cong",
    "Đội Đặc",
    "da nang",
    "general",
    "buro",
    "PTH",
    "van phong",
    "ban lam viec chung",
    "no such label",
    "ban ma",
    "42",
    'ban "dac',
    "a\\b",
    "ban 𝔘",
    "z hai",
]
# Matching the blank node's label: answered by search.rq.
FALLBACK = ["a", "d", "an danh", "nhom", "\u0301"]  # a lone mark folds to "": every label matches
PAGES = [Page(limit=1), Page(limit=7, offset=3), Page(limit=100, offset=95), Page(offset=500)]


@pytest.fixture(scope="module")
def tricky() -> Store:
    store = load_regulation([DATA])
    label_index_of(store)  # as the service builds it before the first search
    return store


@pytest.fixture(scope="module")
def bundled() -> Store:
    store = load_regulation()
    label_index_of(store)
    return store


def _both(
    store: Store, q: str, monkeypatch: pytest.MonkeyPatch, **options: object
) -> tuple[Rendered, Rendered]:
    """The answer through the index, then through search.rq."""
    indexed = answer_rendered(store, SEARCH, {"q": q}, **options)  # type: ignore[arg-type]
    with monkeypatch.context() as patched:
        patched.setattr(label_index, "INDEXED_ENGINES", frozenset())
        plain = answer_rendered(store, SEARCH, {"q": q}, **options)  # type: ignore[arg-type]
    return indexed, plain


def _same(indexed: Rendered, plain: Rendered) -> None:
    assert _content(indexed) == _content(plain)
    assert (indexed.total, indexed.offset, indexed.rows) == (plain.total, plain.offset, plain.rows)
    assert indexed.media_type == plain.media_type


def test_the_searches_take_the_path_they_are_meant_to(tricky: Store) -> None:
    """The byte comparisons below compare the index with search.rq, not search.rq with itself."""
    index = label_index_of(tricky)
    assert all(index.search(fold(q)) is not None for q in INDEXED)
    assert all(index.search(fold(q)) is None for q in FALLBACK)


def _content(rendered: Rendered) -> bytes | dict[str, bytes]:
    """The body; a workbook's files but its properties (they hold the time it was written)."""
    if not rendered.body.startswith(b"PK"):
        return rendered.body
    with zipfile.ZipFile(io.BytesIO(rendered.body)) as workbook:
        names = [name for name in workbook.namelist() if not name.startswith("docProps/")]
        return {name: workbook.read(name) for name in names}


@pytest.fixture(params=["each", "scan"])
def prefix_ranking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Prefix matches ranked entity by entity (few of them), or by scanning labels (many)."""
    if request.param == "scan":
        monkeypatch.setattr(label_index, "_SCAN_SHARE", 0.0)
    return str(request.param)


@pytest.mark.parametrize("q", INDEXED + FALLBACK)
@pytest.mark.parametrize("fmt", sorted(SOLUTION_FORMATS))
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.usefixtures("prefix_ranking")
def test_index_gives_search_rq_bytes_in_every_format(
    tricky: Store, monkeypatch: pytest.MonkeyPatch, q: str, fmt: str, lang: str
) -> None:
    _same(*_both(tricky, q, monkeypatch, fmt=fmt, lang=lang))


@pytest.mark.parametrize("q", ["to cong tac", "ban", "cong", "general"])
@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
@pytest.mark.parametrize("page", PAGES, ids=str)
def test_index_gives_search_rq_pages(
    tricky: Store, monkeypatch: pytest.MonkeyPatch, q: str, fmt: str, page: Page
) -> None:
    _same(*_both(tricky, q, monkeypatch, fmt=fmt, page=page))


@pytest.mark.usefixtures("prefix_ranking")
def test_every_folded_label_finds_what_search_rq_finds(
    tricky: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each label's own fold, searched: exact matches, ties and prefixes of every label."""
    index = label_index_of(tricky)
    searched = sorted(set(index.labels))
    assert len(searched) > 100
    for q in searched:
        _same(*_both(tricky, q, monkeypatch, fmt="json", page=FULL))


@pytest.mark.parametrize("q", ["to cong tac", "ban", "a", "\u0301", "ủy ban quốc gia", "zz"])
@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.usefixtures("prefix_ranking")
def test_index_gives_search_rq_bytes_on_the_bundled_regulation(
    bundled: Store, monkeypatch: pytest.MonkeyPatch, q: str, fmt: str
) -> None:
    assert label_index_of(bundled).search(fold(q)) is not None  # no blank node labelled there
    _same(*_both(bundled, q, monkeypatch, fmt=fmt, lang="en"))


def test_more_than_a_hundred_matches_keep_the_best_hundred_with_ties_by_iri(
    tricky: Store,
) -> None:
    ranked = label_index_of(tricky).search("to cong tac")
    assert ranked is not None and len(ranked) == LIMIT
    exact = [r.entity for r in ranked if r.rank == 0]
    assert exact == sorted(exact) and len(exact) == 52  # "Tổ công tác", "Tổ Công Tác": one key
    assert [r.rank for r in ranked] == sorted(r.rank for r in ranked)


@pytest.mark.parametrize("label", ["x ban", "ban x"])  # rank 2 (inside), rank 1 (prefix)
def test_a_tie_at_the_hundredth_entity_is_broken_by_iri(
    label: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """<http://x/e> sorts after <http://x/e-00> as text, before it as an IRI: it must be kept."""
    monkeypatch.setattr(label_index, "_SCAN_SHARE", 0.0)  # prefix matches found by scanning too
    lines = [f'<http://x/e-{i:02d}>\t"{label}"' for i in range(LIMIT)] + [
        f'<http://x/e>\t"{label}"'
    ]
    ranked = LabelIndex(lines).search("ban")
    assert ranked is not None
    assert [r.entity for r in ranked[:2]] == ["<http://x/e>", "<http://x/e-00>"]
    assert len(ranked) == LIMIT


def test_a_label_smaller_than_the_exact_one_is_the_key(tricky: Store) -> None:
    """ex:prefix-key has "ban" (exact) and "a ban": rank 0, key "a ban", so before ex:twin-*."""
    ranked = label_index_of(tricky).search("ban")
    assert ranked is not None
    assert ranked[0].entity == "<http://example.org/search/prefix-key>"


def test_typed_folded_labels_never_match(tricky: Store) -> None:
    answer = answer_rendered(tricky, SEARCH, {"q": "ban ma"}, fmt="csv")
    assert answer.total == 0


def test_a_changed_store_builds_a_new_index(tricky: Store) -> None:
    store = load_regulation([DATA])
    assert isinstance(store, OxigraphStore)
    before = label_index_of(store)
    assert label_index_of(store) is before
    assert before.search("hai dang moi") == []
    triple = NEW.read_text(encoding="utf-8").encode()
    store.add_text(triple, ox.RdfFormat.N_TRIPLES, base_iri="http://example.org/", lenient=False)
    store.version += "+changed"  # what loading the changed data gives
    after = label_index_of(store)
    assert after is not before
    assert [r.entity for r in after.search("hai dang moi") or ()] == [
        "<http://example.org/search/new>"
    ]


def test_only_the_catalogue_search_on_an_indexed_engine_is_rewritten(tricky: Store) -> None:
    bindings = {"q": Literal("ban"), "lang": Literal("vi")}
    assert question_text(tricky, SEARCH, bindings) != SEARCH.text
    posts = load_catalogue()["posts"]
    assert question_text(tricky, posts, bindings) == posts.text
    memory = load_regulation([DATA], engine="memory")
    assert prepare_index(memory) is None
    for _ in range(2):  # not at the first search, nor the next
        assert question_text(memory, SEARCH, bindings) == SEARCH.text


@pytest.mark.parametrize(
    ("hidden", "usable"),
    [
        ('"ban"', True),
        ('"ban"@vi', True),
        ('"ban"^^<http://www.w3.org/2001/XMLSchema#string>', True),
        ('"ban"^^<http://www.w3.org/2001/XMLSchema#token>', True),  # ignored: never matches
        ("42", True),
        ('"ban"@vi--ltr', False),  # a direction-tagged string: unknown here
        ('"b\x00n"', False),  # the separator inside a label
    ],
)
def test_labels_the_index_cannot_rank_switch_it_off(hidden: str, usable: bool) -> None:
    index = LabelIndex(["<http://x/e>\t" + hidden])
    assert index.usable is usable
    assert (index.search("b") is not None) is usable


@pytest.mark.parametrize("entity", ["_:b0", "<<<http://x/s> <http://x/p> <http://x/o>>>"])
def test_a_search_matching_a_blank_node_or_a_triple_is_left_to_search_rq(entity: str) -> None:
    index = LabelIndex([entity + '\t"ban"', '<http://x/e>\t"hai"'])
    assert index.search("ba") is None
    assert index.search("ha") is not None


def test_a_text_with_the_separator_is_left_to_search_rq() -> None:
    index = LabelIndex(['<http://x/e>\t"ban"'])
    assert index.search("a\x00b") is None


def test_the_index_is_built_at_the_second_search_of_a_store_version() -> None:
    """One search (a command) costs what search.rq costs; the next ones use the index."""
    store = load_regulation([DATA])
    bindings = {"q": Literal("ban"), "lang": Literal("vi")}
    assert question_text(store, SEARCH, bindings) == SEARCH.text
    assert question_text(store, SEARCH, bindings) != SEARCH.text
    assert question_text(store, SEARCH, bindings) != SEARCH.text


def test_the_service_builds_the_index_before_the_first_search() -> None:
    """The zygote's primer builds it: a worker's first search already reads it."""
    store = load_regulation([DATA])
    prime(WorkerContext(store, load_catalogue(), max_rows=1000, max_bytes=2**20))
    bindings = {"q": Literal("ban"), "lang": Literal("vi")}
    assert question_text(store, SEARCH, bindings) != SEARCH.text


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_the_service_jobs_answer_alike_with_and_without_the_index(
    tricky: Store, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """``/queries/search`` (a page) and ``/search`` (whole) as the workers answer them."""
    context = WorkerContext(tricky, load_catalogue(), max_rows=1000, max_bytes=2**20)

    def answers() -> tuple[Rendered, Rendered]:
        page = answer_question(
            context, question_id="search", params={"q": "tổ"}, lang="en", fmt=fmt, limit=30
        )
        return page, search_labels(context, q="tổ", lang="vi", fmt=fmt)

    indexed = answers()
    with monkeypatch.context() as patched:
        patched.setattr(label_index, "INDEXED_ENGINES", frozenset())
        plain = answers()
    for mine, theirs in zip(indexed, plain, strict=True):
        _same(mine, theirs)


def test_ask_answers_alike_with_and_without_the_index(
    tricky: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``orgkg ask`` / ``GET /ask``: the phrasing picks search, whose answer is the same."""
    meant, indexed = ask(tricky, "tìm tổ công tác", lang="vi")
    assert meant.question.id == "search"
    with monkeypatch.context() as patched:
        patched.setattr(label_index, "INDEXED_ENGINES", frozenset())
        _, plain = ask(tricky, "tìm tổ công tác", lang="vi")
    assert indexed.rows and indexed == plain
