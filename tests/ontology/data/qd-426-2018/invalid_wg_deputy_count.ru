# A patch on the bundled Decision 426 data (SPARQL Update): A third Deputy Head is added.
# violates: rsh:WgDeputyCountShape
# violates: rsh:LeadershipCompositionShape

PREFIX okg: <https://w3id.org/orgkg/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX src: <https://w3id.org/orgkg/id/doc/ictnews-2018-10-19/>
BASE <https://w3id.org/orgkg/id/>

INSERT DATA {
    <tct-cpdt/post/to-pho-3> a org:Post ;
        skos:prefLabel "Tổ phó thứ ba"@vi, "Third Deputy Head"@en ;
        org:postIn <tct-cpdt> ; org:role okg:deputyHead ;
        okg:sitsIn <tct-cpdt/unit/bo-phan-thuong-truc> ;
        prov:wasDerivedFrom src:para_5__sent_1 .
    <tct-cpdt> org:hasPost <tct-cpdt/post/to-pho-3> .
}
