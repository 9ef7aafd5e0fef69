# A patch on the bundled Decision 426 data (SPARQL Update): the Government Office's Minister-Chairman is made an ordinary member, so VPCP has no head post.
# violates: rsh:NamedHeadShape

PREFIX okg: <https://w3id.org/orgkg/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX src: <https://w3id.org/orgkg/id/doc/ictnews-2018-10-19/>
BASE <https://w3id.org/orgkg/id/>

DELETE DATA { <vpcp/post/chu-nhiem> org:role okg:head } ;
INSERT DATA { <vpcp/post/chu-nhiem> org:role okg:member }
