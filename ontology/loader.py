"""Loading: files and folders -> a :class:`~ontology.store.Store`.

One function, :func:`load_regulation`, used by every surface. It parses with
Oxigraph's parsers, which never touch the network (a JSON-LD remote
``@context`` is refused, ``owl:imports`` is just a triple) and report the line
and column of an error. Everything is parsed before anything is served: a bad
file raises :class:`~ontology.errors.DataError` and no half-loaded store exists.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from ontology.errors import DataError
from ontology.folding import fold
from ontology.namespaces import PREFIXES
from ontology.store import Store, from_ox

HERE = Path(__file__).resolve().parent
VOCABULARY = HERE / "vocabulary.ttl"
GENERIC_SHAPES = HERE / "shapes"
REGULATIONS = HERE / "regulations"
BUNDLED = REGULATIONS / "qd-426-2018"

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
SHAPES_FOLDER = "shapes"
_FOLD_QUERY = """
SELECT ?s ?label WHERE {
  { ?s skos:prefLabel ?label } UNION { ?s skos:altLabel ?label } UNION { ?s rdfs:label ?label }
  FILTER(isLiteral(?label))
}"""
_BULK_BYTES = 8 * 1024 * 1024
_READ_CHUNK = 1 << 20
OnProgress = Callable[[Path, int, int], None]
_FREEZE_TRIPLES = 200_000
# A label or IRI past a million characters is a mistake (a pasted file, a
# runaway export) that every page and answer would then carry.
MAX_TERM_CHARS = 1_000_000
# One file is parsed in memory (about 15x its size at peak): refuse what would
# exhaust a workstation rather than die half-way.
MAX_FILE_BYTES = 512 * 2**20


@dataclass(frozen=True)
class Sources:
    """The files one load reads: data into the store, shapes beside it."""

    data: tuple[Path, ...]
    shapes: tuple[Path, ...]


def find_sources(paths: Sequence[Path | str] = ()) -> Sources:
    """Resolve ``--data`` paths (files or folders) into data and shapes files.

    With no paths, the bundled regulation. The vocabulary and the generic
    shapes are always included. Inside a folder, files under a ``shapes/``
    folder are shapes; everything else with a known RDF extension is data.
    """
    data: list[Path] = [VOCABULARY]
    shapes: list[Path] = sorted(GENERIC_SHAPES.glob("*.ttl"))
    for given in paths or (BUNDLED,):
        path = Path(given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.suffix in FORMATS):
                _check_inside(file, path)
                if not file.is_file():
                    continue  # a folder named like a file, a socket, a pipe
                relative = file.relative_to(path)
                (shapes if SHAPES_FOLDER in relative.parts[:-1] else data).append(file)
        elif path.exists() and not path.is_file():
            raise DataError("not a regular file or folder", path=path)
        elif path.is_file():
            if path.suffix not in FORMATS:
                raise DataError(
                    f"unknown RDF format {path.suffix!r} (use one of {', '.join(sorted(FORMATS))})",
                    path=path,
                )
            data.append(path)
        else:
            raise DataError("no such file or folder", path=path)
    return Sources(tuple(dict.fromkeys(data)), tuple(dict.fromkeys(shapes)))


def _check_inside(file: Path, folder: Path) -> None:
    """Refuse a link in a data folder that leads out of it, or nowhere.

    Pointing orgkg at a folder must not make it read (and serve) files from
    elsewhere on the machine.
    """
    if not file.is_symlink():
        return
    target = file.resolve()
    if not target.exists():
        raise DataError("broken link: the file it points to does not exist", path=file)
    if not target.is_relative_to(folder.resolve()):
        raise DataError("link to a file outside the data folder: refused", path=file)


def load_regulation(
    paths: Sequence[Path | str] = (),
    *,
    engine: str = "oxigraph",
    on_progress: OnProgress | None = None,
) -> Store:
    """Load the regulation(s) at ``paths`` (default: the bundled one) into a store.

    ``engine`` is ``oxigraph`` (default), ``memory``, or the URL of a SPARQL 1.1
    query endpoint, which is queried as it is (data is loaded there by its own
    tools; only the shapes of ``paths`` are read here). ``on_progress(path,
    done, total)`` hears how many bytes of a big file the store has read, so
    a terminal can draw a bar; this layer never prints.
    """
    sources = find_sources(paths)
    shapes = _parse_into_rdflib(sources.shapes)
    if engine.startswith(("http://", "https://")):
        remote = Graph(store=SPARQLStore(query_endpoint=engine, returnFormat="json"))
        return Store(
            engine="sparql",
            shapes=shapes,
            version=_fingerprint(sources.shapes) + "@" + engine,
            sources=tuple(str(p) for p in sources.data),
            endpoint=engine,
            _graph=remote,
        )
    if engine not in ("oxigraph", "memory"):
        raise DataError(
            f"unknown store {engine!r}: use oxigraph, memory or a http(s):// SPARQL endpoint"
        )
    store = ox.Store()
    for path in sources.data:
        _load_file(store, path, on_progress)
    _add_folded_labels(store)
    version = _fingerprint(sources.data + sources.shapes)
    common = {"shapes": shapes, "version": version, "sources": tuple(str(p) for p in sources.data)}
    if engine == "memory":
        graph = Graph()
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri)
        graph += (
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))  # type: ignore[misc]
            for q in store
        )
        result = Store(engine="memory", _graph=graph, **common)  # type: ignore[arg-type]
    else:
        result = Store(engine="oxigraph", _ox=store, **common)  # type: ignore[arg-type]
    if len(store) > _FREEZE_TRIPLES:
        # Millions of long-lived objects: spare every later GC pass the walk.
        gc.collect()
        gc.freeze()
    return result


def parse_file(path: Path) -> list[ox.Quad]:
    """Parse one file fully, or raise DataError naming where it is wrong."""
    return list(_checked_quads(path, _read_checked(path)))


def _load_file(store: ox.Store, path: Path, on_progress: OnProgress | None = None) -> None:
    if path.stat().st_size > _BULK_BYTES:
        raw = _read_checked(path)
        fmt = FORMATS[path.suffix]
        # Parsing into Python costs as much as the load itself (3 s a million
        # triples): skip it when a line-based file provably passes the checks.
        if not (fmt in _LINE_FORMATS and _passes_term_checks(raw)):
            for _ in _checked_quads(path, raw):  # check streaming, then let Rust load it
                pass
        source: bytes | io.BufferedReader = raw
        if on_progress is not None:
            source = io.BufferedReader(_ReadCounter(path, raw, on_progress), _READ_CHUNK)
        try:
            store.bulk_load(
                input=source,
                format=FORMATS[path.suffix],
                base_iri=_RELATIVE_BASE,
                to_graph=ox.DefaultGraph(),
            )
        except SyntaxError as exc:
            raise _syntax_error(path, exc, raw) from None
        return
    store.extend(
        ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in parse_file(path)
    )


class _ReadCounter(io.RawIOBase):
    """The bytes of a file, telling ``on_progress`` how far Oxigraph has read."""

    def __init__(self, path: Path, raw: bytes, on_progress: OnProgress) -> None:
        super().__init__()
        self._path = path
        self._view = memoryview(raw)
        self._done = 0
        self._on_progress = on_progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), len(self._view) - self._done)
        buffer[:count] = self._view[self._done : self._done + count]
        self._done += count
        self._on_progress(self._path, self._done, len(self._view))
        return count


_LINE_FORMATS = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)
_TYPED = b'"^^<'
_STATEMENT = re.compile(rb"^[ \t]*[<_]", re.MULTILINE)


def _passes_term_checks(raw: bytes) -> bool:
    """Whether an N-Triples/N-Quads text certainly passes :func:`_term_problem`.

    One statement a line: no term is longer than the longest line, and a
    relative IRI does not parse. What is left is read off the text: the XSD
    literals (each distinct value checked once) and RDF 1.2 marks. False only
    means "not sure": the exact check then runs, and places any error.
    """
    # RDF 1.2 triple terms (<<) and base directions (--ltr): left to the full check.
    if b"<<" in raw or (b"--" in raw and (b"--ltr" in raw or b"--rtl" in raw)):
        return False
    if _STATEMENT.search(raw) is None or _has_long_line(raw, MAX_TERM_CHARS):
        return False
    seen: set[tuple[bytes, bytes]] = set()
    xsd = _XSD.encode()
    end = typed = 0
    while (quote := raw.find(_TYPED, end)) != -1:
        typed += 1
        end = raw.find(b">", quote)
        datatype = raw[quote + len(_TYPED) : end]
        if end == -1 or b"\\" in datatype:
            return False
        if not datatype.startswith(xsd):
            continue
        opening = raw.rfind(b'"', raw.rfind(b"\n", 0, quote) + 1, quote)
        value = raw[opening + 1 : quote]
        if opening < 1 or b"\\" in value or raw[opening - 1 : opening] == b"\\":
            return False
        if (value, datatype) not in seen:
            seen.add((value, datatype))
            name = datatype[len(xsd) :].decode("ascii", "replace")
            if not _is_valid_lexical(value.decode("utf-8"), name):
                return False
    return raw.count(b"^^") == typed  # else a datatype is written apart: not read here


def _has_long_line(raw: bytes, limit: int) -> bool:
    """Whether a line of ``raw`` is longer than ``limit`` bytes (jumps a window at a time)."""
    start = 0
    while start + limit < len(raw):
        last = raw.rfind(b"\n", start, start + limit + 1)
        if last == -1:
            return True
        start = last + 1
    return False


def _read_checked(path: Path) -> bytes:
    """Read a file and check it is non-empty UTF-8 in NFC, naming the place if not.

    A UTF-8 byte order mark (Windows editors write one) is dropped.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(
                f"file of {size / 2**20:,.0f} MB is over the limit of {MAX_FILE_BYTES // 2**20} MB "
                "for one load; split it, or serve it from a SPARQL server (--store URL)",
                path=path,
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path=path) from None
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DataError(
                "UTF-16, not UTF-8; save the file as UTF-8", path=path, line=1, column=1
            ) from None
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8")) + 1
        raise DataError(
            f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            path=path,
            line=raw.count(b"\n", 0, exc.start) + 1,
            column=column,
        ) from None
    if not text.strip():
        raise DataError("empty file: no RDF in it", path=path, line=1, column=1)
    if not unicodedata.is_normalized("NFC", text):
        for number, line_text in enumerate(text.split("\n"), start=1):
            if not unicodedata.is_normalized("NFC", line_text):
                raise DataError(
                    "text is not Unicode NFC (decomposed diacritics); normalise the file to NFC",
                    path=path,
                    line=number,
                    column=_first_non_nfc(line_text),
                )
    return raw


