"""Step definitions for the Vietnamese scenarios in ``features/``.

Each step is one call into orgkg's public functions — the ones the command
line and the HTTP service call (``queries.run_query``, ``queries.search``,
``queries.describe_entity``, ``ontology.validation.check``) — and one
assertion; no SPARQL here. A failed ``Thì`` step says, in Vietnamese and in
English, which sentence of the source text the model contradicts (the
scenario's ``@para_N__sent_M`` tags), then shows the answer it got.

The data under test is the bundled regulation unless ``--orgkg-data PATH``
(repeatable) or ``ORGKG_DATA`` (paths joined by ``os.pathsep``) names other
files or folders, exactly like ``orgkg --data``; ``--orgkg-store`` (or
``ORGKG_STORE``) picks the engine. The store is loaded once per session.
Every passage id of the source document is registered as a marker, so under
``--strict-markers`` a tag that names no sentence fails collection.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from ontology import BUNDLED, OrgkgError, Store, load_regulation
from ontology.namespaces import ELI, OKG, ORG
from ontology.report import Report, Severity
from ontology.validation import check
from queries import Answer, describe_entity, run_query, search
from tests.bdd.recipes import CiRuns, run_all

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "data"
LIST_SEPARATOR = "; "
PASSAGE_TYPES = (OKG.Passage, OKG.Sentence)
LANG = "vi"
_MODEL = pytest.StashKey["LoadedModel"]()
_CI = pytest.StashKey[tuple[Path, "Future[CiRuns]"]]()

Card = dict[str, Any]  # what describe_entity returns
Row = dict[str, str | None]  # one answer row, variable -> plain string


# --------------------------------------------------------------------------
# the data under test, loaded once per session
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedModel:
    """The store under test (or why it could not be loaded) and its passages."""

    paths: tuple[str, ...]
    engine: str
    store: Store | None
    error: OrgkgError | None
    passages: dict[str, str]  # passage id (dcterms:identifier) -> exact text


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("orgkg", "orgkg scenarios")
    group.addoption(
        "--orgkg-data",
        action="append",
        default=None,
        metavar="PATH",
        help="data the scenarios check: a file or folder, repeatable, as `orgkg --data` "
        "(default: $ORGKG_DATA, else the bundled regulation)",
    )
    group.addoption(
        "--orgkg-store",
        default=None,
        metavar="ENGINE",
        help="oxigraph, memory or a SPARQL endpoint URL (default: $ORGKG_STORE, else oxigraph)",
    )


def data_paths(config: pytest.Config) -> tuple[str, ...]:
    """``--orgkg-data`` paths, else ``ORGKG_DATA``, else () for the bundled regulation."""
    given_paths: list[str] | None = config.getoption("--orgkg-data", default=None)
    if given_paths:
        return tuple(given_paths)
    from_env = os.environ.get("ORGKG_DATA", "")
    return tuple(p for p in from_env.split(os.pathsep) if p.strip())


def passages_of(triples: Iterable[tuple[Any, Any, Any]]) -> dict[str, str]:
    """Passage id -> text, read from any triples (a store's or a parsed file's)."""
    typed: set[Any] = set()
    ids: dict[Any, str] = {}
    texts: dict[Any, str] = {}
    for s, p, o in triples:
        if p == RDF.type and o in PASSAGE_TYPES:
            typed.add(s)
        elif p == DCTERMS.identifier:
            ids[s] = str(o)
        elif p == OKG.text:
            texts[s] = str(o)
    return {ids[s]: texts.get(s, "") for s in typed if s in ids}


def bundled_passages() -> dict[str, str]:
    """The passages of the bundled regulation's source document (source.ttl)."""
    return passages_of(Graph().parse(BUNDLED / "source.ttl", format="turtle"))


