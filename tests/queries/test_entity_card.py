"""describe_entity (GET /entities/{id}) and search (GET /search)."""

from __future__ import annotations

import json

import pytest

from ontology import BUNDLED, NotFound, Store
from ontology.namespaces import ID, ORG
from queries import describe_entity, search

HEAD = str(ID) + "tct-cpdt/post/to-truong"


@pytest.mark.parametrize(
    "given", [HEAD, "tct-cpdt/post/to-truong", "id:tct-cpdt/post/to-truong", "to truong"]
)
def test_an_entity_is_found_by_iri_id_or_label(bundled: Store, given: str) -> None:
    assert describe_entity(bundled, given)["iri"] == HEAD


def test_card_of_the_head_of_the_working_group(bundled: Store) -> None:
    card = describe_entity(bundled, "tct-cpdt/post/to-truong", lang="en")
    assert card["label"] == "Head of the Working Group"
    assert card["labels"] == {"vi": "Tổ trưởng Tổ công tác", "en": "Head of the Working Group"}
    assert str(ORG.Post) in {t["iri"] for t in card["types"]}
    out = {(r["predicate"], r["object"]) for r in card["out"]}
    assert (str(ORG.postIn), str(ID) + "tct-cpdt") in out
    assert (str(ORG.heldBy), str(ID) + "person/mai-tien-dung") in out
    # para_4__sent_1: the Head may use VPCP's seal -> a permission names the post.
    assert str(ID) + "tct-cpdt/permission/dau-vpcp-to-truong" in {r["subject"] for r in card["in"]}
    # Sources: the caption names the holder; the sentence text is quoted exactly.
    source_text = (BUNDLED / "source.txt").read_text(encoding="utf-8")
    ids = {s["id"] for s in card["sources"]}
    assert {"caption_1__sent_1", "para_4__sent_1"} <= ids
    for source in card["sources"]:
        assert source["text"] in source_text
        assert source["document"] == str(ID) + "doc/ictnews-2018-10-19"
    json.dumps(card, ensure_ascii=False)


def test_labels_in_the_asked_language(bundled: Store) -> None:
    card = describe_entity(bundled, "vpcp", lang="vi")
    assert card["label"] == "Văn phòng Chính phủ"
    assert "VPCP" in card["altLabels"]
    holder = next(r for r in card["in"] if r["subject"].endswith("person/mai-tien-dung"))
    assert holder["subjectLabel"] == "Mai Tiến Dũng"


@pytest.mark.parametrize("given", ["no/such/entity", "Bộ Quốc phòng", "http://example.org/none"])
def test_unknown_entity_is_not_found(bundled: Store, given: str) -> None:
    with pytest.raises(NotFound):
        describe_entity(bundled, given)


def test_search_is_the_catalogue_search(bundled: Store) -> None:
    answer = search(bundled, "Chủ tịch", lang="en")
    assert answer.question == "search"
    assert answer.variables == ("entity", "entityLabel", "rank")
    assert str(ID) + "ubqg-cpdt/post/chu-tich" in {str(e) for e in answer.column("entity")}
