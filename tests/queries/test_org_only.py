"""The structural questions answer on a dataset that uses W3C ORG terms alone.

The data is tests/queries/data/org-only-ministry.ttl, a made-up ministry; its
header draws the tree these answers are read from.
"""

from __future__ import annotations

from rdflib import URIRef

from ontology import Store
from queries import run_query
from tests.queries.conftest import EX


def short(term: object) -> str | None:
    return None if term is None else str(term).removeprefix(EX)


def test_reporting_lines_from_org_reports_to(ministry: Store) -> None:
    answer = run_query(ministry, "reporting-lines", lang="en")
    assert [(short(r["reporter"]), short(r["recipient"])) for r in answer.records()] == [
        ("deputy-minister", "minister"),
        ("director-north", "minister"),
        ("director-south", "minister"),
        ("tech-lead", "director-north"),
        ("engineer", "tech-lead"),
    ]
    assert all(r["frequency"] is None and r["source"] is None for r in answer.records())


def test_chain_of_command_climbs_to_the_ministry(ministry: Store) -> None:
    # The minister reports to no one, so the chain climbs to the body the post is in.
    answer = run_query(ministry, "chain-of-command", {"from": "Lighthouse engineer"}, lang="en")
    assert [
        (str(r["step"]), short(r["node"]), r["relation"] and str(r["relation"]))
        for r in answer.records()
    ] == [
        ("0", "engineer", None),
        ("1", "tech-lead", "reportsTo"),
        ("2", "director-north", "reportsTo"),
        ("3", "minister", "reportsTo"),
        ("4", "mol", "within"),
    ]


def test_chain_of_command_from_a_person_goes_through_their_posts(ministry: Store) -> None:
    answer = run_query(ministry, "chain-of-command", {"from": "bui van duc"})
    assert [(str(r["step"]), short(r["node"])) for r in answer.records()] == [
        ("0", "duc"),
        ("1", "deputy-minister"),
        ("1", "director-north"),
        ("2", "minister"),
        ("3", "mol"),
    ]


def test_multi_unit_members(ministry: Store) -> None:
    # Đức holds posts in the Ministry and the Northern Department; Carol holds the tech lead
    # post (Technical Office) and has an org:Membership in the Southern Department.
    answer = run_query(ministry, "multi-unit-members", lang="en")
    assert [
        (short(r["member"]), str(r["units"]), str(r["unitLabels"])) for r in answer.records()
    ] == [
        ("duc", "2", "Ministry of Lighthouses; Northern Department"),
        ("carol", "2", "Southern Department; Technical Office"),
    ]


def test_posts_with_holders_units_and_vacancies(ministry: Store) -> None:
    answer = run_query(ministry, "posts", lang="en")
    got = {
        short(r["post"]): (
            short(r["unit"]),
            r["holderLabels"] and str(r["holderLabels"]),
            str(r["holderStatus"]),
        )
        for r in answer.records()
    }
    assert got == {
        "minister": ("mol", "Alice Nguyen", "named"),
        "deputy-minister": ("mol", "Bui Van Duc", "named"),
        "director-north": ("north", "Bui Van Duc", "named"),
        "director-south": ("south", None, "not-named"),  # only org:hasPost names its unit
        "tech-lead": ("tech-office", "Carol Tran", "named"),
        "engineer": ("tech-office", None, "not-named"),
    }


def test_units_with_parents_heads_and_counts(ministry: Store) -> None:
    answer = run_query(ministry, "units", lang="en")
    got = {
        short(r["unit"]): (
            short(r["parent"]),
            r["headLabels"] and str(r["headLabels"]),
            str(r["posts"]),
            str(r["members"]),
        )
        for r in answer.records()
    }
    assert got == {
        "mol": (None, "Alice Nguyen", "2", "2"),
        "north": ("mol", None, "1", "1"),
        "south": ("mol", None, "1", "2"),  # the director post and Carol's membership
        "tech-office": ("north", None, "2", "2"),
    }


def test_labels_fall_back_to_the_other_language(ministry: Store) -> None:
    # The engineer post has an English label only.
    answer = run_query(ministry, "posts", lang="vi")
    labels = {short(r["post"]): r["postLabel"] for r in answer.records()}
    assert str(labels["engineer"]) == "Lighthouse engineer"
    assert labels["engineer"].language == "en"  # type: ignore[union-attr]
    assert str(labels["minister"]) == "Bộ trưởng"


def test_search_folds_d_with_stroke(ministry: Store) -> None:
    answer = run_query(ministry, "search", {"q": "duc"})
    assert [short(e) for e in answer.column("entity")] == ["duc"]
    assert answer.column("entity")[0] == URIRef(EX + "duc")