def pytest_configure(config: pytest.Config) -> None:
    paths = data_paths(config)
    engine = config.getoption("--orgkg-store", default=None) or os.environ.get(
        "ORGKG_STORE", "oxigraph"
    )
    store: Store | None = None
    error: OrgkgError | None = None
    try:
        store = load_regulation(paths, engine=engine)
    except OrgkgError as exc:  # every scenario then fails with this message
        error = exc
    passages = passages_of(store.triples()) if store is not None else {}
    config.stash[_MODEL] = LoadedModel(paths, engine, store, error, passages)
    for passage in sorted(bundled_passages().keys() | passages.keys()):
        config.addinivalue_line("markers", f"{passage}: checks passage {passage} of the source")


@pytest.fixture(scope="session")
def orgkg_model(pytestconfig: pytest.Config) -> LoadedModel:
    """The data under test with its passages (see the module docstring)."""
    return pytestconfig.stash[_MODEL]


@pytest.fixture(scope="session")
def orgkg_store(orgkg_model: LoadedModel) -> Store:
    """The store under test, loaded once per session."""
    if orgkg_model.store is None:
        pytest.fail(f"orgkg cannot load the data under test: {orgkg_model.error}", pytrace=False)
    return orgkg_model.store


@pytest.fixture(scope="session")
def passages(orgkg_model: LoadedModel) -> dict[str, str]:
    """Passage id -> text of the source document under test (else the bundled one)."""
    return orgkg_model.passages or bundled_passages()


@dataclass
class Compliance:
    """``orgkg check`` once per store: pyshacl takes seconds, scenarios ask often."""

    _reports: dict[int, tuple[Store, Report]] = field(default_factory=dict)

    def report(self, store: Store) -> Report:
        if id(store) not in self._reports:  # the store is kept, so its id stays unique
            self._reports[id(store)] = (store, check(store))
        return self._reports[id(store)][1]


@pytest.fixture(scope="session")
def compliance() -> Compliance:
    return Compliance()


# --------------------------------------------------------------------------
# the sentences a scenario checks, for bilingual failure messages
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """The sentences a scenario is tagged with, to name them when it fails."""

    sentences: tuple[tuple[str, str], ...]  # (id, text)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(sid for sid, _ in self.sentences)

    def contradicted(self, vi: str, en: str, evidence: object = "") -> str:
        """Two lines naming the sentence — Vietnamese, then English — and the evidence."""
        ids = ", ".join(self.ids) or "?"
        quotes = " ".join(f"“{' '.join(text.split())}”" for _, text in self.sentences)
        return (
            f"Trái với câu {ids} {quotes}: {vi}\nContradicts sentence {ids}: {en}\n\n{evidence}"
        ).rstrip()


@pytest.fixture
def cau(request: pytest.FixtureRequest, passages: dict[str, str]) -> Cited:
    """The source sentences the running scenario is tagged with."""
    tagged = sorted({m.name for m in request.node.iter_markers() if m.name in passages})
    return Cited(tuple((sid, passages[sid]) for sid in tagged))


def rows_with(answer: Answer, **cells: str | None) -> list[Row]:
    """Rows whose cells hold these values (a ``"a; b"`` list cell holds each item).

    ``None`` asks for an empty cell.
    """
    return [
        row
        for row in answer.values()
        if all(_holds(row.get(name), wanted) for name, wanted in cells.items())
    ]


def _holds(cell: str | None, wanted: str | None) -> bool:
    if wanted is None:
        return not cell
    return cell == wanted or wanted in items(cell)


def items(cell: str | None) -> set[str]:
    """The items of a list cell (``"a; b"``), or the one value."""
    return set(cell.split(LIST_SEPARATOR)) if cell else set()


def column(answer: Answer, name: str, **cells: str | None) -> set[str]:
    """The values of one column over the rows holding ``cells``."""
    return {row[name] or "" for row in rows_with(answer, **cells)}


def related(card: Card, *predicates: URIRef) -> set[str]:
    """Labels (or literal values) of what ``card``'s entity points to by ``predicates``."""
    wanted = {str(p) for p in predicates}
    return {o["objectLabel"] or o["object"] for o in card["out"] if o["predicate"] in wanted}