def _first_non_nfc(line: str) -> int:
    """The 1-based column of the first character that NFC would change.

    Checks each base character with its combining marks (and with the next
    one, for compositions of two bases such as Hangul jamo): linear time,
    however long the line.
    """
    starts = [i for i, ch in enumerate(line) if unicodedata.combining(ch) == 0] or [0]
    bounds = [*starts, len(line)]

    def changes(first: int, last: int) -> bool:
        return not unicodedata.is_normalized("NFC", line[bounds[first] : bounds[last + 1]])

    for k in range(len(starts)):
        if changes(k, k):
            return bounds[k] + 1
        if k + 1 < len(starts) and changes(k, k + 1):
            return bounds[k + 1 if changes(k + 1, k + 1) else k] + 1
    return 1


def _checked_quads(path: Path, raw: bytes) -> Iterator[ox.Quad]:
    """Parse ``raw`` lazily, checking every term the parser lets through.

    Oxigraph keeps ill-typed literals ("abc"^^xsd:integer) and RDF 1.2 terms
    that the layers above cannot carry; both are refused here, at the place
    they are written. So are relative IRIs: resolved against the file's path
    they would publish where the file lives and change when it moves.
    """
    fmt = FORMATS[path.suffix]
    if fmt == ox.RdfFormat.JSON_LD:
        _check_json_ld(path, raw)
    count = 0
    try:
        for quad in ox.parse(raw, format=fmt, base_iri=_RELATIVE_BASE):
            for term in (quad.subject, quad.predicate, quad.object):
                problem = _term_problem(term)
                if problem is not None:
                    reason, needle = problem
                    line, column = _locate(raw, needle)
                    raise DataError(reason, path=path, line=line, column=column)
            count += 1
            yield quad
    except SyntaxError as exc:
        raise _syntax_error(path, exc, raw) from None
    if count == 0:
        raise DataError("no triples in the file", path=path, line=1, column=1)


