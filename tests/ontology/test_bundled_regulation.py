"""The bundled Decision 426 data: it conforms, every fact cites an existing
sentence, every labelled node is bilingual, IRIs follow the scheme, and the
facts the text states (and only those) are there."""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef

from ontology import BUNDLED
from ontology.namespaces import ID, ODRL, OKG, ORG, PROV, RDF, SKOS
from ontology.report import Report, Severity

TCT = "https://w3id.org/orgkg/id/tct-cpdt"
SLUG = re.compile(r"^https://w3id\.org/orgkg/id/[a-z0-9][a-z0-9/_.-]*$")
MODELLED = (
    ORG.FormalOrganization,
    ORG.OrganizationalUnit,
    ORG.Post,
    ORG.Role,
    ORG.Site,
    OKG.ReportingLine,
    ODRL.Duty,
    ODRL.Permission,
    OKG.Seal,
    OKG.MeetingRule,
    OKG.Principle,
    OKG.Staffing,
    ODRL.Asset,
)


def iri(path: str) -> URIRef:
    return URIRef(f"{ID}{path}")


def test_bundled_data_conforms_to_all_shapes(bundled_report: Report) -> None:
    assert bundled_report.conforms, bundled_report.to_text("en")
    assert bundled_report.count(Severity.WARNING) == 0, bundled_report.to_text("en")


def test_the_only_findings_are_the_two_duties_with_no_bearer(bundled_report: Report) -> None:
    focus = {r.focus for r in bundled_report.results}
    assert focus == {
        f"{TCT}/duty/thao-luan-dan-chu-cong-khai",
        f"{TCT}/duty/thay-the-khi-khong-dap-ung",
    }
    assert {r.severity for r in bundled_report.results} == {Severity.INFO}


def test_every_cited_source_exists_with_text(bundled_files: Graph) -> None:
    cited = set(bundled_files.objects(None, PROV.wasDerivedFrom))
    assert cited
    for source in cited:
        assert isinstance(bundled_files.value(source, OKG.text), Literal), source


def test_every_modelled_node_cites_a_sentence(bundled_files: Graph) -> None:
    for cls in MODELLED:
        for node in bundled_files.subjects(RDF.type, cls):
            assert bundled_files.value(node, PROV.wasDerivedFrom) is not None, node


def test_every_labelled_node_has_one_vi_and_one_en_label(bundled_files: Graph) -> None:
    for node in set(bundled_files.subjects(SKOS.prefLabel, None)):
        labels = [o for o in bundled_files.objects(node, SKOS.prefLabel) if isinstance(o, Literal)]
        assert sorted(label.language or "" for label in labels) == ["en", "vi"], node


def test_no_hidden_labels_are_written_by_hand(bundled_files: Graph) -> None:
    assert not list(bundled_files.triples((None, SKOS.hiddenLabel, None)))


def test_data_iris_are_ascii_slugs(bundled_files: Graph) -> None:
    for node in set(bundled_files.subjects()):
        if isinstance(node, URIRef) and str(node).startswith(str(ID)):
            assert SLUG.match(str(node)), node


def test_no_file_writes_a_relative_iri_outside_the_base() -> None:
    for path in BUNDLED.glob("*.ttl"):
        assert "@base <https://w3id.org/orgkg/id/>" in path.read_text(encoding="utf-8"), path


def posts_in(graph: Graph, unit: URIRef, role: URIRef) -> set[URIRef]:
    return {
        p
        for p in graph.subjects(ORG.postIn, unit)
        if (p, ORG.role, role) in graph and isinstance(p, URIRef)
    }


def test_structure_the_text_states(bundled_files: Graph) -> None:
    wg = iri("tct-cpdt")
    assert posts_in(bundled_files, wg, OKG.head) == {iri("tct-cpdt/post/to-truong")}
    assert posts_in(bundled_files, wg, OKG.deputyHead) == {
        iri("tct-cpdt/post/to-pho-vpcp"),
        iri("tct-cpdt/post/to-pho-bo-tttt"),
    }
    groups = {
        u
        for u in bundled_files.subjects(ORG.classification, OKG.workingGroupUnit)
        if (u, ORG.unitOf, wg) in bundled_files
    }
    names = {str(bundled_files.value(g, SKOS.prefLabel)) for g in groups}
    assert len(groups) == 4
    assert {
        str(label)
        for g in groups
        for label in bundled_files.objects(g, SKOS.prefLabel)
        if isinstance(label, Literal) and label.language == "vi"
    } == {
        "Nhóm Nguồn lực và bảo đảm thực thi",
        "Nhóm Thể chế và cải cách hành chính",
        "Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin",
        "Nhóm Truyền thông",
    }, names


