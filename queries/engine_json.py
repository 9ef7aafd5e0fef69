"""Whole JSON answers written by the engine, then fixed on the bytes.

Reading a million-triple answer into Python at all (an object per distinct
term, a tuple per row) costs a fifth of what the engine takes to evaluate
it. So a whole answer in JSON is serialised by the engine itself
(:meth:`ontology.store.Store.serialise_results`), and only what orgkg
changes is rewritten on the bytes: the bound columns' cells dropped, the
``"; "`` lists sorted (an empty one unbound), and the spacing of
``json.dumps``. The result is byte for byte what :mod:`queries.stream`
writes (tested on every question).

The rewriting relies on one property of the engine's compact JSON: when no
string holds a backslash, every ``"`` opens or closes a string, so splitting
on ``"`` puts the structure at the even places and the strings at the odd
ones, and a pattern that begins with a quote and a variable's name can only
match the cell of that variable. Any other body (a backslash anywhere: an
escaped quote, a newline) is refused, and the caller takes the row path.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from queries.runner import LIST_SEPARATOR, natural_key

# The engine's JSON around the rows (it has no spaces).
_ROWS_START = b'"results":{"bindings":['
_ROWS_END = b"]}}"
# One term's object, as the engine writes it; the lexical form is group "lexical".
_TERM = rb'\{"type":"[a-z]+","value":"(?P<lexical>[^"]*)"(?:,"(?:xml:lang|datatype)":"[^"]*")?\}'


def rewrite_engine_json(
    body: bytes, opening: bytes, dropped: Iterable[str], listed: Iterable[str]
) -> tuple[bytes, int] | None:
    """The engine's compact JSON as orgkg writes it, and its number of rows.

    ``opening`` is the answer's head (its variables without the dropped ones),
    ``dropped`` the columns left out, ``listed`` the columns holding lists.
    None: this body cannot be rewritten safely (see the module's note).

    >>> engine = (b'{"head":{"vars":["p","lang","s"]},"results":{"bindings":['
    ...     b'{"p":{"type":"uri","value":"http://x/a"},"lang":{"type":"literal","value":"vi"},'
    ...     b'"s":{"type":"literal","value":"b 10; b 9; b 9"}},'
    ...     b'{"lang":{"type":"literal","value":"vi"},'
    ...     b'"s":{"type":"literal","value":""}}]}}')
    >>> body, rows = rewrite_engine_json(engine, b'{"head": {"vars": ["p", "s"]}, '
    ...     b'"results": {"bindings": [', ["lang"], ["s"])
    >>> print(body.decode(), rows)  # doctest: +NORMALIZE_WHITESPACE
    {"head": {"vars": ["p", "s"]}, "results": {"bindings": [{"p": {"type": "uri",
    "value": "http://x/a"}, "s": {"type": "literal", "value": "b 9; b 10"}}, {}]}} 2
    """
    start = body.find(_ROWS_START)
    if b"\\" in body or start < 0 or not body.endswith(_ROWS_END):
        return None
    rows = body[start + len(_ROWS_START) : -len(_ROWS_END)]
    for name in dropped:
        rows = _cell_pattern(name).sub(b"", rows)
    for name in listed:
        rows = _cell_pattern(name).sub(_sorted_list, rows)
    parts = rows.split(b'"')
    structure = parts[0::2]
    tokens = Counter(structure)
    spaced = {token: _spaced(token) for token in tokens}
    parts[0::2] = map(spaced.__getitem__, structure)
    # A row opens with a "{" that no ":" precedes (a term's object has one).
    count = sum(n * (t.count(b"{") - t.count(b":{")) for t, n in tokens.items())
    return opening + b'"'.join(parts) + b"]}}", count


@functools.lru_cache(maxsize=64)
def _cell_pattern(name: str) -> re.Pattern[bytes]:
    """A cell of column ``name`` with the comma after it, if any."""
    return re.compile(b'"' + re.escape(name.encode()) + b'":' + _TERM + b",?")


def _spaced(structure: bytes) -> bytes:
    """Structure between strings as ``json.dumps`` spaces it.

    A removed cell may leave a comma before a closing brace: it goes first.
    """
    return structure.replace(b",}", b"}").replace(b":", b": ").replace(b",", b", ")


def _sorted_list(match: re.Match[bytes]) -> bytes:
    """The list cell with its items sorted naturally, or nothing when it has none."""
    cell, lexical = match.group(0), match.group("lexical")
    name = cell[: match.start("lexical") - match.start()].split(b'"')[1]
    items = _sorted_items(lexical)
    if items is None:
        return b""
    comma = b"," if cell.endswith(b",") else b""
    return b'"' + name + b'":{"type":"literal","value":"' + items + b'"}' + comma


@functools.lru_cache(maxsize=1 << 16)
def _sorted_items(lexical: bytes) -> bytes | None:
    items = sorted(set(lexical.decode("utf-8").split(LIST_SEPARATOR)) - {""}, key=natural_key)
    return LIST_SEPARATOR.join(items).encode("utf-8") if items else None
