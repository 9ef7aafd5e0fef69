"""XSD lexical forms: whether a typed literal's text is a value of its datatype.

Oxigraph keeps ill-typed literals ("abc"^^xsd:integer, "2018-02-30"^^xsd:date)
as they are; a hand-edited file with one is a mistake worth naming, so the
loader checks the common XSD datatypes here, calendar dates included.
"""

from __future__ import annotations

import datetime
import re

XSD = "http://www.w3.org/2001/XMLSchema#"


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


def is_valid_lexical(value: str, name: str) -> bool:
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
