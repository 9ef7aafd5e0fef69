"""Expected answers on the bundled regulation, worked out by hand from the text.

Each test quotes the sentences of ontology/regulations/qd-426-2018/source.txt
its answer comes from (sentence ids as in the data: para_N__sent_M). The
answers are compared on IRIs, which are stable, so a relabelling does not
break them; the labels themselves are checked in one place.
"""

from __future__ import annotations

from rdflib import URIRef

from ontology import BUNDLED, Store
from ontology.namespaces import ID, OKG
from queries import Answer, run_query

TCT = "tct-cpdt"
LEADERSHIP = f"{TCT}/unit/lanh-dao"
GROUPS = (
    f"{TCT}/unit/nhom-giai-phap-cong-nghe",
    f"{TCT}/unit/nhom-nguon-luc",
    f"{TCT}/unit/nhom-the-che",
    f"{TCT}/unit/nhom-truyen-thong",
)
# para_10__sent_1 "lãnh đạo nhóm công tác": each group's own leadership.
GROUP_LEADERSHIPS = tuple(g.replace("/unit/nhom-", "/unit/lanh-dao-nhom-") for g in GROUPS)
MEMBER, STAFF, EXPERT = (
    f"{TCT}/post/thanh-vien",
    f"{TCT}/post/can-bo-giup-viec",
    f"{TCT}/post/chuyen-gia",
)
HEAD, DEPUTY_VPCP, DEPUTY_MIC = (
    f"{TCT}/post/to-truong",
    f"{TCT}/post/to-pho-vpcp",
    f"{TCT}/post/to-pho-bo-tttt",
)
CHAIRMAN = "ubqg-cpdt/post/chu-tich"
MAI, HUNG = "person/mai-tien-dung", "person/nguyen-manh-hung"


def iri(slug: str) -> URIRef:
    return URIRef(str(ID) + slug)


def slug(term: object) -> str | None:
    return None if term is None else str(term).removeprefix(str(ID))


def rows_of(answer: Answer, *names: str) -> list[tuple[str | None, ...]]:
    """The named columns, IRIs shortened to their id, plain strings otherwise."""
    out: list[tuple[str | None, ...]] = []
    for record in answer.records():
        values = []
        for name in names:
            value = record[name]
            values.append(
                slug(value) if isinstance(value, URIRef) else None if value is None else str(value)
            )
        out.append(tuple(values))
    return out


def test_reporting_lines(bundled: Store) -> None:
    # para_10__sent_1: "Các thành viên, cán bộ giúp việc, chuyên gia của Tổ công tác có trách
    #   nhiệm báo cáo lãnh đạo Tổ công tác, lãnh đạo nhóm công tác theo các hình thức báo cáo
    #   trực tiếp, bằng văn bản, tại các cuộc họp hoặc qua thư điện tử."
    #   -> 3 reporters x (the leadership + each group's leadership), four channels, no frequency.
    # para_10__sent_2: "Định kỳ hàng tuần các nhóm thuộc Tổ công tác báo cáo lãnh đạo Tổ công
    #   tác về kết quả thực hiện nhiệm vụ được giao." -> each of the 4 groups, weekly.
    # para_10__sent_3: "Định kỳ hàng tháng, Tổ công tác báo cáo Chủ tịch UBQG về Chính phủ điện
    #   tử kết quả thực hiện các nhiệm vụ được giao." -> the Working Group, monthly.
    # para_6__sent_1: "... cho ý kiến đối với những nội dung đề xuất của Tổ công tác ... trước
    #   khi báo cáo Ủy ban, Chủ tịch Ủy ban." -> proposals to the Committee and its Chairman.
    answer = run_query(bundled, "reporting-lines", lang="en")
    channels = "At meetings; By email; In person; In writing"
    expected = {
        *(
            (who, to, None, channels, "para_10__sent_1")
            for who in (MEMBER, STAFF, EXPERT)
            for to in (LEADERSHIP, *GROUP_LEADERSHIPS)
        ),
        *((group, LEADERSHIP, "Weekly", None, "para_10__sent_2") for group in GROUPS),
        (TCT, CHAIRMAN, "Monthly", None, "para_10__sent_3"),
        (TCT, CHAIRMAN, None, None, "para_6__sent_1"),
        (TCT, "ubqg-cpdt", None, None, "para_6__sent_1"),
    }
    got = rows_of(answer, "reporter", "recipient", "frequencyLabel", "channelLabels", "source")
    assert len(got) == len(expected) == 22
    assert set(got) == expected


