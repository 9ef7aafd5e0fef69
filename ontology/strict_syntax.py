"""What Oxigraph's lenient parse of a line format leaves unchecked, checked on the text.

Given ``lenient=True``, Oxigraph parses N-Triples and N-Quads without three
checks its strict parse makes (each measured against it in
``tests/ontology/test_strict_syntax.py``): that every IRI is a valid
absolute IRI (RFC 3987), that every language tag is well-formed (BCP 47),
and that no string holds a raw line jump. The IRI check is a fifth of the
engine's whole parse at a million triples (the lenient parse: 0.78x the
strict one), spent again on each of the three million times an IRI is
written. Here the same checks run on the text, beside the parse, on the
other core, and each distinct form is checked once.

:func:`passes_strict_syntax` answers True only when the strict parse accepts
whatever the lenient one accepted (the two then give the same triples);
False means "not sure", and the caller runs the exact check, which places
any error. How:

- IRIs, first on the file's *bare* text: the bytes left once every
  character that is valid anywhere in an IRI is dropped (letters, digits,
  ``-._~`` and ``!$&'()*+,;=``), a fifth of the file. Each ``<`` of it must
  open ``:`` then an authority made of dropped characters only, or no
  authority, then only ``/?:@`` and at most one ``#``, then ``>``. With
  every scheme read off the file itself (a letter, then letters, digits,
  ``+-.``), such an IRI is valid whatever the dropped characters were.
- Language tags: each distinct tag once, by the engine's own tag parser.
- Line jumps: the quotes of the bare text taken in pairs from the start,
  no line end may fall inside a pair (with backslashes in the file, the
  file's own text is read line by line, escapes and all).
- What that reading cannot place (any other IRI: a port, ``%``-escapes,
  letters beyond ASCII; a ``<`` or ``@`` in a literal; a quote in a
  comment) has its line parsed alone by the strict parse, up to
  ``_ODD_LINES`` lines. Past that, each distinct IRI is checked by the
  engine's own IRI parser; past that again, "not sure".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

# Valid at every place in an IRI after its scheme: the ASCII unreserved
# characters and the sub-delimiters (RFC 3987). Dropped from the bare text.
_EVERYWHERE = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;="
# A '<' of the file not followed by a scheme and ':'.
_NO_SCHEME = re.compile(rb"<(?![A-Za-z][A-Za-z0-9+.\-]*+:)")
# A '<' of the bare text not followed by what a plain IRI leaves: ':', then
# '//' and an authority of dropped characters only (no port, user, '%', '['),
# or anything but '//'; then '/?:@' with at most one '#'; then '>'.
_NOT_PLAIN = re.compile(rb"<(?!:(?://(?=[/?#>])|(?!//))[/?:@]*+(?:#[/?:@]*+)?+>)")
# Every '<' of the file, with the IRI it opens when one follows on its line.
_ANGLE = re.compile(rb"<([^<>\n]*+)>|<")
_ESCAPE = re.compile(rb"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
# A language tag as the lexer cuts it, after a string's closing quote.
_TAG = re.compile(rb'"[ \t]*+@([A-Za-z]++(?:-[A-Za-z0-9]++)*+)')
_TAG_START = re.compile(rb'"[ \t]*+@')
_MAX_TAGS = 64  # distinct tags looked for by name; past that, "not sure"
# The text's quotes in pairs from the start, no line end inside a pair.
_PAIRED = re.compile(rb'[^"]*+(?:"[^"\n\r]*+"[^"]*+)*+')
# Lines whose quotes pair (escapes read), up to the first that does not.
_PAIRED_LINES = re.compile(rb'(?:[^"\n]*+(?:"(?:[^"\\\n\r]++|\\[^\n\r])*+"[^"\n]*+)*+\n)*+')
# Lines the quick reading cannot vouch for (a '<' or '@' in a literal, a quote in a
# comment) are parsed alone by the strict parse, up to this many; past it, "not sure".
_ODD_LINES = 1000


def bare_text(raw: bytes) -> bytes:
    """``raw`` without the characters valid anywhere in an IRI: what the checks read first."""
    return raw.translate(None, _EVERYWHERE)


def passes_strict_syntax(raw: bytes, bare: bytes) -> bool:
    """Whether Oxigraph's strict parse surely accepts a line-format text its lenient parse did.

    ``raw`` is valid UTF-8 (screened before), ``bare`` its :func:`bare_text`.
    A base direction (``"x"@en--ltr``, which orgkg refuses) is never vouched
    for. False only means "not sure".
    """
    return _iris_pass(raw, bare) and _tags_pass(raw) and _strings_pass(raw, bare)


def _iris_pass(raw: bytes, bare: bytes) -> bool:
    in_raw = _line_numbers(raw, (m.start() for m in _NO_SCHEME.finditer(raw)))
    in_bare = _line_numbers(bare, (m.start() for m in _NOT_PLAIN.finditer(bare)))
    if in_raw is not None and in_bare is not None and len(in_raw | in_bare) <= _ODD_LINES:
        return _lines_parse(raw, in_raw | in_bare)
    return _distinct_iris_pass(raw)


def _distinct_iris_pass(raw: bytes) -> bool:
    """Each distinct IRI by the engine's IRI parser; the line of a '<' that opens none alone."""
    valid: dict[bytes, bool] = {}
    odd: list[int] = []
    for found in _ANGLE.finditer(raw):
        text = found.group(1)
        if text is not None:
            if text not in valid:
                valid[text] = _is_iri(text)
            if valid[text]:
                continue
        odd.append(found.start())
        if len(odd) > _ODD_LINES:
            return False
    return _lines_parse(raw, _line_numbers(raw, odd))


