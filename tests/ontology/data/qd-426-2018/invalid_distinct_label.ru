# A patch on the bundled Decision 426 data (SPARQL Update): the Resources group takes the Communications group's English name, as a copy would.
# violates: okgsh:DistinctLabelShape
# violates: rsh:DistinctLabelShape

PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
BASE <https://w3id.org/orgkg/id/>

DELETE DATA { <tct-cpdt/unit/nhom-nguon-luc> skos:prefLabel "Resources and Implementation Assurance Group"@en } ;
INSERT DATA { <tct-cpdt/unit/nhom-nguon-luc> skos:prefLabel "Communications Group"@en }
