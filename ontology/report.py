"""The compliance report: SHACL results as plain, sorted, bilingual data.

A :class:`Report` is what ``orgkg check`` prints and ``GET /check`` returns.
It holds no rdflib objects, so every surface renders the same thing:

>>> report = Report(results=())
>>> report.conforms, report.exit_code
(True, 0)
>>> report.to_text("en").splitlines()[0]
'Conforms: yes (0 violations, 0 warnings, 0 infos)'
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from itertools import groupby
from typing import TYPE_CHECKING

from ontology.errors import NotFound
from ontology.formats import REPORT_FORMATS
from ontology.languages import Lang
from ontology.namespaces import PREFIXES
from ontology.printable import printable

if TYPE_CHECKING:
    from ontology.store import Store

# Longest namespace first, so "okgsh:" wins over a shorter match.
_NAMESPACES = sorted(((iri, prefix) for prefix, iri in PREFIXES.items()), key=lambda p: -len(p[0]))


def compact(term: str) -> str:
    """A full IRI as ``prefix:rest`` for reading (``^`` kept for inverse paths).

    >>> compact("https://w3id.org/orgkg/shapes#PostInShape")
    'okgsh:PostInShape'
    >>> compact("^http://www.w3.org/ns/org#postIn")
    '^org:postIn'
    """
    inverse = term.startswith("^")
    iri = term[1:] if inverse else term
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            iri = f"{prefix}:{iri[len(namespace) :]}"
            break
    return ("^" if inverse else "") + iri


class Severity(StrEnum):
    """SHACL severities, most serious first (the enum order is the sort order)."""

    VIOLATION = "violation"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


_SEVERITY_LABEL: dict[Lang, dict[Severity, str]] = {
    "vi": {Severity.VIOLATION: "VI PHẠM", Severity.WARNING: "CẢNH BÁO", Severity.INFO: "THÔNG TIN"},
    "en": {Severity.VIOLATION: "VIOLATION", Severity.WARNING: "WARNING", Severity.INFO: "INFO"},
}
_WORDS: dict[Lang, dict[str, str]] = {
    "vi": {
        "conforms": "Tuân thủ",
        "yes": "có",
        "no": "không",
        "violation": "vi phạm",
        "warning": "cảnh báo",
        "info": "thông tin",
        "sources": "nguồn",
        "value": "giá trị",
    },
    "en": {
        "conforms": "Conforms",
        "yes": "yes",
        "no": "no",
        "violation": "violations",
        "warning": "warnings",
        "info": "infos",
        "sources": "source",
        "value": "value",
    },
}


@dataclass(frozen=True)
class Result:
    """One SHACL result. Terms are plain strings: IRIs in full, literals as text.

    ``sources`` are the sentences the finding is about: the sentence the
    shape enforces (``okg:enforces``) when it has one, else the sentences the
    focus node is derived from. Sentence ids (``para_4__sent_1``) are used
    where the data knows them.
    """

    severity: Severity
    shape: str
    focus: str
    path: str | None = None
    value: str | None = None
    component: str = ""
    message_vi: str = ""
    message_en: str = ""
    sources: tuple[str, ...] = ()

    @property
    def sort_key(self) -> tuple[int, str, str, str, str, str, str, str, tuple[str, ...]]:
        """Most serious first, then shape, focus node, path, value; the rest breaks ties."""
        return (
            self.severity.rank,
            self.shape,
            self.focus,
            self.path or "",
            self.value or "",
            self.component,
            self.message_en,
            self.message_vi,
            self.sources,
        )

    def message(self, lang: Lang) -> str:
        return self.message_vi if lang == "vi" else self.message_en

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["sources"] = list(self.sources)
        return data


@dataclass(frozen=True)
class Report:
    """A validation report: results sorted stably, most serious first.

    ``shapes`` names every shape that was checked, so the JUnit output can
    list the ones that passed too; ``enforced`` names the sentences those
    shapes enforce (``okg:enforces``), so "no violation about this sentence"
    can tell a kept rule from a rule nobody checked.
    """

    results: tuple[Result, ...]
    shapes: tuple[str, ...] = ()
    enforced: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unique = dict.fromkeys(self.results)
        object.__setattr__(self, "results", tuple(sorted(unique, key=lambda r: r.sort_key)))
        object.__setattr__(self, "shapes", tuple(sorted(set(self.shapes))))
        object.__setattr__(self, "enforced", tuple(sorted(set(self.enforced))))

    @property
    def conforms(self) -> bool:
        """True when no result is a violation (warnings and infos do not fail a check)."""
        return not any(r.severity is Severity.VIOLATION for r in self.results)

    @property
    def exit_code(self) -> int:
        """The command line's code for this report: 0 conforms, 1 violations."""
        return 0 if self.conforms else 1

    def count(self, severity: Severity) -> int:
        return sum(1 for r in self.results if r.severity is severity)

    def counts(self) -> dict[str, int]:
        return {s.value: self.count(s) for s in Severity}

    # -- renderings ------------------------------------------------------

    def render(self, fmt: str, lang: Lang = "vi", *, store: Store | None = None) -> bytes:
        """The report in one of :data:`REPORT_FORMATS` (JSON is the same in every language).

        ``sarif`` locates each finding in the files ``store`` (the store
        checked) was loaded from, so it needs the store.
        """
        if fmt == "sarif":
            if store is None:
                raise TypeError("the sarif report needs the store that was checked")
            from ontology.sarif import render_sarif  # noqa: PLC0415 (sarif imports this module)

            return render_sarif(store, self, lang=lang).encode("utf-8")
        if fmt == "json":
            return self.to_json().encode("utf-8")
        if fmt == "junit":
            return self.to_junit(lang).encode("utf-8")
        if fmt == "text":
            return self.to_text(lang).encode("utf-8")
        raise NotFound(f"unknown report format {fmt!r}: use one of {', '.join(REPORT_FORMATS)}")

    def to_text(self, lang: Lang = "vi") -> str:
        words = _WORDS[lang]
        counts = ", ".join(f"{self.count(s)} {words[s.value]}" for s in Severity)
        lines = [f"{words['conforms']}: {words['yes' if self.conforms else 'no']} ({counts})"]
        for r in self.results:
            where = f"{compact(r.focus)} {compact(r.path)}" if r.path else compact(r.focus)
            label = _SEVERITY_LABEL[lang][r.severity]
            line = f"[{label}] {compact(r.shape)} — {where}: {r.message(lang)}"
            if r.value is not None and r.value not in r.message(lang):
                line += f" ({words['value']}: {compact(r.value)})"
            if r.sources:
                line += f" [{words['sources']}: {', '.join(r.sources)}]"
            lines.append(printable(line))
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, object]:
        return {
            "conforms": self.conforms,
            "counts": self.counts(),
            "results": [r.to_dict() for r in self.results],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_junit(self, lang: Lang = "en") -> str:
        """JUnit XML: one testcase per shape × focus node that has results,
        failing on a violation; one passing testcase per shape without any."""
        suite = ET.Element("testsuite", name="orgkg SHACL")
        cases = 0
        failures = 0
        by_case = groupby(sorted(self.results, key=_case_key), key=_case_key)
        reported: set[str] = set()
        for (shape, focus), group in by_case:
            results = list(group)
            reported.add(shape)
            case = ET.SubElement(
                suite,
                "testcase",
                classname=printable(compact(shape)),
                name=printable(compact(focus)),
            )
            cases += 1
            violations = [r for r in results if r.severity is Severity.VIOLATION]
            details = "\n".join(_junit_detail(r, lang) for r in results)
            if violations:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    type="sh:Violation",
                    message=printable(violations[0].message(lang)),
                )
                failure.text = details
            else:
                ET.SubElement(case, "system-out").text = details
        for shape in self.shapes:
            if shape not in reported:
                ET.SubElement(suite, "testcase", classname=compact(shape), name="all focus nodes")
                cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        root = ET.Element(
            "testsuites", name="orgkg check", tests=str(cases), failures=str(failures), errors="0"
        )
        root.append(suite)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _case_key(result: Result) -> tuple[str, str]:
    return (result.shape, result.focus)


def _junit_detail(result: Result, lang: Lang) -> str:
    parts = [f"[{_SEVERITY_LABEL[lang][result.severity]}] {result.message(lang)}"]
    if result.path:
        parts.append(f"path: {compact(result.path)}")
    if result.value is not None:
        parts.append(f"value: {compact(result.value)}")
    if result.sources:
        parts.append(f"sources: {', '.join(result.sources)}")
    return printable("; ".join(parts))


def merge(reports: Iterable[Report]) -> Report:
    """One report from several (e.g. the generic and the regulation's own shapes)."""
    results: list[Result] = []
    shapes: list[str] = []
    enforced: list[str] = []
    for report in reports:
        results.extend(report.results)
        shapes.extend(report.shapes)
        enforced.extend(report.enforced)
    return Report(results=tuple(results), shapes=tuple(shapes), enforced=tuple(enforced))
