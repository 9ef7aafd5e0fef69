"""Text made safe to print: control and bidi-override characters shown, not obeyed.

Labels come from files people edit by hand. Sent raw, an ESC sequence retitles
or clears a terminal, a U+202E reverses what a reader sees, and C0 characters
make XML 1.0 ill-formed. :func:`printable` writes each such character as a
visible ``\\u001b``-style escape, so nothing is lost and nothing is obeyed.

>>> printable("a\\x1b[2Jb\\u202ec")
'a\\\\u001b[2Jb\\\\u202ec'
>>> printable("Tổ trưởng")
'Tổ trưởng'
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidi embedding/override/isolate marks.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Return ``text`` with each unsafe character written as its ``\\u`` code."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