def test_reporting_lines_of_one_recipient(bundled: Store) -> None:
    # para_10__sent_2 and para_10__sent_1: the leadership hears from the 4 groups and from the
    # members, support staff and experts.
    answer = run_query(bundled, "reporting-lines", {"recipient": "Lãnh đạo Tổ công tác"})
    assert {slug(r) for r in answer.column("reporter")} == {*GROUPS, MEMBER, STAFF, EXPERT}
    assert set(answer.column("recipient")) == {iri(LEADERSHIP)}


def test_chain_of_command_from_a_group(bundled: Store) -> None:
    # para_10__sent_2: the groups report to the leadership ("các nhóm ... báo cáo lãnh đạo Tổ
    # công tác"); the leadership is the Working Group's and has no line of its own, so the
    # chain climbs to the Working Group, which reports to the Chairman (para_10__sent_3) and
    # to the Committee (para_6__sent_1: "trước khi báo cáo Ủy ban, Chủ tịch Ủy ban").
    answer = run_query(bundled, "chain-of-command", {"from": "nhom truyen thong"})
    assert rows_of(answer, "step", "node", "relation", "below") == [
        ("0", f"{TCT}/unit/nhom-truyen-thong", None, None),
        ("1", LEADERSHIP, "reportsTo", f"{TCT}/unit/nhom-truyen-thong"),
        ("2", TCT, "within", LEADERSHIP),
        ("3", "ubqg-cpdt", "reportsTo", TCT),
        ("3", CHAIRMAN, "reportsTo", TCT),
    ]
    assert str(answer.column("source")[1]) == "para_10__sent_2"


def test_chain_of_command_from_a_person(bundled: Store) -> None:
    # caption_1__sent_1: "Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng, Tổ trưởng Tổ công tác":
    # he holds both posts; each climbs to its body, and the Working Group on to the Chairman
    # and the Committee (para_10__sent_3, para_6__sent_1). VPCP answers to no one in the text.
    answer = run_query(bundled, "chain-of-command", {"from": "Mai Tiến Dũng"})
    assert rows_of(answer, "step", "node") == [
        ("0", MAI),
        ("1", HEAD),
        ("1", "vpcp/post/chu-nhiem"),
        ("2", TCT),
        ("2", "vpcp"),
        ("3", "ubqg-cpdt"),
        ("3", CHAIRMAN),
    ]


def test_multi_unit_members(bundled: Store) -> None:
    # caption_1__sent_1: Mai Tiến Dũng is Minister-Chairman of VPCP and Head of the Working
    # Group; Nguyễn Mạnh Hùng is Acting Minister of Bộ TT&TT and a Deputy Head.
    # para_6__sent_1: "Bộ phận thường trực của Tổ công tác gồm lãnh đạo Tổ công tác, Trưởng các
    # nhóm ...": the Head and both Deputies sit in the leadership and the standing unit; each
    # group head sits in the standing unit and (para_10__sent_1) in its own group's
    # leadership. A post's own unit (the Working Group, the group) is not counted again
    # beside the units inside it where the post sits.
    answer = run_query(bundled, "multi-unit-members", lang="en")
    got = {member: units for member, units in rows_of(answer, "member", "units")}
    assert got == {
        MAI: "3",  # VPCP, the Working Group's leadership, its standing unit
        HUNG: "3",  # Bộ TT&TT (acting), the Working Group's leadership, its standing unit
        HEAD: "2",
        DEPUTY_VPCP: "2",
        DEPUTY_MIC: "2",
        **{f"{TCT}/post/truong-{g.split('/unit/')[1]}": "2" for g in GROUPS},
    }
    # People first, then posts: one column never mixes the two unannounced.
    kinds = rows_of(answer, "memberKind")
    assert kinds == sorted(kinds) and {k for (k,) in kinds} == {"person", "post"}
    assert [slug(m) for m in answer.column("member")[:2]] in ([MAI, HUNG], [HUNG, MAI])