# Relative IRIs resolve against this base, then are refused by name.
_RELATIVE_BASE = "https://orgkg.invalid/relative/"
_JSON_LD_LANGUAGE = re.compile(r'"@language"\s*:\s*"((?:[^"\\]|\\.)*)"')
_JSON_LD_CONTEXT = re.compile(r'"@(?:context|import)"\s*:\s*\[?\s*"((?:[^"\\]|\\.)*)"')
# Well-formed BCP 47 (RFC 5646 section 2.1, simplified): what Turtle's parser accepts.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


def _check_json_ld(path: Path, raw: bytes) -> None:
    """Refuse what Oxigraph's JSON-LD parser would drop without a word.

    A value with an ill-formed ``@language`` silently disappears from the
    graph; a remote ``@context`` is refused by the parser, but without a
    position or a reason a person can act on.
    """
    text = raw.decode("utf-8")
    for match in _JSON_LD_LANGUAGE.finditer(text):
        if _LANGUAGE_TAG.fullmatch(match.group(1)) is None:
            line, column = _position(text, match.start(1))
            raise DataError(
                f'"{_short(match.group(1))}" is not a language tag (e.g. "vi", "en", "en-GB")',
                path=path,
                line=line,
                column=column,
            )
    for match in _JSON_LD_CONTEXT.finditer(text):
        if not match.group(1).startswith("@"):
            line, column = _position(text, match.start(1))
            raise DataError(
                f'remote JSON-LD @context "{_short(match.group(1))}" is never fetched '
                "(orgkg does not go to the network): put the context in the file",
                path=path,
                line=line,
                column=column,
            )


