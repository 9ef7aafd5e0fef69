"""The compliance report as SARIF 2.1.0, located at the lines of the model.

Code-review tools (GitHub code scanning, GitLab, IDEs) annotate the line a
SARIF result points at. A SHACL result names a focus node, maybe a path and
a value, not a place in a file, so :class:`Locator` reads the source files
the store was loaded from and keeps, per file, the line each subject's
statement starts on (``subject -> (file, line)``) and, inside it, the line
of each predicate. A result is then located at the offending triple: the
focus node's statement, at the line of its path when the file writes it.

>>> from ontology.report import Report
>>> log = to_sarif(Report(results=()), Locator.empty(), {}, lang="en")
>>> log["version"], log["runs"][0]["results"]
('2.1.0', [])
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from rdflib.term import Node as Term

from ontology.languages import Lang
from ontology.namespaces import DCT, OKG
from ontology.report import Report, Result, Severity, compact
from ontology.store import Store

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://w3id.org/orgkg"
_LEVELS = {Severity.VIOLATION: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"^\s*(?:@base|BASE)\s+<([^>]*)>", re.IGNORECASE)
# The first term of a statement: <iri>, prefix:local, or a blank node label.
_TERM = re.compile(r"^(<[^>]*>|[\w.-]*:(?:[^\s;,\\]|\\.)*|_:\S+)")
_PREDICATE = re.compile(r"(?:^|[\s;\[])(<[^>]*>|[\w.-]*:(?:[^\s;,\\]|\\.)*|a)(?=\s)")
_OBJECT = re.compile(r"(<[^>]*>|(?<![\w\"'@])[A-Za-z][\w.-]*:(?:[^\s;,\\]|\\.)*[^\s;,.\\])")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Place:
    """Where a statement is written: a file and a line (from 1)."""

    path: Path
    line: int


@dataclass
class Locator:
    """Subject -> the place its statement starts, and the places of its predicates."""

    subjects: dict[str, Place] = field(default_factory=dict)
    predicates: dict[tuple[str, str], Place] = field(default_factory=dict)
    objects: dict[tuple[str, str], list[tuple[str, Place]]] = field(default_factory=dict)
    _typed: set[str] = field(default_factory=set)

    @classmethod
    def empty(cls) -> Locator:
        return cls()

    @classmethod
    def of_files(cls, paths: Iterable[Path | str]) -> Locator:
        """Read Turtle and N-Triples files; other formats are located by file only."""
        locator = cls()
        for path in map(Path, paths):
            if path.suffix in (".ttl", ".nt", ".nq", ".trig"):
                locator._read(path)
        return locator

    def _read(self, path: Path) -> None:
        prefixes: dict[str, str] = {}
        base = ""
        subject: str | None = None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if (found := _PREFIX.match(line)) is not None:
                prefixes[found.group(1)] = urljoin(base, found.group(2))
                continue
            if (found := _BASE.match(line)) is not None:
                base = urljoin(base, found.group(1))
                continue
            text = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
            if not text.strip():
                continue
            if not line[0].isspace() and (term := _TERM.match(text)) is not None:
                subject = _resolve(term.group(1), prefixes, base)
                self.subjects.setdefault(subject, Place(path, number))
                text = text[term.end() :]
            if subject is None:
                continue
            here = Place(path, number)
            for predicate, rest in _split(text):
                iri = _RDF_TYPE if predicate == "a" else _resolve(predicate, prefixes, base)
                self.predicates.setdefault((subject, iri), here)
                if iri == _RDF_TYPE and subject not in self._typed:
                    # Where a node is typed is where it is defined: prefer it.
                    self._typed.add(subject)
                    self.subjects[subject] = self.subjects.get(subject, here)
                    if self.subjects[subject].path != path:
                        self.subjects[subject] = here
                for obj in _OBJECT.findall(rest):
                    target = _resolve(obj, prefixes, base)
                    self.objects.setdefault((iri, target), []).append((subject, here))

    def locate(self, result: Result) -> list[Place]:
        """The places of the offending triple(s), the likeliest first.

        A result on a path points at the focus node's triple with that
        predicate; on an inverse path, at the triple from the value when
        SHACL names one, else at the focus node with the triples pointing to
        it beside. A SPARQL constraint names the offending node as its
        value: its statement comes first. Otherwise, the focus node's
        statement (where it is typed).
        """
        places: list[Place] = []
        focus = self.subjects.get(result.focus)
        if result.path and result.path.startswith("^"):
            # Without a value (a count), no one triple is at fault: the focus
            # node first, every triple pointing to it beside.
            predicate = result.path[1:]
            pointing = self.objects.get((predicate, result.focus), [])
            places += [p for s, p in pointing if s == result.value]
            if result.value is None and focus is not None:
                places.append(focus)
            places += [p for s, p in pointing if s != result.value]
        elif result.path:
            exact = self.predicates.get((result.focus, result.path))
            if exact is not None:
                places.append(exact)
        elif result.component.endswith("SPARQLConstraintComponent") and result.value:
            named = self.subjects.get(result.value)
            if named is not None:
                places.append(named)
        if focus is not None:
            places.append(focus)
        return list(dict.fromkeys(places))


def _split(text: str) -> list[tuple[str, str]]:
    """The predicates written in ``text``, each with the text after it (its objects)."""
    found = [(m.group(1), m.end()) for m in _PREDICATE.finditer(text)]
    return [
        (term, text[end : found[i + 1][1] if i + 1 < len(found) else len(text)])
        for i, (term, end) in enumerate(found)
    ]


def _resolve(term: str, prefixes: Mapping[str, str], base: str) -> str:
    if term.startswith("<"):
        return urljoin(base, term[1:-1])
    if term.startswith("_:"):
        return term
    prefix, _, local = term.partition(":")
    return prefixes.get(prefix, prefix + ":") + re.sub(r"\\(.)", r"\1", local)


def to_sarif(
    report: Report,
    locator: Locator,
    sentences: Mapping[str, str],
    *,
    lang: Lang = "en",
    root: Path | None = None,
) -> dict[str, Any]:
    """The SARIF 2.1.0 log of ``report``: one rule per shape, one result per finding.

    ``sentences`` maps a sentence id to its text (the sentence a shape
    protects goes into each result's properties); ``root`` is what artifact
    URIs are relative to (default: the working directory, as CI runs it).
    """
    base = (root or Path.cwd()).resolve()
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    for result in report.results:
        rule = rules.setdefault(result.shape, _rule(result, len(rules), lang))
        results.append(_result(result, rule, locator, sentences=sentences, lang=lang, root=base))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "orgkg",
                        "informationUri": INFORMATION_URI,
                        "rules": list(rules.values()),
                    }
                },
                "language": lang,
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(
    store: Store, report: Report, *, lang: Lang = "en", root: Path | None = None
) -> str:
    """The SARIF text of ``report`` on ``store``: what ``orgkg check --format sarif`` prints.

    Located in the files the store was loaded from, with the sentences it holds.
    """
    locator = Locator.of_files(store.sources)
    log = to_sarif(report, locator, sentence_texts(store.triples()), lang=lang, root=root)
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def sentence_texts(triples: Iterable[tuple[Term, Term, Term]]) -> dict[str, str]:
    """Passage id (``dcterms:identifier``) -> its exact text (``okg:text``)."""
    ids: dict[Term, str] = {}
    texts: dict[Term, str] = {}
    for s, p, o in triples:
        if p == DCT.identifier:
            ids[s] = str(o)
        elif p == OKG.text:
            texts[s] = str(o)
    return {ids[s]: text for s, text in texts.items() if s in ids}


def _rule(result: Result, index: int, lang: Lang) -> dict[str, Any]:
    return {
        "id": compact(result.shape),
        "name": re.split(r"[#/:]", result.shape)[-1],
        "shortDescription": {"text": result.message(lang)},
        "defaultConfiguration": {"level": _LEVELS[result.severity]},
        "properties": {"index": index, "shape": result.shape},
    }


def _result(
    result: Result,
    rule: dict[str, Any],
    locator: Locator,
    *,
    sentences: Mapping[str, str],
    lang: Lang,
    root: Path,
) -> dict[str, Any]:
    places = locator.locate(result)
    location: dict[str, Any] = {
        "logicalLocations": [{"fullyQualifiedName": result.focus, "kind": "resource"}]
    }
    if places:
        location["physicalLocation"] = _physical(places[0], root)
    properties: dict[str, Any] = {
        "focusNode": result.focus,
        "sentences": [{"id": sid, "text": sentences.get(sid, "")} for sid in result.sources],
    }
    if result.path:
        properties["path"] = result.path
    if result.value is not None:
        properties["value"] = result.value
    found: dict[str, Any] = {
        "ruleId": rule["id"],
        "ruleIndex": rule["properties"]["index"],
        "level": _LEVELS[result.severity],
        "message": {"text": _message(result, sentences, lang)},
        "locations": [location],
        "properties": properties,
    }
    if len(places) > 1:
        found["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(place, root)}
            for i, place in enumerate(places[1:], start=1)
        ]
    return found


def _physical(place: Place, root: Path) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": _uri(place.path, root)},
        "region": {"startLine": place.line},
    }


def _message(result: Result, sentences: Mapping[str, str], lang: Lang) -> str:
    """The finding, then the sentence it protects, quoted, so a reviewer reads both."""
    quoted = " ".join(
        f"{sid}: “{' '.join(sentences[sid].split())}”" for sid in result.sources if sid in sentences
    )
    if not quoted:
        return result.message(lang)
    return f"{result.message(lang)} ({'câu' if lang == 'vi' else 'sentence'} {quoted})"


def _uri(path: Path, root: Path) -> str:
    """Relative to ``root`` when inside it (as code scanning wants), else a file URI."""
    resolved = path.resolve()
    if resolved.is_relative_to(root):
        return resolved.relative_to(root).as_posix()
    return resolved.as_uri()
