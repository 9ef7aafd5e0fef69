# A patch on the bundled Decision 426 data (SPARQL Update): The Working Group meets weekly: more often than monthly still complies.
# The patched data still conforms with no new result.

PREFIX okg: <https://w3id.org/orgkg/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX src: <https://w3id.org/orgkg/id/doc/ictnews-2018-10-19/>
BASE <https://w3id.org/orgkg/id/>

DELETE DATA { <tct-cpdt/meeting/hop-dinh-ky> okg:frequency okg:monthly } ;
INSERT DATA { <tct-cpdt/meeting/hop-dinh-ky> okg:frequency okg:weekly }