def _term_problem(term: object) -> tuple[str, str] | None:
    """Why a parsed term cannot be loaded, and the text to look for, or None."""
    if isinstance(term, ox.Literal):
        value = term.value
        if len(value) > MAX_TERM_CHARS:
            return (
                f"literal of {len(value):,} characters is longer than the limit of "
                f"{MAX_TERM_CHARS:,}",
                value[:200],
            )
        if term.direction is not None:
            return (
                f"base direction --{term.direction} is not supported (it would be lost): drop it",
                value,
            )
        datatype = term.datatype.value
        if datatype.startswith(_XSD):
            name = datatype[len(_XSD) :]
            if not _is_valid_lexical(value, name):
                return f'"{_short(value)}" is not a valid xsd:{name}', value
        return None
    if isinstance(term, ox.NamedNode):
        if term.value.startswith(_RELATIVE_BASE):
            relative = term.value[len(_RELATIVE_BASE) :]
            return (
                f"relative IRI <{_short(relative)}>: write a full IRI or a prefixed name "
                "(or declare @base)",
                relative,
            )
        if len(term.value) > MAX_TERM_CHARS:
            return (
                f"IRI of {len(term.value):,} characters is longer than the limit of "
                f"{MAX_TERM_CHARS:,}",
                term.value[-200:],
            )
        return None
    if isinstance(term, ox.Triple):
        return "RDF 1.2 triple terms (<<( )>>, ~ reifiers) are not supported", "<<"
    return None


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


