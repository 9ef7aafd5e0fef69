"""UK organogram import: real snapshots, messy rows, several snapshots of one body.

Real files (OGL v3.0, see data/organograms/README.md): the Human Tissue
Authority and DFID. Made-up files (messy-body-*) hold the rows real files
get wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from ontology import DataError, load_regulation
from ontology.namespaces import DCT, OKG, ORG, SKOS
from ontology.organogram import import_organogram
from ontology.profiles import Profile, check_with_profile
from queries import run_query

DATA = Path(__file__).resolve().parent / "data" / "organograms"
HTA = "https://w3id.org/orgkg/id/human-tissue-authority/post/"
MESSY = "https://w3id.org/orgkg/id/messy-body/post/"


def graph_of(folder: Path) -> Graph:
    return Graph().parse(folder / "organogram.ttl")


def test_a_real_snapshot_passes_the_organisation_profile(tmp_path: Path) -> None:
    files = sorted(DATA.glob("human_tissue_authority-2011-03-31-*.csv"))
    imported = import_organogram(files, tmp_path)
    assert imported.notes == [] and imported.posts == 5
    store = load_regulation(imported.folders)
    report = check_with_profile(store, imported.folders)
    assert report.conforms and not report.results, report.to_text("en")
    chain = run_query(store, "chain-of-command", {"from": "Director of Regulation"}, lang="vi")
    labels = [str(r["nodeLabel"]) for r in chain.records()]
    # English-only data asked in Vietnamese: English labels, never IRIs.
    assert labels[:2] == ["Director of Regulation", "Chief Executive"]
    span = run_query(store, "span-of-control", lang="en").records()
    assert [(str(r["superiorLabel"]), str(r["directReports"])) for r in span][:1] == [
        ("Chief Executive", "4")
    ]


def test_junior_staff_are_counted_per_senior_post(tmp_path: Path) -> None:
    files = sorted(DATA.glob("messy-body-2020-03-31-*.csv"))
    graph = graph_of(import_organogram(files, tmp_path).folders[0])
    groups = list(graph.subjects(OKG.juniorOf, URIRef(MESSY + "p1")))
    assert len(groups) == 1  # two rows of one grade and title, summed
    assert str(graph.value(groups[0], OKG.fte)) == "3.5"


def test_messy_rows_are_reported_by_file_and_row_and_never_crash(tmp_path: Path) -> None:
    files = sorted(DATA.glob("messy-body-2020-03-31-*.csv"))
    imported = import_organogram(files, tmp_path)
    where = {(Path(n.path).name.split("-2020")[1], n.row): n.message for n in imported.notes}
    senior, junior = "-03-31-senior.csv", "-03-31-junior.csv"
    assert "blank Post Unique Reference" in where[(senior, 6)]
    assert "repeats row 3" in where[(senior, 7)]
    assert "reports to Z9" in where[(senior, 8)]
    assert "reporting cycle: C1 -> C2" in where[(senior, 9)]
    assert "'half' is not a number" in where[(senior, 5)]
    assert "Q7" in where[(junior, 4)]
    assert "'N/D' is not a number" in where[(junior, 5)]
    graph = graph_of(imported.folders[0])
    # Quotes inside a quoted title survive.
    title = Literal('Director of "Special" Projects, North', lang="en")
    assert (URIRef(MESSY + "d1"), SKOS.prefLabel, title) in graph
    # N/D: somebody holds the post, unnamed; Vacant and Eliminated: nobody.
    assert graph.value(URIRef(MESSY + "d1"), OKG.postStatus) == OKG.notDisclosed
    assert graph.value(URIRef(MESSY + "d1"), ORG.heldBy) is not None
    assert graph.value(URIRef(MESSY + "d2"), OKG.postStatus) == OKG.vacantPost
    assert graph.value(URIRef(MESSY + "d2"), ORG.heldBy) is None
    assert graph.value(URIRef(MESSY + "d3"), OKG.postStatus) == OKG.eliminatedPost
    assert graph.value(URIRef(MESSY + "e1"), ORG.reportsTo) is None
    store = load_regulation(imported.folders[:1])
    vacant = {str(r["post"]) for r in run_query(store, "vacant-posts").records()}
    assert {MESSY + "d2", MESSY + "d3"} <= vacant and MESSY + "d1" not in vacant
    # The cycle is real data: the organisation profile says so (exit 1).
    report = check_with_profile(store, imported.folders[:1], Profile.organisation)
    assert {r.shape.rsplit("#")[-1] for r in report.results} == {"ReportingCycleShape"}


def test_snapshots_of_one_body_keep_their_post_iris_and_dates(tmp_path: Path) -> None:
    imported = import_organogram(sorted(DATA.glob("messy-body-*.csv")), tmp_path)
    assert [f.name for f in imported.folders] == ["2020-03-31", "2020-09-30"]
    first, second = (graph_of(f) for f in imported.folders)
    d1 = URIRef(MESSY + "d1")
    assert (d1, None, None) in first and (d1, None, None) in second
    assert str(second.value(d1, SKOS.prefLabel)) == "Director of Projects"
    dates = [str(next(g.objects(None, DCT.date))) for g in (first, second)]
    assert dates == ["2020-03-31", "2020-09-30"]
    assert [str(v) for v in first.objects(None, DCT.valid)] == ["2020-03-31/2020-09-30"]
    # "d1" and "D1" would be one IRI: the second is left out, and said so.
    assert any("d1 would share its IRI with post D1" in n.message for n in imported.notes)


def test_a_date_that_is_not_one_is_refused(tmp_path: Path) -> None:
    senior = tmp_path / "body-2020-13-45-senior.csv"
    senior.write_bytes((DATA / "messy-body-2020-09-30-senior.csv").read_bytes())
    with pytest.raises(DataError, match="snapshot date"):
        import_organogram([senior], tmp_path / "out")
    with pytest.raises(DataError, match="not a date"):
        import_organogram([senior], tmp_path / "out", date="31/03/2020")
    imported = import_organogram([senior], tmp_path / "out", date="2020-03-31")
    assert [f.name for f in imported.folders] == ["2020-03-31"]


def test_a_file_that_is_not_an_organogram_is_refused(tmp_path: Path) -> None:
    wrong = tmp_path / "people-2020-01-01.csv"
    wrong.write_text('"Name","Age"\n"Ann","40"\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        import_organogram([wrong], tmp_path / "out")
    assert caught.value.path == str(wrong) and caught.value.line == 1
    assert not (tmp_path / "out").exists()