def test_uncovered_duties(bundled: Store) -> None:
    # para_3__sent_1: "Mọi công việc được thảo luận dân chủ, công khai ...": passive, nobody
    # named. para_3__sent_2: "Kịp thời thay thế trong trường hợp không đáp ứng yêu cầu.": no
    # subject at all. Both duties have no bearer.
    # para_3__sent_1: "... các thành viên, cán bộ giúp việc, chuyên gia ... chịu trách nhiệm
    # trước Tổ trưởng": borne by three posts the text names no holder for (a bearer, not named).
    answer = run_query(bundled, "uncovered-duties")
    # Ordered by reason, then by the Vietnamese label (code point order: "Kịp" < "Thảo",
    # "Chuyên" < "Cán" < "Thành").
    assert rows_of(answer, "duty", "reason", "bearer") == [
        (f"{TCT}/duty/thay-the-khi-khong-dap-ung", "no-bearer", None),
        (f"{TCT}/duty/thao-luan-dan-chu-cong-khai", "no-bearer", None),
        (f"{TCT}/duty/chiu-trach-nhiem-chuyen-gia", "bearer-not-named", EXPERT),
        (f"{TCT}/duty/chiu-trach-nhiem-can-bo-giup-viec", "bearer-not-named", STAFF),
        (f"{TCT}/duty/chiu-trach-nhiem-thanh-vien", "bearer-not-named", MEMBER),
    ]
    reasons = {
        str(r) for r in run_query(bundled, "uncovered-duties", lang="en").column("reasonLabel")
    }
    assert reasons == {
        "The text names no bearer",
        "Given to a post whose holder the text does not name",
    }
    assert rows_of(answer, "source")[0] == ("para_3__sent_1; para_3__sent_2",)


def test_seal_authorities(bundled: Store) -> None:
    # para_4__sent_1: "Tổ trưởng Tổ công tác và Tổ phó Tổ công tác là Cục trưởng Cục Kiểm soát
    #   thủ tục hành chính, Văn phòng Chính phủ (VPCP) được sử dụng con dấu của VPCP."
    # para_4__sent_2: "Tổ phó Tổ công tác là Bộ trưởng Bộ TT&TT được sử dụng con dấu của Bộ
    #   TT&TT." Holders from caption_1__sent_1 (the Director General is not named).
    answer = run_query(bundled, "seal-authorities", lang="en")
    assert set(rows_of(answer, "body", "bearer", "holderLabels", "source")) == {
        ("vpcp", HEAD, "Mai Tien Dung", "para_4__sent_1"),
        ("vpcp", DEPUTY_VPCP, None, "para_4__sent_1"),
        ("bo-tttt", DEPUTY_MIC, "Nguyen Manh Hung", "para_4__sent_2"),
    }


def test_posts_and_vacancies(bundled: Store) -> None:
    # Working Group (para_5__sent_1 "gồm Tổ trưởng, 2 Tổ phó và các thành viên"; para_2__sent_2
    # "cán bộ giúp việc, chuyên gia"; para_6__sent_1 "Trưởng các nhóm" x4 and "một số chuyên
    # gia" of the standing unit): 11 posts. Outside it: the Chairman of UBQG (para_1__sent_1),
    # the Minister-Chairman of VPCP (para_1__sent_1), the Director General of the Agency
    # (para_4__sent_1), the Minister of Bộ TT&TT (para_4__sent_2): 15 in all. Only
    # caption_1__sent_1 names holders: Mai Tiến Dũng (VPCP, Head), Nguyễn Mạnh Hùng (Deputy
    # Head; Acting Minister).
    posts = run_query(bundled, "posts", lang="en")
    assert len(posts) == 15
    held = {slug(r["post"]): str(r["holderStatus"]) for r in posts.records()}
    filled = {HEAD, DEPUTY_MIC, "vpcp/post/chu-nhiem", "bo-tttt/post/bo-truong"}
    assert {p for p, status in held.items() if status == "named"} == filled
    # The text says of no post that it is vacant: the others are "not named", never "vacant".
    assert {status for p, status in held.items() if p not in filled} == {"not-named"}
    unnamed = run_query(bundled, "vacant-posts", lang="en")
    assert {slug(p) for p in unnamed.column("post")} == set(held) - filled
    assert {str(s) for s in unnamed.column("holderStatusLabel")} == {"The text names no holder"}
    # para_4__sent_1/2: the two Deputy Heads hold their seats ex officio.
    ex_officio = run_query(bundled, "ex-officio-posts", lang="en")
    assert rows_of(ex_officio, "post", "basis", "basisHolderLabels") == [
        (DEPUTY_VPCP, "vpcp/post/cuc-truong-cuc-kiem-soat-thu-tuc-hanh-chinh", None),
        (DEPUTY_MIC, "bo-tttt/post/bo-truong", "Nguyen Manh Hung"),
    ]


