"""Screening input files before they are loaded: what Oxigraph would accept
but orgkg refuses, each refusal placed at file:line:column.

Encoding (UTF-8, NFC), size caps, JSON-LD remote contexts (never fetched),
language tags, ill-typed XSD literals, relative IRIs and RDF 1.2 terms.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ontology.errors import DataError
from ontology.lexical import XSD, is_valid_lexical
from ontology.strict_syntax import bare_text, passes_strict_syntax

# A label or IRI past a million characters is a mistake (a pasted file, a
# runaway export) that every page and answer would then carry.
MAX_TERM_CHARS = 1_000_000


# One file is parsed in memory (about 15x its size at peak): refuse what would
# exhaust a workstation rather than die half-way.
MAX_FILE_BYTES = 512 * 2**20
BYTE_ORDER_MARK = b"\xef\xbb\xbf"  # UTF-8's, which Windows editors write


LINE_FORMATS = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)


_TYPED = b'"^^<'
_CARETS = re.compile(rb"\^\^")  # a regex finds a rare byte pair faster than bytes.find
_STATEMENT = re.compile(rb"^[ \t]*[<_]", re.MULTILINE)


def passes_term_checks(raw: bytes) -> bool:
    """Whether an N-Triples/N-Quads text certainly passes :func:`term_problem` and the strict parse.

    One statement a line: no term is longer than the longest line. What is
    left is read off the text: the XSD literals (each distinct value checked
    once), RDF 1.2 marks, and what a lenient parse leaves unchecked (IRIs,
    relative ones included, language tags, base directions, line jumps:
    :func:`~ontology.strict_syntax.passes_strict_syntax`). False only means
    "not sure": the exact check then runs, and places any error.
    """
    bare = bare_text(raw)
    if b"<<" in bare:  # RDF 1.2 triple terms: left to the full check
        return False
    if _STATEMENT.search(raw) is None or _has_long_line(raw, MAX_TERM_CHARS):
        return False
    seen: set[tuple[bytes, bytes]] = set()
    xsd = XSD.encode()
    for carets in _CARETS.finditer(raw):
        quote = carets.start() - 1
        if raw[quote : quote + len(_TYPED)] != _TYPED:
            return False  # a datatype written apart, or ^^ in a literal: not read here
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
            if not is_valid_lexical(value.decode("utf-8"), name):
                return False
    return passes_strict_syntax(raw, bare)


def _has_long_line(raw: bytes, limit: int) -> bool:
    """Whether a line of ``raw`` is longer than ``limit`` bytes (jumps a window at a time)."""
    start = 0
    while start + limit < len(raw):
        last = raw.rfind(b"\n", start, start + limit + 1)
        if last == -1:
            return True
        start = last + 1
    return False


def read_checked(path: Path) -> bytes:
    """Read a file and check it is non-empty UTF-8 in NFC, naming the place if not.

    A UTF-8 byte order mark (Windows editors write one) is dropped.
    """
    raw = read_raw(path)
    check_text(path, raw)
    return raw


def read_raw(path: Path) -> bytes:
    """A file's bytes, without a UTF-8 byte order mark; refused over the size cap."""
    sized(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path=path) from None
    return raw.removeprefix(BYTE_ORDER_MARK)


def stat_of(path: Path) -> os.stat_result:
    """A file's ``stat``; DataError, naming it, when that fails."""
    try:
        return path.stat()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path=path) from None


def sized(path: Path) -> int:
    """A file's size in bytes; DataError if it cannot be read or is over the size cap."""
    size = stat_of(path).st_size
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"file of {size / 2**20:,.0f} MB is over the limit of {MAX_FILE_BYTES // 2**20} MB "
            "for one load; split it, or serve it from a SPARQL server (--store URL)",
            path=path,
        )
    return size


def check_text(path: Path, raw: bytes, *, start: int = 0, end: int | None = None) -> bool:
    """Check ``raw`` is non-empty UTF-8 in NFC, naming the place if not.

    With ``start``/``end``, only that piece of ``raw`` is checked (pieces end
    at line ends; read in place, not copied): places are still given in the
    whole text, and a blank piece is not refused but told (False returned).
    """
    end = len(raw) if end is None else end
    try:
        text = str(memoryview(raw)[start:end], "utf-8")
    except UnicodeDecodeError as exc:
        at = start + exc.start
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DataError(
                "UTF-16, not UTF-8; save the file as UTF-8", path=path, line=1, column=1
            ) from None
        line_start = raw.rfind(b"\n", 0, at) + 1
        column = len(raw[line_start:at].decode("utf-8", "replace")) + 1
        raise DataError(
            f"not UTF-8 (byte 0x{raw[at]:02x}); save the file as UTF-8",
            path=path,
            line=raw.count(b"\n", 0, at) + 1,
            column=column,
        ) from None
    blank = not text or text.isspace()
    if blank and (start, end) == (0, len(raw)):
        raise DataError("empty file: no RDF in it", path=path, line=1, column=1)
    if not unicodedata.is_normalized("NFC", text):
        first_line = raw.count(b"\n", 0, start) + 1
        for number, line_text in enumerate(text.split("\n"), start=first_line):
            if not unicodedata.is_normalized("NFC", line_text):
                raise DataError(
                    "text is not Unicode NFC (decomposed diacritics); normalise the file to NFC",
                    path=path,
                    line=number,
                    column=_first_non_nfc(line_text),
                )
    return not blank


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