def test_ex_officio_holders_and_titles(bundled_files: Graph) -> None:
    assert bundled_files.value(iri("tct-cpdt/post/to-truong"), OKG.exOfficio) is None
    assert bundled_files.value(iri("tct-cpdt/post/to-pho-vpcp"), OKG.exOfficio) == iri(
        "vpcp/post/cuc-truong-cuc-kiem-soat-thu-tuc-hanh-chinh"
    )
    assert bundled_files.value(iri("tct-cpdt/post/to-pho-bo-tttt"), OKG.exOfficio) == iri(
        "bo-tttt/post/bo-truong"
    )
    dung, hung = iri("person/mai-tien-dung"), iri("person/nguyen-manh-hung")
    assert set(bundled_files.objects(dung, ORG.holds)) == {
        iri("vpcp/post/chu-nhiem"),
        iri("tct-cpdt/post/to-truong"),
    }
    assert set(bundled_files.objects(hung, ORG.holds)) == {iri("tct-cpdt/post/to-pho-bo-tttt")}
    # Acting minister: not the Minister post's holder.
    assert bundled_files.value(iri("bo-tttt/post/bo-truong"), ORG.heldBy) is None
    assert bundled_files.value(iri("bo-tttt/post/bo-truong"), OKG.actingHolder) == hung
    # Nobody is named for these posts.
    for vacant in (
        "ubqg-cpdt/post/chu-tich",
        "tct-cpdt/post/to-pho-vpcp",
        "vpcp/post/cuc-truong-cuc-kiem-soat-thu-tuc-hanh-chinh",
    ):
        assert bundled_files.value(iri(vacant), ORG.heldBy) is None, vacant


def seal_users(graph: Graph, seal: URIRef) -> set[URIRef]:
    return {
        a
        for rule in graph.subjects(ODRL.target, seal)
        if (rule, ODRL.action, OKG.useSeal) in graph
        for a in graph.objects(rule, ODRL.assignee)
        if isinstance(a, URIRef)
    }


def test_seal_authority_reading(bundled_files: Graph) -> None:
    assert seal_users(bundled_files, iri("vpcp/seal")) == {
        iri("tct-cpdt/post/to-truong"),
        iri("tct-cpdt/post/to-pho-vpcp"),
    }
    assert seal_users(bundled_files, iri("bo-tttt/seal")) == {iri("tct-cpdt/post/to-pho-bo-tttt")}
    assert set(bundled_files.subjects(RDF.type, OKG.Seal)) == {
        iri("vpcp/seal"),
        iri("bo-tttt/seal"),
    }


def test_reporting_lines_mirror_reports_to(bundled_files: Graph) -> None:
    lines = list(bundled_files.subjects(RDF.type, OKG.ReportingLine))
    # para_10__sent_1: 3 post kinds x (the leadership + 4 group leaderships); para_10__sent_2:
    # 4 groups; para_10__sent_3: 1; para_6__sent_1: 2.
    assert len(lines) == 22
    for line in lines:
        reporter = bundled_files.value(line, OKG.reporter)
        recipient = bundled_files.value(line, OKG.recipient)
        assert (reporter, ORG.reportsTo, recipient) in bundled_files, line


def test_duties_without_a_bearer_are_the_ones_the_text_leaves_open(bundled_files: Graph) -> None:
    open_duties = {
        d
        for d in bundled_files.subjects(RDF.type, ODRL.Duty)
        if bundled_files.value(d, ODRL.assignee) is None
    }
    assert open_duties == {
        iri("tct-cpdt/duty/thao-luan-dan-chu-cong-khai"),
        iri("tct-cpdt/duty/thay-the-khi-khong-dap-ung"),
    }


def test_every_rule_is_listed_by_the_regulation(bundled_files: Graph) -> None:
    regulation = iri("doc/qd-426-2018/quy-che")
    listed = set(bundled_files.objects(regulation, ODRL.obligation)) | set(
        bundled_files.objects(regulation, ODRL.permission)
    )
    rules = set(bundled_files.subjects(RDF.type, ODRL.Duty)) | set(
        bundled_files.subjects(RDF.type, ODRL.Permission)
    )
    assert listed == rules