def table(answer: Answer) -> str:
    return answer.to_table(width=200)


def listed(datatable: list[list[str]]) -> set[str]:
    """The first column of a one-column data table, header dropped."""
    return {row[0].strip() for row in datatable[1:]}


# --------------------------------------------------------------------------
# Biết / Cho
# --------------------------------------------------------------------------


@given("mô hình tổ chức của Quy chế đã được nạp", target_fixture="mo_hinh")
def _(orgkg_store: Store) -> Store:
    return orgkg_store


@given(parsers.parse('mô hình có thêm dữ liệu "{file}"'), target_fixture="mo_hinh")
def _(orgkg_model: LoadedModel, file: str) -> Store:
    return load_regulation(
        (*(orgkg_model.paths or (BUNDLED,)), FIXTURES / file), engine=orgkg_model.engine
    )


# --------------------------------------------------------------------------
# Khi: the analyst asks (as `orgkg query ID --param k=v`, `orgkg check`)
# --------------------------------------------------------------------------


@when(parsers.parse('hỏi câu "{question}"'), target_fixture="answer")
def _(mo_hinh: Store, question: str) -> Answer:
    return run_query(mo_hinh, question, {}, lang=LANG)


@when(parsers.parse('hỏi câu "{question}" với {param} là "{value}"'), target_fixture="answer")
def _(mo_hinh: Store, question: str, param: str, value: str) -> Answer:
    return run_query(mo_hinh, question, {param: value}, lang=LANG)


@when(parsers.parse('tìm "{text}"'), target_fixture="answer")
def _(mo_hinh: Store, text: str) -> Answer:
    return search(mo_hinh, text, lang=LANG)


@when(parsers.parse('xem thông tin về "{entity}"'), target_fixture="the")
def _(mo_hinh: Store, entity: str) -> Card:
    return describe_entity(mo_hinh, entity, lang=LANG)


@when("kiểm tra tuân thủ", target_fixture="report")
def _(mo_hinh: Store, compliance: Compliance) -> Report:
    return compliance.report(mo_hinh)


# --------------------------------------------------------------------------
# Thì: reporting lines ("reporting-lines", "chain-of-command", "reporting-cycles")
# --------------------------------------------------------------------------


@then(parsers.parse('"{reporter}" báo cáo "{recipient}" với tần suất "{frequency}"'))
def _(answer: Answer, cau: Cited, reporter: str, recipient: str, frequency: str) -> None:
    assert rows_with(
        answer, reporterLabel=reporter, recipientLabel=recipient, frequencyLabel=frequency
    ), cau.contradicted(
        f"“{reporter}” không báo cáo “{recipient}” với tần suất “{frequency}”",
        f"“{reporter}” does not report to “{recipient}” with frequency “{frequency}”",
        table(answer),
    )


@then(parsers.parse('"{reporter}" báo cáo "{recipient}" về "{subject}"'))
def _(answer: Answer, cau: Cited, reporter: str, recipient: str, subject: str) -> None:
    assert rows_with(
        answer, reporterLabel=reporter, recipientLabel=recipient, subjectLabel=subject
    ), cau.contradicted(
        f"“{reporter}” không báo cáo “{recipient}” về “{subject}”",
        f"“{reporter}” does not report to “{recipient}” on “{subject}”",
        table(answer),
    )


@then(parsers.parse('"{reporter}" báo cáo "{recipient}" qua các hình thức:'))
def _(
    answer: Answer, cau: Cited, reporter: str, recipient: str, datatable: list[list[str]]
) -> None:
    wanted = listed(datatable)
    found = [
        items(c)
        for c in column(answer, "channelLabels", reporterLabel=reporter, recipientLabel=recipient)
    ]
    assert found == [wanted], cau.contradicted(
        f"“{reporter}” phải báo cáo “{recipient}” qua đúng các hình thức {sorted(wanted)}",
        f"“{reporter}” must report to “{recipient}” through exactly {sorted(wanted)}",
        table(answer),
    )


