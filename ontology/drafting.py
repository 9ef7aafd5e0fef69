"""``orgkg draft``: candidate facts from recurring patterns of Vietnamese organisational texts.

Each pattern finds words in one sentence and proposes a fact of one kind:

| kind | words |
|---|---|
| ``post`` | Tổ trưởng, Phó Tổ trưởng, Tổ phó, Trưởng ban, Phó Trưởng ban, thành viên, ... |
| ``reporting`` | báo cáo ... (hằng/hàng tuần, tháng, quý, năm; định kỳ) |
| ``meeting`` | họp định kỳ, họp đột xuất |
| ``seal`` | sử dụng con dấu của ... |
| ``permission`` | có quyền, được (quyết định / huy động / sử dụng ...), do ... quyết định |
| ``duty`` | có trách nhiệm, chịu trách nhiệm, có nhiệm vụ |
| ``regime`` | chế độ kiêm nhiệm / chuyên trách / Thủ trưởng |

Every candidate cites its sentence id and the words it comes from. The draft
is written as Turtle inside a file whose name ends in ``.ttl.txt``, so the
loader never reads it: the analyst moves a fact into the model by hand.

:func:`measure` compares candidates with a model at the level of (kind,
sentence): a candidate is right when the model has a fact of that kind
derived from that sentence. Working regimes are proposed but not scored: a
model states them on a unit or post that many sentences are cited for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.term import Node

from ontology.errors import DataError
from ontology.loader import FORMATS, SHAPES_FOLDER, parse_graph
from ontology.namespaces import DCT, ID, ODRL, OKG, ORG, PROV, RDF
from ontology.scaffold import SOURCE_DATA, literal, slugify

DRAFT_FILE = "draft/candidates.ttl.txt"
KINDS = ("post", "reporting", "meeting", "seal", "permission", "duty", "regime")

_POST = re.compile(
    r"\b(?:(Phó)\s+)?(Tổ trưởng|Tổ phó|Trưởng ban|Trưởng nhóm|Trưởng phòng|Giám đốc|"
    r"Chủ tịch|Chủ nhiệm|Cục trưởng|Thủ trưởng|[Tt]hành viên|[Cc]huyên gia|[Cc]án bộ giúp việc)\b"
)
_FREQUENCY = {
    "tuần": "okg:weekly",
    "tháng": "okg:monthly",
    "quý": "okg:quarterly",
    "năm": "okg:yearly",
    "ngày": "okg:daily",
}
_REPORT = re.compile(r"\bbáo cáo\s+(?!về\b)([^,.;]{3,80})")
_PERIOD = re.compile(
    r"\b(?:hằng|hàng|mỗi)\s+(tuần|tháng|quý|năm|ngày)\b|\b1\s+(tuần|tháng|quý|năm)/lần\b"
)
_PERIODIC = re.compile(r"\bđịnh kỳ\b")
_MEETING = re.compile(r"\bhọp\s+(định kỳ|đột xuất)")
_SEAL = re.compile(r"\bsử dụng con dấu của\s+([^,.;]{2,60})")
_PERMISSION = re.compile(
    r"\b(có quyền|được (?:quyết định|huy động|thuê|sử dụng|tham gia)|có thể|"
    r"do [^,.;()]{2,60}? quyết định)"
)
_DUTY = re.compile(r"\b(có trách nhiệm|chịu trách nhiệm|có nhiệm vụ)\b")
_REGIME = re.compile(r"\bchế độ\s+(kiêm nhiệm|chuyên trách|Thủ trưởng|thủ trưởng)")
_REGIMES = {
    "kiêm nhiệm": "okg:partTime",
    "chuyên trách": "okg:fullTime",
    "thủ trưởng": "okg:headAuthorityRegime",
}
_ROLES = {"trưởng": "okg:head", "phó": "okg:deputyHead", "thành viên": "okg:member"}


@dataclass(frozen=True)
class Candidate:
    """A proposed fact: its kind, the sentence and the words it comes from, and its Turtle."""

    kind: str
    eid: str
    words: str
    turtle: str


@dataclass(frozen=True)
class Score:
    """Precision and recall of candidates against a model, at (kind, sentence) level."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0


