"""The source document as data: passages quote source.txt exactly, sentences
rebuild their paragraph, ids are stable, and only page furniture is left out."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from rdflib import Graph, Literal, URIRef

from ontology import BUNDLED
from ontology.namespaces import DCT, OKG, RDF

DOCUMENT = URIRef("https://w3id.org/orgkg/id/doc/ictnews-2018-10-19")
SOURCE = (BUNDLED / "source.txt").read_text(encoding="utf-8")
# Page furniture the data skips on purpose (see source.ttl's comments).
FURNITURE = {"In bài viết", "Banner", "Banner home right"}
EID = re.compile(r"^(title|dateline|attribution|(para|caption|img)_\d+(__sent_\d+)?)$")


def passages(graph: Graph) -> dict[URIRef, tuple[str, str, URIRef, int]]:
    """Every passage: iri -> (eId, text, parent, order)."""
    found: dict[URIRef, tuple[str, str, URIRef, int]] = {}
    for node in set(graph.subjects(OKG.text, None)):
        assert isinstance(node, URIRef)
        eid = graph.value(node, DCT.identifier)
        text = graph.value(node, OKG.text)
        parent = graph.value(node, DCT.isPartOf)
        order = graph.value(node, OKG.order)
        assert isinstance(eid, Literal) and isinstance(text, Literal)
        assert isinstance(parent, URIRef) and isinstance(order, Literal)
        found[node] = (str(eid), str(text), parent, int(order))
    return found


@pytest.fixture(scope="module")
def all_passages(bundled_files: Graph) -> dict[URIRef, tuple[str, str, URIRef, int]]:
    return passages(bundled_files)


def test_every_passage_text_is_an_exact_substring_of_the_source(
    all_passages: dict[URIRef, tuple[str, str, URIRef, int]],
) -> None:
    for iri, (_, text, _, _) in all_passages.items():
        assert text in SOURCE, iri
        assert text == text.strip(), iri


def test_ids_are_akoma_ntoso_like_and_match_the_iri(
    all_passages: dict[URIRef, tuple[str, str, URIRef, int]],
) -> None:
    eids = [eid for eid, _, _, _ in all_passages.values()]
    assert len(eids) == len(set(eids))
    for iri, (eid, _, _, _) in all_passages.items():
        assert EID.match(eid), eid
        assert iri == URIRef(f"{DOCUMENT}/{eid}")


def test_sentences_rebuild_their_paragraph(
    bundled_files: Graph, all_passages: dict[URIRef, tuple[str, str, URIRef, int]]
) -> None:
    children: dict[URIRef, list[tuple[int, str]]] = defaultdict(list)
    for iri, (_, text, parent, order) in all_passages.items():
        if (iri, RDF.type, OKG.Sentence) in bundled_files:
            children[parent].append((order, text))
    assert children
    for parent, sentences in children.items():
        sentences.sort()
        assert [order for order, _ in sentences] == list(range(1, len(sentences) + 1))
        parent_text = all_passages[parent][1]
        rebuilt = [text for _, text in sentences]
        # Only whitespace (spaces, U+00A0) lies between consecutive sentences.
        gaps = re.split("|".join(re.escape(t) for t in rebuilt), parent_text)
        assert gaps[0] == "" and gaps[-1] == "", parent
        assert all(gap.isspace() for gap in gaps[1:-1]), parent


def test_document_parts_are_in_reading_order(
    all_passages: dict[URIRef, tuple[str, str, URIRef, int]],
) -> None:
    top = sorted(
        (order, text) for _, text, parent, order in all_passages.values() if parent == DOCUMENT
    )
    assert [order for order, _ in top] == list(range(1, len(top) + 1))
    positions = [SOURCE.index(text) for _, text in top]
    assert positions == sorted(positions)


def test_only_page_furniture_is_left_out(
    all_passages: dict[URIRef, tuple[str, str, URIRef, int]],
) -> None:
    covered = SOURCE
    top_texts = sorted(
        (text for _, text, parent, _ in all_passages.values() if parent == DOCUMENT),
        key=len,
        reverse=True,
    )
    for text in top_texts:
        covered = covered.replace(text, "")
    leftovers = {line.strip() for line in covered.splitlines()} - {""}
    assert leftovers == FURNITURE


def test_the_dateline_excludes_the_no_break_spaces_and_the_print_link(
    all_passages: dict[URIRef, tuple[str, str, URIRef, int]],
) -> None:
    dateline = all_passages[URIRef(f"{DOCUMENT}/dateline")][1]
    assert dateline == "Thứ sáu - 19/10/2018 10:29"
    assert f"{dateline}\u00a0" in SOURCE


def test_abbreviations_do_not_split_sentences(
    all_passages: dict[URIRef, tuple[str, str, URIRef, int]],
) -> None:
    by_id = {eid: text for eid, text, _, _ in all_passages.values()}
    assert by_id["para_4__sent_1"].endswith("được sử dụng con dấu của VPCP.")
    assert by_id["para_4__sent_2"].endswith("con dấu của Bộ TT&TT.")
    assert "(gọi tắt là Tổ công tác)." in by_id["para_2__sent_1"]
    assert by_id["caption_1__sent_2"] == "(Nguồn ảnh: Chinhphu.vn)"
    sentence_count = sum(1 for eid in by_id if "__sent_" in eid)
    assert sentence_count == 28


def test_the_document_records_date_and_attribution(bundled_files: Graph) -> None:
    issued = bundled_files.value(DOCUMENT, DCT.issued)
    assert isinstance(issued, Literal)
    assert str(issued) == "2018-10-19T10:29:00"
    assert (DOCUMENT, RDF.type, OKG.SourceDocument) in bundled_files
