"""Time (ontology.timeline): dated facts, the store as of a day, dated shapes,
and sources that disagree, on the two bundled folders and small cases."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import URIRef

from ontology import REGULATIONS, ParameterError, Store, load_regulation
from ontology.dating import Period, parse_at, parse_day
from ontology.namespaces import ID, ORG, SH, SKOS
from ontology.timeline import as_of, at, events, is_dated
from ontology.validation import check

BOTH = [REGULATIONS / "qd-426-2018", REGULATIONS / "tct-cpdt-2019-2021"]
HEAD = ID["tct-cpdt/post/to-truong"]
DUNG = ID["person/mai-tien-dung"]
HUNG = ID["person/nguyen-manh-hung"]
WG = ID["tct-cpdt"]


@pytest.fixture(scope="module")
def both() -> Store:
    return load_regulation(BOTH)


@pytest.fixture(scope="module")
def alone() -> Store:
    return load_regulation()


def holders(store: Store, post: URIRef) -> set[str]:
    table = store.select(f"SELECT ?who WHERE {{ <{post}> org:heldBy ?who }}")
    return {str(row[0]) for row in table}


def test_a_date_keeps_its_precision_and_counts_from_its_first_day() -> None:
    assert parse_day("2019-09") == date(2019, 9, 1)
    assert parse_day("2019") == date(2019, 1, 1)
    month = Period(parse_day("2019-09"), None)
    assert month.contains(date(2019, 9, 1)) and not month.contains(date(2019, 8, 31))
    ended = Period(None, date(2019, 9, 9))
    assert ended.contains(date(2019, 9, 8)) and not ended.contains(date(2019, 9, 9))


@pytest.mark.parametrize("bad", ["yesterday", "2019-13-01", "2019-02-30", "19-9-9", ""])
def test_a_bad_at_names_the_option(bad: str) -> None:
    with pytest.raises(ParameterError, match="--at"):
        parse_at(bad, name="--at")


def test_the_2018_text_alone_is_not_dated_and_answers_as_it_is(alone: Store) -> None:
    assert not is_dated(alone)
    store, day = as_of(alone, None, today=date(2026, 1, 1))
    assert store is alone and day is None


def test_with_both_folders_no_day_means_today(both: Store) -> None:
    assert is_dated(both)
    store, day = as_of(both, None, today=date(2026, 1, 1))
    assert day == date(2026, 1, 1) and store is at(both, date(2026, 1, 1))  # cached


def test_who_heads_the_working_group_on_each_day(both: Store) -> None:
    assert holders(at(both, date(2018, 12, 1)), HEAD) == {str(DUNG)}
    # Notice 320 (9/9/2019) ends Mai Tiến Dũng's holding; 1737 (3/12) names Hùng.
    assert holders(at(both, date(2019, 10, 1)), HEAD) == set()
    assert holders(at(both, date(2019, 12, 31)), HEAD) == {str(HUNG)}


def test_an_ended_triple_ends_with_its_org_inverse(both: Store) -> None:
    later = at(both, date(2019, 10, 1))
    assert (DUNG, ORG.holds, HEAD) not in set(later.triples())
    assert (DUNG, ORG.holds, HEAD) in set(at(both, date(2018, 12, 1)).triples())


def test_ended_posts_are_gone_but_keep_their_names(both: Store) -> None:
    deputy = ID["tct-cpdt/post/to-pho-vpcp"]
    later = set(at(both, date(2019, 12, 31)).triples())
    assert not any(s == deputy and p == ORG.postIn for s, p, _ in later)
    assert any(s == deputy and p == SKOS.prefLabel for s, p, _ in later)


def test_a_renamed_body_has_one_name_a_day(both: Store) -> None:
    def names(day: date) -> set[str]:
        table = at(both, day).select(
            f'SELECT ?l WHERE {{ <{WG}> skos:prefLabel ?l FILTER(LANG(?l) = "vi") }}'
        )
        return {str(row[0]) for row in table}

    assert names(date(2018, 12, 1)) == {
        "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử"
    }
    assert names(date(2019, 9, 15)) == {
        "Tổ công tác giúp việc Ủy ban Quốc gia về Chính phủ điện tử"
    }


def test_the_store_conforms_on_every_day_and_warns_of_the_disagreement(both: Store) -> None:
    for day in (date(2018, 12, 1), date(2019, 12, 31), date(2021, 10, 1)):
        report = check(at(both, day))  # orgkg check's report
        assert report.conforms, report.to_text("en")
        warned = {r.focus for r in report.results if r.shape.endswith("DisagreementShape")}
        assert warned == {
            str(ID["tct-cpdt/statement/to-truong-thu-truong"]),
            str(ID["tct-cpdt/statement/to-truong-bo-truong"]),
        }


def test_shapes_the_2019_acts_end_are_deactivated_after_them(both: Store) -> None:
    shape = URIRef("https://w3id.org/orgkg/shapes/qd-426-2018#WgDeputyCountShape")
    assert (shape, SH.deactivated, None) not in at(both, date(2018, 12, 1)).shapes
    assert (shape, SH.deactivated, None) in at(both, date(2019, 12, 31)).shapes


def test_events_keep_the_precision_of_their_source(both: Store) -> None:
    found = {(e.when, e.change, str(e.thing)) for e in events(both)}
    assert ("2019-09", "begins", str(ID["ubqg-cpdt/post/pho-chu-tich-thuong-truc"])) in found
    assert ("2019-09-09", "ends", str(ID["tct-cpdt/post/to-pho-vpcp"])) in found


def test_the_memory_engine_gives_the_same_view(both: Store) -> None:
    memory = load_regulation(BOTH, engine="memory")
    day = date(2019, 12, 31)
    assert set(at(memory, day).triples()) == set(at(both, day).triples())