def propose(sentences: Iterable[tuple[str, str]], body: str = "draft") -> list[Candidate]:
    """Candidates from ``(sentence id, text)`` pairs, in text order."""
    found: list[Candidate] = []
    for eid, text in sentences:
        found += _candidates(eid, text, body)
    return found


def _candidates(eid: str, text: str, body: str) -> list[Candidate]:
    base = f"{ID}{body}"
    out: list[Candidate] = []
    src = f"src:{eid}"
    seen_posts: set[str] = set()
    for m in _POST.finditer(text):
        name = m.group(0)
        key = slugify(name)
        if key in seen_posts:
            continue
        seen_posts.add(key)
        head = m.group(2).lower()
        role = "okg:deputyHead" if m.group(1) or head == "tổ phó" else _role(head)
        role_line = f" ;\n    org:role {role}" if role else ""
        out.append(
            Candidate(
                "post",
                eid,
                name,
                f"<{base}/post/{key}> a org:Post ;\n    skos:prefLabel {literal(name)}@vi"
                f"{role_line} ;\n    prov:wasDerivedFrom {src} .",
            )
        )
    for m in _REPORT.finditer(text):
        period = _PERIOD.search(text)
        periodic = _PERIODIC.search(text)
        if period is None and periodic is None and "trách nhiệm báo cáo" not in text:
            continue
        unit = (period.group(1) or period.group(2)) if period else None
        frequency = f" ;\n    okg:frequency {_FREQUENCY[unit]}" if unit else ""
        out.append(
            Candidate(
                "reporting",
                eid,
                m.group(0),
                f"<{base}/reporting/{slugify(m.group(1))[:40]}> a okg:ReportingLine ;\n"
                f"    # recipient: «{m.group(1).strip()}»{frequency} ;\n"
                f"    prov:wasDerivedFrom {src} .",
            )
        )
        break
    for m in _MEETING.finditer(text):
        kind = "okg:regularMeeting" if m.group(1) == "định kỳ" else "okg:adHocMeeting"
        out.append(
            Candidate(
                "meeting",
                eid,
                m.group(0),
                f"<{base}/meeting/{slugify(m.group(1))}> a okg:MeetingRule ;\n"
                f"    okg:meetingKind {kind} ;\n    prov:wasDerivedFrom {src} .",
            )
        )
    for m in _SEAL.finditer(text):
        owner = m.group(1).strip()
        out.append(
            Candidate(
                "seal",
                eid,
                m.group(0),
                f"<{base}/permission/dau-{slugify(owner)[:30]}> a odrl:Permission ;\n"
                f"    odrl:action okg:useSeal ;\n    # the seal of «{owner}»\n"
                f"    prov:wasDerivedFrom {src} .",
            )
        )
    if not any(c.kind == "seal" for c in out):
        for m in _PERMISSION.finditer(text):
            out.append(_rule("permission", "odrl:Permission", eid=eid, words=m.group(0), base=base))
            break
    for m in _DUTY.finditer(text):
        out.append(_rule("duty", "odrl:Duty", eid=eid, words=m.group(0), base=base))
        break
    for m in _REGIME.finditer(text):
        regime = _REGIMES[m.group(1).lower()]
        out.append(
            Candidate(
                "regime",
                eid,
                m.group(0),
                f"# «{m.group(0)}»: the subject of the sentence\n"
                f"#     okg:workingRegime {regime} ; prov:wasDerivedFrom {src} .",
            )
        )
    return out


def _role(head: str) -> str | None:
    if head.startswith("phó") or head == "tổ phó":
        return "okg:deputyHead"
    if "trưởng" in head or head in ("giám đốc", "chủ tịch", "chủ nhiệm"):
        return "okg:head"
    if head == "thành viên":
        return "okg:member"
    return None


def _rule(kind: str, cls: str, *, eid: str, words: str, base: str) -> Candidate:
    return Candidate(
        kind,
        eid,
        words,
        f"<{base}/{kind}/{slugify(eid)}> a {cls} ;\n    # «{words}»: bearer and action to read\n"
        f"    prov:wasDerivedFrom src:{eid} .",
    )


