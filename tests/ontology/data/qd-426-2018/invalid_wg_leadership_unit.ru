# A patch on the bundled Decision 426 data (SPARQL Update): a second leadership unit of the Working Group ("lãnh đạo Tổ công tác" is one).
# violates: rsh:WgSubunitsShape

PREFIX okg: <https://w3id.org/orgkg/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX src: <https://w3id.org/orgkg/id/doc/ictnews-2018-10-19/>
BASE <https://w3id.org/orgkg/id/>

INSERT DATA {
    <tct-cpdt/unit/lanh-dao-thu-hai> a org:OrganizationalUnit ;
        skos:prefLabel "Lãnh đạo thứ hai"@vi, "Second leadership"@en ;
        org:classification okg:leadershipUnit ;
        org:unitOf <tct-cpdt> ;
        prov:wasDerivedFrom src:para_6__sent_1 .
    <tct-cpdt> org:hasUnit <tct-cpdt/unit/lanh-dao-thu-hai> .
}
