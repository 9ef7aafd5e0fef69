"""A made-up government-scale organisation for the viewer's big-graph test."""

from __future__ import annotations

PREFIXES = """@base <https://w3id.org/orgkg/id/> .
@prefix okg: <https://w3id.org/orgkg/ns#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<big> a org:FormalOrganization ; skos:prefLabel "Bộ Lớn"@vi, "Big Ministry"@en .
<big/post/bo-truong> a org:Post ; org:postIn <big> ; org:role okg:head ;
    skos:prefLabel "Bộ trưởng"@vi, "Minister"@en .
"""


def synthetic_turtle(units: int, posts: int, persons: int) -> str:
    """A ministry of ``units`` departments, each with ``posts`` posts (the first
    its head), ``persons`` of them held by a named person, a reporting line to
    the minister and one source sentence every fact cites."""
    lines = [PREFIXES]
    for u in range(units):
        unit = f"<big/unit/u{u}>"
        source = f"<doc/big/para_{u}__sent_1>"
        lines.append(f'{source} a okg:Sentence ; okg:text "Đơn vị {u} có {posts} chức vụ." .')
        lines.append(
            f"{unit} a org:OrganizationalUnit ; org:unitOf <big> ; "
            f'skos:prefLabel "Vụ {u}"@vi, "Department {u}"@en ; '
            f"prov:wasDerivedFrom {source} ."
        )
        lines.append(
            f"<big/reporting/u{u}> a okg:ReportingLine ; okg:reporter {unit} ; "
            f'okg:recipient <big/post/bo-truong> ; skos:prefLabel "Báo cáo {u}"@vi .'
        )
        for p in range(posts):
            post = f"<big/post/u{u}-p{p}>"
            role = " org:role okg:head ;" if p == 0 else ""
            lines.append(
                f"{post} a org:Post ; org:postIn {unit} ;{role} "
                f'skos:prefLabel "Chuyên viên {u}.{p}"@vi ; '
                f"prov:wasDerivedFrom {source} ."
            )
            if p < persons:
                lines.append(
                    f"<person/u{u}-p{p}> a foaf:Person ; org:holds {post} ; "
                    f'skos:prefLabel "Người {u}.{p}"@vi .'
                )
    return "\n".join(lines) + "\n"