_XSD = "http://www.w3.org/2001/XMLSchema#"
_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"(?P<y>-?(?:[1-9]\d{4,}|\d{4}))"
_TIME = r"(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d(?:\.\d+)?)"
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_CLOCK = r"(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?"
# The lexical spaces of XML Schema 1.1 (part 2, section 3), for the types
# regulations use; other datatypes are taken as written.
_LEXICAL: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "integer": r"[+-]?\d+",
        "decimal": _NUMBER,
        "float": rf"{_NUMBER}(?:[eE][+-]?\d+)?|[+-]?INF|NaN",
        "double": rf"{_NUMBER}(?:[eE][+-]?\d+)?|[+-]?INF|NaN",
        "boolean": r"true|false|1|0",
        "date": rf"{_YEAR}-(?P<m>\d\d)-(?P<d>\d\d){_TZ}",
        "dateTime": rf"{_YEAR}-(?P<m>\d\d)-(?P<d>\d\d)T{_TIME}{_TZ}",
        "dateTimeStamp": rf"{_YEAR}-(?P<m>\d\d)-(?P<d>\d\d)T{_TIME}(?:Z|[+-]\d\d:\d\d)",
        "time": rf"{_TIME}{_TZ}",
        "gYear": rf"{_YEAR}{_TZ}",
        "gYearMonth": rf"{_YEAR}-(?P<m>\d\d){_TZ}",
        "gMonth": rf"--(?P<m>\d\d){_TZ}",
        "gMonthDay": rf"--(?P<m>\d\d)-(?P<d>\d\d){_TZ}",
        "gDay": rf"---(?P<d>\d\d){_TZ}",
        "duration": rf"-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?{_CLOCK}",
        "yearMonthDuration": r"-?P(?=\d)(?:\d+Y)?(?:\d+M)?",
        "dayTimeDuration": rf"-?P(?=\d|T\d)(?:\d+D)?{_CLOCK}",
        "hexBinary": r"(?:[0-9a-fA-F]{2})*",
        "base64Binary": r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?",
    }.items()
}
_INTEGER_RANGES: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None),
    "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1),
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}


def _is_valid_lexical(value: str, name: str) -> bool:
    """Whether ``value`` is in the lexical space of ``xsd:{name}`` (unknown types: yes)."""
    text = value.strip(" \t\r\n")  # XSD collapses whitespace for these types
    if name in _INTEGER_RANGES:
        if _LEXICAL["integer"].fullmatch(text) is None:
            return False
        low, high = _INTEGER_RANGES[name]
        negative = text.startswith("-")
        digits = text.lstrip("+-").lstrip("0")
        if len(digits) > 20:  # past every bound, and past int()'s digit limit
            return (low if negative else high) is None
        number = -int(digits or "0") if negative else int(digits or "0")
        return (low is None or number >= low) and (high is None or number <= high)
    pattern = _LEXICAL.get(name)
    if pattern is None:
        return True
    match = pattern.fullmatch(text)
    return match is not None and _is_real_moment(match.groupdict())


def _is_real_moment(parts: dict[str, str | None]) -> bool:
    """Whether the month, day and time fields of a date/time name a real moment."""
    month, day = parts.get("m"), parts.get("d")
    if month is not None and not 1 <= int(month) <= 12:
        return False
    if day is not None:
        year = parts.get("y")
        leap_year = 2000 if year is None else int(year)  # gMonthDay: --02-29 is valid
        if not 1 <= leap_year <= 9999:
            leap_year = 2000
        try:
            datetime.date(leap_year, int(month or 1), int(day))
        except ValueError:
            return False
    hour = parts.get("H")
    if hour is not None:
        minute, second = int(parts["M"] or 0), float(parts["S"] or 0)
        if int(hour) == 24:
            return minute == 0 and second == 0
        return int(hour) < 24 and minute < 60 and second < 60
    return True


