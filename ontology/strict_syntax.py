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
  ``+-.``), such an IRI is valid whatever the dropped characters were. A
  file with any other IRI (a port, ``%``-escapes, letters beyond ASCII, a
  ``<`` in a literal) has each of its distinct IRIs checked by the engine's
  own IRI parser.
- Language tags: each distinct tag once, by the engine's own tag parser.
- Line jumps: the quotes of the bare text taken in pairs from the start,
  no line end may fall inside a pair (with backslashes in the file, the
  file's own text is read, escapes and all). A quote outside a string,
  which only a comment or a broken IRI can hold, breaks the pairing: a
  "not sure", never a wrong yes.
"""

from __future__ import annotations

import re

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
# Every IRI as Oxigraph's lexer cuts it: from '<' to the first '>'.
_IRI = re.compile(rb"<([^>]*+)>")
_ESCAPE = re.compile(rb"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
# A language tag as the lexer cuts it, after a string's closing quote.
_TAG = re.compile(rb'"[ \t]*+@([A-Za-z]++(?:-[A-Za-z0-9]++)*+)')
_TAG_START = re.compile(rb'"[ \t]*+@')
_MAX_TAGS = 64  # distinct tags looked for by name; past that, "not sure"
# The text's quotes in pairs from the start, no line end inside a pair.
_PAIRED = re.compile(rb'[^"]*+(?:"[^"\n\r]*+"[^"]*+)*+')
_PAIRED_WITH_ESCAPES = re.compile(rb'[^"]*+(?:"(?:[^"\\\n\r]++|\\[^\n\r])*+"[^"]*+)*+')


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
    if _NO_SCHEME.search(raw) is None and _NOT_PLAIN.search(bare) is None:
        return True
    return all(_is_iri(text) for text in set(_IRI.findall(raw)))


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
    unknown = _unknown_tag(known)
    at = 0
    while (found := unknown.search(raw, at)) is not None:
        tag = _TAG.match(raw, found.start())
        if tag is None:  # '@' then no letter: no tag the lenient parse let through
            at = found.start() + 1
            continue
        if tag.group(1) in known or len(known) == _MAX_TAGS or raw.startswith(b"--", tag.end()):
            return False  # a base direction, or the lexer reads on past a known tag: not sure
        try:
            ox.Literal("", language=tag.group(1).decode("ascii"))
        except ValueError:
            return False
        known.append(tag.group(1))
        unknown = _unknown_tag(known)
        at = tag.end()
    return True


def _unknown_tag(known: list[bytes]) -> re.Pattern[bytes]:
    """A quote then '@' and a tag that is none of ``known`` (any tag while none is)."""
    if not known:
        return _TAG_START
    names = b"|".join(re.escape(tag) for tag in known)
    return re.compile(rb'"[ \t]*+@(?!(?:' + names + rb")(?![A-Za-z0-9\-]))")


def _strings_pass(raw: bytes, bare: bytes) -> bool:
    if b"\\" in bare:  # escapes: only the file's own text tells which quote ends a string
        return _PAIRED_WITH_ESCAPES.fullmatch(raw) is not None
    return _PAIRED.fullmatch(bare) is not None