# Relative IRIs resolve against this base, then are refused by name.
RELATIVE_BASE = "https://orgkg.invalid/relative/"


_JSON_LD_LANGUAGE = re.compile(r'"@language"\s*:\s*"((?:[^"\\]|\\.)*)"')


_JSON_LD_CONTEXT = re.compile(r'"@(?:context|import)"\s*:\s*\[?\s*"((?:[^"\\]|\\.)*)"')


# Well-formed BCP 47 (RFC 5646 section 2.1, simplified): what Turtle's parser accepts.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


def check_json_ld(path: Path, raw: bytes) -> None:
    """Refuse what Oxigraph's JSON-LD parser would drop without a word.

    A value with an ill-formed ``@language`` silently disappears from the
    graph; a remote ``@context`` is refused by the parser, but without a
    position or a reason a person can act on.
    """
    text = raw.decode("utf-8")
    for match in _JSON_LD_LANGUAGE.finditer(text):
        if _LANGUAGE_TAG.fullmatch(match.group(1)) is None:
            line, column = position(text, match.start(1))
            raise DataError(
                f'"{shorten(match.group(1))}" is not a language tag (e.g. "vi", "en", "en-GB")',
                path=path,
                line=line,
                column=column,
            )
    for match in _JSON_LD_CONTEXT.finditer(text):
        if not match.group(1).startswith("@"):
            line, column = position(text, match.start(1))
            raise DataError(
                f'remote JSON-LD @context "{shorten(match.group(1))}" is never fetched '
                "(orgkg does not go to the network): put the context in the file",
                path=path,
                line=line,
                column=column,
            )


def term_problem(term: object) -> tuple[str, str] | None:
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
        if datatype.startswith(XSD):
            name = datatype[len(XSD) :]
            if not is_valid_lexical(value, name):
                return f'"{shorten(value)}" is not a valid xsd:{name}', value
        return None
    if isinstance(term, ox.NamedNode):
        if term.value.startswith(RELATIVE_BASE):
            relative = term.value[len(RELATIVE_BASE) :]
            return (
                f"relative IRI <{shorten(relative)}>: write a full IRI or a prefixed name "
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


def shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


def position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def checked_quads(path: Path, raw: bytes, fmt: ox.RdfFormat) -> Iterator[ox.Quad]:
    """Parse ``raw`` lazily, checking every term the parser lets through.

    Oxigraph keeps ill-typed literals ("abc"^^xsd:integer) and RDF 1.2 terms
    that the layers above cannot carry; both are refused here, at the place
    they are written. So are relative IRIs: resolved against the file's path
    they would publish where the file lives and change when it moves.
    """
    if fmt == ox.RdfFormat.JSON_LD:
        check_json_ld(path, raw)
    count = 0
    try:
        for quad in ox.parse(raw, format=fmt, base_iri=RELATIVE_BASE):
            for term in (quad.subject, quad.predicate, quad.object):
                problem = term_problem(term)
                if problem is not None:
                    reason, needle = problem
                    line, column = locate(raw, needle)
                    raise DataError(reason, path=path, line=line, column=column)
            count += 1
            yield quad
    except SyntaxError as exc:
        raise syntax_error(path, exc, raw) from None
    if count == 0:
        raise DataError("no triples in the file", path=path, line=1, column=1)


def locate(raw: bytes, needle: str) -> tuple[int | None, int | None]:
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
                    return position(text, start)
                first = start if first is None else first
            start = text.find(candidate, start + 1)
    return position(text, first) if first is not None else (None, None)


def syntax_error(path: Path, exc: SyntaxError, raw: bytes) -> DataError:
    reason = str(exc.msg if exc.msg else exc)
    # Oxigraph prefixes its own position; keep only the reason.
    if reason.startswith("Parser error at line") and ": " in reason:
        reason = reason.split(": ", 1)[1]
    line, column = exc.lineno, exc.offset
    if line is not None and column is not None and reason.startswith("Unexpected character"):
        reason = explain_unexpected(raw, line, column, reason)
    if line is None:  # JSON-LD processing errors carry no position: point at the JSON-LD
        line, column = locate(raw, "@context") if "context" in reason else (1, 1)
        if line is None:
            line, column = 1, 1
    return DataError(reason, path=path, line=line, column=column)


def explain_unexpected(raw: bytes, line: int, column: int, reason: str) -> str:
    """Name the language tag when that is what the unexpected character broke."""
    lines = raw.decode("utf-8").split("\n")
    if line > len(lines):
        return reason
    tag = re.search(r"@([A-Za-z][A-Za-z0-9-]*)$", lines[line - 1][: column - 1])
    if tag is None:
        return reason
    written = tag.group(1) + re.split(r"[\s,;.]", lines[line - 1][column - 1 :], maxsplit=1)[0]
    return f'"@{shorten(written)}" is not a language tag (BCP 47: vi, en, en-GB)'