def _locate(raw: bytes, needle: str) -> tuple[int | None, int | None]:
    """Line and column (1-based, in characters) where ``needle`` is written.

    Skips comment lines, prefers an occurrence right after a quote or ``<``
    (a literal's lexical form, an IRI), and tries the text as written and
    with Turtle/JSON escapes; None if it is not found.
    """
    text = raw.decode("utf-8")
    escaped = needle.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    first: int | None = None
    for candidate in dict.fromkeys((needle, escaped, needle[:40], escaped[:40])):
        start = text.find(candidate) if candidate else -1
        for _ in range(1000):  # a short needle may occur everywhere: look a while only
            if start == -1:
                break
            line_start = text.rfind("\n", 0, start) + 1
            if not text[line_start:start].lstrip().startswith("#"):
                if start > 0 and text[start - 1] in "\"'<":
                    return _position(text, start)
                first = start if first is None else first
            start = text.find(candidate, start + 1)
    return _position(text, first) if first is not None else (None, None)


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _syntax_error(path: Path, exc: SyntaxError, raw: bytes) -> DataError:
    reason = str(exc.msg if exc.msg else exc)
    # Oxigraph prefixes its own position; keep only the reason.
    if reason.startswith("Parser error at line") and ": " in reason:
        reason = reason.split(": ", 1)[1]
    line, column = exc.lineno, exc.offset
    if line is not None and column is not None and reason.startswith("Unexpected character"):
        reason = _explain_unexpected(raw, line, column, reason)
    if line is None:  # JSON-LD processing errors carry no position: point at the JSON-LD
        line, column = _locate(raw, "@context") if "context" in reason else (1, 1)
        if line is None:
            line, column = 1, 1
    return DataError(reason, path=path, line=line, column=column)


def _explain_unexpected(raw: bytes, line: int, column: int, reason: str) -> str:
    """Name the language tag when that is what the unexpected character broke."""
    lines = raw.decode("utf-8").split("\n")
    if line > len(lines):
        return reason
    tag = re.search(r"@([A-Za-z][A-Za-z0-9-]*)$", lines[line - 1][: column - 1])
    if tag is None:
        return reason
    written = tag.group(1) + re.split(r"[\s,;.]", lines[line - 1][column - 1 :], maxsplit=1)[0]
    return f'"@{_short(written)}" is not a language tag (BCP 47: vi, en, en-GB)'


def _add_folded_labels(store: ox.Store) -> None:
    """Add skos:hiddenLabel, the folded search form, beside every label."""
    hidden = ox.NamedNode(PREFIXES["skos"] + "hiddenLabel")
    default = ox.DefaultGraph()
    solutions = store.query(_FOLD_QUERY, prefixes=PREFIXES)
    # Labels repeat (names, titles, code lists): fold each distinct one once.
    folds: dict[tuple[str, str | None], ox.Literal | None] = {}
    additions: list[ox.Quad] = []
    for subject, label in solutions:  # type: ignore[union-attr, misc]
        key = (label.value, label.language)
        if key not in folds:
            folds[key] = _folded_literal(label)
        literal = folds[key]
        if literal is not None:
            additions.append(ox.Quad(subject, hidden, literal, default))
    store.extend(additions)


def _folded_literal(label: ox.Literal) -> ox.Literal | None:
    """The folded form of a label, in its language; None when nothing is left."""
    folded = fold(label.value)
    if not folded:
        return None
    return ox.Literal(folded, language=label.language) if label.language else ox.Literal(folded)


def _parse_into_rdflib(paths: Iterable[Path]) -> Graph:
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    for path in paths:
        graph += (
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))  # type: ignore[misc]
            for q in parse_file(path)
        )
    return graph


def _fingerprint(paths: Iterable[Path]) -> str:
    """A short id of this version of the inputs (names, sizes, times: no re-read)."""
    digest = hashlib.sha256()
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
