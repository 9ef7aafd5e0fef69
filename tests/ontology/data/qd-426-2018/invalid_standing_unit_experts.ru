# A patch on the bundled Decision 426 data (SPARQL Update): the standing unit's expert post is made its head.
# violates: rsh:StandingUnitExpertsShape

PREFIX okg: <https://w3id.org/orgkg/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX src: <https://w3id.org/orgkg/id/doc/ictnews-2018-10-19/>
BASE <https://w3id.org/orgkg/id/>

DELETE DATA { <tct-cpdt/post/chuyen-gia-thuong-truc> org:role okg:expert } ;
INSERT DATA { <tct-cpdt/post/chuyen-gia-thuong-truc> org:role okg:head }