@then(parsers.parse('"{reporter}" báo cáo "{recipient}" không theo tần suất định sẵn'))
def _(answer: Answer, cau: Cited, reporter: str, recipient: str) -> None:
    frequencies = column(answer, "frequencyLabel", reporterLabel=reporter, recipientLabel=recipient)
    assert frequencies == {""}, cau.contradicted(
        f"văn bản không nêu tần suất “{reporter}” báo cáo “{recipient}”; không được thêm",
        f"the text sets no frequency for “{reporter}” reporting to “{recipient}”; add none",
        table(answer),
    )


@then(parsers.parse('chuỗi báo cáo đi qua "{node}"'))
def _(answer: Answer, cau: Cited, node: str) -> None:
    assert rows_with(answer, nodeLabel=node), cau.contradicted(
        f"chuỗi báo cáo không đi qua “{node}”",
        f"the chain of command does not pass through “{node}”",
        table(answer),
    )


@then(parsers.parse('chuỗi báo cáo lên tới "{node}"'))
def _(answer: Answer, cau: Cited, node: str) -> None:
    top = max((int(row["step"] or 0) for row in answer.values()), default=0)
    assert node in column(answer, "nodeLabel", step=str(top)), cau.contradicted(
        f"chuỗi báo cáo không lên tới “{node}”",
        f"the chain of command does not end at “{node}”",
        table(answer),
    )


@then("câu trả lời không có dòng nào")
def _(answer: Answer, cau: Cited) -> None:
    assert not answer.rows, cau.contradicted(
        f"câu hỏi “{answer.question}” lẽ ra không có kết quả",
        f"question “{answer.question}” should have no rows",
        table(answer),
    )


# --------------------------------------------------------------------------
# Thì: posts, units, members ("posts", "units", "multi-unit-members", "unit-members")
# --------------------------------------------------------------------------


@then(parsers.parse('"{unit}" có đúng {count:d} chức vụ vai trò "{role}"'))
def _(answer: Answer, cau: Cited, unit: str, count: int, role: str) -> None:
    assert len(rows_with(answer, unitLabel=unit, roleLabel=role)) == count, cau.contradicted(
        f"“{unit}” phải có đúng {count} chức vụ vai trò “{role}”",
        f"“{unit}” must have exactly {count} post(s) with role “{role}”",
        table(answer),
    )


@then(parsers.parse('"{unit}" thuộc "{parent}"'))
def _(answer: Answer, cau: Cited, unit: str, parent: str) -> None:
    assert rows_with(answer, unitLabel=unit, parentLabel=parent), cau.contradicted(
        f"không có đơn vị “{unit}” thuộc “{parent}”",
        f"no unit “{unit}” within “{parent}”",
        table(answer),
    )


@then(parsers.parse('"{unit}" làm việc theo chế độ "{regime}"'))
def _(answer: Answer, cau: Cited, unit: str, regime: str) -> None:
    assert rows_with(answer, unitLabel=unit, regimeLabels=regime), cau.contradicted(
        f"“{unit}” không làm việc theo chế độ “{regime}”",
        f"“{unit}” does not work under the “{regime}” regime",
        table(answer),
    )


@then(parsers.parse('"{member}" có mặt trong "{unit}"'))
def _(answer: Answer, cau: Cited, member: str, unit: str) -> None:
    assert rows_with(answer, memberLabel=member, unitLabels=unit), cau.contradicted(
        f"“{member}” không có mặt trong “{unit}”",
        f"“{member}” does not sit in “{unit}”",
        table(answer),
    )


