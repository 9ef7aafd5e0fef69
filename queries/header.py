"""The ``#+`` header that makes a ``.rq`` file self-describing.

::

    #+ title@vi: Các tuyến báo cáo
    #+ title@en: Reporting lines
    #+ description@vi: Ai báo cáo ai, bao lâu một lần, bằng hình thức nào.
    #+ description@en: Who reports to whom, how often, in what forms.
    #+ param from: iri required — the post, unit or person to start from
    #+ tags: structure, reporting
    #+ lists: channelLabels, source
    #+ ask@vi: {reporter} báo cáo cho ai | ai báo cáo cho {recipient}
    #+ ask@en: who does {reporter} report to

A field given twice is continued (its texts are joined by a space). ``lists``
names result columns that are ``"; "``-joined lists (their items are sorted by
the runner). ``ask@vi`` / ``ask@en`` are example phrasings for
:mod:`queries.ask`, separated by ``|`` and collected over every such line;
``{name}`` marks where a parameter's value is said. A parameter is
``<name>: <kind> [required|optional] [folded]``, then ``—`` (or ``--``) and
a description. Any other ``#+`` line is an error naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ontology.errors import DataError
from ontology.languages import LANGUAGES
from queries.question import LANG_VARIABLE, PARAMETER_KINDS, Parameter

_FIELD = re.compile(
    r"^#\+\s*(?P<key>[a-z-]+)(?:@(?P<lang>[a-z]{2}))?(?P<sep>\s*:\s*|\s+)(?P<value>.*)$"
)
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<kind>[a-z]+)"
    r"(?P<flags>(?:\s+(?:required|optional|folded))*)"
    r"\s*(?:(?:—|--)\s*(?P<description>.*))?$"
)
_LANG_FIELDS = ("title", "description")
_LIST_FIELDS = ("tags", "lists")
_PHRASING_FIELD = "ask"


@dataclass
class Header:
    """The parsed header; ``body_line`` is the file line where the SPARQL starts."""

    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    parameters: list[Parameter] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    parameter_lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1
    ask: dict[str, list[str]] = field(default_factory=dict)


def parse_header(text: str, path: Path) -> Header:
    """Read the ``#+`` lines of a ``.rq`` file, or raise DataError at the bad line."""
    header = Header()
    body_started = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("#+"):
            if body_started:
                raise DataError("header line after the query has started", path=path, line=number)
            _read_field(header, stripped, path, number)
        elif stripped and not stripped.startswith("#") and not body_started:
            body_started = True
            header.body_line = number
    for key in _LANG_FIELDS:
        for lang in LANGUAGES:
            if not getattr(header, key).get(lang):
                raise DataError(f"header lacks '#+ {key}@{lang}:'", path=path, line=1)
    return header


def _read_field(header: Header, line: str, path: Path, number: int) -> None:
    match = _FIELD.match(line)
    # Only "param" is followed by a name; every other key by a colon.
    if match is None or (match["key"] != "param") != (":" in match["sep"]):
        raise DataError(
            f"malformed header line {line!r} (expected '#+ key: value')", path=path, line=number
        )
    key, lang, value = match["key"], match["lang"], match["value"].strip()
    if key in _LANG_FIELDS:
        if lang not in LANGUAGES:
            raise DataError(
                f"'{key}' needs a language: {key}@vi or {key}@en", path=path, line=number
            )
        texts: dict[str, str] = getattr(header, key)
        texts[lang] = f"{texts[lang]} {value}" if texts.get(lang) else value
    elif key == _PHRASING_FIELD:
        if lang not in LANGUAGES:
            raise DataError(f"'{key}' needs a language: ask@vi or ask@en", path=path, line=number)
        phrasings = [item.strip() for item in value.split("|") if item.strip()]
        header.ask.setdefault(lang, []).extend(phrasings)
    elif lang is not None:
        raise DataError(f"'{key}' takes no language tag", path=path, line=number)
    elif key == "param":
        parameter = _read_parameter(value, path, number)
        if parameter.name in header.parameter_lines or parameter.name == LANG_VARIABLE:
            raise DataError(
                f"parameter {parameter.name!r} declared twice or reserved", path=path, line=number
            )
        header.parameters.append(parameter)
        header.parameter_lines[parameter.name] = number
    elif key in _LIST_FIELDS:
        items = [item.strip() for item in re.split(r"[,\s]+", value) if item.strip()]
        getattr(header, key).extend(items)
    else:
        raise DataError(f"unknown header field {key!r}", path=path, line=number)


def _read_parameter(value: str, path: Path, number: int) -> Parameter:
    match = _PARAM.match(value)
    if match is None:
        raise DataError(
            f"malformed parameter {value!r} (expected "
            "'name: iri|text|date|integer [required|optional] — description')",
            path=path,
            line=number,
        )
    kind = match["kind"]
    if kind not in PARAMETER_KINDS:
        raise DataError(
            f"unknown parameter kind {kind!r} (use {', '.join(PARAMETER_KINDS)})",
            path=path,
            line=number,
        )
    flags = match["flags"].split()
    if "required" in flags and "optional" in flags:
        raise DataError("a parameter is required or optional, not both", path=path, line=number)
    return Parameter(
        name=match["name"],
        kind=kind,  # type: ignore[arg-type]
        required="optional" not in flags,
        description=(match["description"] or "").strip(),
        folded="folded" in flags,
    )
