"""The IRIs the generator writes, spelled out (N-Triples has no prefixes).

Code-list values are those of ontology/vocabulary.ttl; a test checks that
every ``okg:`` term used here is defined there.
"""

from __future__ import annotations

TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
ORG = "http://www.w3.org/ns/org#"
OKG = "https://w3id.org/orgkg/ns#"
ID = "https://w3id.org/orgkg/id/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ODRL = "http://www.w3.org/ns/odrl/2/"
ELI = "http://data.europa.eu/eli/ontology#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
PREF, ALT = SKOS + "prefLabel", SKOS + "altLabel"

FREQUENCIES = (OKG + "weekly", OKG + "monthly", OKG + "quarterly")
FREQUENCY_WORDS = {
    OKG + "weekly": "hàng tuần",
    OKG + "monthly": "hàng tháng",
    OKG + "quarterly": "hàng quý",
}
CHANNELS = (
    OKG + "channelDirect",
    OKG + "channelWritten",
    OKG + "channelMeeting",
    OKG + "channelEmail",
)
CHANNEL_WORDS = {
    OKG + "channelDirect": "trực tiếp",
    OKG + "channelWritten": "bằng văn bản",
    OKG + "channelMeeting": "tại các cuộc họp",
    OKG + "channelEmail": "qua thư điện tử",
}
REGIMES = (OKG + "headAuthorityRegime", OKG + "partTime", OKG + "fullTime")
ACTIONS = (
    OKG + "report",
    OKG + "decide",
    OKG + "giveOpinion",
    OKG + "review",
    OKG + "ensure",
    OKG + "issue",
)
ROLE_HEAD, ROLE_DEPUTY, ROLE_MEMBER = OKG + "head", OKG + "deputyHead", OKG + "member"
ROLE_EXPERT, ROLE_SUPPORT = OKG + "expert", OKG + "supportStaff"