@then(parsers.parse('"{member}" là thành viên'))
def _(answer: Answer, cau: Cited, member: str) -> None:
    assert rows_with(answer, memberLabel=member), cau.contradicted(
        f"“{member}” không phải là thành viên của đơn vị này",
        f"“{member}” is not a member of this unit",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" do người giữ chức vụ "{basis}" đảm nhiệm'))
def _(answer: Answer, cau: Cited, post: str, basis: str) -> None:
    assert rows_with(answer, postLabel=post, exOfficioLabel=basis), cau.contradicted(
        f"chức vụ “{post}” không do người giữ chức vụ “{basis}” đảm nhiệm (okg:exOfficio)",
        f"post “{post}” is not held ex officio by the holder of “{basis}”",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" chưa rõ người giữ'))
def _(answer: Answer, cau: Cited, post: str) -> None:
    assert rows_with(answer, postLabel=post, vacant="true"), cau.contradicted(
        f"văn bản không nêu ai giữ chức vụ “{post}”, mô hình không được tự thêm",
        f"the text names no holder of “{post}”; the model must not invent one",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" do "{person}" nắm giữ'))
def _(answer: Answer, cau: Cited, post: str, person: str) -> None:
    assert rows_with(answer, postLabel=post, holderLabels=person), cau.contradicted(
        f"chức vụ “{post}” không do “{person}” nắm giữ",
        f"post “{post}” is not held by “{person}”",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" do "{person}" giữ quyền'))
def _(answer: Answer, cau: Cited, post: str, person: str) -> None:
    assert rows_with(answer, postLabel=post, actingLabels=person), cau.contradicted(
        f"“{person}” không giữ quyền chức vụ “{post}”",
        f"“{person}” is not the acting holder of “{post}”",
        table(answer),
    )


@then(parsers.parse('chức vụ "{post}" thuộc "{unit}"'))
def _(answer: Answer, cau: Cited, post: str, unit: str) -> None:
    assert rows_with(answer, postLabel=post, unitLabel=unit), cau.contradicted(
        f"chức vụ “{post}” không thuộc “{unit}”",
        f"post “{post}” is not in “{unit}”",
        table(answer),
    )


# --------------------------------------------------------------------------
# Thì: duties, permissions, seals ("duties", "uncovered-duties", "seal-authorities")
# --------------------------------------------------------------------------


@then(parsers.parse('"{bearer}" có quyền "{action}" đối với "{target}"'))
def _(answer: Answer, cau: Cited, bearer: str, action: str, target: str) -> None:
    assert rows_with(
        answer, kind="permission", bearerLabel=bearer, actionLabel=action, targetLabels=target
    ), cau.contradicted(
        f"“{bearer}” không có quyền “{action}” đối với “{target}”",
        f"“{bearer}” has no permission to “{action}” “{target}”",
        table(answer),
    )


@then(parsers.parse('"{bearer}" có nghĩa vụ "{action}" đối với "{target}"'))
def _(answer: Answer, cau: Cited, bearer: str, action: str, target: str) -> None:
    assert rows_with(
        answer, kind="duty", bearerLabel=bearer, actionLabel=action, targetLabels=target
    ), cau.contradicted(
        f"“{bearer}” không có nghĩa vụ “{action}” đối với “{target}”",
        f"“{bearer}” has no duty to “{action}” “{target}”",
        table(answer),
    )


@then(parsers.parse('"{duty}" được báo là không có người thực hiện'))
def _(answer: Answer, cau: Cited, duty: str) -> None:
    assert rows_with(answer, dutyLabel=duty, bearer=None, reason="no-bearer"), cau.contradicted(
        f"nghĩa vụ “{duty}” không được báo là thiếu người thực hiện",
        f"duty “{duty}” is not reported as having no bearer",
        table(answer),
    )


@then(parsers.parse('chỉ các chức vụ sau được dùng "{seal}":'))
def _(answer: Answer, cau: Cited, seal: str, datatable: list[list[str]]) -> None:
    assert column(answer, "bearerLabel", sealLabel=seal) == listed(datatable), cau.contradicted(
        f"người được dùng “{seal}” phải đúng là {sorted(listed(datatable))}",
        f"those who may use “{seal}” must be exactly {sorted(listed(datatable))}",
        table(answer),
    )


@then("các con dấu được dùng đúng là:")
def _(answer: Answer, cau: Cited, datatable: list[list[str]]) -> None:
    assert column(answer, "sealLabel") == listed(datatable), cau.contradicted(
        f"các con dấu được dùng phải đúng là {sorted(listed(datatable))}",
        f"the seals used must be exactly {sorted(listed(datatable))}",
        table(answer),
    )


@then(parsers.parse('"{post}" được dùng "{seal}" nhưng chưa rõ ai giữ chức vụ đó'))
def _(answer: Answer, cau: Cited, post: str, seal: str) -> None:
    assert rows_with(answer, bearerLabel=post, sealLabel=seal, holderLabels=None), cau.contradicted(
        f"“{post}” phải được dùng “{seal}”, và văn bản không nêu ai giữ chức vụ đó",
        f"“{post}” must be allowed to use “{seal}”, and the text names no holder of it",
        table(answer),
    )


@then(parsers.parse('"{post}" được dùng "{seal}" và do "{person}" giữ'))
def _(answer: Answer, cau: Cited, post: str, seal: str, person: str) -> None:
    assert rows_with(answer, bearerLabel=post, sealLabel=seal, holderLabels=person), (
        cau.contradicted(
            f"“{post}”, do “{person}” giữ, phải được dùng “{seal}”",
            f"“{post}”, held by “{person}”, must be allowed to use “{seal}”",
            table(answer),
        )
    )


# --------------------------------------------------------------------------
# Thì: meetings ("meetings")
# --------------------------------------------------------------------------


@then(parsers.parse('có cuộc "{kind}" với tần suất "{frequency}"'))
def _(answer: Answer, cau: Cited, kind: str, frequency: str) -> None:
    assert rows_with(answer, kindLabel=kind, frequencyLabel=frequency), cau.contradicted(
        f"không có cuộc “{kind}” với tần suất “{frequency}”",
        f"no “{kind}” with frequency “{frequency}”",
        table(answer),
    )


@then(parsers.parse('có cuộc "{kind}" do "{who}" triệu tập'))
def _(answer: Answer, cau: Cited, kind: str, who: str) -> None:
    assert rows_with(answer, kindLabel=kind, convenedByLabels=who), cau.contradicted(
        f"không có cuộc “{kind}” do “{who}” triệu tập",
        f"no “{kind}” convened by “{who}”",
        table(answer),
    )


@then(parsers.parse('thành phần cuộc "{kind}" do "{who}" quyết định'))
def _(answer: Answer, cau: Cited, kind: str, who: str) -> None:
    assert rows_with(answer, kindLabel=kind, attendanceDecidedByLabels=who), cau.contradicted(
        f"thành phần cuộc “{kind}” không do “{who}” quyết định",
        f"attendance at the “{kind}” is not decided by “{who}”",
        table(answer),
    )


@then(parsers.parse('cuộc "{kind}" có sự tham gia của "{who}"'))
def _(answer: Answer, cau: Cited, kind: str, who: str) -> None:
    assert rows_with(answer, kindLabel=kind, participantLabels=who), cau.contradicted(
        f"cuộc “{kind}” không có sự tham gia của “{who}”",
        f"“{who}” do not take part in the “{kind}”",
        table(answer),
    )


# --------------------------------------------------------------------------
# Thì: staffing, principles, search, provenance
# --------------------------------------------------------------------------


@then(parsers.parse('"{unit}" nhận "{post}" từ "{source}" theo hình thức "{mode}"'))
def _(answer: Answer, cau: Cited, *, unit: str, post: str, source: str, mode: str) -> None:
    assert rows_with(
        answer, unitLabel=unit, staffPostLabels=post, fromLabel=source, modeLabel=mode
    ), cau.contradicted(
        f"“{unit}” không nhận “{post}” từ “{source}” theo hình thức “{mode}”",
        f"“{unit}” gets no “{post}” from “{source}” by “{mode}”",
        table(answer),
    )


@then(parsers.parse('"{unit}" nhận "{post}" từ "{source}" mà văn bản không nêu hình thức'))
def _(answer: Answer, cau: Cited, unit: str, post: str, source: str) -> None:
    assert rows_with(
        answer, unitLabel=unit, staffPostLabels=post, fromLabel=source, modeLabel=None
    ), cau.contradicted(
        f"“{unit}” nhận “{post}” từ “{source}”; văn bản không nêu hình thức, không được thêm",
        f"“{unit}” gets “{post}” from “{source}”; the text gives no mode, none may be added",
        table(answer),
    )


@then(parsers.parse('"{unit}" làm việc theo nguyên tắc "{principle}"'))
def _(answer: Answer, cau: Cited, unit: str, principle: str) -> None:
    assert rows_with(answer, principleLabel=principle, unitLabels=unit), cau.contradicted(
        f"“{unit}” không làm việc theo nguyên tắc “{principle}”",
        f"“{unit}” does not work by the principle “{principle}”",
        table(answer),
    )


@then(parsers.parse('kết quả đầu tiên là "{label}"'))
def _(answer: Answer, cau: Cited, label: str) -> None:
    assert answer.values()[:1] and answer.values()[0]["entityLabel"] == label, cau.contradicted(
        f"kết quả tìm kiếm đầu tiên phải là “{label}”",
        f"the first search result must be “{label}”",
        table(answer),
    )


@then(parsers.parse('nguồn gồm câu "{sentence}"'))
def _(answer: Answer, cau: Cited, sentence: str) -> None:
    assert rows_with(answer, source=sentence), cau.contradicted(
        f"thông tin không trích từ câu {sentence}",
        f"the entity is not derived from sentence {sentence}",
        table(answer),
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


@then(parsers.parse('văn bản hết hiệu lực ngày "{date}"'))
def _(the: Card, cau: Cited, date: str) -> None:
    assert related(the, ELI.date_no_longer_in_force) == {date}, cau.contradicted(
        f"“{the['label']}” phải hết hiệu lực ngày {date}",
        f"“{the['label']}” must end on {date}",
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


@then(parsers.parse('văn bản gồm "{part}"'))
def _(the: Card, cau: Cited, part: str) -> None:
    assert part in related(the, ELI.has_part), cau.contradicted(
        f"“{the['label']}” không gồm “{part}”",
        f"“{the['label']}” has no part “{part}”",
        related(the, ELI.has_part),
    )


# --------------------------------------------------------------------------
# Thì: compliance (`orgkg check`)
# --------------------------------------------------------------------------


@then("không có vi phạm nào về các câu này")
def _(report: Report, cau: Cited) -> None:
    against = [
        r
        for r in report.results
        if r.severity is Severity.VIOLATION and set(r.sources) & set(cau.ids)
    ]
    assert not against, cau.contradicted(
        "kiểm tra tuân thủ báo vi phạm: " + " | ".join(r.message_vi for r in against),
        "the compliance check reports violations: " + " | ".join(r.message_en for r in against),
        "\n".join(f"{r.shape} {r.focus}" for r in against),
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the CI recipes (seconds of subprocesses) now, beside the in-process scenarios."""
    if session.config.option.collectonly:
        return
    if any("ci_runs" in getattr(item, "fixturenames", ()) for item in session.items):
        workspace = Path(tempfile.mkdtemp(prefix="orgkg-ci-"))
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="orgkg-ci")
        session.config.stash[_CI] = (workspace, pool.submit(run_all, workspace))
        pool.shutdown(wait=False)


def pytest_unconfigure(config: pytest.Config) -> None:
    started = config.stash.get(_CI, None)
    if started is not None:
        workspace, runs = started
        runs.cancel()  # never started: never will
        wait([runs])  # started: its subprocesses finish before their folder goes
        shutil.rmtree(workspace, ignore_errors=True)


@pytest.fixture(scope="session")
def ci_runs(pytestconfig: pytest.Config) -> CiRuns:
    """The CI recipes of examples/ci, run once on a good and a broken repository."""
    return pytestconfig.stash[_CI][1].result()
