"""Where ``orgkg query`` writes an answer: stdout for text, a file for a workbook.

An Excel workbook is a zip archive: on a terminal it is noise, and in a
pipe it is rarely what was meant, so ``--format xlsx`` needs ``--output
FILE`` and is refused (exit 2) before anything is loaded. Files are written
atomically (:func:`ontology.writer.write_file`): a failed run leaves no
half-written workbook behind.
"""

from __future__ import annotations

from pathlib import Path

from ontology.errors import SettingError

# The answer formats that are bytes, not text: never to stdout, no newline added.
BINARY_FORMATS = frozenset({"xlsx"})


def to_stdout(output: Path | None) -> bool:
    """Whether ``--output`` means stdout (absent, or ``-``).

    >>> to_stdout(None), to_stdout(Path("-")), to_stdout(Path("units.xlsx"))
    (True, True, False)
    """
    return output is None or str(output) == "-"


def check_destination(fmt: str, output: Path | None) -> None:
    """Refuse a binary format bound for stdout, naming ``--output``.

    >>> check_destination("csv", None)
    >>> check_destination("xlsx", Path("units.xlsx"))
    >>> try:
    ...     check_destination("xlsx", None)
    ... except SettingError as error:
    ...     print(error)
    --format xlsx writes an Excel workbook, not text: give --output FILE.xlsx
    """
    if fmt in BINARY_FORMATS and to_stdout(output):
        raise SettingError(
            f"--format {fmt} writes an Excel workbook, not text: give --output FILE.{fmt}"
        )


def finished(body: bytes, fmt: str) -> bytes:
    """The bytes to write: text ends with a newline, a binary format is left as rendered.

    >>> finished(b"a,b", "csv"), finished(b"PK", "xlsx")
    (b'a,b\\n', b'PK')
    """
    if fmt in BINARY_FORMATS or body.endswith(b"\n"):
        return body
    return body + b"\n"