def read_sentences(folder: Path) -> tuple[str, list[tuple[str, str]]]:
    """The document slug and the ``(id, text)`` of every sentence of ``folder/source.ttl``."""
    path = folder / SOURCE_DATA
    if not path.is_file():
        raise DataError(f"no {SOURCE_DATA}: run `orgkg init` first", path=path)
    graph = _graph([path])
    document = next(iter(graph.subjects(RDF.type, OKG.SourceDocument)), None)
    if document is None:
        raise DataError("no okg:SourceDocument in the file", path=path)
    slug = str(graph.value(document, DCT.identifier) or slugify(folder.name))
    sentences = []
    for node in graph.subjects(RDF.type, OKG.Sentence):
        eid, text = graph.value(node, DCT.identifier), graph.value(node, OKG.text)
        if eid is not None and text is not None:
            sentences.append((str(eid), str(text), _position(graph, node)))
    sentences.sort(key=lambda item: item[2])
    return slug, [(eid, text) for eid, text, _ in sentences]


def _position(graph: Graph, node: Node) -> tuple[int, ...]:
    """Document order: the orders from the root down."""
    orders: list[int] = []
    current: Node | None = node
    while current is not None and len(orders) < 20:
        order = graph.value(current, OKG.order)
        if not isinstance(order, Literal):
            break
        orders.insert(0, int(order))
        current = graph.value(current, DCT.isPartOf)
    return tuple(orders)


def draft_folder(folder: Path) -> tuple[list[Candidate], str]:
    """The candidates of a regulation folder and the draft file's text."""
    slug, sentences = read_sentences(folder)
    candidates = propose(sentences, body=slugify(folder.resolve().name) or "draft")
    return candidates, render_draft(candidates, slug)


def render_draft(candidates: list[Candidate], slug: str) -> str:
    lines = [
        "# Candidate facts proposed by `orgkg draft`: NOT loaded (the name ends in .txt).",
        "# Check each against its sentence; move what is right into the model, with",
        "# English labels and the IRIs of your model, then delete this file.",
        "",
        "@prefix okg: <https://w3id.org/orgkg/ns#> .",
        "@prefix org: <http://www.w3.org/ns/org#> .",
        "@prefix odrl: <http://www.w3.org/ns/odrl/2/> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        f"@prefix src: <{ID}doc/{slug}/> .",
        "",
    ]
    for c in candidates:
        lines += [f"# [{c.kind}] {c.eid}: «{c.words}»", c.turtle, ""]
    return "\n".join(lines)


def model_facts(model: Graph) -> set[tuple[str, str]]:
    """(kind, sentence id) of each fact of the drafted kinds ``model`` derives from a sentence."""
    kinds: list[tuple[str, Iterable[object]]] = [
        ("post", model.subjects(RDF.type, ORG.Post)),
        ("reporting", model.subjects(RDF.type, OKG.ReportingLine)),
        ("meeting", model.subjects(RDF.type, OKG.MeetingRule)),
        ("seal", (p for p in model.subjects(ODRL.action, OKG.useSeal))),
        (
            "permission",
            (
                p
                for p in model.subjects(RDF.type, ODRL.Permission)
                if (p, ODRL.action, OKG.useSeal) not in model
            ),
        ),
        ("duty", model.subjects(RDF.type, ODRL.Duty)),
    ]
    facts: set[tuple[str, str]] = set()
    for kind, nodes in kinds:
        for node in set(nodes):
            for source in model.objects(node, PROV.wasDerivedFrom):  # type: ignore[arg-type]
                eid = model.value(source, DCT.identifier)
                if eid is not None and "__sent_" in str(eid):
                    facts.add((kind, str(eid)))
    return facts


def measure(candidates: list[Candidate], model: Graph) -> Score:
    """Precision and recall of ``candidates`` against the facts of ``model``."""
    proposed = {(c.kind, c.eid) for c in candidates if c.kind != "regime"}
    expected = model_facts(model)
    hits = proposed & expected
    return Score(len(hits), len(proposed - hits), len(expected - hits))


def folder_graph(folder: Path) -> Graph:
    """Every RDF file of a regulation folder (its shapes aside), as one graph."""
    files = [
        p
        for p in sorted(folder.rglob("*"))
        if p.suffix in FORMATS and p.is_file() and SHAPES_FOLDER not in p.relative_to(folder).parts
    ]
    return _graph(files)


def _graph(paths: Iterable[Path]) -> Graph:
    return parse_graph(paths)