def test_units(bundled: Store) -> None:
    # Bodies named: UBQG, VPCP (para_1__sent_1), Bộ TT&TT (para_4__sent_2), Ban Cơ yếu Chính phủ
    # (para_7__sent_3), the Working Group; the Agency inside VPCP (para_4__sent_1); inside the
    # Working Group its leadership, the 4 groups (para_5__sent_2), the standing unit
    # (para_6__sent_1), the expert group (para_7__sent_1) and the support unit
    # (para_7__sent_3); inside each group its leadership (para_10__sent_1): 18.
    answer = run_query(bundled, "units", lang="en")
    units = {slug(r["unit"]): r for r in answer.records()}
    assert len(units) == 18
    assert {u for u, r in units.items() if slug(r["parent"]) in GROUPS} == set(GROUP_LEADERSHIPS)
    assert {str(units[u]["kindLabels"]) for u in GROUP_LEADERSHIPS} == {"Leadership"}
    inside = {u for u, r in units.items() if slug(r["parent"]) == TCT}
    assert inside == {
        LEADERSHIP,
        *GROUPS,
        f"{TCT}/unit/bo-phan-thuong-truc",
        f"{TCT}/unit/nhom-chuyen-gia",
        f"{TCT}/unit/bo-phan-giup-viec",
    }
    # para_8__sent_2: "Tổ công tác, nhóm công tác làm việc theo chế độ Thủ trưởng";
    # para_7__sent_3: "bộ phận giúp việc làm việc theo chế độ chuyên trách".
    regimes = {u: str(r["regimeLabels"]) for u, r in units.items() if r["regimeLabels"]}
    assert regimes == {
        TCT: "Head's-authority regime",
        **dict.fromkeys(GROUPS, "Head's-authority regime"),
        f"{TCT}/unit/bo-phan-giup-viec": "Full-time (dedicated)",
    }
    # caption_1__sent_1: Mai Tiến Dũng heads VPCP and the Working Group.
    assert str(units[TCT]["headLabels"]) == "Mai Tien Dung"
    assert str(units["vpcp"]["headLabels"]) == "Mai Tien Dung"


def test_meetings(bundled: Store) -> None:
    # para_9__sent_1: "Tổ công tác họp định kỳ 1 tháng/lần và họp đột xuất theo yêu cầu của lãnh
    #   đạo Tổ công tác." para_9__sent_2: "Thành phần họp do lãnh đạo Tổ công tác quyết định."
    # para_9__sent_3: "Lãnh đạo Tổ công tác quyết định cuộc họp mở rộng có sự tham gia của đại
    #   điện cơ quan, đơn vị liên quan."
    answer = run_query(bundled, "meetings", lang="en")
    leadership = "Working Group leadership"
    assert set(
        rows_of(
            answer, "kindLabel", "frequencyLabel", "convenedByLabels", "attendanceDecidedByLabels"
        )
    ) == {
        ("Regular meeting", "Monthly", None, leadership),
        ("Ad hoc meeting", "Ad hoc", leadership, leadership),
        ("Extended meeting", None, leadership, leadership),
    }
    assert {slug(u) for u in answer.column("unit")} == {TCT}


def test_span_of_control(bundled: Store) -> None:
    # para_10__sent_1 (3 posts) + para_10__sent_2 (4 groups) report to the leadership: 7;
    # para_10__sent_1 also to each group's leadership: 3 each; the Working Group to the
    # Chairman (para_10__sent_3) and to the Committee (para_6__sent_1): 1 each.
    answer = run_query(bundled, "span-of-control")
    assert rows_of(answer, "superior", "directReports") == [
        (LEADERSHIP, "7"),
        *((leadership, "3") for leadership in sorted(GROUP_LEADERSHIPS)),
        *sorted([(CHAIRMAN, "1"), ("ubqg-cpdt", "1")], key=lambda r: r[0] != CHAIRMAN),
    ]


def test_most_roles(bundled: Store) -> None:
    # caption_1__sent_1: Mai Tiến Dũng holds two posts (Minister-Chairman of VPCP, Head of the
    # Working Group); Nguyễn Mạnh Hùng two (Deputy Head, Acting Minister). Heading VPCP and the
    # Working Group is what those posts are, so it does not count again.
    answer = run_query(bundled, "most-roles")
    assert set(rows_of(answer, "agent", "roles")) == {(MAI, "2"), (HUNG, "2")}


