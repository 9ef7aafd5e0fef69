# A patch on the bundled Decision 426 data (SPARQL Update): A group head is given VPCP's seal.
# violates: rsh:VpcpSealUsersShape

PREFIX okg: <https://w3id.org/orgkg/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX src: <https://w3id.org/orgkg/id/doc/ictnews-2018-10-19/>
BASE <https://w3id.org/orgkg/id/>

INSERT DATA {
    <tct-cpdt/permission/dau-vpcp-truong-nhom> a odrl:Permission ;
        skos:prefLabel "Trưởng nhóm được sử dụng con dấu của VPCP"@vi, "A group head may use VPCP's seal"@en ;
        odrl:assignee <tct-cpdt/post/truong-nhom-nguon-luc> ;
        odrl:action okg:useSeal ; odrl:target <vpcp/seal> ;
        prov:wasDerivedFrom src:para_4__sent_1 .
    <doc/qd-426-2018/quy-che> odrl:permission <tct-cpdt/permission/dau-vpcp-truong-nhom> .
}
