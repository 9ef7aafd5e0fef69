"""What ``orgkg export``'s options mean, checked before the store is loaded.

The format an ``--output`` name implies (``.zip`` with ``--format csv``
writes both tables), and ``--frame`` (JSON-LD framed per entity type, see
:mod:`graph.framing`): an unknown frame, or a frame with another format,
fails at once with exit 2, naming the option and the frames there are.
"""

from __future__ import annotations

from pathlib import Path

from graph.dump import ExportOptions
from graph.framing import find_frame
from ontology.errors import ParameterError


def resolve_export(
    fmt: str,
    output: Path | None,
    *,
    lang: str,
    table: str,
    bom: bool,
    vocabulary: bool,
    frame: str | None,
) -> tuple[str, ExportOptions]:
    """The export format to write and its options, or ParameterError naming the option.

    >>> resolve_export("csv", Path("graph.zip"), lang="vi", table="nodes", bom=False,
    ...                vocabulary=False, frame=None)[0]
    'csv-zip'
    >>> resolve_export("ttl", None, lang="vi", table="nodes", bom=False,
    ...                vocabulary=False, frame="post")
    Traceback (most recent call last):
    ...
    ontology.errors.ParameterError: --frame shapes JSON-LD only: add --format jsonld
    """
    name = fmt
    if name == "csv" and output is not None and output.suffix.lower() == ".zip":
        name = "csv-zip"
    if frame is not None:
        if name != "jsonld":
            raise ParameterError(
                "--frame shapes JSON-LD only: add --format jsonld", parameter="--frame"
            )
        try:
            find_frame(frame)
        except ParameterError as exc:
            raise ParameterError(f"--frame: {exc.message}", parameter="--frame") from None
    options = ExportOptions(lang=lang, table=table, bom=bom, vocabulary=vocabulary, frame=frame)
    return name, options
