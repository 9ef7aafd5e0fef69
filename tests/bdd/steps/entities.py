"""Thì: one entity, as GET /entities/{id} shows it."""

from __future__ import annotations

from pytest_bdd import parsers, then

from ontology.namespaces import ELI, OKG, ORG, PROV
from tests.bdd.model import (
    Card,
    Cited,
    related,
)

# --------------------------------------------------------------------------
# Thì: one entity ("xem thông tin về", i.e. GET /entities/{id})
# --------------------------------------------------------------------------


@then(parsers.parse('đơn vị này giúp việc "{who}"'))
def _(the: Card, cau: Cited, who: str) -> None:
    assert who in related(the, OKG.assists), cau.contradicted(
        f"“{the['label']}” không giúp việc “{who}”",
        f"“{the['label']}” does not assist “{who}”",
        related(the, OKG.assists),
    )


@then(parsers.parse('đơn vị này làm việc tại "{site}"'))
def _(the: Card, cau: Cited, site: str) -> None:
    assert site in related(the, ORG.hasSite, ORG.hasPrimarySite), cau.contradicted(
        f"“{the['label']}” không làm việc tại “{site}”",
        f"“{the['label']}” does not work at “{site}”",
        related(the, ORG.hasSite, ORG.hasPrimarySite),
    )


@then(parsers.parse('chế độ làm việc là "{regime}"'))
def _(the: Card, cau: Cited, regime: str) -> None:
    assert related(the, OKG.workingRegime) == {regime}, cau.contradicted(
        f"chế độ làm việc của “{the['label']}” phải là “{regime}”",
        f"the working regime of “{the['label']}” must be “{regime}”",
        related(the, OKG.workingRegime),
    )


@then(parsers.parse('văn bản quy định về "{topic}"'))
def _(the: Card, cau: Cited, topic: str) -> None:
    assert topic in related(the, ELI.is_about), cau.contradicted(
        f"“{the['label']}” không quy định về “{topic}”",
        f"“{the['label']}” is not about “{topic}”",
        related(the, ELI.is_about),
    )


@then(parsers.parse('văn bản áp dụng với "{party}"'))
def _(the: Card, cau: Cited, party: str) -> None:
    assert party in related(the, ELI.relevant_for), cau.contradicted(
        f"“{the['label']}” không áp dụng với “{party}”",
        f"“{the['label']}” does not apply to “{party}”",
        related(the, ELI.relevant_for),
    )


@then(parsers.parse('văn bản có số "{number}"'))
def _(the: Card, cau: Cited, number: str) -> None:
    assert related(the, ELI.number) == {number}, cau.contradicted(
        f"số của “{the['label']}” phải là “{number}”",
        f"“{the['label']}” must be number {number}",
        related(the, ELI.number),
    )


@then(parsers.parse('văn bản có ngày "{date}"'))
def _(the: Card, cau: Cited, date: str) -> None:
    assert related(the, ELI.date_document) == {date}, cau.contradicted(
        f"ngày của “{the['label']}” phải là {date}",
        f"“{the['label']}” must be dated {date}",
        related(the, ELI.date_document),
    )


@then(parsers.parse('kế hoạch cho giai đoạn từ "{start}" đến hết "{end}"'))
def _(the: Card, cau: Cited, start: str, end: str) -> None:
    period = (related(the, OKG.periodStart), related(the, OKG.periodEnd))
    assert period == ({start}, {end}), cau.contradicted(
        f"“{the['label']}” phải cho giai đoạn từ {start} đến hết {end}",
        f"“{the['label']}” must cover {start} to {end}",
        period,
    )


@then("văn bản không nêu ngày hết hiệu lực")
def _(the: Card, cau: Cited) -> None:
    assert not related(the, ELI.date_no_longer_in_force), cau.contradicted(
        f"văn bản không nói “{the['label']}” hết hiệu lực khi nào",
        f"the text does not say when “{the['label']}” ceases to be in force",
        related(the, ELI.date_no_longer_in_force),
    )


@then(parsers.parse('văn bản do "{person}" ký'))
def _(the: Card, cau: Cited, person: str) -> None:
    assert person in related(the, OKG.signedBy), cau.contradicted(
        f"“{the['label']}” không do “{person}” ký",
        f"“{the['label']}” was not signed by “{person}”",
        related(the, OKG.signedBy),
    )


@then(parsers.parse('văn bản do "{issuer}" ban hành'))
def _(the: Card, cau: Cited, issuer: str) -> None:
    assert issuer in related(the, ELI.passed_by), cau.contradicted(
        f"“{the['label']}” không do “{issuer}” ban hành",
        f"“{the['label']}” was not passed by “{issuer}”",
        related(the, ELI.passed_by),
    )


@then(parsers.parse('văn bản do "{person}" ký với chức danh "{title}"'))
def _(the: Card, cau: Cited, person: str, title: str) -> None:
    signed = (related(the, OKG.signedBy), related(the, OKG.signedAs))
    assert person in signed[0] and title in signed[1], cau.contradicted(
        f"“{the['label']}” phải do “{person}” ký với chức danh “{title}”",
        f"“{the['label']}” must be signed by “{person}” as “{title}”",
        signed,
    )


@then("văn bản không nêu chủ thể ban hành")
def _(the: Card, cau: Cited) -> None:
    assert not related(the, ELI.passed_by), cau.contradicted(
        f"văn bản chỉ nêu người ký và chức danh, không nêu ai ban hành “{the['label']}”",
        f"the text names the signer and his title, not who passed “{the['label']}”",
        related(the, ELI.passed_by),
    )


@then(parsers.parse('văn bản gồm "{part}"'))
def _(the: Card, cau: Cited, part: str) -> None:
    assert part in related(the, ELI.has_part), cau.contradicted(
        f"“{the['label']}” không gồm “{part}”",
        f"“{the['label']}” has no part “{part}”",
        related(the, ELI.has_part),
    )


@then(parsers.parse('"{thing}" được ghi là của nguồn này'))
def _(the: Card, cau: Cited, thing: str) -> None:
    credited = {
        row["subjectLabel"] or row["subject"].rsplit("/", 1)[-1]
        for row in the["in"]
        if row["predicate"] == str(PROV.wasAttributedTo)
    }
    assert thing in credited, cau.contradicted(
        f"“{thing}” không được ghi là của “{the['label']}” (prov:wasAttributedTo)",
        f"“{thing}” is not attributed to “{the['label']}” (prov:wasAttributedTo)",
        credited,
    )
