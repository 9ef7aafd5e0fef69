# A patch on the bundled Decision 426 data (SPARQL Update): a second head post in the Administrative Procedures Control Agency, beside its Director General.
# violates: rsh:NamedHeadShape
# violates: okgsh:SingleHeadPostShape

PREFIX okg: <https://w3id.org/orgkg/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX src: <https://w3id.org/orgkg/id/doc/ictnews-2018-10-19/>
BASE <https://w3id.org/orgkg/id/>

INSERT DATA {
    <vpcp/post/cuc-truong-thu-hai> a org:Post ;
        skos:prefLabel "Cục trưởng thứ hai"@vi, "Second Director General"@en ;
        org:postIn <vpcp/unit/cuc-kiem-soat-thu-tuc-hanh-chinh> ;
        org:role okg:head ;
        prov:wasDerivedFrom src:para_4__sent_1 .
    <vpcp/unit/cuc-kiem-soat-thu-tuc-hanh-chinh> org:hasPost <vpcp/post/cuc-truong-thu-hai> .
}