def test_search_ranks_exact_then_prefix_then_substring(bundled: Store) -> None:
    # "(gọi tắt là Tổ công tác)" (para_2__sent_1): "Tổ công tác" is the Working Group's name.
    for text in ("Tổ công tác", "to cong tac", "TỔ CÔNG TÁC", "To Cong Tac"):
        answer = run_query(bundled, "search", {"q": text})
        assert slug(answer.column("entity")[0]) == TCT, text
        assert str(answer.column("rank")[0]) == "0"
        ranks = [int(str(r)) for r in answer.column("rank")]
        assert ranks == sorted(ranks)
        assert {0, 1, 2} <= set(ranks)
    # đ folds to d: "Đề cao ..." and "điện tử" are found without their marks.
    found = run_query(bundled, "search", {"q": "dien tu"})
    assert TCT in {slug(e) for e in found.column("entity")}
    assert (
        run_query(bundled, "search", {"q": "đề cao"}).rows
        == run_query(bundled, "search", {"q": "de cao"}).rows
    )


def test_provenance_quotes_the_source(bundled: Store) -> None:
    # VPCP is named in para_1__sent_1 ("Văn phòng Chính phủ"), para_4__sent_1 ("Văn phòng Chính
    # phủ (VPCP)") and para_8__sent_5 ("trụ sở VPCP"): its own rows come first and quote them.
    answer = run_query(bundled, "provenance", {"entity": "VPCP"})
    source = (BUNDLED / "source.txt").read_text(encoding="utf-8")
    own = [r for r in answer.records() if r["item"] == iri("vpcp")]
    assert {str(r["source"]) for r in own} >= {"para_1__sent_1", "para_4__sent_1"}
    assert answer.records()[: len(own)] == own
    for record in answer.records():
        assert str(record["text"]) in source
    for record in own:
        assert "VPCP" in str(record["text"]) or "Văn phòng Chính phủ" in str(record["text"])
    # Relations naming VPCP come with their own sources: the seal (para_4__sent_1).
    assert (slug(iri("vpcp/seal")), str(OKG.sealOf)) in {
        (slug(r["item"]), str(r["relation"])) for r in answer.records()
    }


def test_no_reporting_cycles(bundled: Store) -> None:
    # Every line of para_10 and para_6__sent_1 goes up: members -> leaderships, groups ->
    # leadership, Working Group -> Chairman / Committee. Nothing reports back down.
    assert len(run_query(bundled, "reporting-cycles")) == 0


def test_single_points_of_failure(bundled: Store) -> None:
    # Without the Working Group, its reporting side (leadership, 4 groups, their heads and
    # leaderships, members, staff, experts; para_10) stays together and the other 17 nodes
    # (Chairman and Committee, the posts and people of para_4 and the caption, the standing,
    # expert and support units) are cut off from it.
    # Without the leadership, the 4 groups with their heads and leaderships, and the members,
    # staff and experts who report to every group's leadership, are cut off: 4 x 3 + 3 = 15.
    answer = run_query(bundled, "single-points-of-failure")
    first_two = rows_of(answer, "node", "separated")[:2]
    assert first_two == [(TCT, "17"), (LEADERSHIP, "15")]


def test_longest_chains(bundled: Store) -> None:
    # A member, support staffer or expert -> a group's leadership (para_10__sent_1) -> the
    # group -> the leadership (para_10__sent_2) -> the Working Group -> the Chairman
    # (para_10__sent_3) -> the Committee he chairs: 7 nodes; then each group head's chain
    # (para_6__sent_1 "Trưởng các nhóm"), one shorter.
    answer = run_query(bundled, "longest-chains")
    lengths = [int(str(n)) for n in answer.column("length")]
    assert lengths[:7] == [7, 7, 7, 6, 6, 6, 6]
    assert {slug(s) for s in answer.column("start")[:3]} == {MEMBER, STAFF, EXPERT}
    assert {slug(t) for t in answer.column("top")[:7]} == {"ubqg-cpdt"}


def test_labels_follow_the_language_asked(bundled: Store) -> None:
    vi = run_query(bundled, "seal-authorities", lang="vi").column("bodyLabel")
    en = run_query(bundled, "seal-authorities", lang="en").column("bodyLabel")
    assert "Văn phòng Chính phủ" in {str(v) for v in vi}
    assert "Government Office" in {str(v) for v in en}