def _is_iri(text: bytes) -> bool:
    """Whether the engine's IRI parser accepts an IRI written in the file (escapes read)."""
    if b"\\" in text:
        try:
            text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)).encode(), text)
        except ValueError:  # past U+10FFFF, or a surrogate that UTF-8 cannot hold
            return False
        if b"\\" in text:  # an escape IRIs do not allow
            return False
    try:
        ox.NamedNode(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def _tags_pass(raw: bytes) -> bool:
    """Every language tag well-formed: each distinct one is checked when first met, then skipped."""
    known: list[bytes] = []
    odd: list[int] = []
    unknown = _unknown_tag(known)
    at = 0
    while (found := unknown.search(raw, at)) is not None:
        tag = _TAG.match(raw, found.start())
        if tag is None:  # '@' then no letter: no tag the lenient parse let through
            at = found.start() + 1
            continue
        if tag.group(1) in known or len(known) == _MAX_TAGS or raw.startswith(b"--", tag.end()):
            return False  # a base direction, or the lexer reads on past a known tag: not sure
        at = tag.end()
        try:
            ox.Literal("", language=tag.group(1).decode("ascii"))
        except ValueError:  # no tag, or a literal's text (its line is parsed alone)
            odd.append(tag.start())
            if len(odd) > _ODD_LINES:
                return False
            continue
        known.append(tag.group(1))
        unknown = _unknown_tag(known)
    return _lines_parse(raw, _line_numbers(raw, odd))


def _unknown_tag(known: list[bytes]) -> re.Pattern[bytes]:
    """A quote then '@' and a tag that is none of ``known`` (any tag while none is)."""
    if not known:
        return _TAG_START
    names = b"|".join(re.escape(tag) for tag in known)
    return re.compile(rb'"[ \t]*+@(?!(?:' + names + rb")(?![A-Za-z0-9\-]))")


def _strings_pass(raw: bytes, bare: bytes) -> bool:
    if b"\\" not in bare and _PAIRED.fullmatch(bare) is not None:
        return True
    # Line by line on the file's own text (only it tells which quote an escape hides).
    text = raw if raw.endswith(b"\n") else raw + b"\n"
    odd: list[int] = []
    at = 0
    while (at := _match_end(_PAIRED_LINES, text, at)) < len(text):
        odd.append(at)  # a quote in a comment, or a line jump in a string
        if len(odd) > _ODD_LINES:
            return False
        at = text.index(b"\n", at) + 1
    return _lines_parse(raw, _line_numbers(text, odd))


def _match_end(pattern: re.Pattern[bytes], text: bytes, at: int) -> int:
    found = pattern.match(text, at)
    assert found is not None  # the pattern matches the empty text
    return found.end()


def _line_numbers(text: bytes, positions: Iterable[int]) -> set[int] | None:
    """The lines (from 0) of ascending ``positions`` in ``text``; None past _ODD_LINES lines."""
    lines: set[int] = set()
    line = last = 0
    for at in positions:
        line += text.count(b"\n", last, at)
        last = at
        lines.add(line)
        if len(lines) > _ODD_LINES:
            return None
    return lines


def _lines_parse(raw: bytes, numbers: set[int] | None) -> bool:
    """Whether each of these lines of ``raw``, alone, passes the strict parse."""
    if numbers is None:
        return False
    if not numbers:
        return True
    lines = raw.split(b"\n")
    try:
        for number in numbers:
            for _ in ox.parse(lines[number], format=ox.RdfFormat.N_QUADS):
                pass
    except SyntaxError:
        return False
    return True
